// Facts about clusters and nodes that more than one part of the project needs: which nodes hold
// etcd, run the API server or take workloads; where the data lives; which cluster runs Rancher;
// whether two entries are the same machine. Rules, failure simulation, diagrams, islands and the
// CLI all ask here, so they can never disagree about a cluster.
import { isIPv4, isIPv6 } from './identifiers.ts';
import { etcdQuorum, failuresTolerated } from './quorum.ts';
import { compareVersions } from './versions.ts';
import { MANAGED_DISTRIBUTIONS, type Cluster, type Distribution, type KubernetesRole, type Plan, type PlanNode } from './vocabulary.ts';

/** Standalone K3s and RKE2 describe nodes as servers and agents. */
export function usesServerRoles(cluster: Pick<Cluster, 'distribution'>): boolean {
  return isServerRoleDistribution(cluster.distribution);
}

/** The same question of a distribution alone: a reader that has no cluster yet, a table by distribution. */
export function isServerRoleDistribution(distribution: Distribution): distribution is 'k3s' | 'rke2' {
  return distribution === 'k3s' || distribution === 'rke2';
}

/** The distributions Rancher builds (RKE, RKE2, K3s): their defaults, ports and role taints are known. */
export function isRancherBuilt(distribution: Distribution): distribution is 'rke' | 'rke2' | 'k3s' {
  return distribution === 'rke' || isServerRoleDistribution(distribution);
}

/** Managed services (EKS, GKE, AKS) run the control plane and datastore for you. */
export function isManaged(cluster: Pick<Cluster, 'distribution'>): boolean {
  return (MANAGED_DISTRIBUTIONS as readonly string[]).includes(cluster.distribution);
}

/** Where the cluster data lives, in the terms the rules and diagrams use. */
export type DatastoreKind = 'etcd' | 'external' | 'sqlite' | 'managed';

export function datastoreOf(cluster: Pick<Cluster, 'distribution' | 'datastore'>): DatastoreKind {
  if (isManaged(cluster)) return 'managed';
  if (cluster.datastore === 'external') return 'external';
  // SQLite is a K3s feature; on other distributions the value is reported by plan-role-distribution.
  if (cluster.datastore === 'sqlite' && cluster.distribution === 'k3s') return 'sqlite';
  return 'etcd';
}

export const DATASTORE_LABEL: Record<DatastoreKind, string> = {
  etcd: 'embedded etcd',
  external: 'external datastore',
  sqlite: 'SQLite on the server',
  managed: 'run by the provider',
};

/** True when the cluster data lives outside the nodes (external datastore or a managed service). */
export function hasExternalDatastore(cluster: Pick<Cluster, 'distribution' | 'datastore'>): boolean {
  const kind = datastoreOf(cluster);
  return kind === 'external' || kind === 'managed';
}

// Roles as bits, so the hot checks (run for every node of every cluster on every edit) allocate nothing.
const ETCD = 1;
const CONTROLPLANE = 2;
const WORKER = 4;
const BIT: Record<string, number> = { etcd: ETCD, controlplane: CONTROLPLANE, worker: WORKER };

type ClusterKind = Pick<Cluster, 'distribution' | 'datastore'>;

/**
 * The Kubernetes roles a node actually plays, as bits. RKE (and Rancher's machine pools) say them
 * directly. A K3s/RKE2 server runs the API server, takes workloads and, on embedded etcd, holds a
 * member; an agent only takes workloads. Managed clusters' nodes are workers.
 */
function roleBits(cluster: ClusterKind, node: Pick<PlanNode, 'roles'>): number {
  if (isManaged(cluster)) return WORKER;
  let bits = 0;
  const serverStyle = usesServerRoles(cluster);
  for (const role of node.roles) {
    if (role === 'server') {
      if (serverStyle) bits |= datastoreOf(cluster) === 'etcd' ? ETCD | CONTROLPLANE | WORKER : CONTROLPLANE | WORKER;
    } else if (role === 'agent') {
      if (serverStyle) bits |= WORKER;
    } else bits |= BIT[role] ?? 0;
  }
  return bits;
}

export function effectiveRoles(cluster: ClusterKind, node: Pick<PlanNode, 'roles'>): ReadonlySet<KubernetesRole> {
  const bits = roleBits(cluster, node);
  return new Set(KUBERNETES_ROLE_LIST.filter((r) => bits & (BIT[r] ?? 0)));
}
const KUBERNETES_ROLE_LIST: readonly KubernetesRole[] = ['etcd', 'controlplane', 'worker'];

