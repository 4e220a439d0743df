// The report for people in a terminal or a CI log: per input, the version it was checked as, then
// findings grouped by cluster with their guidance named in words; the config's effect; one summary.
// Every value from an input goes through `printable` (control characters escaped, length bounded).
import { DISTRIBUTION_LABEL, plural, type ClusterSummary, type Severity } from '../../rules/index.ts';
import type { CheckedInput, CheckRun } from '../commands/check-run.ts';
import type { CheckedFinding, WaivedFinding, WaiverRef } from '../config/policy.ts';
import { describeLink, findingLink } from '../docs-links.ts';
import { configEffectItems, configHeading, versionOrigin } from './config-effect.ts';
import { printable as p } from '../safe-text.ts';

export interface TextOptions {
  color: boolean;
  showWaived: boolean;
}

const MARK: Record<Severity | 'waived', { text: string; code: string }> = {
  error: { text: 'error  ', code: '31' },
  warning: { text: 'warning', code: '33' },
  info: { text: 'info   ', code: '36' },
  waived: { text: 'waived ', code: '2' },
};
const INDENT = '          ';

function painter(color: boolean) {
  return (code: string, text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
}

export function clusterHeading(c: ClusterSummary): string {
  const roles =
    Object.entries(c.roles)
      .map(([r, n]) => `${n} ${r}`)
      .join(', ') || 'no roles';
  const etcd = c.etcdMembers > 0 ? `; etcd ${plural(c.etcdMembers, 'member')}, quorum ${c.quorum}, tolerates ${plural(c.failuresTolerated, 'failure')}` : '';
  return `Cluster ${p(c.name)} (${c.purpose}, ${DISTRIBUTION_LABEL[c.distribution]}, ${plural(c.nodeCount, 'node')}: ${roles}${etcd})`;
}

/** "checked as Rancher 2.4.8 (profile Rancher 2.4)", saying who chose the version when the input did not. */
export function checkedAs(input: CheckedInput, configFile: string | undefined): string {
  const { rancherVersion, profile } = input.report;
  const origin = versionOrigin(input, configFile);
  return `checked as Rancher ${p(rancherVersion)} (profile ${p(profile.label)}${origin ? `; ${p(origin)}` : ''})`;
}

export function waiverNote(w: WaiverRef): string {
  return `${p(w.place)}: ${p(w.reason)}`;
}

function findingLines(f: CheckedFinding, base: string | undefined, paint: ReturnType<typeof painter>, configFile: string | undefined): string[] {
  const mark = MARK[f.severity];
  const lines = [`  ${paint(mark.code, mark.text)} ${p(f.message)} ${paint('2', `[${f.rule}]`)}`];
  if (f.defaultSeverity)
    lines.push(`${INDENT}${paint('2', `severity set to ${f.severity} by ${p(configFile ?? 'the config')} (the rule's own: ${f.defaultSeverity})`)}`);
  if (f.expiredWaiver)
    lines.push(`${INDENT}${paint('33', `waiver expired on ${p(f.expiredWaiver.expires ?? '')}, so this shows again: ${waiverNote(f.expiredWaiver)}`)}`);
  lines.push(`${INDENT}${paint('2', p(describeLink(findingLink(f.rule, f.docs, base))))}`);
  return lines;
}

function waivedLines(f: WaivedFinding, paint: ReturnType<typeof painter>): string[] {
  const until = f.waiver.expires ? ` (until ${p(f.waiver.expires)})` : '';
  return [
    `  ${paint(MARK.waived.code, MARK.waived.text)} ${p(f.message)} ${paint('2', `[${f.rule}, ${f.severity}]`)}`,
    `${INDENT}${paint('2', `waived${until} by ${waiverNote(f.waiver)}`)}`,
  ];
}

function inputLines(input: CheckedInput, run: CheckRun, options: TextOptions): string[] {
  const paint = painter(options.color);
  const base = run.settings.docsBase;
  const out = [paint('1', `${p(input.source.name)}: ${input.formatLabel}, ${checkedAs(input, run.config?.file)}`), ''];
  // Groups in report order: plan-wide first, then clusters in plan order.
  const keys: (string | undefined)[] = [];
  const seen = new Set<string>();
  const note = (key: string | undefined) => {
    const k = key ?? '\u0000';
    if (!seen.has(k)) {
      seen.add(k);
      keys.push(key);
    }
  };
  if (input.report.findings.some((f) => f.cluster === undefined) || input.waived.some((f) => f.cluster === undefined)) note(undefined);
  for (const c of input.report.clusters) note(c.name);
  for (const f of [...input.report.findings, ...input.waived]) note(f.cluster);
  for (const key of keys) {
    const summary = key === undefined ? undefined : input.report.clusters.find((c) => c.name === key);
    out.push(paint('1', key === undefined ? 'Whole plan' : summary ? clusterHeading(summary) : `Cluster ${p(key)}`));
    const shown = input.report.findings.filter((f) => f.cluster === key);
    const waived = input.waived.filter((f) => f.cluster === key);
    if (shown.length === 0 && waived.length === 0) out.push('  no findings');
    for (const f of shown) out.push(...findingLines(f, base, paint, run.config?.file));
    if (options.showWaived) for (const f of waived) out.push(...waivedLines(f, paint));
    else if (waived.length > 0) out.push(`  ${paint('2', `${plural(waived.length, 'waived finding')} not shown (--show-waived lists them)`)}`);
    out.push('');
  }
  return out;
}

/** The header: which config file shaped the run, and how. */
function configLines(run: CheckRun): string[] {
  if (!run.config) return [];
  return [p(configHeading(run.config)), ...configEffectItems(run.config).map((item) => `  - ${p(item.text)}`), ''];
}

/** The whole text report for a check run. */
export function formatRunText(run: CheckRun, options: TextOptions): string {
  const out: string[] = [...configLines(run)];
  for (const input of run.inputs) if (input.ok) out.push(...inputLines(input, run, options));
  const { errors, warnings, infos, waived, files, unreadable } = run.summary;
  if (run.configFailed) return `${[...out, 'Nothing was checked: the config file could not be read (see the message above).'].join('\n')}\n`;
  if (unreadable === files)
    return `${[...out, `Nothing was checked: ${plural(unreadable, 'input')} could not be read (see the messages above).`].join('\n')}\n`;
  const parts = [`${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos.toLocaleString('en')} info`];
  if (waived > 0) parts.push(`${waived.toLocaleString('en')} waived`);
  if (files > 1) parts.push(`${plural(files, 'file')} checked`);
  if (unreadable > 0) parts.push(`${unreadable.toLocaleString('en')} could not be read (see the messages above)`);
  out.push(parts.join('; '));
  return `${out.join('\n')}\n`;
}
