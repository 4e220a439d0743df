// The Rancher cluster runs Rancher, not apps.
import { rancherOn, rancherRke } from '../example-plans.ts';
import { defineRule, type RuleExamples } from '../rule.ts';

export const rule = defineRule({
  id: 'rancher-cluster-dedicated',
  severity: 'warning',
  category: 'separation',
  title: 'The Rancher cluster runs no user workloads',
  docs: { page: 'separation', heading: 'Keep user workloads off the Rancher cluster', anchor: 'keep-user-workloads-off-the-rancher-cluster' },
  rationale: 'A cluster that only hosts Rancher keeps its resources and its attack surface small; apps belong in downstream clusters that Rancher manages.',
  check(ctx) {
    const r = ctx.rancher;
    if (!r?.cluster.userWorkloads) return;
    ctx.report({
      cluster: r.cluster.name,
      message: `The Rancher cluster "${r.cluster.name}" also runs user workloads. Move those apps to a downstream cluster and keep this one for Rancher.`,
    });
  },
});

export const examples: RuleExamples = {
  fires: [{ plan: rancherOn(rancherRke({ userWorkloads: true })) }],
  quiet: [{ plan: rancherOn(rancherRke()) }],
};
