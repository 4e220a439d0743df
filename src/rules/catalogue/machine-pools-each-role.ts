// A cluster Rancher builds from machine pools needs every role somewhere before it comes up.
import { MACHINE_POOLS_SINCE, usesServerRoles } from '../cluster-facts.ts';
import { downstream, minimumDownstreamNodes } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { DISTRIBUTION_LABEL, KUBERNETES_ROLES } from '../vocabulary.ts';
import { listAlternatives, listNames } from '../words.ts';

export const about: RuleAboutEntry = {
  rationale:
    'Rancher brings up an RKE2 or K3s cluster from its machine pools only once etcd, controlplane and worker nodes have all registered; until then it waits, without an error. A plan whose pools leave out a role describes a cluster that never starts.',
  sources: ['machinePools', 'rancherRke2Config'],
};

export const rule = defineRule({
  id: 'machine-pools-each-role',
  severity: 'error',
  category: 'node-roles',
  title: 'An RKE2 or K3s cluster built from machine pools has etcd, controlplane and worker nodes',
  docs: { page: 'node-roles', heading: 'Machine pools for RKE2 and K3s', anchor: 'machine-pools-for-rke2-and-k3s' },
  versions: { since: MACHINE_POOLS_SINCE },
  check(ctx) {
    for (const { cluster, roles, datastore } of ctx.downstream) {
      if (!usesServerRoles(cluster) || (roles.server ?? 0) + (roles.agent ?? 0) > 0) continue;
      if (cluster.nodes.every((n) => n.roles.length === 0)) continue; // node-roles-present says so
      // With its data outside the nodes a cluster needs no etcd pool.
      const missing = KUBERNETES_ROLES.filter((role) => (roles[role] ?? 0) === 0 && !(role === 'etcd' && datastore !== 'etcd'));
      if (missing.length === 0) continue;
      ctx.report({
        cluster: cluster.name,
        message: `${DISTRIBUTION_LABEL[cluster.distribution]} cluster "${cluster.name}" has no ${listAlternatives(missing)} node, so Rancher never finishes building it. Add ${missing.length === 1 ? `a machine pool with the ${missing[0]} role` : `machine pools with the ${listNames(missing)} roles`}.`,
      });
    }
  },
});

export const examples: RuleExamples = {
  fires: [
    {
      plan: downstream(
        minimumDownstreamNodes().filter((n) => !n.name.startsWith('w')),
        { distribution: 'rke2' },
        '2.6.0',
      ),
      note: 'no worker pool',
    },
    {
      plan: downstream(
        minimumDownstreamNodes().filter((n) => !n.name.startsWith('e')),
        { distribution: 'k3s' },
        '2.12.0',
      ),
      note: 'no etcd pool',
    },
  ],
  quiet: [
    { plan: downstream(minimumDownstreamNodes(), { distribution: 'rke2' }, '2.6.0') },
    {
      plan: downstream(
        minimumDownstreamNodes().filter((n) => !n.name.startsWith('w')),
        { distribution: 'rke2' },
        '2.5.9',
      ),
      note: 'before 2.6',
    },
    {
      plan: { clusters: [{ name: 'k', distribution: 'k3s', nodes: [{ name: 's1', roles: ['server'] }] }], rancher: { version: '2.9.0' } },
      note: 'servers and agents',
    },
  ],
};
