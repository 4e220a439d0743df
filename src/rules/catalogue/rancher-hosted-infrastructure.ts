// The seed strongly recommends hosted virtual machines for the Rancher cluster.
import { rancherOn, rancherRke } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { HOSTING_LABEL } from '../vocabulary.ts';

export const about: RuleAboutEntry = {
  rationale:
    "The guidance strongly recommends hosted virtual machines for the Rancher cluster: a failed node is replaced quickly and predictably. A recommendation is a warning on this guide's scale; when the plan does not say where the nodes run, nothing is reported.",
};

export const rule = defineRule({
  id: 'rancher-hosted-infrastructure',
  severity: 'warning',
  category: 'environment',
  title: 'The Rancher cluster runs on hosted infrastructure (such as EC2 or Compute Engine)',
  docs: { page: 'environment', heading: 'Hosted infrastructure', anchor: 'hosted-infrastructure' },
  check(ctx) {
    const r = ctx.rancher;
    const h = r?.cluster.hosting;
    if (!r || (h !== 'on-premises' && h !== 'other')) return;
    ctx.report({
      cluster: r.cluster.name,
      message: `The Rancher cluster "${r.cluster.name}" runs on ${HOSTING_LABEL[h]}. That works, but hosted virtual machines (EC2, Compute Engine, Azure) are strongly recommended, because a failed node is quick to replace there.`,
    });
  },
});

export const examples: RuleExamples = {
  fires: [{ plan: rancherOn(rancherRke({ hosting: 'on-premises' })) }, { plan: rancherOn(rancherRke({ hosting: 'other' })) }],
  quiet: [{ plan: rancherOn(rancherRke({ hosting: 'gce' })) }, { plan: rancherOn(rancherRke({ hosting: undefined })), note: 'hosting not stated' }],
};