/** Does this node hold a member of the cluster's own etcd? */
export function isEtcdMember(cluster: ClusterKind, node: Pick<PlanNode, 'roles'>): boolean {
  return datastoreOf(cluster) === 'etcd' && (roleBits(cluster, node) & ETCD) !== 0;
}

/** Does this node run an API server? (Never on a managed cluster: the provider runs it.) */
export function isControlPlane(cluster: ClusterKind, node: Pick<PlanNode, 'roles'>): boolean {
  return !isManaged(cluster) && (roleBits(cluster, node) & CONTROLPLANE) !== 0;
}

/** Can this node run workloads? */
export function isWorkerCapable(cluster: ClusterKind, node: Pick<PlanNode, 'roles'>): boolean {
  return (roleBits(cluster, node) & WORKER) !== 0;
}

/**
 * Is the cluster described by the three Kubernetes roles per node (RKE, or Rancher's machine pools
 * for RKE2/K3s), so the per-role layout advice applies? Standalone K3s/RKE2 servers and agents are not.
 */
export function describedByRoles(cluster: Pick<Cluster, 'distribution' | 'nodes'>): boolean {
  if (cluster.distribution === 'rke') return true;
  if (!usesServerRoles(cluster)) return false;
  return cluster.nodes.some((n) => n.roles.length > 0) && cluster.nodes.every((n) => !n.roles.includes('server') && !n.roles.includes('agent'));
}

/**
 * Do the per-role layout rules (three etcd, two controlplane, two workers, worker on its own)
 * apply to this cluster at this Rancher version? Always for RKE; for RKE2 and K3s described by
 * the three roles only from 2.6, when Rancher began provisioning them from per-role machine pools.
 */
export function followsRoleLayout(cluster: Pick<Cluster, 'distribution' | 'nodes'>, rancherVersion: string): boolean {
  if (!describedByRoles(cluster)) return false;
  return cluster.distribution === 'rke' || compareVersions(rancherVersion, MACHINE_POOLS_SINCE) >= 0;
}

/** The release in which Rancher began provisioning RKE2 and K3s clusters from machine pools. */
export const MACHINE_POOLS_SINCE = '2.6';

export function etcdMembers(cluster: Cluster): PlanNode[] {
  return cluster.nodes.filter((n) => isEtcdMember(cluster, n));
}

// ---- the cluster that runs Rancher ---------------------------------------------------------

/** The cluster that runs Rancher, when Rancher runs on Kubernetes and the plan names it. */
export function rancherCluster(plan: Plan): Cluster | undefined {
  if (plan.rancher?.install !== 'kubernetes' || !plan.rancher.cluster) return undefined;
  return plan.clusters.find((c) => c.name === plan.rancher?.cluster);
}

export function isRancherCluster(plan: Plan, cluster: Cluster): boolean {
  return plan.rancher?.install === 'kubernetes' && plan.rancher.cluster === cluster.name;
}

export type ClusterPurpose = 'rancher' | 'downstream';

export function clusterPurpose(plan: Plan, cluster: Cluster): ClusterPurpose {
  return isRancherCluster(plan, cluster) ? 'rancher' : 'downstream';
}

// ---- is there anything to check? -------------------------------------------------------------

/**
 * Why a plan holds nothing the rules could judge (no clusters, or clusters without nodes), or
 * undefined when it does. A Docker install and managed clusters (EKS, GKE, AKS) are judged without
 * nodes. Inputs to check are refused on this; the checker's editor shows it instead of a result.
 */
export function nothingToCheck(plan: Plan): string | undefined {
  if (plan.rancher?.install === 'docker' || plan.clusters.some((c) => isManaged(c))) return undefined;
  if (plan.clusters.length === 0) return 'the input lists no clusters';
  // A cluster whose counts are open (${VAR} replicas) still has something to say: which counts.
  return plan.clusters.some((c) => c.nodes.length > 0 || (c.nodesUnknown?.length ?? 0) > 0) ? undefined : 'the input lists no nodes';
}

// ---- which machine is which ------------------------------------------------------------------

/** Something that may name a machine: a node (name and maybe address) or a bare name/address. */
export interface HostRef {
  name?: string;
  address?: string;
}

/**
 * Two entries are the same machine when their addresses match, or when their names match and at
 * least one of them has no address (a name alone may stand for either). Addresses compare without
 * case (DNS names are case-insensitive).
 */
