// The engine: compute per-cluster facts once, run the rules that apply to the plan's Rancher
// version, order the findings. Order: plan-wide findings first, then by cluster (plan order), then
// catalogue order, then the order the rule reported in (which follows node order).
import { RULES, type RuleId } from './catalogue/index.ts';
import { clusterFactsOf, quorumOf, type ClusterFacts } from './cluster-facts.ts';
import { docsPath } from './guide-pages.ts';
import type { ClusterSummary, Finding, Report } from './report.ts';
import type { Rule, RuleContext } from './rule.ts';
import { COUNT_RULES, hasUnknownCounts } from './unknown-counts.ts';
import { DEFAULT_RANCHER_VERSION, inRange, profileOf } from './versions.ts';
import { NODE_ROLES, type Plan, type PlanNode } from './vocabulary.ts';

export interface CheckOptions {
  /**
   * Findings found elsewhere (e.g. while reading a cluster.yml), merged and ordered with the rest.
   * Each brings its own `at`: the reader built the plan, so it knows the positions of its entries.
   */
  extraFindings?: readonly Finding[];
  /** Run only these rules (default: the whole catalogue); version ranges still apply. */
  rules?: readonly Rule[];
}

/** The Rancher version a plan is checked as: its own, or the seed's 2.4. */
export function checkedVersion(plan: Plan): string {
  return plan.rancher?.version ?? DEFAULT_RANCHER_VERSION;
}

/** The rules that apply to a Rancher version. */
export function rulesFor(version: string, rules: readonly Rule[] = RULES): Rule[] {
  return rules.filter((r) => inRange(version, r.versions ?? {}));
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
    datastore: facts.datastore,
    etcdMembers: facts.etcdMembers,
    quorum: quorumOf(facts).quorum,
    failuresTolerated: quorumOf(facts).tolerated,
    controlPlaneNodes: facts.controlPlane,
    workerNodes: facts.workers,
  };
}

export function checkPlan(plan: Plan, options: CheckOptions = {}): Report {
  const version = checkedVersion(plan);
  const profile = profileOf(version);
  const rules = rulesFor(version, options.rules ?? RULES);
  const clusters = clusterFactsOf(plan);
  const clusterIndex = new Map<string, number>();
  for (const f of clusters) if (!clusterIndex.has(f.cluster.name)) clusterIndex.set(f.cluster.name, f.index);
  const ruleIndex = new Map<string, number>(RULES.map((r, i) => [r.id, i]));

  // Node entries by identity: a finding points at exactly the entries its rule reported.
  const entryAt = new Map<PlanNode, { cluster: number; node: number }>();
  plan.clusters.forEach((c, ci) => c.nodes.forEach((n, ni) => entryAt.set(n, { cluster: ci, node: ni })));
  /**
   * Where a finding stands: the cluster of its node entries (else the cluster it names) and their
   * positions. Only entries locate, never names: a name two entries share cannot say which is meant.
   */
  const locate = (cluster: number | undefined, entries: readonly PlanNode[]): Finding['at'] => {
    const first = entries[0] === undefined ? undefined : entryAt.get(entries[0]);
    const ci = first?.cluster ?? cluster;
    if (ci === undefined || plan.clusters[ci] === undefined) return undefined;
    const nodes = entries.flatMap((e) => {
      const p = entryAt.get(e);
      return p?.cluster === ci ? [p.node] : [];
    });
    return { cluster: ci, nodes };
  };

  const keyed: { finding: Finding; c: number; r: number; seq: number }[] = [];
  const push = (finding: Finding) => {
    const c = finding.cluster === undefined ? -1 : (clusterIndex.get(finding.cluster) ?? -1);
    keyed.push({
      finding,
      c: finding.at?.cluster ?? c,
      r: ruleIndex.get(finding.rule) ?? RULES.length,
      seq: keyed.length,
    });
  };
  for (const f of options.extraFindings ?? []) push(f);
  // Clusters whose node counts the source leaves open: rules that count nodes would judge a guess.
  const openCounts = new Set(plan.clusters.filter(hasUnknownCounts).map((c) => c.name));

  let current: Rule | undefined;
  const ctx: RuleContext = {
    plan,
    rancherVersion: version,
    versionGiven: plan.rancher?.version !== undefined,
    profile,
    rancher: clusters.find((c) => c.purpose === 'rancher'),
    clusters,
    downstream: clusters.filter((c) => c.purpose === 'downstream'),
    report(input) {
      if (!current) throw new Error('report() called outside a rule');
      const entries = [...new Set(input.nodes ?? [])];
      const names = [...new Set([...entries.map((n) => n.name), ...(input.unmatchedNames ?? [])])];
      const finding: Finding = {
        rule: current.id as RuleId,
        severity: input.severity ?? current.severity,
        nodes: names,
        message: input.message,
        docs: docsPath(current.docs),
      };
      if (input.cluster !== undefined) {
        finding.cluster = input.cluster;
        const at = locate(clusterIndex.get(input.cluster), entries);
        if (at) finding.at = at;
      }
      if (input.cluster !== undefined && openCounts.has(input.cluster) && COUNT_RULES.has(current.id)) return;
      push(finding);
    },
  };
  for (const rule of rules) {
    if (!rule.check) continue; // reported by a reader, arrives in extraFindings
    current = rule;
    rule.check(ctx);
  }
  current = undefined;

  keyed.sort((a, b) => a.c - b.c || a.r - b.r || a.seq - b.seq);
  const findings = keyed.map((k) => k.finding);
  const summary = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return { rancherVersion: version, profile: { id: profile.id, label: profile.label }, findings, clusters: clusters.map(summarise), summary };
}
