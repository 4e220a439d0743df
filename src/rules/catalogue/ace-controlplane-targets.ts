// The endpoint's load balancer reaches every API server and nothing else.
import { isControlPlane, resolveTarget } from '../cluster-facts.ts';
import { downstream } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import type { PlanNode } from '../vocabulary.ts';
import { listNames, verb } from '../words.ts';

export const about: RuleAboutEntry = {
  rationale: 'Only controlplane nodes run the API server, so other targets fail requests and a missing controlplane node is capacity left idle.',
  sources: ['arch24', 'aceComm211'],
};

export const rule = defineRule({
  id: 'ace-controlplane-targets',
  severity: 'warning',
  category: 'endpoint',
  title: "The endpoint's load balancer targets exactly the controlplane nodes",
  docs: { page: 'authorized-endpoint', heading: 'An FQDN in front of the control plane', anchor: 'an-fqdn-in-front-of-the-control-plane' },
  versions: { since: '2.2' },
  check(ctx) {
    for (const { cluster } of ctx.clusters) {
      const ace = cluster.authorizedEndpoint;
      if (!ace || (!ace.fqdn && ace.targets.length === 0)) continue;
      const resolved = ace.targets.map((t) => resolveTarget(cluster, t));
      const notCp = resolved.filter((n): n is PlanNode => n !== undefined && !isControlPlane(cluster, n));
      const reached = new Set(resolved);
      const leftOut = cluster.nodes.filter((n) => isControlPlane(cluster, n) && !reached.has(n));
      if (notCp.length > 0)
        ctx.report({
          cluster: cluster.name,
          nodes: notCp,
          message: `The authorized endpoint of "${cluster.name}" sends API traffic to ${listNames(notCp.map((n) => n.name))}, which ${verb(notCp.length, 'does', 'do')} not run the API server. Target controlplane nodes only.`,
        });
      if (leftOut.length > 0)
        ctx.report({
          cluster: cluster.name,
          nodes: leftOut,
          message: `The authorized endpoint of "${cluster.name}" leaves out controlplane ${verb(leftOut.length, 'node', 'nodes')} ${listNames(leftOut.map((n) => n.name))}. Add ${verb(leftOut.length, 'it', 'them')} to its targets.`,
        });
    }
  },
});

export const examples: RuleExamples = {
  fires: [
    { plan: downstream(undefined, { authorizedEndpoint: { fqdn: 'api.example.com', targets: ['c1', 'w1'] } }), nodes: ['w1'] },
    { plan: downstream(undefined, { authorizedEndpoint: { fqdn: 'api.example.com', targets: ['c1'] } }), nodes: ['c2'] },
  ],
  quiet: [
    { plan: downstream(undefined, { authorizedEndpoint: { fqdn: 'api.example.com', targets: ['c1', 'c2'] } }) },
    { plan: downstream(undefined, { authorizedEndpoint: { fqdn: 'api.example.com', targets: ['10.1.0.11', '10.1.0.12'] } }), note: 'targets by address' },
  ],
};
