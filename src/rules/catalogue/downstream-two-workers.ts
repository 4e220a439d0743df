// Downstream, workloads have somewhere to go when a worker fails.
import { followsRoleLayout } from '../cluster-facts.ts';
import { downstream, minimumDownstreamNodes } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';

export const about: RuleAboutEntry = {
  rationale:
    "With a second worker, the pods of a failed worker can be scheduled again elsewhere. Rancher's production checklist asks for two workers in every version; the architecture page (up to 2.11) says one or more. This guide follows the checklist, the stricter of the two; from 2.6 it applies to RKE2 and K3s machine pools too.",
  sources: ['checklist', 'arch24', 'machinePools'],
};

export const rule = defineRule({
  id: 'downstream-two-workers',
  severity: 'warning',
  category: 'node-roles',
  title: 'A downstream cluster has at least two worker nodes',
  docs: { page: 'node-roles', heading: 'The minimum downstream layout', anchor: 'the-minimum-downstream-layout' },
  check(ctx) {
    for (const { cluster, workers } of ctx.downstream) {
      // None at all is rke-each-role's (or machine-pools-each-role's) error.
      if (!followsRoleLayout(cluster, ctx.rancherVersion) || workers !== 1) continue;
      ctx.report({
        cluster: cluster.name,
        message: `Downstream cluster "${cluster.name}" has one worker node, so every workload stops with it. Add a second worker-only node so pods can move when one fails.`,
      });
    }
  },
});

const oneWorker = (overrides = {}, version?: string) =>
  downstream(
    minimumDownstreamNodes().filter((n) => n.name !== 'w2'),
    overrides,
    version,
  );

export const examples: RuleExamples = {
  fires: [{ plan: oneWorker() }, { plan: oneWorker({ distribution: 'rke2' }, '2.6.0'), note: '2.6.0: RKE2 machine pools' }],
  quiet: [{ plan: downstream() }, { plan: oneWorker({ distribution: 'rke2' }, '2.5.9'), note: 'before 2.6 Rancher built no RKE2 machine pools' }],
};
