// Plan facts the diagrams draw: role groups, labels and the marks (failed,
// highlighted, findings) that the checker passes in. Pure data, no geometry and no React.
import { KUBERNETES_ROLES, ROLE_TEXT, type Cluster, type NodeRole, type Plan, type PlanNode } from '../rules/vocabulary.ts';
import type { Finding, Report, Severity } from '../rules/report.ts';
import { SEVERITY_RANK } from '../rules/rule.ts';
import { clusterPurpose } from '../rules/cluster-facts.ts';
import { nodeKey } from '../rules/keys.ts';

export const ROLE_ORDER: readonly NodeRole[] = ['etcd', 'controlplane', 'worker', 'server', 'agent'];

/** A node's roles, de-duplicated, in a fixed order (so "worker, etcd" and "etcd, worker" group together). */
export function sortedRoles(node: PlanNode): NodeRole[] {
  return ROLE_ORDER.filter((r) => node.roles.includes(r));
}

export function roleSignature(roles: readonly NodeRole[]): string {
  return roles.length ? roles.join('+') : 'none';
}

export function roleGroupLabel(roles: readonly NodeRole[]): string {
  if (roles.length === 0) return 'no role';
  if (roles.length === 3 && KUBERNETES_ROLES.every((r) => roles.includes(r))) return 'all three roles (etcd, controlplane, worker)';
  if (roles.length === 1) return `${ROLE_TEXT[roles[0]!].name} only`;
  return roles.map((r) => ROLE_TEXT[r].name).join(' + ');
}

/** How a diagram captions a cluster: the facts' purpose, with downstream clusters that run apps told apart. */
export type ClusterCaption = 'rancher' | 'user' | 'downstream';

export function captionOf(plan: Plan, cluster: Cluster): ClusterCaption {
  if (clusterPurpose(plan, cluster) === 'rancher') return 'rancher';
  return cluster.userWorkloads ? 'user' : 'downstream';
}

export const CAPTION_LABEL: Record<ClusterCaption, string> = {
  rancher: 'Rancher server cluster',
  user: 'User cluster (runs apps)',
  downstream: 'Downstream cluster',
};

// ---- marks -------------------------------------------------------------------------------

export function worstSeverity(findings: readonly Finding[]): Severity | undefined {
  let worst: Severity | undefined;
  for (const f of findings) if (!worst || SEVERITY_RANK[f.severity] > SEVERITY_RANK[worst]) worst = f.severity;
  return worst;
}

export interface NodeMarks {
  failed: boolean;
  highlighted: boolean;
  /** The worst severity among the findings that name this node. */
  severity?: Severity;
  findings: Finding[];
}

export interface MarkInput {
  report?: Report;
  /** Keys of failed things: nodes "<cluster>/<node>" and parts (see src/rules/failure.ts). */
  failed?: readonly string[];
  highlighted?: readonly string[];
}

export interface Marks {
  node(cluster: string, node: string): NodeMarks;
  /** Findings about a cluster as a whole (no node named). */
  cluster(cluster: string): { severity?: Severity; findings: Finding[] };
  /** Findings about the whole plan (no cluster named). */
  plan: Finding[];
  /** Nodes that must stay visible when a group collapses into a count. */
  keep(key: string): boolean;
  /** Whether a part (a load balancer "<cluster>/#load-balancer", a datastore, the Docker host) is marked failed. */
  partFailed(key: string): boolean;
}

export function buildMarks({ report, failed = [], highlighted = [] }: MarkInput): Marks {
  const failedSet = new Set(failed);
  const highlightedSet = new Set(highlighted);
  const byNode = new Map<string, Finding[]>();
  const byCluster = new Map<string, Finding[]>();
  const planWide: Finding[] = [];
  for (const f of report?.findings ?? []) {
    if (!f.cluster) planWide.push(f);
    else if (f.nodes.length === 0) byCluster.set(f.cluster, [...(byCluster.get(f.cluster) ?? []), f]);
    else for (const n of f.nodes) byNode.set(nodeKey(f.cluster, n), [...(byNode.get(nodeKey(f.cluster, n)) ?? []), f]);
  }
  return {
    node(cluster, node) {
      const key = nodeKey(cluster, node);
      const findings = byNode.get(key) ?? [];
      return { failed: failedSet.has(key), highlighted: highlightedSet.has(key), severity: worstSeverity(findings), findings };
    },
    cluster(cluster) {
      const findings = byCluster.get(cluster) ?? [];
      return { severity: worstSeverity(findings), findings };
    },
    plan: planWide,
    keep: (key) => failedSet.has(key) || highlightedSet.has(key) || byNode.has(key),
    partFailed: (key) => failedSet.has(key),
  };
}

/** The CSS classes the checker island reacts to. */
export function markClasses(marks: NodeMarks): string[] {
  const classes: string[] = [];
  if (marks.failed) classes.push('is-failed');
  if (marks.highlighted) classes.push('is-highlighted');
  if (marks.severity) classes.push(`has-${marks.severity}`);
  return classes;
}
