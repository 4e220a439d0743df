// What the config file does to a report: a rule turned off drops its findings, a severity setting
// changes theirs, and a waiver hides a matching finding while its date holds. Nothing disappears
// without a trace: overridden findings keep their rule's own severity beside the new one, waived
// findings are kept (with the waiver) for every report to list, and an expired waiver is named on
// the finding it no longer hides.
import { posix } from 'node:path';
import { ruleById, type Finding, type RuleId, type Severity } from '../../rules/index.ts';
import { formatPath } from '../../rules/index.ts';
import type { LoadedConfig } from './load.ts';
import type { SeveritySetting, Waiver } from './schema.ts';

/** A waiver as reports mention it. */
export interface WaiverRef {
  /** Its position in the config's waivers list. */
  index: number;
  /** The rule it waives. */
  rule: RuleId;
  reason: string;
  expires?: string;
  /** "file:line:col waivers[2]" in the config file. */
  place: string;
  /** The same place as data. */
  at: { file?: string; line?: number; col?: number; path: string };
}

export interface CheckedFinding extends Finding {
  /** The rule's own severity, when the config set another. */
  defaultSeverity?: Severity;
  /** A waiver that matched but has expired: the finding shows again. */
  expiredWaiver?: WaiverRef;
}

export interface WaivedFinding extends CheckedFinding {
  waiver: WaiverRef;
}

export interface Override {
  rule: RuleId;
  setting: SeveritySetting;
  /** The rule's own severity. */
  default: Severity;
  /** Where the config file sets it. */
  at?: { line: number; col: number };
}

export interface Policy {
  severities: ReadonlyMap<string, SeveritySetting>;
  overrides: readonly Override[];
  waivers: readonly (Waiver & { ref: WaiverRef })[];
  today: string;
}

export interface PolicyOutcome {
  findings: CheckedFinding[];
  waived: WaivedFinding[];
  /** Findings dropped because their rule is off, per rule. */
  off: Partial<Record<RuleId, number>>;
  /** The findings themselves, for SARIF to keep as suppressed results (an alert is not "fixed" by a config). */
  turnedOff: Finding[];
}

/** The policy a config states (an empty one without a config). */
export function policyOf(loaded: LoadedConfig | undefined, today: string): Policy {
  const config = loaded?.config;
  const overrides: Override[] = Object.entries(config?.rules ?? {}).map(([rule, setting]) => {
    const pos = loaded?.locate(['rules', rule]);
    return { rule: rule as RuleId, setting, default: ruleById(rule)?.severity ?? 'error', ...(pos ? { at: { line: pos.line, col: pos.col } } : {}) };
  });
  const waivers = (config?.waivers ?? []).map((w, index) => {
    const pos = loaded?.locate(['waivers', index]);
    const path = formatPath(['waivers', index]);
    const place = `${[loaded?.file, pos?.line, pos?.col].filter((p) => p !== undefined).join(':')} ${path}`;
    const at = { ...(loaded ? { file: loaded.file } : {}), ...(pos ? { line: pos.line, col: pos.col } : {}), path };
    const ref: WaiverRef = w.expires
      ? { index, rule: w.rule, reason: w.reason, expires: w.expires, place, at }
      : { index, rule: w.rule, reason: w.reason, place, at };
    return { ...w, ref };
  });
  return { severities: new Map(overrides.map((o) => [o.rule, o.setting])), overrides, waivers, today };
}

/** Paths compare as written, give or take "./" and backslashes. */
export function samePath(a: string, b: string): boolean {
  const norm = (p: string) => posix.normalize(p.replaceAll('\\', '/')).replace(/^\.\//, '');
  return norm(a) === norm(b);
}

function matches(waiver: Waiver, finding: Finding, file: string): boolean {
  if (waiver.rule !== finding.rule) return false;
  if (waiver.cluster !== undefined && waiver.cluster !== finding.cluster) return false;
  if (waiver.file !== undefined && !samePath(waiver.file, file)) return false;
  if (waiver.nodes !== undefined) {
    // Every node the finding names must be waived: a new node with the same problem shows up.
    if (finding.nodes.length === 0) return false;
    const waived = new Set(waiver.nodes);
    if (!finding.nodes.every((n) => waived.has(n))) return false;
  }
  return true;
}

/** Apply the policy to one input's findings. `used` collects the waivers that matched something. */
export function applyPolicy(findings: readonly Finding[], file: string, policy: Policy, used: Set<number>): PolicyOutcome {
  const out: PolicyOutcome = { findings: [], waived: [], off: {}, turnedOff: [] };
  for (const original of findings) {
    const setting = policy.severities.get(original.rule);
    if (setting === 'off') {
      out.off[original.rule] = (out.off[original.rule] ?? 0) + 1;
      out.turnedOff.push(original);
      continue;
    }
    const finding: CheckedFinding = { ...original };
    if (setting !== undefined && setting !== original.severity) {
      finding.severity = setting;
      finding.defaultSeverity = original.severity;
    }
    let expired: WaiverRef | undefined;
    let waiver: WaiverRef | undefined;
    for (const w of policy.waivers) {
      if (!matches(w, finding, file)) continue;
      used.add(w.ref.index);
      // The waiver holds through its expiry date and stops the day after.
      if (w.expires !== undefined && policy.today > w.expires) expired ??= w.ref;
      else {
        waiver = w.ref;
        break;
      }
    }
    if (waiver) out.waived.push({ ...finding, waiver });
    else out.findings.push(expired ? { ...finding, expiredWaiver: expired } : finding);
  }
  return out;
}
