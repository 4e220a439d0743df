// What still works when some nodes of one cluster fail, and the fewest failures that break it.
// The model: the API needs a live API-server node and (when etcd lives on the nodes) etcd quorum;
// scheduling needs the API and a live node that takes workloads; Rancher (on its own cluster) also
// needs such a node behind the load balancer. An external datastore is assumed to stay up.
import type { Cluster, Plan, PlanNode } from './plan.ts';
import {
  datastoreOf,
  hasExternalDatastore,
  isControlPlane,
  isEtcdMember,
  isManaged,
  isRancherCluster,
  isWorkerCapable,
  resolveTarget,
  usesServerRoles,
} from './cluster-facts.ts';
import { etcdQuorum } from './quorum.ts';
import type { FailureOutcome } from './report.ts';
import { listNames, plural } from './words.ts';

export type BreakReason = 'etcd-quorum' | 'no-api-server' | 'no-worker' | 'no-load-balancer-target';

export interface BreakingFailure {
  cluster: string;
  /** The nodes to fail (empty when the cluster is already broken as planned). */
  nodes: string[];
  reason: BreakReason;
  message: string;
}

function findCluster(plan: Plan, clusterName: string): Cluster {
  const cluster = plan.clusters.find((c) => c.name === clusterName);
  if (!cluster) throw new RangeError(`The plan has no cluster named "${clusterName}".`);
  return cluster;
}

/** Nodes that carry Rancher's traffic: workload nodes the load balancer targets (all of them without one). */
function rancherEntryNodes(cluster: Cluster): PlanNode[] {
  const workers = cluster.nodes.filter((n) => isWorkerCapable(cluster, n));
  if (!cluster.loadBalancer) return workers;
  const targets = new Set(cluster.loadBalancer.targets.map((t) => resolveTarget(cluster, t)));
  return workers.filter((n) => targets.has(n));
}

/**
 * Fail the named nodes of one cluster and say what still works. Names that are not nodes of the
 * cluster are ignored. Throws RangeError when the plan has no cluster of that name.
 */
export function simulateFailure(plan: Plan, clusterName: string, failedNodeNames: readonly string[]): FailureOutcome {
  const cluster = findCluster(plan, clusterName);
  const failedSet = new Set(failedNodeNames);
  const failed = cluster.nodes.filter((n) => failedSet.has(n.name)).map((n) => n.name);
  const alive = (n: PlanNode) => !failedSet.has(n.name);
  const external = hasExternalDatastore(cluster);
  const managed = isManaged(cluster);
  const notes: string[] = [];

  const members = cluster.nodes.filter((n) => isEtcdMember(cluster, n));
  const aliveMembers = members.filter(alive).length;
  const quorum = etcdQuorum(members.length);
  // SQLite lives on the server itself: the data is there while a server is.
  const sqlite = datastoreOf(cluster) === 'sqlite';
  const sqliteAlive = sqlite && cluster.nodes.some((n) => isControlPlane(cluster, n) && alive(n));
  // A generic cluster that names no etcd node: etcd is somewhere the plan does not show (kubeadm
  // stacks it on the control plane), so it is taken to live while a control-plane node does.
  const unseen = cluster.distribution === 'other' && members.length === 0;
  // With no control-plane node named either, the control plane is unseen too: any node will do.
  const controlPlane = cluster.nodes.filter((n) => isControlPlane(cluster, n));
  const unseenAlive = unseen && (controlPlane.length > 0 ? controlPlane : cluster.nodes).some(alive);
  const kept = external || sqliteAlive || unseenAlive || (members.length > 0 && aliveMembers >= quorum);
  if (external)
    notes.push(
      managed ? 'The provider runs the datastore, so it is not affected.' : 'The cluster data lives in an external datastore, which is assumed to stay up.',
    );
  else if (sqlite)
    notes.push(
      sqliteAlive
        ? 'The cluster data lives in SQLite on the server, which is still up.'
        : 'The server holding the SQLite datastore is gone, and with it the only copy of the cluster data.',
    );
  else if (unseen)
    notes.push(
      unseenAlive
        ? 'The plan names no etcd node; etcd is taken to run with the control plane, which is still up.'
        : 'The plan names no etcd node; with the control plane gone, its data is taken to be gone too.',
    );
  else if (members.length === 0) notes.push('The cluster has no etcd member, so it has no datastore at all.');
  else if (!kept)
    notes.push(`etcd lost quorum: ${aliveMembers} of ${members.length} members are left and ${quorum} are needed, so the cluster cannot change state.`);
  else if (aliveMembers < members.length) notes.push(`etcd keeps quorum with ${aliveMembers} of ${members.length} members (${quorum} needed).`);

  const apiNodes = cluster.nodes.filter((n) => isControlPlane(cluster, n));
  // A generic cluster whose plan names no control-plane node runs it somewhere unseen (microk8s on
  // every node): taken to be up while any node is.
  const apiUnseen = cluster.distribution === 'other' && apiNodes.length === 0;
  const apiAlive = managed || apiNodes.some(alive) || (apiUnseen && cluster.nodes.some(alive));
  if (!apiAlive)
    notes.push(
      apiNodes.length === 0
        ? 'No node runs the API server.'
        : `Every ${usesServerRoles(cluster) ? 'server' : 'controlplane node'} has failed, so the API server is gone.`,
    );
  const apiAvailable = apiAlive && kept;
  if (apiAlive && !kept) notes.push('The API server cannot serve requests without its datastore.');

  const workers = cluster.nodes.filter((n) => isWorkerCapable(cluster, n));
  const workerAlive = workers.some(alive);
  if (!workerAlive) notes.push(workers.length === 0 ? 'No node can run workloads.' : 'Every node that runs workloads has failed.');
  const schedulable = apiAvailable && workerAlive;

  const outcome: FailureOutcome = {
    cluster: cluster.name,
    failed,
    etcd: { members: members.length, alive: aliveMembers, quorum, kept, external },
    apiAvailable,
    schedulable,
    notes,
  };
  if (isRancherCluster(plan, cluster)) {
    const entry = rancherEntryNodes(cluster);
    const entryAlive = entry.some(alive);
    if (!entryAlive) notes.push(cluster.loadBalancer ? 'No node behind the load balancer can serve Rancher.' : 'No node is left to serve Rancher.');
    outcome.rancherReachable = apiAvailable && entryAlive;
    if (outcome.rancherReachable && !cluster.loadBalancer && cluster.nodes.length > 1 && failed.length > 0)
      notes.push('Without a load balancer, clients must be pointed at a surviving node by hand.');
  }
  if (failed.length === 0 && notes.length === 0) notes.push('Nothing has failed.');
  return outcome;
}

