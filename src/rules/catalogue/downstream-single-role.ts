// Downstream, a node does one job.
import { describedByRoles } from '../cluster-facts.ts';
import { downstream, minimumDownstreamNodes } from '../example-plans.ts';
import { defineRule, type RuleExamples } from '../rule.ts';
import { listNames, verb } from '../words.ts';

export const rule = defineRule({
  id: 'downstream-single-role',
  severity: 'warning',
  category: 'node-roles',
  title: 'Each node of a downstream cluster has a single role',
  docs: { page: 'node-roles', heading: 'One role per node downstream', anchor: 'one-role-per-node-downstream' },
  rationale: 'On clusters that run apps, separate roles keep busy workloads from starving etcd or the API server as the cluster grows.',
  check(ctx) {
    for (const { cluster } of ctx.downstream) {
      if (!describedByRoles(cluster)) continue;
      const mixed = cluster.nodes.filter((n) => new Set(n.roles).size > 1).map((n) => n.name);
      if (mixed.length === 0) continue;
      ctx.report({
        cluster: cluster.name,
        nodes: mixed,
        message: `${listNames(mixed)} in downstream cluster "${cluster.name}" ${verb(mixed.length, 'combines', 'combine')} roles. Give each node just one of etcd, controlplane or worker.`,
      });
    }
  },
});

export const examples: RuleExamples = {
  fires: [{ plan: downstream([...minimumDownstreamNodes(), { name: 'mixed', roles: ['controlplane', 'worker'] }]), nodes: ['mixed'] }],
  quiet: [{ plan: downstream() }],
};
