// One `rancher-arch check` run: the config, every input read and checked on its own, the config's
// policy applied, and one outcome for the lot. Output formats only read a CheckRun; they never
// read files or run rules themselves.
import {
  checkPlan,
  formatById,
  InputError,
  SEVERITY_RANK,
  type ClusterSummary,
  type Finding,
  type InputFormat,
  type InputWarning,
  type Plan,
  type ReadResult,
  type Report,
  type RuleId,
  type Severity,
} from '../../rules/index.ts';
import type { LoadedConfig } from '../config/load.ts';
import { applyPolicy, policyOf, type CheckedFinding, type Override, type PolicyOutcome, type WaivedFinding, type WaiverRef } from '../config/policy.ts';
import type { Io } from '../io.ts';
import { readAnySource } from '../folder.ts';
import type { Source } from '../inputs.ts';
import type { ReadSettings } from '../options.ts';

/** Reader warnings kept per input (a file with 50,000 duplicate keys has 50,000); the rest are counted. */
export const MAX_WARNINGS_KEPT = 20;

/** Nodes of one finding given a place of their own in the reports (the first, and those listed beside it). */
export const MAX_PLACED_NODES = 51;

type Position = NonNullable<ReturnType<ReadResult['locate']>>;

/**
 * Where the findings of one input lie: the names of the cluster and node entries they point at
 * (by position, as the engine gives them in `finding.at`) and the place of each in the file, found
 * while the input is read. The plan and the text behind the places are let go once the input is
 * checked, so a run's memory stays flat in the number of files.
 */
export interface FindingPlaces {
  /** The name of the cluster at this position, if a finding points at it. */
  clusterName(cluster: number): string | undefined;
  /** The name of the node at this position of its cluster, if a finding points at it. */
  nodeName(cluster: number, node: number): string | undefined;
  /** The place of a path a report may point at: `['rancher']`, a cluster, or a node a finding names. */
  locate(path: readonly PropertyKey[]): Position | undefined;
}

/** Find the places now, while the plan and its text are at hand. */
export function placesOf(plan: Plan, findings: readonly Pick<Finding, 'at'>[], locate: ReadResult['locate']): FindingPlaces {
  const names = new Map<string, string>();
  const positions = new Map<string, Position | undefined>();
  const keep = (path: readonly PropertyKey[], name: string) => {
    const key = path.join('\u0000');
    if (positions.has(key)) return;
    positions.set(key, locate(path));
    names.set(key, name);
  };
  keep(['rancher'], 'plan');
  for (const f of findings) {
    if (f.at === undefined) continue;
    const cluster = plan.clusters[f.at.cluster];
    if (!cluster) continue;
    keep(['clusters', f.at.cluster], cluster.name);
    for (const ni of f.at.nodes.slice(0, MAX_PLACED_NODES)) {
      const node = cluster.nodes[ni];
      if (node) keep(['clusters', f.at.cluster, 'nodes', ni], node.name);
    }
  }
  return placesFrom(names, positions);
}

// Built in a scope of its own: closures made beside `keep` would share its scope, and with it the
// reader's locate and the whole text behind it.
function placesFrom(names: Map<string, string>, positions: Map<string, Position | undefined>): FindingPlaces {
  return {
    clusterName: (ci) => names.get(['clusters', ci].join('\u0000')),
    nodeName: (ci, ni) => names.get(['clusters', ci, 'nodes', ni].join('\u0000')),
    locate: (path) => positions.get(path.join('\u0000')),
  };
}

export interface CheckedInput {
  ok: true;
  source: Source;
  format: InputFormat;
  /** "an RKE cluster.yml". */
  formatLabel: string;
  /** The report after the config's policy: findings shown, summary recounted. */
  report: Omit<Report, 'findings'> & { findings: CheckedFinding[] };
  waived: WaivedFinding[];
  off: PolicyOutcome['off'];
  turnedOff: PolicyOutcome['turnedOff'];
  /** Did the input (or the command line, or the config) name the Rancher version, or was 2.4 assumed? */
  versionGiven: boolean;
  /** Who chose the Rancher version the input was checked as. */
  versionFrom: VersionFrom;
  /** The first MAX_WARNINGS_KEPT reader warnings, and how many more there were. */
  warnings: InputWarning[];
  warningsOmitted: number;
  places: FindingPlaces;
}

export interface FailedInput {
  ok: false;
  source: Source;
  error: InputError;
}

export type InputOutcome = CheckedInput | FailedInput;

/** Who chose the Rancher version of one input: the input itself, a flag, the config file, or nobody (2.4 assumed). */
export type VersionFrom = 'input' | 'command line' | 'config' | 'assumed';

export interface RunSettings extends ReadSettings {
  failOn: Severity;
  docsBase?: string;
  /** Where settings.rancherVersion came from, when there is one. */
  rancherVersionFrom?: 'command line' | 'config';
}

/** A setting the config file holds, and whether the run used it (a flag or the environment wins over the file). */
export interface ConfigSetting {
  key: 'rancherVersion' | 'as' | 'failOn' | 'docsBase';
  value: string;
  used: boolean;
  /** Where the config file sets it. */
  at?: { line: number; col: number };
}

/**
 * What the config file did to this run, for every format to state: the file, the settings it
 * gave, the rules it turned off (with the findings that dropped) or re-rated, the waivers that hid
 * findings (with how many) and those that matched nothing. A pull request that adds or edits the
 * file changes this, visibly, in whatever format CI keeps.
 */
