// Comparing two plans as a reader does: which nodes and roles differ, then which findings.
// Nodes are matched by cluster and node name ("production/etcd-1").
import type { NodeRole, Plan } from '../../rules/plan.ts';
import type { Finding } from '../../rules/report.ts';
import { nodeKey } from '../../rules/keys.ts';

/** A finding as the reader tells two apart: same rule, severity, cluster and words. */
const findingKey = (f: Finding) => `${f.severity}|${f.rule}|${f.cluster ?? ''}|${f.message}`;

export interface FindingsDiff {
  onlyA: Finding[];
  onlyB: Finding[];
  both: number;
}

export function diffFindings(a: readonly Finding[], b: readonly Finding[]): FindingsDiff {
  const count = (list: readonly Finding[]) => {
    const m = new Map<string, number>();
    for (const f of list) m.set(findingKey(f), (m.get(findingKey(f)) ?? 0) + 1);
    return m;
  };
  const inA = count(a);
  const inB = count(b);
  const only = (list: readonly Finding[], other: Map<string, number>) => {
    const left = new Map(other);
    return list.filter((f) => {
      const n = left.get(findingKey(f)) ?? 0;
      if (n > 0) left.set(findingKey(f), n - 1);
      return n === 0;
    });
  };
  const onlyA = only(a, inB);
  return { onlyA, onlyB: only(b, inA), both: a.length - onlyA.length };
}

export interface RoleChange {
  /** "cluster/node" */
  node: string;
  rolesA: NodeRole[];
  rolesB: NodeRole[];
}

export interface NodeDiff {
  /** "cluster/node" of nodes only in A, then only in B, in plan order. */
  onlyA: string[];
  onlyB: string[];
  /** Nodes in both whose roles differ. */
  roles: RoleChange[];
}

const nodesOf = (plan: Plan) => new Map(plan.clusters.flatMap((c) => c.nodes.map((n) => [nodeKey(c.name, n.name), n.roles] as const)));
const sameRoles = (a: readonly NodeRole[], b: readonly NodeRole[]) => a.length === b.length && a.every((r) => b.includes(r));

export function diffNodes(a: Plan, b: Plan): NodeDiff {
  const inA = nodesOf(a);
  const inB = nodesOf(b);
  const roles: RoleChange[] = [];
  for (const [node, rolesA] of inA) {
    const rolesB = inB.get(node);
    if (rolesB && !sameRoles(rolesA, rolesB)) roles.push({ node, rolesA: [...rolesA], rolesB: [...rolesB] });
  }
  return { onlyA: [...inA.keys()].filter((k) => !inB.has(k)), onlyB: [...inB.keys()].filter((k) => !inA.has(k)), roles };
}