/**
 * The smallest set of node failures that breaks the cluster: for the Rancher cluster, Rancher
 * stops being reachable; for others, workloads can no longer be scheduled. Each way of breaking is
 * monotone, so the answer is the cheapest of: losing etcd quorum, losing every API-server node,
 * losing every workload node, (Rancher) losing every node behind the load balancer. Ties go to
 * that order; nodes are taken in plan order. Returns undefined when no node failure can break it
 * (a managed cluster without nodes). Throws RangeError when there is no such cluster.
 */
export function smallestBreakingFailure(plan: Plan, clusterName: string): BreakingFailure | undefined {
  const cluster = findCluster(plan, clusterName);
  const names = (nodes: PlanNode[]) => nodes.map((n) => n.name);
  const candidates: { reason: BreakReason; nodes: string[]; why: string }[] = [];
  const members = cluster.nodes.filter((n) => isEtcdMember(cluster, n));
  // A generic Kubernetes cluster whose plan names no etcd node keeps etcd somewhere we cannot see
  // (kubeadm stacks it on the control plane); do not call it broken for lack of members.
  if (datastoreOf(cluster) === 'etcd' && !(cluster.distribution === 'other' && members.length === 0)) {
    const need = members.length - etcdQuorum(members.length) + 1;
    candidates.push({ reason: 'etcd-quorum', nodes: names(members.slice(0, Math.max(0, need))), why: 'etcd loses quorum' });
  }
  const apiNodes = cluster.nodes.filter((n) => isControlPlane(cluster, n));
  if (!isManaged(cluster) && !(cluster.distribution === 'other' && apiNodes.length === 0))
    candidates.push({ reason: 'no-api-server', nodes: names(apiNodes), why: 'no API server is left' });
  candidates.push({ reason: 'no-worker', nodes: names(cluster.nodes.filter((n) => isWorkerCapable(cluster, n))), why: 'no node can run workloads' });
  if (isRancherCluster(plan, cluster))
    candidates.push({ reason: 'no-load-balancer-target', nodes: names(rancherEntryNodes(cluster)), why: 'no node behind the load balancer can serve Rancher' });
  const usable = candidates.filter((c) => !(c.nodes.length === 0 && c.reason === 'no-worker' && isManaged(cluster) && cluster.nodes.length === 0));
  if (usable.length === 0) return undefined;
  let best = usable[0]!;
  for (const c of usable) if (c.nodes.length < best.nodes.length) best = c;
  const message =
    best.nodes.length === 0
      ? `Cluster "${cluster.name}" is broken as planned: ${best.why}.`
      : `Losing ${plural(best.nodes.length, 'node')} (${listNames(best.nodes)}) breaks cluster "${cluster.name}": ${best.why}.`;
  return { cluster: cluster.name, nodes: best.nodes, reason: best.reason, message };
}
