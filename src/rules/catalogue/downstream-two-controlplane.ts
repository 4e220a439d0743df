// Downstream, the API server survives losing a node.
import { followsRoleLayout } from '../cluster-facts.ts';
import { downstream, minimumDownstreamNodes } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';

export const about: RuleAboutEntry = {
  rationale:
    "With two controlplane nodes the API server and controllers keep running when one of them fails. The production checklist asks for two in every version (Rancher's Kubernetes concepts page says three or more); from 2.6 it applies to RKE2 and K3s machine pools too.",
  sources: ['arch24', 'checklist', 'machinePools'],
};

export const rule = defineRule({
  id: 'downstream-two-controlplane',
  severity: 'warning',
  category: 'node-roles',
  title: 'A downstream cluster has at least two controlplane nodes',
  docs: { page: 'node-roles', heading: 'The minimum downstream layout', anchor: 'the-minimum-downstream-layout' },
  check(ctx) {
    for (const { cluster, controlPlane } of ctx.downstream) {
      if (!followsRoleLayout(cluster, ctx.rancherVersion) || controlPlane !== 1) continue; // none at all is rke-each-role's (or machine-pools-each-role's) error
      ctx.report({
        cluster: cluster.name,
        message: `Downstream cluster "${cluster.name}" has one controlplane node, so its API goes away with that node. Add a second controlplane-only node.`,
      });
    }
  },
});

const pools = (version: string) =>
  downstream(
    minimumDownstreamNodes().filter((n) => n.name !== 'c2'),
    { distribution: 'k3s' },
    version,
  );

export const examples: RuleExamples = {
  fires: [
    { plan: downstream(minimumDownstreamNodes().filter((n) => n.name !== 'c2')) },
    { plan: pools('2.6.0'), note: '2.6.0: K3s machine pools with one controlplane node' },
  ],
  quiet: [{ plan: downstream() }, { plan: pools('2.5.9'), note: 'before 2.6 Rancher built no K3s machine pools' }],
};
