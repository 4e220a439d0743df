// What the sizing tables need from a plan: the scale Rancher manages, what Rancher runs on, and
// how many servers and agents a K3s or RKE2 cluster has. Counting goes through cluster-facts.ts.
import { effectiveRoles, isRancherCluster, rancherCluster } from '../cluster-facts.ts';
import type { Cluster, Plan } from '../vocabulary.ts';
import type { Scale, SizingTarget } from './size.ts';

/** The downstream clusters of a plan and their nodes: the scale the Rancher server tables read. */
export function planScale(plan: Plan): Scale {
  let clusters = 0;
  let nodes = 0;
  for (const cluster of plan.clusters) {
    if (isRancherCluster(plan, cluster)) continue;
    clusters++;
    nodes += cluster.nodes.length;
  }
  return { clusters, nodes };
}

/** What Rancher runs on in this plan, or undefined when the plan does not say. */
export function rancherTarget(plan: Plan): SizingTarget | undefined {
  if (plan.rancher?.install === 'docker') return 'docker';
  return rancherCluster(plan)?.distribution;
}

/**
 * Servers and agents of a K3s or RKE2 cluster. A server runs etcd or the control plane (a
 * standalone `server`, or a machine-pool node with `etcd` or `controlplane`); an agent only takes
 * workloads. Nodes without roles are neither.
 */
export function serversAndAgents(cluster: Cluster): { servers: Cluster['nodes']; agents: Cluster['nodes'] } {
  const servers: Cluster['nodes'] = [];
  const agents: Cluster['nodes'] = [];
  for (const node of cluster.nodes) {
    const roles = effectiveRoles(cluster, node);
    if (roles.has('etcd') || roles.has('controlplane')) servers.push(node);
    else if (roles.has('worker')) agents.push(node);
  }
  return { servers, agents };
}
