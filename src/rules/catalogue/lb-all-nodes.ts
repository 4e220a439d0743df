// Every node behind the load balancer shares Rancher's traffic.
import { resolveTarget } from '../cluster-facts.ts';
import { rancherOn, rancherRke } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { listNames, verb } from '../words.ts';

export const about: RuleAboutEntry = {
  rationale: 'Every node runs an ingress controller; a node left out carries no traffic and leaves less headroom when another node fails.',
};

export const rule = defineRule({
  id: 'lb-all-nodes',
  severity: 'warning',
  category: 'load-balancer',
  title: 'The load balancer targets every node of the Rancher cluster',
  docs: { page: 'load-balancer', heading: 'Forward 80 and 443 to every node', anchor: 'forward-80-and-443-to-every-node' },
  check(ctx) {
    const r = ctx.rancher;
    const lb = r?.cluster.loadBalancer;
    if (!r || !lb) return;
    const reached = new Set(lb.targets.map((t) => resolveTarget(r.cluster, t)));
    const missing = r.cluster.nodes.filter((n) => !reached.has(n));
    if (missing.length === 0) return;
    ctx.report({
      cluster: r.cluster.name,
      nodes: missing,
      message: `The load balancer of "${r.cluster.name}" does not send traffic to ${listNames(missing.map((n) => n.name))}. Add ${verb(missing.length, 'it', 'them')} to its targets.`,
    });
  },
});

export const examples: RuleExamples = {
  fires: [{ plan: rancherOn(rancherRke({ loadBalancer: { targets: ['r1', 'r3'] } })), nodes: ['r2'] }],
  quiet: [
    { plan: rancherOn(rancherRke()) },
    { plan: rancherOn(rancherRke({ loadBalancer: { targets: ['10.0.0.1', '10.0.0.2', '10.0.0.3'] } })), note: 'targets by address' },
  ],
};