export function sameHost(a: HostRef, b: HostRef): boolean {
  const aa = a.address?.toLowerCase();
  const ba = b.address?.toLowerCase();
  if (aa !== undefined && ba !== undefined) return aa === ba;
  // One side without an address: its name may be the other's name or address.
  const aKeys = [a.name, aa].filter((k): k is string => k !== undefined);
  const bKeys = [b.name, ba].filter((k): k is string => k !== undefined);
  return aKeys.some((k) => bKeys.includes(k));
}

/**
 * Look up machines by name or address in linear time: the index keeps every key of every entry, and
 * `find` applies `sameHost` to the few candidates a key returns.
 */
export class HostIndex<T extends HostRef> {
  private readonly byKey = new Map<string, T[]>();
  constructor(entries: Iterable<T> = []) {
    for (const entry of entries) this.add(entry);
  }
  add(entry: T): void {
    for (const key of new Set([entry.name, entry.address?.toLowerCase()])) {
      if (key === undefined) continue;
      const list = this.byKey.get(key);
      if (list) list.push(entry);
      else this.byKey.set(key, [entry]);
    }
  }
  find(ref: HostRef): T | undefined {
    for (const key of [ref.address?.toLowerCase(), ref.name]) {
      if (key === undefined) continue;
      const match = this.byKey.get(key)?.find((e) => sameHost(e, ref));
      if (match) return match;
    }
    return undefined;
  }
}

/**
 * A machine given by one string (the Docker host, a target): an IP address is an address; anything
 * else may be a name or a DNS address, and `sameHost` compares a lone name against both.
 */
export function hostFromText(text: string): HostRef {
  return isIPv4(text) || isIPv6(text) ? { address: text } : { name: text };
}

/** The node a load-balancer or endpoint target names, by name or by address. */
export function resolveTarget(cluster: Cluster, target: string): PlanNode | undefined {
  return cluster.nodes.find((n) => n.name === target) ?? cluster.nodes.find((n) => n.address !== undefined && n.address.toLowerCase() === target.toLowerCase());
}

// ---- one summary per cluster -----------------------------------------------------------------

/** Everything the rules ask about a cluster, computed once per check. */
export interface ClusterFacts {
  cluster: Cluster;
  index: number;
  purpose: ClusterPurpose;
  /** Nodes per role as written in the plan (etcd, controlplane, worker, server, agent). */
  roles: Record<string, number>;
  datastore: DatastoreKind;
  etcdMembers: number;
  controlPlane: number;
  workers: number;
  /** First node of each name (a Map doubles as the set of names). */
  nodesByName: Map<string, PlanNode>;
}

export function clusterFacts(plan: Plan, cluster: Cluster, index: number): ClusterFacts {
  const roles: Record<string, number> = {};
  const nodesByName = new Map<string, PlanNode>();
  let etcd = 0;
  let controlPlane = 0;
  let workers = 0;
  const ownEtcd = datastoreOf(cluster) === 'etcd';
  const managed = isManaged(cluster);
  for (const node of cluster.nodes) {
    if (!nodesByName.has(node.name)) nodesByName.set(node.name, node);
    for (let i = 0; i < node.roles.length; i++) {
      const role = node.roles[i] as string;
      // Count a role once per node even if the list repeats it.
      if (node.roles.indexOf(role as never) === i) roles[role] = (roles[role] ?? 0) + 1;
    }
    const bits = roleBits(cluster, node);
    if (bits & ETCD && ownEtcd) etcd++;
    if (bits & CONTROLPLANE && !managed) controlPlane++;
    if (bits & WORKER) workers++;
  }
  return {
    cluster,
    index,
    purpose: clusterPurpose(plan, cluster),
    roles,
    datastore: datastoreOf(cluster),
    etcdMembers: etcd,
    controlPlane,
    workers,
    nodesByName,
  };
}

export function clusterFactsOf(plan: Plan): ClusterFacts[] {
  return plan.clusters.map((c, i) => clusterFacts(plan, c, i));
}

/** etcd quorum and fault tolerance of a cluster, zeros when it has no etcd of its own: the report and the diagrams both take them from here. */
export function quorumOf(facts: Pick<ClusterFacts, 'etcdMembers'>): { members: number; quorum: number; tolerated: number } {
  return { members: facts.etcdMembers, quorum: etcdQuorum(facts.etcdMembers), tolerated: failuresTolerated(facts.etcdMembers) };
}
