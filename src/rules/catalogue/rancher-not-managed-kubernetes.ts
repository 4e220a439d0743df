// Up to 2.4, Rancher stays off managed Kubernetes services.
import { rancherOn, rancherRke } from '../example-plans.ts';
import { isManaged } from '../cluster-facts.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { DISTRIBUTION_LABEL } from '../vocabulary.ts';

export const about: RuleAboutEntry = {
  rationale:
    'Managed services hide etcd from Rancher and add their own changes, which can get in the way of Rancher managing the cluster. Applies up to Rancher 2.4.x: from 2.5 installing on hosted Kubernetes is documented.',
  sources: ['arch24', 'arch25', 'install25'],
};

export const rule = defineRule({
  id: 'rancher-not-managed-kubernetes',
  severity: 'warning',
  category: 'environment',
  title: 'Rancher does not run on a managed Kubernetes service (EKS, GKE, AKS)',
  docs: { page: 'environment', heading: 'Why not a managed Kubernetes service', anchor: 'why-not-a-managed-kubernetes-service' },
  versions: { until: '2.5' },
  check(ctx) {
    const r = ctx.rancher;
    if (!r || !isManaged(r.cluster)) return;
    ctx.report({
      cluster: r.cluster.name,
      message: `The Rancher cluster "${r.cluster.name}" is a managed ${DISTRIBUTION_LABEL[r.cluster.distribution]} cluster. Run Rancher on an RKE or K3s cluster on virtual machines you control instead.`,
    });
  },
});

export const examples: RuleExamples = {
  fires: [{ plan: rancherOn({ name: 'rancher', distribution: 'eks', nodes: [] }, '2.4.8') }],
  quiet: [{ plan: rancherOn(rancherRke(), '2.4.8') }, { plan: rancherOn({ name: 'rancher', distribution: 'eks', nodes: [] }, '2.5.0') }],
};
