// What a rule is. Rules are data plus one `check` function (ESLint-style): the engine in check.ts
// hands each rule a context, the rule calls `report`, the engine fills in id, tier and docs link.
// Every rule lives in its own module, src/rules/catalogue/<id>.ts, with its fires / stays-quiet
// examples beside it; catalogue/index.ts (generated) lists them.
import type { ClusterFacts } from './cluster-facts.ts';
import type { DocsRef } from './guide-pages.ts';
import type { ReadOptions } from './formats/read.ts';
import type { SourceId } from './rule-sources.ts';
import type { Source } from './sources.ts';
import type { Profile, VersionRange } from './versions.ts';
import type { Plan, PlanInput, PlanNode } from './vocabulary.ts';

export type Severity = 'error' | 'warning' | 'info';
/** Severities from the mildest up: a higher rank is more severe (worst marks, --fail-on thresholds). */
export const SEVERITY_RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** What a rule is about; the calculators and the rule reference group rules by it. */
export const CATEGORIES = {
  plan: 'The plan itself',
  validity: 'What the tools themselves refuse',
  installation: 'How Rancher is installed',
  separation: 'Separation of Rancher and user clusters',
  'rancher-cluster': 'The Rancher server cluster',
  environment: 'Where it runs',
  'load-balancer': 'The load balancer',
  'node-roles': 'Node roles',
  etcd: 'etcd',
  endpoint: 'The authorized cluster endpoint',
  sizing: 'Sizing',
} as const;

export type Category = keyof typeof CATEGORIES;
export const CATEGORY_ORDER = Object.keys(CATEGORIES) as Category[];

export interface ReportInput {
  cluster?: string;
  /**
   * The node entries the finding is about, the very objects of plan.clusters[i].nodes (the cluster
   * facts hold the same ones): the report points at exactly these. Never names: where two entries
   * share a name, a name cannot say which of them is meant.
   */
  nodes?: readonly PlanNode[];
  /**
   * Names that match no node entry (a load-balancer or endpoint target that names no node, which
   * plan-target-known reports): printed after the nodes' names, pointing at no entry.
   */
  unmatchedNames?: readonly string[];
  message: string;
  /** Overrides the rule's default tier (rancher-cluster-ha depends on the Rancher version). */
  severity?: Severity;
}

export interface RuleContext {
  plan: Plan;
  /** Rancher version the plan is checked as (the plan's own, or 2.4 when it names none). */
  rancherVersion: string;
  /** False when the plan named no version and 2.4 was assumed. */
  versionGiven: boolean;
  profile: Profile;
  /** The cluster that runs Rancher, if any. */
  rancher?: ClusterFacts;
  clusters: ClusterFacts[];
  downstream: ClusterFacts[];
  report(finding: ReportInput): void;
}

interface RuleBase<Id extends string> {
  id: Id;
  /** Default tier: error = a stated requirement, warning = a recommendation, info = a note. */
  severity: Severity;
  category: Category;
  title: string;
  /** The heading on the guidance page that explains it. */
  docs: DocsRef;
  /** The Rancher versions the rule applies to; absent: every version. */
  versions?: VersionRange;
}

/**
 * What a rule says about itself to people: the rule reference page, `rancher-arch explain`, SARIF.
 * Exported beside `rule` but apart from it, so the browser, which only runs the checks, does not
 * ship these words (catalogue/about.ts gathers them; the checker never imports it).
 */
export interface RuleAbout {
  /** Why the rule exists, in a sentence or two. */
  rationale: string;
  /** Where a rule beyond the v2.0–v2.4 guidance comes from (document and version, or thread). */
  sources?: readonly Source[];
}

/**
 * What a rule module writes as its `about`: the same, with its sources as ids in the rule table
 * (rule-sources.ts). `aboutRule` resolves them, so the browser, which imports the rule modules for
 * their checks, never reaches the documents.
 */
export interface RuleAboutEntry {
  rationale: string;
  sources?: readonly SourceId[];
}

/** A rule checked against a plan. */
export interface PlanRule<Id extends string = string> extends RuleBase<Id> {
  check(ctx: RuleContext): void;
  readBy?: undefined;
}

/** A rule only a source file can show (rke's refusals in a cluster.yml): its reader reports it. */
export interface ReaderRule<Id extends string = string> extends RuleBase<Id> {
  /** Which reader reports it, in words ("the RKE cluster.yml reader"). */
  readBy: string;
  check?: undefined;
}

export type Rule<Id extends string = string> = PlanRule<Id> | ReaderRule<Id>;

/** Keeps the rule's id as a literal type, so the catalogue can derive `RuleId`. */
export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}

/** One worked example: a plan (or, for reader rules, a source text) and what it should produce. */
export interface Example {
  plan?: PlanInput;
  /** Source text for reader rules, read with `readInputDetailed`. */
  text?: string;
  read?: ReadOptions;
  /** The nodes the finding must name, when that matters. */
  nodes?: readonly string[];
  /** The tier expected, when the rule varies it. */
  severity?: Severity;
  /** Why this example is here, shown when it fails. */
  note?: string;
}

export interface RuleExamples {
  /** Plans on which the rule reports (at least once). */
  fires: readonly Example[];
  /** Close neighbours on which it stays quiet. */
  quiet: readonly Example[];
}
