// An RKE2 cluster is joined through its registration address, which the load balancer also serves.
import { nodes, rancherOn } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';

/** RKE2's supervisor (where nodes register) and the Kubernetes API. */
const RKE2_PORTS = [
  { port: 9345, what: 'node registration' },
  { port: 6443, what: 'the Kubernetes API' },
] as const;

export const about: RuleAboutEntry = {
  rationale:
    "RKE2 servers and agents join a cluster through a fixed registration address on port 9345, and clients reach the API on 6443. Rancher's RKE2 guide puts both behind the same load balancer as 80 and 443, so a node can join, and kubectl can connect, whichever server is down. K3s has no port 9345: its nodes register on 6443. Its load balancer carries 6443 as well as 80 and 443, since Rancher's K3s guide (the v2.0–v2.4 external-database guide and today's K3s setup guide alike) points kubectl and helm at the load balancer on 6443; lb-k3s-api-port asks for it there.",
  sources: ['rke2ForRancher', 'rke2Ha'],
};

export const rule = defineRule({
  id: 'lb-rke2-registration-ports',
  severity: 'warning',
  category: 'load-balancer',
  title: "An RKE2 Rancher cluster's load balancer also forwards TCP/9345 and TCP/6443",
  docs: { page: 'load-balancer', heading: 'Registration ports on RKE2', anchor: 'registration-ports-on-rke2' },
  versions: { since: '2.5.6' },
  check(ctx) {
    const r = ctx.rancher;
    const lb = r?.cluster.loadBalancer;
    if (!r || !lb || r.cluster.distribution !== 'rke2') return;
    const missing = RKE2_PORTS.filter(({ port }) => !lb.ports.includes(port));
    if (missing.length === 0) return;
    const list = missing.map(({ port, what }) => `TCP/${port} (${what})`).join(' and ');
    ctx.report({
      cluster: r.cluster.name,
      message: `The load balancer of the RKE2 cluster "${r.cluster.name}" does not forward ${list}. Add ${missing.length === 1 ? 'a listener' : 'listeners'} for ${missing.map((m) => m.port).join(' and ')} to the server nodes, so nodes can join and the API stays reachable when a server is down.`,
    });
  },
});

const rke2 = (ports: number[], version = '2.9.4') =>
  rancherOn({ name: 'rancher', distribution: 'rke2', nodes: nodes('s', 3, ['server']), loadBalancer: { ports, targets: ['s1', 's2', 's3'] } }, version);

export const examples: RuleExamples = {
  fires: [
    { plan: rke2([80, 443]), note: 'the issue: a 2.9 RKE2 cluster whose load balancer forwards only 80 and 443' },
    { plan: rke2([80, 443, 6443], '2.5.6'), note: '2.5.6, 9345 missing' },
  ],
  quiet: [
    { plan: rke2([80, 443, 9345, 6443]) },
    { plan: rke2([80, 443], '2.5.5'), note: '2.5.5: RKE2 cannot host Rancher yet (rancher-distribution-supported says so)' },
    {
      plan: rancherOn({ name: 'rancher', distribution: 'k3s', nodes: nodes('s', 3, ['server']), loadBalancer: { targets: ['s1', 's2', 's3'] } }, '2.9.4'),
      note: 'K3s registers on 6443; no 9345',
    },
  ],
};
