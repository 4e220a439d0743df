// Downstream etcd survives losing a member.
import { describedByRoles } from '../cluster-facts.ts';
import { downstream, minimumDownstreamNodes } from '../example-plans.ts';
import { defineRule, type RuleExamples } from '../rule.ts';
import { plural } from '../words.ts';

export const rule = defineRule({
  id: 'downstream-three-etcd',
  severity: 'warning',
  category: 'etcd',
  title: 'A downstream cluster has at least three etcd nodes',
  docs: { page: 'node-roles', heading: 'The minimum downstream layout', anchor: 'the-minimum-downstream-layout' },
  rationale: 'Three etcd members keep quorum when one is lost; with one or two, any single loss stops the cluster from accepting changes.',
  check(ctx) {
    for (const { cluster, etcdMembers: n, datastore } of ctx.downstream) {
      if (!describedByRoles(cluster) || datastore !== 'etcd') continue;
      if (n >= 3 || n === 0) continue; // none at all is rke-each-role's error
      ctx.report({
        cluster: cluster.name,
        message: `Downstream cluster "${cluster.name}" has ${plural(n, 'etcd node')}, so losing one stops it. Use at least three etcd-only nodes.`,
      });
    }
  },
});

export const examples: RuleExamples = {
  fires: [{ plan: downstream(minimumDownstreamNodes().filter((n) => n.name !== 'e3')) }],
  quiet: [{ plan: downstream() }],
};
