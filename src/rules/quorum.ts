// etcd arithmetic (etcd FAQ): a cluster of n members needs floor(n/2)+1 of them to agree, so it
// survives floor((n-1)/2) losses. Zero members (external datastore, or none yet) gives zeros.
import type { Cluster, PlanNode } from './plan.ts';

export function etcdQuorum(members: number): number {
  return members > 0 ? Math.floor(members / 2) + 1 : 0;
}

export function failuresTolerated(members: number): number {
  return members > 0 ? Math.floor((members - 1) / 2) : 0;
}

/** K3s and RKE2 describe nodes as servers and agents; RKE by its three roles; the rest are hosted. */
export function usesServerRoles(cluster: Cluster): boolean {
  return cluster.distribution === 'k3s' || cluster.distribution === 'rke2';
}

/** Managed services run the control plane and datastore for you; nodes are workers. */
export function isManaged(cluster: Cluster): boolean {
  return cluster.distribution === 'eks' || cluster.distribution === 'gke' || cluster.distribution === 'aks';
}

/** True when the cluster data lives outside the nodes (K3s external datastore, RKE external etcd). */
export function hasExternalDatastore(cluster: Cluster): boolean {
  return cluster.datastore === 'external' || isManaged(cluster);
}

/** Does this node hold an etcd member? RKE: the etcd role. K3s/RKE2 embedded: every server. */
export function isEtcdMember(cluster: Cluster, node: PlanNode): boolean {
  if (hasExternalDatastore(cluster)) return false;
  if (usesServerRoles(cluster)) return node.roles.includes('server');
  if (cluster.distribution === 'rke') return node.roles.includes('etcd');
  return node.roles.includes('etcd');
}

/** Does this node run an API server? */
export function isControlPlane(cluster: Cluster, node: PlanNode): boolean {
  if (usesServerRoles(cluster)) return node.roles.includes('server');
  return node.roles.includes('controlplane');
}

/** Can this node run workloads? K3s servers and agents both can; managed nodes are workers. */
export function isWorkerCapable(cluster: Cluster, node: PlanNode): boolean {
  if (usesServerRoles(cluster)) return node.roles.includes('server') || node.roles.includes('agent');
  if (isManaged(cluster) && node.roles.length === 0) return true;
  return node.roles.includes('worker');
}

export function etcdMemberCount(cluster: Cluster): number {
  let n = 0;
  for (const node of cluster.nodes) if (isEtcdMember(cluster, node)) n++;
  return n;
}
