// A multi-node Rancher cluster is reached through a load balancer.
import { rancherOn, rancherRke } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';

export const about: RuleAboutEntry = {
  rationale:
    'The load balancer is the one address clients use; without it, the DNS name points at a single node and that node becomes a single point of failure.',
};

export const rule = defineRule({
  id: 'lb-present',
  severity: 'warning',
  category: 'load-balancer',
  title: 'A multi-node Rancher cluster has a load balancer in front',
  docs: { page: 'load-balancer', heading: 'Put a load balancer in front', anchor: 'put-a-load-balancer-in-front' },
  check(ctx) {
    const r = ctx.rancher;
    if (!r || r.cluster.loadBalancer || r.cluster.nodes.length <= 1) return;
    ctx.report({
      cluster: r.cluster.name,
      message: `The Rancher cluster "${r.cluster.name}" has ${r.cluster.nodes.length} nodes but no load balancer. Put a layer-4 load balancer in front and point Rancher's DNS name at it.`,
    });
  },
});

export const examples: RuleExamples = {
  fires: [{ plan: rancherOn(rancherRke({ loadBalancer: undefined })) }],
  quiet: [{ plan: rancherOn(rancherRke()) }],
};
