// The load balancer passes TCP through.
import { rancherOn, rancherRke } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';

export const about: RuleAboutEntry = {
  rationale: 'A TCP load balancer passes connections through untouched, so the ingress controller sees the real TLS traffic and can terminate it.',
};

export const rule = defineRule({
  id: 'lb-layer-4',
  severity: 'warning',
  category: 'load-balancer',
  title: 'The load balancer works at layer 4 (TCP)',
  docs: { page: 'load-balancer', heading: 'Layer 4, not layer 7', anchor: 'layer-4-not-layer-7' },
  check(ctx) {
    const r = ctx.rancher;
    if (r?.cluster.loadBalancer?.layer !== 7) return;
    ctx.report({
      cluster: r.cluster.name,
      message: `The load balancer of "${r.cluster.name}" works at layer 7 (HTTP). Use a layer-4 (TCP) load balancer and leave HTTP handling to the ingress controller.`,
    });
  },
});

export const examples: RuleExamples = {
  fires: [{ plan: rancherOn(rancherRke({ loadBalancer: { layer: 7, targets: ['r1', 'r2', 'r3'] } })) }],
  quiet: [{ plan: rancherOn(rancherRke()) }],
};
