// The authorized cluster endpoint (ACE): direct kubectl access to a downstream cluster.
import { RULE_DOCS } from '../docs-links.ts';
import { isControlPlane } from '../quorum.ts';
import { listNames, type Rule } from '../rule.ts';

export const aceFqdn: Rule = {
  id: 'ace-fqdn',
  severity: 'warning',
  title: 'An authorized cluster endpoint has an FQDN backed by a load balancer',
  docs: RULE_DOCS['ace-fqdn'],
  rationale: 'Without an FQDN the generated kubeconfig holds one context per controlplane node, and when a node fails each user has to switch to another context by hand.',
  check(ctx) {
    for (const { cluster } of ctx.clusters) {
      const ace = cluster.authorizedEndpoint;
      if (!ace || ace.fqdn) continue;
      ctx.report({
        cluster: cluster.name,
        message: `The authorized endpoint of "${cluster.name}" has no FQDN, so each kubeconfig context reaches a single controlplane node and users switch contexts by hand when one fails. Create a DNS name for a load balancer across the controlplane nodes.`,
      });
    }
  },
};

export const aceControlplaneTargets: Rule = {
  id: 'ace-controlplane-targets',
  severity: 'warning',
  title: 'The endpoint\'s load balancer targets exactly the controlplane nodes',
  docs: RULE_DOCS['ace-controlplane-targets'],
  rationale: 'Only controlplane nodes run the API server, so other targets fail requests and a missing controlplane node is capacity left idle.',
  check(ctx) {
    for (const { cluster, nodesByName: byName } of ctx.clusters) {
      const ace = cluster.authorizedEndpoint;
      if (!ace || (!ace.fqdn && ace.targets.length === 0)) continue;
      const targets = new Set(ace.targets);
      const notCp = ace.targets.filter((t) => {
        const node = byName.get(t);
        return node !== undefined && !isControlPlane(cluster, node);
      });
      const leftOut = cluster.nodes.filter((n) => isControlPlane(cluster, n) && !targets.has(n.name)).map((n) => n.name);
      if (notCp.length > 0)
        ctx.report({
          cluster: cluster.name,
          nodes: notCp,
          message: `The authorized endpoint of "${cluster.name}" sends API traffic to ${listNames(notCp)}, which ${notCp.length === 1 ? 'does' : 'do'} not run the API server. Target controlplane nodes only.`,
        });
      if (leftOut.length > 0)
        ctx.report({
          cluster: cluster.name,
          nodes: leftOut,
          message: `The authorized endpoint of "${cluster.name}" leaves out controlplane ${leftOut.length === 1 ? 'node' : 'nodes'} ${listNames(leftOut)}. Add ${leftOut.length === 1 ? 'it' : 'them'} to its targets.`,
        });
    }
  },
};

export const aceCaCertificate: Rule = {
  id: 'ace-ca-certificate',
  severity: 'error',
  title: 'A private-CA certificate on the endpoint comes with its CA certificate',
  docs: RULE_DOCS['ace-ca-certificate'],
  rationale: 'The CA certificate goes into the generated kubeconfig; without it kubectl cannot validate a certificate signed by a private CA.',
  check(ctx) {
    for (const { cluster } of ctx.clusters) {
      const ace = cluster.authorizedEndpoint;
      if (!ace?.privateCA || ace.caCertificate) continue;
      ctx.report({
        cluster: cluster.name,
        message: `The authorized endpoint of "${cluster.name}" uses a private-CA certificate but no CA certificate was supplied. Supply it so kubeconfig files can verify the endpoint.`,
      });
    }
  },
};
