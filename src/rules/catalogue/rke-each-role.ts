// What rke needs at minimum: one node of each role (etcd unless it is external, and not both).
import { downstream, minimumDownstreamNodes } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { KUBERNETES_ROLES } from '../vocabulary.ts';

export const about: RuleAboutEntry = {
  rationale:
    'RKE will not build a cluster without an etcd node (unless etcd is external, in which case it refuses etcd nodes), and a cluster without a controlplane or a worker cannot run anything.',
};

export const rule = defineRule({
  id: 'rke-each-role',
  severity: 'error',
  category: 'node-roles',
  title: 'An RKE cluster has at least one node with each of etcd, controlplane and worker',
  docs: { page: 'rke-cluster', heading: 'What RKE itself requires', anchor: 'what-rke-itself-requires' },
  check(ctx) {
    for (const { cluster, roles } of ctx.clusters) {
      if (cluster.distribution !== 'rke') continue;
      const external = cluster.datastore === 'external';
      for (const role of KUBERNETES_ROLES) {
        const has = (roles[role] ?? 0) > 0;
        if (role === 'etcd' && external) {
          if (has)
            ctx.report({
              cluster: cluster.name,
              nodes: cluster.nodes.filter((n) => n.roles.includes('etcd')),
              message: `Cluster "${cluster.name}" uses external etcd and also has etcd nodes; rke refuses that mix. Drop the etcd role from those nodes, or drop the external datastore.`,
            });
          continue;
        }
        if (has) continue;
        ctx.report({
          cluster: cluster.name,
          message: `RKE cluster "${cluster.name}" has no node with the ${role} role. Give at least one node the ${role} role.`,
        });
      }
    }
  },
});

export const examples: RuleExamples = {
  fires: [
    { plan: downstream(minimumDownstreamNodes().filter((n) => !n.name.startsWith('w'))), note: 'no worker' },
    { plan: downstream(minimumDownstreamNodes(), { datastore: 'external' }), nodes: ['e1', 'e2', 'e3'], note: 'external etcd and etcd nodes' },
  ],
  quiet: [{ plan: downstream() }, { plan: downstream([{ name: 'c', roles: ['controlplane', 'worker'] }], { datastore: 'external' }) }],
};
