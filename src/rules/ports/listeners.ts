// The load balancers' listeners of a plan: where each listens, what it forwards to and why (the
// Rancher UI and API, registration, the authorized cluster endpoint).
import { effectiveRoles, isControlPlane, isManaged, isRancherCluster, isWorkerCapable, resolveTarget, usesServerRoles } from '../cluster-facts.ts';
import type { Cluster, Plan, PlanNode } from '../vocabulary.ts';
import type { PortSourceId } from './tables.ts';

export interface Listener {
  cluster: string;
  /** What the listener is for, in words. */
  purpose: string;
  /** Where the load balancer listens. */
  port: number;
  /** Where it forwards to on the targets: the same port, except for the authorized endpoint (443 → 6443). */
  targetPort: number;
  protocol: 'tcp';
  /** Node names the listener forwards to. */
  targets: string[];
  fqdn?: string;
  why: string;
  source: PortSourceId;
  note?: string;
}

/** The nodes behind the Rancher load balancer: its targets, else every node that takes workloads. */
export function ingressNodes(cluster: Cluster): PlanNode[] {
  const targets = cluster.loadBalancer?.targets ?? [];
  const resolved = targets.map((t) => resolveTarget(cluster, t)).filter((n): n is PlanNode => n !== undefined);
  if (resolved.length > 0) return [...new Set(resolved)];
  return cluster.nodes.filter((n) => isWorkerCapable(cluster, n));
}

/** What a cluster's load balancers should carry: where each listens and which nodes it forwards to. */
export function listenersFor(plan: Plan, cluster: Cluster): Listener[] {
  const out: Listener[] = [];
  const names = (nodes: PlanNode[]) => nodes.map((n) => n.name);
  const servers = cluster.nodes.filter((n) => {
    const roles = effectiveRoles(cluster, n);
    return roles.has('etcd') || roles.has('controlplane');
  });
  const apiServers = cluster.nodes.filter((n) => isControlPlane(cluster, n));
  if (isRancherCluster(plan, cluster)) {
    const ingress = names(ingressNodes(cluster));
    for (const port of [80, 443])
      out.push({
        cluster: cluster.name,
        purpose: 'Rancher UI and API',
        port,
        targetPort: port,
        protocol: 'tcp',
        targets: ingress,
        why: port === 80 ? 'HTTP, redirected to HTTPS by the ingress controller.' : 'HTTPS to the ingress controller, passed through untouched (layer 4).',
        source: 'lb-rancher',
      });
  }
  // A cluster of servers and agents, or one described by roles (a custom cluster) whose load
  // balancer the plan puts on the registration port: either way its nodes join through it.
  const registrationPort = cluster.distribution === 'rke2' ? 9345 : 6443;
  const standaloneHa =
    usesServerRoles(cluster) &&
    (cluster.nodes.some((n) => n.roles.includes('server')) || cluster.loadBalancer?.ports.includes(registrationPort) === true) &&
    servers.length >= 2;
  if (usesServerRoles(cluster) && (isRancherCluster(plan, cluster) || standaloneHa)) {
    const purpose = 'fixed registration address';
    const rke2 = cluster.distribution === 'rke2';
    if (rke2)
      out.push({
        cluster: cluster.name,
        purpose,
        port: 9345,
        targetPort: 9345,
        protocol: 'tcp',
        targets: names(servers),
        why: 'RKE2 supervisor: joining nodes register here.',
        source: 'lb-rke2',
        note: 'A server opens 9345 before it can serve joins: health-check 6443 as well.',
      });
    out.push({
      cluster: cluster.name,
      purpose,
      port: 6443,
      targetPort: 6443,
      protocol: 'tcp',
      targets: names(apiServers),
      why: rke2 ? 'Kubernetes API.' : 'K3s supervisor and Kubernetes API share 6443; K3s has no 9345.',
      source: rke2 ? 'lb-rke2' : 'lb-k3s',
    });
  } else if (cluster.distribution === 'rke' && isRancherCluster(plan, cluster)) {
    out.push({
      cluster: cluster.name,
      purpose: 'kubectl to the Rancher cluster (optional)',
      port: 6443,
      targetPort: 6443,
      protocol: 'tcp',
      targets: names(apiServers),
      why: 'Kubernetes API through the load balancer.',
      source: 'lb-rancher',
      note: "Add the load balancer's name to authentication.sans in cluster.yml.",
    });
  }
  const ace = cluster.authorizedEndpoint;
  if (ace && !isManaged(cluster)) {
    const targets = ace.targets.map((t) => resolveTarget(cluster, t)).filter((n): n is PlanNode => n !== undefined);
    out.push({
      cluster: cluster.name,
      purpose: 'authorized cluster endpoint',
      // Rancher writes the FQDN context as https://FQDN, so clients come on 443 unless the FQDN
      // names a port; the API servers answer on 6443 behind it.
      port: ace.port ?? 443,
      targetPort: 6443,
      protocol: 'tcp',
      targets: names(targets.length > 0 ? [...new Set(targets)] : apiServers),
      ...(ace.fqdn === undefined ? {} : { fqdn: ace.fqdn }),
      why: 'kubectl straight to the cluster through its FQDN.',
      source: 'ace',
      note:
        ace.port === undefined
          ? "Rancher's kubeconfig reaches the FQDN as https://FQDN, port 443: listen there and forward to 6443."
          : `The FQDN names port ${ace.port}: listen there and forward to 6443.`,
    });
  }
  return out;
}
