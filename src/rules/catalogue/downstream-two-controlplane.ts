// Downstream, the API server survives losing a node.
import { describedByRoles } from '../cluster-facts.ts';
import { downstream, minimumDownstreamNodes } from '../example-plans.ts';
import { defineRule, type RuleExamples } from '../rule.ts';

export const rule = defineRule({
  id: 'downstream-two-controlplane',
  severity: 'warning',
  category: 'node-roles',
  title: 'A downstream cluster has at least two controlplane nodes',
  docs: { page: 'node-roles', heading: 'The minimum downstream layout', anchor: 'the-minimum-downstream-layout' },
  rationale: 'With two controlplane nodes the API server and controllers keep running when one of them fails.',
  check(ctx) {
    for (const { cluster, controlPlane } of ctx.downstream) {
      if (!describedByRoles(cluster) || controlPlane !== 1) continue; // none at all is rke-each-role's error
      ctx.report({
        cluster: cluster.name,
        message: `Downstream cluster "${cluster.name}" has one controlplane node, so its API goes away with that node. Add a second controlplane-only node.`,
      });
    }
  },
});

export const examples: RuleExamples = {
  fires: [{ plan: downstream(minimumDownstreamNodes().filter((n) => n.name !== 'c2')) }],
  quiet: [{ plan: downstream() }],
};
