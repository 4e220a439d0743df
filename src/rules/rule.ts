// What a rule is. Rules are data plus one `check` function (ESLint-style): the engine in check.ts
// hands each rule a context, the rule calls `report`, the engine fills in id, tier and docs link.
import type { Cluster, Plan, PlanNode } from './plan.ts';
import type { Severity } from './report.ts';

/** Facts about one cluster, computed once so every rule stays a linear scan. */
export interface ClusterFacts {
  cluster: Cluster;
  index: number;
  purpose: 'rancher' | 'downstream';
  roles: Record<string, number>;
  etcdMembers: number;
  /** First node of each name (a Map doubles as the set of names). */
  nodesByName: Map<string, PlanNode>;
}

export interface ReportInput {
  cluster?: string;
  nodes?: string[];
  message: string;
  /** Overrides the rule's default tier (rancher-cluster-ha depends on the Rancher version). */
  severity?: Severity;
}

export interface RuleContext {
  plan: Plan;
  /** Rancher version of the plan, normalised ("2.4" when the plan has no rancher section). */
  rancherVersion: string;
  /** The cluster that runs Rancher, if any. */
  rancher?: ClusterFacts;
  clusters: ClusterFacts[];
  downstream: ClusterFacts[];
  report(finding: ReportInput): void;
}

export interface Rule {
  id: string;
  /** Default tier: error = a stated requirement, warning = a recommendation, info = a note. */
  severity: Severity;
  title: string;
  /** Site-relative path and heading anchor of the guidance that explains it. */
  docs: string;
  /** Why the rule exists, in a sentence or two. */
  rationale: string;
  check(ctx: RuleContext): void;
}

/** "a", "a and b", "a, b and c": node lists inside messages. */
export function listNames(names: readonly string[], limit = 8): string {
  const shown = names.slice(0, limit);
  const rest = names.length - shown.length;
  const items = rest > 0 ? [...shown, `${rest} more`] : shown;
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function nodeKey(node: PlanNode): string {
  return node.address ?? node.name;
}
