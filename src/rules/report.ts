// The shape of what `checkPlan` and `simulateFailure` return. Islands, the CLI and diagrams read
// these types; only src/rules builds them.
import type { Cluster } from './plan.ts';

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  rule: string;
  severity: Severity;
  /** Cluster name, absent for plan-wide findings (e.g. the Docker install). */
  cluster?: string;
  /** Names of the nodes the finding is about (may be empty). */
  nodes: string[];
  message: string;
  /** Site-relative path with anchor, e.g. "load-balancer/#layer-4-not-layer-7". */
  docs: string;
}

export interface ClusterSummary {
  name: string;
  purpose: 'rancher' | 'downstream';
  distribution: Cluster['distribution'];
  nodeCount: number;
  /** Nodes per role (etcd, controlplane, worker, server, agent). */
  roles: Record<string, number>;
  /** Members of the etcd quorum: RKE etcd nodes, or K3s servers with an embedded datastore. */
  etcdMembers: number;
  /** floor(n/2)+1, 0 when there are no members (external datastore or none). */
  quorum: number;
  /** floor((n-1)/2), 0 when there are no members. */
  failuresTolerated: number;
}

export interface Report {
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
  /** Plain sentences saying what broke and why, for people. */
  notes: string[];
}
