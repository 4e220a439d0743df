// A K3s Rancher cluster is reached with kubectl and helm through its load balancer on 6443.
import { nodes, rancherOn } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';

export const about: RuleAboutEntry = {
  rationale:
    "K3s servers take node registrations and Kubernetes API requests on the same port, 6443. Rancher's K3s guide, in v2.0–v2.4 and today, points kubectl and helm at the load balancer's name on 6443, so the load balancer forwards 6443 to the servers as well as 80 and 443 to the ingress; then installing and running Rancher does not hang on one server being up.",
  sources: ['k3sExternalDb24', 'k3sForRancher'],
};

export const rule = defineRule({
  id: 'lb-k3s-api-port',
  severity: 'warning',
  category: 'load-balancer',
  title: "A K3s Rancher cluster's load balancer also forwards TCP/6443",
  docs: { page: 'load-balancer', heading: 'The API port on K3s', anchor: 'the-api-port-on-k3s' },
  versions: { since: '2.4' },
  check(ctx) {
    const r = ctx.rancher;
    const lb = r?.cluster.loadBalancer;
    if (!r || !lb || r.cluster.distribution !== 'k3s' || lb.ports.includes(6443)) return;
    ctx.report({
      cluster: r.cluster.name,
      message: `The load balancer of the K3s cluster "${r.cluster.name}" does not forward TCP/6443. Add a listener for 6443 to the servers, so kubectl and helm reach the Rancher cluster through the load balancer's name whichever server is down.`,
    });
  },
});

const k3s = (ports: number[] | undefined, version = '2.9.4') =>
  rancherOn(
    { name: 'rancher', distribution: 'k3s', nodes: nodes('s', 3, ['server']), loadBalancer: { ...(ports ? { ports } : {}), targets: ['s1', 's2', 's3'] } },
    version,
  );

export const examples: RuleExamples = {
  fires: [{ plan: k3s(undefined), note: 'the default listeners, 80 and 443 only' }, { plan: k3s([80, 443], '2.4.8') }],
  quiet: [
    { plan: k3s([80, 443, 6443]) },
    { plan: k3s([80, 443], '2.3.6'), note: 'before 2.4 Rancher does not run on K3s (rancher-distribution-supported says so)' },
    {
      plan: rancherOn(
        {
          name: 'rancher',
          distribution: 'rke2',
          nodes: nodes('s', 3, ['server']),
          loadBalancer: { ports: [80, 443, 9345, 6443], targets: ['s1', 's2', 's3'] },
        },
        '2.9.4',
      ),
      note: 'RKE2 has its own rule',
    },
  ],
};
