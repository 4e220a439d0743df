// Rancher's traffic arrives on 443, and plain HTTP on 80 is redirected.
import { rancherOn, rancherRke } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';

export const about: RuleAboutEntry = {
  rationale: "Port 443 carries Rancher's traffic; port 80 lets the ingress controller redirect plain HTTP to HTTPS.",
};

export const rule = defineRule({
  id: 'lb-ports-80-443',
  severity: 'warning',
  category: 'load-balancer',
  title: 'The load balancer forwards TCP/80 and TCP/443',
  docs: { page: 'load-balancer', heading: 'Forward 80 and 443 to every node', anchor: 'forward-80-and-443-to-every-node' },
  check(ctx) {
    const lb = ctx.rancher?.cluster.loadBalancer;
    if (!ctx.rancher || !lb) return;
    const missing = [80, 443].filter((p) => !lb.ports.includes(p));
    if (missing.length === 0) return;
    ctx.report({
      cluster: ctx.rancher.cluster.name,
      message: `The load balancer of "${ctx.rancher.cluster.name}" does not forward TCP/${missing.join(' or TCP/')}. Forward both 80 and 443 to the nodes.`,
    });
  },
});

export const examples: RuleExamples = {
  fires: [{ plan: rancherOn(rancherRke({ loadBalancer: { ports: [443], targets: ['r1', 'r2', 'r3'] } })) }],
  quiet: [{ plan: rancherOn(rancherRke()) }],
};