export interface ConfigEffect {
  file: string;
  settings: ConfigSetting[];
  overrides: readonly Override[];
  /** Findings dropped by a rule turned off, per rule, over all inputs. */
  dropped: Partial<Record<RuleId, number>>;
  /** Waivers that hid findings, in config order, with how many each hid. */
  applied: { waiver: WaiverRef; findings: number }[];
  unusedWaivers: WaiverRef[];
}

export interface CheckRun {
  inputs: InputOutcome[];
  /** The config file could not be read, so nothing was checked. */
  configFailed?: boolean;
  config?: ConfigEffect;
  settings: RunSettings;
  summary: { errors: number; warnings: number; infos: number; waived: number; files: number; unreadable: number };
}

function countBySeverity(findings: readonly { severity: Severity }[]) {
  const summary = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}

/**
 * Who chose an input's version. The reader puts the flag's or config's version into a plan that
 * names none, so a plan whose version equals it is counted as theirs (the same version either way).
 */
function versionFromOf(plan: Plan, settings: RunSettings): VersionFrom {
  const version = plan.rancher?.version;
  if (version === undefined) return 'assumed';
  if (settings.rancherVersion !== undefined && version === settings.rancherVersion) return settings.rancherVersionFrom ?? 'command line';
  return 'input';
}

/** Read and check each source in turn; an unreadable one is recorded, and the others still run. */
export async function runCheck(
  sources: readonly Source[],
  settings: RunSettings,
  loaded: LoadedConfig | undefined,
  io: Io,
  configSettings: readonly ConfigSetting[] = [],
): Promise<CheckRun> {
  const policy = policyOf(loaded, io.today());
  const used = new Set<number>();
  const inputs: InputOutcome[] = [];
  for (const source of sources) {
    try {
      const result = await readAnySource(source, settings, io);
      const report = checkPlan(result.plan, { extraFindings: result.findings });
      const outcome = applyPolicy(report.findings, source.name, policy, used);
      inputs.push({
        ok: true,
        source,
        format: result.format,
        formatLabel: formatById(result.format)?.label ?? result.format,
        report: { ...report, findings: outcome.findings, summary: countBySeverity(outcome.findings) },
        waived: outcome.waived,
        off: outcome.off,
        turnedOff: outcome.turnedOff,
        versionGiven: result.plan.rancher?.version !== undefined,
        versionFrom: versionFromOf(result.plan, settings),
        warnings: result.warnings.slice(0, MAX_WARNINGS_KEPT),
        warningsOmitted: Math.max(0, result.warnings.length - MAX_WARNINGS_KEPT),
        places: placesOf(result.plan, [...outcome.findings, ...outcome.waived, ...outcome.turnedOff], result.locate),
      });
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      inputs.push({ ok: false, source, error });
    }
  }
  const checked = inputs.filter((i): i is CheckedInput => i.ok);
  const all = checked.flatMap((i) => i.report.findings);
  const summary = {
    ...countBySeverity(all),
    waived: checked.reduce((n, i) => n + i.waived.length, 0),
    files: inputs.length,
    unreadable: inputs.length - checked.length,
  };
  const dropped: Partial<Record<RuleId, number>> = {};
  for (const i of checked) for (const [rule, n] of Object.entries(i.off) as [RuleId, number][]) dropped[rule] = (dropped[rule] ?? 0) + n;
  const hid = new Map<number, number>();
  for (const f of checked.flatMap((i) => i.waived)) hid.set(f.waiver.index, (hid.get(f.waiver.index) ?? 0) + 1);
  const config: ConfigEffect | undefined = loaded
    ? {
        file: loaded.file,
        settings: [...configSettings],
        overrides: policy.overrides,
        dropped,
        applied: policy.waivers.filter((w) => hid.has(w.ref.index)).map((w) => ({ waiver: w.ref, findings: hid.get(w.ref.index) ?? 0 })),
        unusedWaivers: policy.waivers.filter((w) => !used.has(w.ref.index)).map((w) => w.ref),
      }
    : undefined;
  return config ? { inputs, config, settings, summary } : { inputs, settings, summary };
}

/** A run whose config file could not be read: nothing was checked. */
export function failedRun(error: InputError, settings: RunSettings): CheckRun {
  const source: Source = { name: error.file ?? '.rancher-arch.yaml', path: error.file };
  return {
    inputs: [{ ok: false, source, error }],
    configFailed: true,
    settings,
    summary: { errors: 0, warnings: 0, infos: 0, waived: 0, files: 0, unreadable: 1 },
  };
}

/** Does this finding fail the run under --fail-on? */
export function fails(finding: { severity: Severity }, failOn: Severity): boolean {
  return SEVERITY_RANK[finding.severity] >= SEVERITY_RANK[failOn];
}

/** 2 when anything could not be read, 1 when a shown finding fails, else 0. */
export function exitCodeOf(run: CheckRun): number {
  if (run.inputs.some((i) => !i.ok)) return 2;
  const failing = run.inputs.some((i) => i.ok && i.report.findings.some((f) => fails(f, run.settings.failOn)));
  return failing ? 1 : 0;
}

/** The clusters of every checked input, each with the file it came from. */
export function clustersOf(run: CheckRun): (ClusterSummary & { file: string })[] {
  return run.inputs.flatMap((i) => (i.ok ? i.report.clusters.map((c) => ({ ...c, file: i.source.name })) : []));
}
