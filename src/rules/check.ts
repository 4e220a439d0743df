// The engine: compute per-cluster facts once, run every rule, order the findings.
// Order: plan-wide findings first, then by cluster (plan order), then catalogue order, then the
// order the rule reported in (which follows node order).
import { RULES } from './catalogue/index.ts';
import { NODE_ROLES, rancherCluster, type Cluster, type Plan } from './vocabulary.ts';
import { etcdMemberCount, etcdQuorum, failuresTolerated } from './quorum.ts';
import type { ClusterSummary, Finding, Report } from './report.ts';
import type { ClusterFacts, Rule, RuleContext } from './rule.ts';

export interface CheckOptions {
  /** Findings found elsewhere (e.g. while reading a cluster.yml), merged and ordered with the rest. */
  extraFindings?: readonly Finding[];
  /** Run only these rules (default: the whole catalogue). */
  rules?: readonly Rule[];
}

function clusterFacts(cluster: Cluster, index: number, isRancher: boolean): ClusterFacts {
  const roles: Record<string, number> = {};
  const nodesByName = new Map<string, Cluster['nodes'][number]>();
  for (const node of cluster.nodes) {
    if (!nodesByName.has(node.name)) nodesByName.set(node.name, node);
    const nodeRoles = node.roles.length > 1 ? new Set(node.roles) : node.roles;
    for (const role of nodeRoles) roles[role] = (roles[role] ?? 0) + 1;
  }
  return {
    cluster,
    index,
    purpose: isRancher ? 'rancher' : 'downstream',
    roles,
    etcdMembers: etcdMemberCount(cluster),
    nodesByName,
  };
}

export function clusterFactsOf(plan: Plan): ClusterFacts[] {
  const rancher = rancherCluster(plan);
  return plan.clusters.map((c, i) => clusterFacts(c, i, c === rancher));
}

function roleOrder(role: string): number {
  const i = (NODE_ROLES as readonly string[]).indexOf(role);
  return i === -1 ? NODE_ROLES.length : i;
}

export function summarise(facts: ClusterFacts): ClusterSummary {
  return {
    name: facts.cluster.name,
    purpose: facts.purpose,
    distribution: facts.cluster.distribution,
    nodeCount: facts.cluster.nodes.length,
    roles: Object.fromEntries(Object.entries(facts.roles).sort(([a], [b]) => roleOrder(a) - roleOrder(b))),
    etcdMembers: facts.etcdMembers,
    quorum: etcdQuorum(facts.etcdMembers),
    failuresTolerated: failuresTolerated(facts.etcdMembers),
  };
}

export function checkPlan(plan: Plan, options: CheckOptions = {}): Report {
  const rules = options.rules ?? RULES;
  const clusters = clusterFactsOf(plan);
  const clusterIndex = new Map<string, number>();
  for (const f of clusters) if (!clusterIndex.has(f.cluster.name)) clusterIndex.set(f.cluster.name, f.index);
  const ruleIndex = new Map(RULES.map((r, i) => [r.id, i]));

  const keyed: { finding: Finding; c: number; r: number; seq: number }[] = [];
  const push = (finding: Finding) => {
    keyed.push({
      finding,
      c: finding.cluster === undefined ? -1 : (clusterIndex.get(finding.cluster) ?? -1),
      r: ruleIndex.get(finding.rule) ?? RULES.length,
      seq: keyed.length,
    });
  };
  for (const f of options.extraFindings ?? []) push(f);

  let current: Rule = rules[0] as Rule;
  const ctx: RuleContext = {
    plan,
    rancherVersion: plan.rancher?.version ?? '2.4',
    rancher: clusters.find((c) => c.purpose === 'rancher'),
    clusters,
    downstream: clusters.filter((c) => c.purpose === 'downstream'),
    report(input) {
      const finding: Finding = {
        rule: current.id,
        severity: input.severity ?? current.severity,
        nodes: input.nodes ?? [],
        message: input.message,
        docs: current.docs,
      };
      if (input.cluster !== undefined) finding.cluster = input.cluster;
      push(finding);
    },
  };
  for (const rule of rules) {
    current = rule;
    rule.check(ctx);
  }

  keyed.sort((a, b) => a.c - b.c || a.r - b.r || a.seq - b.seq);
  const findings = keyed.map((k) => k.finding);
  const summary = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return { findings, clusters: clusters.map(summarise), summary };
}
