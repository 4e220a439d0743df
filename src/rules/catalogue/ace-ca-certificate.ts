// A private-CA certificate on the endpoint ships its CA in the kubeconfig.
import { downstream } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';

export const about: RuleAboutEntry = {
  rationale: 'The CA certificate goes into the generated kubeconfig; without it kubectl cannot validate a certificate signed by a private CA.',
  sources: ['arch24', 'aceComm211'],
};

export const rule = defineRule({
  id: 'ace-ca-certificate',
  severity: 'error',
  category: 'endpoint',
  title: 'A private-CA certificate on the endpoint comes with its CA certificate',
  docs: { page: 'authorized-endpoint', heading: 'Private CA certificates', anchor: 'private-ca-certificates' },
  versions: { since: '2.2' },
  check(ctx) {
    for (const { cluster } of ctx.clusters) {
      const ace = cluster.authorizedEndpoint;
      // Without an FQDN there is no load balancer to hold the certificate: ace-fqdn says so.
      if (!ace?.fqdn || !ace.privateCA || ace.caCertificate) continue;
      ctx.report({
        cluster: cluster.name,
        message: `The authorized endpoint of "${cluster.name}" uses a private-CA certificate but no CA certificate was supplied. Supply it so kubeconfig files can verify the endpoint.`,
      });
    }
  },
});

const ace = (extra: object) => downstream(undefined, { authorizedEndpoint: { fqdn: 'api.example.com', targets: ['c1', 'c2'], ...extra } });

export const examples: RuleExamples = {
  fires: [{ plan: ace({ privateCA: true }) }],
  quiet: [
    { plan: ace({ privateCA: true, caCertificate: true }) },
    { plan: downstream(undefined, { authorizedEndpoint: { privateCA: true } }), note: 'no FQDN: ace-fqdn reports it instead' },
  ],
};
