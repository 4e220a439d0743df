// The ingress controller, not the load balancer, holds Rancher's certificate.
import { rancherOn, rancherRke } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';

export const about: RuleAboutEntry = {
  rationale:
    'The recommended setup has the ingress controller hold the certificate, redirect HTTP to HTTPS and terminate TLS on 443, then hand plain HTTP to Rancher.',
};

export const rule = defineRule({
  id: 'lb-tls-at-ingress',
  severity: 'warning',
  category: 'load-balancer',
  title: 'TLS terminates at the ingress controller, not at the load balancer',
  docs: { page: 'load-balancer', heading: 'Terminate TLS at the ingress', anchor: 'terminate-tls-at-the-ingress' },
  check(ctx) {
    const r = ctx.rancher;
    if (r?.cluster.loadBalancer?.tlsTermination !== 'load-balancer') return;
    ctx.report({
      cluster: r.cluster.name,
      message: `The load balancer of "${r.cluster.name}" terminates TLS itself. Pass TCP/443 through and let the ingress controller terminate TLS.`,
    });
  },
});

export const examples: RuleExamples = {
  fires: [{ plan: rancherOn(rancherRke({ loadBalancer: { tlsTermination: 'load-balancer', targets: ['r1', 'r2', 'r3'] } })) }],
  quiet: [{ plan: rancherOn(rancherRke()) }],
};
