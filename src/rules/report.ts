// The shape of what `checkPlan` and `simulateFailure` return. Islands, the CLI and diagrams read
// these types; only src/rules builds them.
import type { RuleId } from './catalogue/index.ts';
import type { DatastoreKind } from './cluster-facts.ts';
import type { Severity } from './rule.ts';
import type { Distribution } from './vocabulary.ts';

export type { Severity } from './rule.ts';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** Cluster name, absent for plan-wide findings (e.g. the Docker install). */
  cluster?: string;
  /** Names of the nodes the finding is about (may be empty). */
  nodes: string[];
  /**
   * Where in the plan: the cluster's position in plan.clusters and its nodes' positions in that
   * cluster's nodes, so a report can point at the very entries even where two share a name. A
   * finding about a name itself (two entries sharing it, a name that is no valid hostname) points
   * at every entry bearing it. Absent for plan-wide findings.
   */
  at?: { cluster: number; nodes: number[] };
  message: string;
  /** Site-relative path with anchor, e.g. "load-balancer/#layer-4-not-layer-7". */
  docs: string;
}

export interface ClusterSummary {
  name: string;
  purpose: 'rancher' | 'downstream';
  distribution: Distribution;
  nodeCount: number;
  /** Nodes per role as written (etcd, controlplane, worker, server, agent). */
  roles: Record<string, number>;
  /** Where the cluster data lives. */
  datastore: DatastoreKind;
  /** Members of the cluster's own etcd quorum (none with an external datastore, SQLite or a managed service). */
  etcdMembers: number;
  /** floor(n/2)+1, 0 when there are no members. */
  quorum: number;
  /** floor((n-1)/2), 0 when there are no members. */
  failuresTolerated: number;
  /** Nodes running an API server. */
  controlPlaneNodes: number;
  /** Nodes that take workloads. */
  workerNodes: number;
}

export interface Report {
  /** The Rancher version the plan was checked as, and the profile that version falls in. */
  rancherVersion: string;
  profile: { id: string; label: string };
  findings: Finding[];
  clusters: ClusterSummary[];
  summary: { errors: number; warnings: number; infos: number };
}

export interface FailureOutcome {
  cluster: string;
  failed: string[];
  etcd: { members: number; alive: number; quorum: number; kept: boolean; external: boolean };
  apiAvailable: boolean;
  schedulable: boolean;
  /** Only for the Rancher cluster; undefined for downstream clusters. */
  rancherReachable?: boolean;
  /** Set when the cluster has a load balancer and it was failed. */
  loadBalancerFailed?: boolean;
  /** Set when the cluster keeps its data in an external datastore and that datastore was failed. */
  datastoreFailed?: boolean;
  /** Plain sentences saying what broke and why, for people. */
  notes: string[];
}
