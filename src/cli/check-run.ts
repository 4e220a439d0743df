// One `rancher-arch check` run: the config, every input read and checked on its own, the config's
// policy applied, and one outcome for the lot. Output formats only read a CheckRun; they never
// read files or run rules themselves.
import {
  checkPlan,
  formatById,
  InputError,
  SEVERITY_RANK,
  type ClusterSummary,
  type InputFormat,
  type InputWarning,
  type Plan,
  type ReadResult,
  type Report,
  type Severity,
} from '../rules/index.ts';
import type { LoadedConfig } from './config/load.ts';
import { applyPolicy, policyOf, type CheckedFinding, type Override, type PolicyOutcome, type WaivedFinding, type WaiverRef } from './config/policy.ts';
import type { Io } from './io.ts';
import { readAnySource } from './folder.ts';
import type { Source } from './inputs.ts';
import type { ReadSettings } from './options.ts';

/** Reader warnings kept per input (a file with 50,000 duplicate keys has 50,000); the rest are counted. */
export const MAX_WARNINGS_KEPT = 20;

/** Nodes of one finding given a place of their own in the reports (the first, and those listed beside it). */
export const MAX_PLACED_NODES = 51;

type Position = NonNullable<ReturnType<ReadResult['locate']>>;

/**
 * Where the findings of one input lie: the index of each cluster and node they name and the place
 * of each in the file, found while the input is read. The plan and the text behind the places are
 * let go once the input is checked, so a run's memory stays flat in the number of files.
 */
export interface FindingPlaces {
  /** The index of a cluster in the plan, -1 when no finding names it. */
  clusterIndex(cluster: string): number;
  /** The index of a node in its cluster, -1 when no finding names it. */
  nodeIndex(clusterIndex: number, node: string): number;
  /** The place of a path a report may point at: `['rancher']`, a cluster, or a node a finding names. */
  locate(path: readonly PropertyKey[]): Position | undefined;
}

/** Find the places now, while the plan and its text are at hand. */
export function placesOf(plan: Plan, findings: readonly { cluster?: string; nodes: readonly string[] }[], locate: ReadResult['locate']): FindingPlaces {
  const clusters = new Map<string, number>();
  const nodes = new Map<number, Map<string, number>>();
  const positions = new Map<string, Position | undefined>();
  const keep = (path: readonly PropertyKey[]) => {
    const key = path.join('\u0000');
    if (!positions.has(key)) positions.set(key, locate(path));
  };
  keep(['rancher']);
  for (const f of findings) {
    if (f.cluster === undefined) continue;
    let ci = clusters.get(f.cluster);
    if (ci === undefined) {
      ci = plan.clusters.findIndex((c) => c.name === f.cluster);
      clusters.set(f.cluster, ci);
    }
    const cluster = plan.clusters[ci];
    if (!cluster) continue;
    keep(['clusters', ci]);
    let byName = nodes.get(ci);
    if (!byName) nodes.set(ci, (byName = new Map<string, number>()));
    for (const n of f.nodes.slice(0, MAX_PLACED_NODES)) {
      let ni = byName.get(n);
      if (ni === undefined) {
        ni = cluster.nodes.findIndex((node) => node.name === n);
        byName.set(n, ni);
      }
      if (ni >= 0) keep(['clusters', ci, 'nodes', ni]);
    }
  }
  return placesFrom(clusters, nodes, positions);
}

// Built in a scope of its own: closures made beside `keep` would share its scope, and with it the
// reader's locate and the whole text behind it.
function placesFrom(clusters: Map<string, number>, nodes: Map<number, Map<string, number>>, positions: Map<string, Position | undefined>): FindingPlaces {
  return {
    clusterIndex: (name) => clusters.get(name) ?? -1,
    nodeIndex: (ci, name) => nodes.get(ci)?.get(name) ?? -1,
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
  /** Did the input (or the command line) name the Rancher version, or was 2.4 assumed? */
  versionGiven: boolean;
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

export interface RunSettings extends ReadSettings {
  failOn: Severity;
  docsBase?: string;
}

export interface CheckRun {
  inputs: InputOutcome[];
  /** The config file could not be read, so nothing was checked. */
  configFailed?: boolean;
  config?: { file: string; overrides: readonly Override[]; unusedWaivers: WaiverRef[] };
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

/** Read and check each source in turn; an unreadable one is recorded, and the others still run. */
export async function runCheck(sources: readonly Source[], settings: RunSettings, loaded: LoadedConfig | undefined, io: Io): Promise<CheckRun> {
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
        versionGiven: result.plan.rancher?.version !== undefined,
        warnings: result.warnings.slice(0, MAX_WARNINGS_KEPT),
        warningsOmitted: Math.max(0, result.warnings.length - MAX_WARNINGS_KEPT),
        places: placesOf(result.plan, [...outcome.findings, ...outcome.waived], result.locate),
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
  const config = loaded
    ? { file: loaded.file, overrides: policy.overrides, unusedWaivers: policy.waivers.filter((w) => !used.has(w.ref.index)).map((w) => w.ref) }
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
