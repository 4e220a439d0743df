// What still works when parts of a plan fail, and the fewest failures that break a cluster.
// The model: the API needs a live API-server node and its datastore (etcd quorum on the nodes, or
// an external datastore that is up); scheduling needs the API and a live node that takes
// workloads; Rancher (on its own cluster) also needs such a node behind the load balancer, and the
// load balancer itself when there is one. Besides nodes, a cluster's load balancer and its external
// datastore can fail, and so can the host of a single-node Docker install. A zone fails every node
// placed in it, in every cluster (zones.ts: which zones' loss breaks a cluster).
import type { Cluster, Plan, PlanNode } from './plan.ts';
import {
  datastoreOf,
  hasExternalDatastore,
  hostFromText,
  isControlPlane,
  isEtcdMember,
  isManaged,
  isRancherCluster,
  isWorkerCapable,
  rancherCluster,
  resolveTarget,
  sameHost,
  usesServerRoles,
} from './cluster-facts.ts';
// The parts of a cluster that can fail besides its nodes, and the keys the checker names failed
// things by, live in keys.ts.
import { CLUSTER_PARTS, type ClusterPart, nodeKey, readKey } from './keys.ts';
import { etcdQuorum } from './quorum.ts';
import type { FailureOutcome } from './report.ts';
import { listNames, plural } from './words.ts';

export type BreakReason = 'etcd-quorum' | 'no-api-server' | 'no-worker' | 'no-load-balancer-target' | 'load-balancer' | 'datastore';

export interface PartFailures {
  /** The cluster's load balancer is down (ignored when it has none). */
  loadBalancer?: boolean;
  /** The cluster's external datastore is down (ignored unless the data lives in one). */
  datastore?: boolean;
}

export interface BreakingFailure {
  cluster: string;
  /** The nodes to fail (empty when the cluster is already broken as planned or a part breaks it). */
  nodes: string[];
  /** Parts to fail; only ever non-empty when the caller asked for parts. */
  parts: ClusterPart[];
  reason: BreakReason;
  message: string;
}

