// The load balancer in front of the Rancher cluster. These rules look only at the Rancher cluster:
// the guidance describes the load balancer that Rancher's DNS name resolves to.
import { RULE_DOCS } from '../docs-links.ts';
import { listNames, type Rule } from '../rule.ts';

export const lbPresent: Rule = {
  id: 'lb-present',
  severity: 'warning',
  title: 'A multi-node Rancher cluster has a load balancer in front',
  docs: RULE_DOCS['lb-present'],
  rationale: 'The load balancer is the one address clients use; without it, the DNS name points at a single node and that node becomes a single point of failure.',
  check(ctx) {
    const r = ctx.rancher;
    if (!r || r.cluster.loadBalancer || r.cluster.nodes.length <= 1) return;
    ctx.report({
      cluster: r.cluster.name,
      message: `The Rancher cluster "${r.cluster.name}" has ${r.cluster.nodes.length} nodes but no load balancer. Put a layer-4 load balancer in front and point Rancher's DNS name at it.`,
    });
  },
};

export const lbLayer4: Rule = {
  id: 'lb-layer-4',
  severity: 'warning',
  title: 'The load balancer works at layer 4 (TCP)',
  docs: RULE_DOCS['lb-layer-4'],
  rationale: 'A TCP load balancer passes connections through untouched, so the ingress controller sees the real TLS traffic and can terminate it.',
  check(ctx) {
    const r = ctx.rancher;
    if (r?.cluster.loadBalancer?.layer !== 7) return;
    ctx.report({
      cluster: r.cluster.name,
      message: `The load balancer of "${r.cluster.name}" works at layer 7 (HTTP). Use a layer-4 (TCP) load balancer and leave HTTP handling to the ingress controller.`,
    });
  },
};

export const lbPorts80443: Rule = {
  id: 'lb-ports-80-443',
  severity: 'warning',
  title: 'The load balancer forwards TCP/80 and TCP/443',
  docs: RULE_DOCS['lb-ports-80-443'],
  rationale: 'Port 443 carries Rancher\'s traffic; port 80 lets the ingress controller redirect plain HTTP to HTTPS.',
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
};

export const lbAllNodes: Rule = {
  id: 'lb-all-nodes',
  severity: 'warning',
  title: 'The load balancer targets every node of the Rancher cluster',
  docs: RULE_DOCS['lb-all-nodes'],
  rationale: 'Every node runs an ingress controller; a node left out carries no traffic and leaves less headroom when another node fails.',
  check(ctx) {
    const r = ctx.rancher;
    const lb = r?.cluster.loadBalancer;
    if (!r || !lb) return;
    const targets = new Set(lb.targets);
    const missing = r.cluster.nodes.filter((n) => !targets.has(n.name)).map((n) => n.name);
    if (missing.length === 0) return;
    ctx.report({
      cluster: r.cluster.name,
      nodes: missing,
      message: `The load balancer of "${r.cluster.name}" does not send traffic to ${listNames(missing)}. Add ${missing.length === 1 ? 'it' : 'them'} to its targets.`,
    });
  },
};

export const lbTlsAtIngress: Rule = {
  id: 'lb-tls-at-ingress',
  severity: 'warning',
  title: 'TLS terminates at the ingress controller, not at the load balancer',
  docs: RULE_DOCS['lb-tls-at-ingress'],
  rationale: 'The recommended setup has the ingress controller hold the certificate, redirect HTTP to HTTPS and terminate TLS on 443, then hand plain HTTP to Rancher.',
  check(ctx) {
    const r = ctx.rancher;
    if (r?.cluster.loadBalancer?.tlsTermination !== 'load-balancer') return;
    ctx.report({
      cluster: r.cluster.name,
      message: `The load balancer of "${r.cluster.name}" terminates TLS itself. Pass TCP/443 through and let the ingress controller terminate TLS.`,
    });
  },
};
