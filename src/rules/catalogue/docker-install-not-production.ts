// A single Docker container is for trying Rancher out.
import { rancherOn, rancherRke } from '../example-plans.ts';
import { defineRule, type RuleExamples } from '../rule.ts';

export const rule = defineRule({
  id: 'docker-install-not-production',
  severity: 'warning',
  category: 'installation',
  title: 'A single Docker container install is for trying Rancher out, not for production',
  docs: { page: 'high-availability', heading: 'Why a single Docker container is not enough', anchor: 'why-a-single-docker-container-is-not-enough' },
  rationale: "A Docker install keeps all of Rancher's data on one machine; when that machine is lost, so is the data.",
  check(ctx) {
    if (ctx.plan.rancher?.install !== 'docker') return;
    const host = ctx.plan.rancher.host ? ` on ${ctx.plan.rancher.host}` : '';
    ctx.report({
      message: `Rancher runs as one Docker container${host}, so one machine holds every copy of its data. For production, install it on a highly available Kubernetes cluster.`,
    });
  },
});

export const examples: RuleExamples = {
  fires: [{ plan: { rancher: { install: 'docker', host: '10.0.0.9' }, clusters: [] } }],
  quiet: [{ plan: rancherOn(rancherRke()) }],
};
