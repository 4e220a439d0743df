// The authorized cluster endpoint is reached through a DNS name and a load balancer.
import { downstream } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';

export const about: RuleAboutEntry = {
  rationale:
    'Without an FQDN the generated kubeconfig holds one context per controlplane node, and when a node fails each user has to switch to another context by hand.',
  sources: ['arch24', 'aceComm211'],
};

export const rule = defineRule({
  id: 'ace-fqdn',
  severity: 'warning',
  category: 'endpoint',
  title: 'An authorized cluster endpoint has an FQDN backed by a load balancer',
  docs: { page: 'authorized-endpoint', heading: 'An FQDN in front of the control plane', anchor: 'an-fqdn-in-front-of-the-control-plane' },
  versions: { since: '2.2' },
  check(ctx) {
    for (const { cluster } of ctx.clusters) {
      const ace = cluster.authorizedEndpoint;
      if (!ace || ace.fqdn) continue;
      // A private-CA certificate belongs on the load balancer behind the FQDN: without an FQDN there
      // is nowhere for it to sit, which is the real problem to fix first.
      const ca = ace.privateCA ? ' The private-CA certificate you planned belongs on that load balancer; without it the certificate has nowhere to go.' : '';
      ctx.report({
        cluster: cluster.name,
        message: `The authorized endpoint of "${cluster.name}" has no FQDN, so each kubeconfig context reaches a single controlplane node and users switch contexts by hand when one fails. Create a DNS name for a load balancer across the controlplane nodes.${ca}`,
      });
    }
  },
});

export const examples: RuleExamples = {
  fires: [
    { plan: downstream(undefined, { authorizedEndpoint: { targets: [] } }) },
    { plan: downstream(undefined, { authorizedEndpoint: { privateCA: true } }), note: 'private CA without an FQDN' },
  ],
  quiet: [{ plan: downstream(undefined, { authorizedEndpoint: { fqdn: 'api.example.com', targets: ['c1', 'c2'] } }) }],
};