export function findCluster(plan: Plan, clusterName: string): Cluster {
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

/** True when the cluster keeps its data in an external datastore that the plan can fail (not a provider's). */
export function hasFailableDatastore(cluster: Pick<Cluster, 'distribution' | 'datastore'>): boolean {
  return datastoreOf(cluster) === 'external';
}

/** The parts of a cluster the what-if can fail, in a fixed order. */
export function failableParts(cluster: Cluster): ClusterPart[] {
  return CLUSTER_PARTS.filter((p) => (p === 'load-balancer' ? Boolean(cluster.loadBalancer) : hasFailableDatastore(cluster)));
}

/**
 * Fail the named nodes (and optionally the load balancer or the external datastore) of one cluster
 * and say what still works. Names that are not nodes of the cluster, and parts it does not have, are
 * ignored. Throws RangeError when the plan has no cluster of that name.
 */
export function simulateFailure(plan: Plan, clusterName: string, failedNodeNames: readonly string[], parts: PartFailures = {}): FailureOutcome {
  const cluster = findCluster(plan, clusterName);
  const failedSet = new Set(failedNodeNames);
  const failed = cluster.nodes.filter((n) => failedSet.has(n.name)).map((n) => n.name);
  const alive = (n: PlanNode) => !failedSet.has(n.name);
  const external = hasExternalDatastore(cluster);
  const managed = isManaged(cluster);
  const datastoreDown = Boolean(parts.datastore) && hasFailableDatastore(cluster);
  const balancerDown = Boolean(parts.loadBalancer) && cluster.loadBalancer !== undefined;
  const notes: string[] = [];

  const members = cluster.nodes.filter((n) => isEtcdMember(cluster, n));
  const aliveMembers = members.filter(alive).length;
  const quorum = etcdQuorum(members.length);
  // SQLite lives on the server itself: the data is there while a server is.
  const sqlite = datastoreOf(cluster) === 'sqlite';
  const sqliteAlive = sqlite && cluster.nodes.some((n) => isControlPlane(cluster, n) && alive(n));
  // A generic cluster that names no etcd node: etcd is somewhere the plan does not show (kubeadm
  // stacks it on the control plane), so it is taken to live while a control-plane node does — or,
  // when the plan names no control-plane node either, while any node does.
  const unseen = cluster.distribution === 'other' && members.length === 0;
  // With no control-plane node named either, the control plane is unseen too: any node will do.
  const seenControlPlane = cluster.nodes.some((n) => isControlPlane(cluster, n));
  const unseenAlive = unseen && cluster.nodes.some((n) => (!seenControlPlane || isControlPlane(cluster, n)) && alive(n));
  const kept = datastoreDown ? false : external || sqliteAlive || unseenAlive || (members.length > 0 && aliveMembers >= quorum);
  if (datastoreDown) notes.push('The external datastore is down: no server can read or write the cluster state, so the Kubernetes API stops answering.');
  else if (external)
    notes.push(managed ? 'The provider runs the datastore, so it is not affected.' : 'The cluster data lives in an external datastore, which is still up.');
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
  if (apiAlive && !kept && !datastoreDown) notes.push('The API server cannot serve requests without its datastore.');

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
  if (balancerDown) outcome.loadBalancerFailed = true;
  if (datastoreDown) outcome.datastoreFailed = true;
  const rancher = isRancherCluster(plan, cluster);
  if (balancerDown)
    notes.push(
      rancher
        ? 'The load balancer is down: the Rancher address leads to no node, even though the cluster behind it still runs.'
        : 'The load balancer is down: traffic that reached the cluster through it stops, while the cluster itself keeps running.',
    );
  if (rancher) {
    const entry = rancherEntryNodes(cluster);
    const entryAlive = entry.some(alive);
    if (!entryAlive) notes.push(cluster.loadBalancer ? 'No node behind the load balancer can serve Rancher.' : 'No node is left to serve Rancher.');
    outcome.rancherReachable = apiAvailable && entryAlive && !balancerDown;
    if (outcome.rancherReachable && !cluster.loadBalancer && cluster.nodes.length > 1 && failed.length > 0)
      notes.push('Without a load balancer, clients must be pointed at a surviving node by hand.');
  }
  if (failed.length === 0 && !balancerDown && !datastoreDown && notes.length === 0) notes.push('Nothing has failed.');
  return outcome;
}

// ---- ways of breaking ------------------------------------------------------------------------

/** One way a cluster breaks: when at least `need` of `among` fail (need 0: broken as planned). */
export interface BreakMode {
  reason: BreakReason;
  need: number;
  among: PlanNode[];
  why: string;
}

/**
 * Every way node failures break the cluster: for the Rancher cluster, Rancher stops being reachable;
 * for others, workloads can no longer be scheduled. Each mode is monotone and the cluster is broken
 * exactly when one of them holds, so the cheapest mode gives the smallest breaking set.
 */
export function breakModes(plan: Plan, cluster: Cluster): BreakMode[] {
  const modes: BreakMode[] = [];
  const members = cluster.nodes.filter((n) => isEtcdMember(cluster, n));
  // A generic Kubernetes cluster whose plan names no etcd node keeps etcd somewhere we cannot see
  // (kubeadm stacks it on the control plane); do not call it broken for lack of members.
  if (datastoreOf(cluster) === 'etcd' && !(cluster.distribution === 'other' && members.length === 0)) {
    const need = members.length === 0 ? 0 : members.length - etcdQuorum(members.length) + 1;
    modes.push({ reason: 'etcd-quorum', need, among: members, why: 'etcd loses quorum' });
  }
  const apiNodes = cluster.nodes.filter((n) => isControlPlane(cluster, n));
  if (!isManaged(cluster) && !(cluster.distribution === 'other' && apiNodes.length === 0))
    modes.push({ reason: 'no-api-server', need: apiNodes.length, among: apiNodes, why: 'no API server is left' });
  const workers = cluster.nodes.filter((n) => isWorkerCapable(cluster, n));
  // A managed cluster with no listed nodes has nothing the plan can fail.
  if (!(isManaged(cluster) && cluster.nodes.length === 0))
    modes.push({ reason: 'no-worker', need: workers.length, among: workers, why: 'no node can run workloads' });
  if (isRancherCluster(plan, cluster)) {
    const entry = rancherEntryNodes(cluster);
    modes.push({ reason: 'no-load-balancer-target', need: entry.length, among: entry, why: 'no node behind the load balancer can serve Rancher' });
  }
  return modes;
}

const PART_WHY: Record<ClusterPart, string> = {
  'load-balancer': 'the Rancher address leads to no node',
  datastore: 'no server can reach the cluster state',
};

/** The parts whose failure alone breaks the cluster. */
function breakingParts(plan: Plan, cluster: Cluster): ClusterPart[] {
  const parts: ClusterPart[] = [];
  if (cluster.loadBalancer && isRancherCluster(plan, cluster)) parts.push('load-balancer');
  if (hasFailableDatastore(cluster)) parts.push('datastore');
  return parts;
}

const PART_NAME: Record<ClusterPart, string> = { 'load-balancer': 'the load balancer', datastore: 'the external datastore' };

/**
 * The fewest node entries whose loss breaks the cluster, and how it breaks (ties in the order of
 * breakModes, nodes in plan order); undefined when no node loss can. The entries themselves, so a
 * rule can point at the very node even where another entry shares its name.
 */
export function smallestBreakingNodes(plan: Plan, cluster: Cluster): { mode: BreakMode; nodes: PlanNode[] } | undefined {
  let best: { mode: BreakMode; nodes: PlanNode[] } | undefined;
  for (const mode of breakModes(plan, cluster)) {
    const nodes = mode.among.slice(0, mode.need);
    if (!best || nodes.length < best.nodes.length) best = { mode, nodes };
  }
  return best;
}

/**
 * The smallest set of failures that breaks the cluster: for the Rancher cluster, Rancher stops
 * being reachable; for others, workloads can no longer be scheduled. By default only nodes count
 * (losing etcd quorum, every API-server node, every workload node or, for Rancher, every node
 * behind the load balancer; ties go in that order, nodes are taken in plan order). With
 * `{ parts: true }` the cluster's load balancer and external datastore count as one failure each,
 * and win only when strictly fewer. Returns undefined when nothing can break it (a managed cluster
 * without nodes). Throws RangeError when there is no such cluster.
 */
export function smallestBreakingFailure(plan: Plan, clusterName: string, options: { parts?: boolean } = {}): BreakingFailure | undefined {
  const cluster = findCluster(plan, clusterName);
  const byNodes = smallestBreakingNodes(plan, cluster);
  let best: { reason: BreakReason; nodes: string[]; parts: ClusterPart[]; why: string } | undefined = byNodes && {
    reason: byNodes.mode.reason,
    nodes: byNodes.nodes.map((n) => n.name),
    parts: [],
    why: byNodes.mode.why,
  };
  if (options.parts) {
    for (const part of breakingParts(plan, cluster)) {
      if (!best || best.nodes.length + best.parts.length > 1) best = { reason: part, nodes: [], parts: [part], why: PART_WHY[part] };
    }
  }
  if (!best) return undefined;
  const message =
    best.parts.length > 0
      ? `Losing ${PART_NAME[best.parts[0]!]} alone breaks cluster "${cluster.name}": ${best.why}.`
      : best.nodes.length === 0
        ? `Cluster "${cluster.name}" is broken as planned: ${best.why}.`
        : `Losing ${plural(best.nodes.length, 'node')} (${listNames(best.nodes)}) breaks cluster "${cluster.name}": ${best.why}.`;
  return { cluster: cluster.name, nodes: best.nodes, parts: best.parts, reason: best.reason, message };
}

// ---- the whole plan --------------------------------------------------------------------------

/** Everything that fails at once, across the plan. Unknown names are ignored. */
export interface PlanFailure {
  /** Node keys "<cluster>/<node>". */
  nodes?: readonly string[];
  /** Zones: every node placed in one fails, in every cluster. */
  zones?: readonly string[];
  /** Clusters whose load balancer fails. */
  loadBalancers?: readonly string[];
  /** Clusters whose external datastore fails. */
  datastores?: readonly string[];
  /** The host of a single-node Docker install fails (and any node that is the same machine). */
  dockerHost?: boolean;
}

export interface PlanFailureOutcome {
  clusters: FailureOutcome[];
  /** Whether Rancher still answers; absent when the plan does not say where Rancher runs or that cluster is missing. */
  rancher?: { install: 'docker' | 'kubernetes'; reachable: boolean; notes: string[] };
  /** Sentences about the plan as a whole (what a Rancher outage means for the clusters it manages). */
  notes: string[];
}

/** The node names of each cluster that fail under a plan-wide failure. */
export function failedNodesByCluster(plan: Plan, failure: PlanFailure): Map<string, string[]> {
  const keys = new Set(failure.nodes ?? []);
  const zones = new Set(failure.zones ?? []);
  const host = failure.dockerHost && plan.rancher?.install === 'docker' && plan.rancher.host ? hostFromText(plan.rancher.host) : undefined;
  const out = new Map<string, string[]>();
  for (const c of plan.clusters) {
    const names = c.nodes
      .filter((n) => keys.has(nodeKey(c.name, n.name)) || (n.zone !== undefined && zones.has(n.zone)) || (host !== undefined && sameHost(n, host)))
      .map((n) => n.name);
    if (names.length) out.set(c.name, [...new Set([...(out.get(c.name) ?? []), ...names])]);
  }
  return out;
}

/**
 * Fail nodes, zones, load balancers, external datastores and the Docker host together and say, per
 * cluster and for Rancher, what still works. Clusters sharing a name are simulated once, as the
 * first of them (names are unique in any plan the rules accept).
 */
export function simulatePlanFailure(plan: Plan, failure: PlanFailure = {}): PlanFailureOutcome {
  const byCluster = failedNodesByCluster(plan, failure);
  const balancers = new Set(failure.loadBalancers ?? []);
  const datastores = new Set(failure.datastores ?? []);
  const seen = new Set<string>();
  const clusters: FailureOutcome[] = [];
  for (const c of plan.clusters) {
    if (seen.has(c.name)) continue;
    seen.add(c.name);
    clusters.push(simulateFailure(plan, c.name, byCluster.get(c.name) ?? [], { loadBalancer: balancers.has(c.name), datastore: datastores.has(c.name) }));
  }
  const notes: string[] = [];
  let rancher: PlanFailureOutcome['rancher'];
  const install = plan.rancher?.install;
  if (install === 'docker') {
    const down = Boolean(failure.dockerHost);
    rancher = {
      install,
      reachable: !down,
      notes: down
        ? [
            'The Docker host is down, and the Rancher server, its settings and its data were all on it: Rancher is gone until that host or a backup of its data comes back.',
          ]
        : [],
    };
  } else if (install === 'kubernetes') {
    const home = rancherCluster(plan);
    const outcome = home && clusters.find((o) => o.cluster === home.name);
    if (outcome) rancher = { install, reachable: outcome.rancherReachable ?? false, notes: [] };
  }
  const downstream = plan.clusters.filter((c) => !isRancherCluster(plan, c)).length;
  if (rancher && !rancher.reachable && downstream > 0)
    notes.push(
      downstream === 1
        ? 'Rancher is down, but the cluster it manages keeps running its workloads; only managing it through Rancher stops until Rancher is back.'
        : `Rancher is down, but the ${plural(downstream, 'cluster')} it manages keep running their workloads; only managing them through Rancher stops until Rancher is back.`,
    );
  return { clusters, rancher, notes };
}

// ---- keys for the checker ----------------------------------------------------------------------

/** Reads the checker's keys back into a PlanFailure. */
export function failureFromKeys(keys: readonly string[]): PlanFailure {
  const nodes: string[] = [];
  const loadBalancers: string[] = [];
  const datastores: string[] = [];
  let dockerHost = false;
  for (const key of keys) {
    const thing = readKey(key);
    if (thing?.kind === 'docker-host') dockerHost = true;
    else if (thing?.kind === 'part') (thing.part === 'load-balancer' ? loadBalancers : datastores).push(thing.cluster);
    else nodes.push(key);
  }
  return { nodes, loadBalancers, datastores, dockerHost };
}
