// Terminal output for `rancher-arch check`: findings grouped by cluster, severity marked, docs shown.
import { docsPath, docsTitle, type Report, type Rule, type Severity } from '../rules/index.ts';

export interface Style {
  color: boolean;
  docsBase: string;
}

const MARK: Record<Severity, { text: string; code: string }> = {
  error: { text: 'error  ', code: '31' },
  warning: { text: 'warning', code: '33' },
  info: { text: 'info   ', code: '36' },
};

function paint(style: Style, code: string, text: string): string {
  return style.color ? `\u001b[${code}m${text}\u001b[0m` : text;
}

export function formatReportText(report: Report, style: Style, source?: string): string {
  const out: string[] = [];
  if (source) out.push(paint(style, '1', source), '');
  const seen = new Set<string>();
  const groups: { key: string | undefined; heading: string }[] = [];
  const headingFor = (key: string | undefined) => {
    if (key === undefined) return 'Whole plan';
    const c = report.clusters.find((s) => s.name === key);
    if (!c) return `Cluster ${key}`;
    const roles =
      Object.entries(c.roles)
        .map(([r, n]) => `${n} ${r}`)
        .join(', ') || 'no roles';
    const etcd =
      c.etcdMembers > 0
        ? `; etcd ${c.etcdMembers} members, quorum ${c.quorum}, tolerates ${c.failuresTolerated} failure${c.failuresTolerated === 1 ? '' : 's'}`
        : '';
    return `Cluster ${c.name} (${c.purpose}, ${c.distribution}, ${c.nodeCount} node${c.nodeCount === 1 ? '' : 's'}: ${roles}${etcd})`;
  };
  for (const f of report.findings) {
    const key = f.cluster ?? '\u0000';
    if (seen.has(key)) continue;
    seen.add(key);
    groups.push({ key: f.cluster, heading: headingFor(f.cluster) });
  }
  for (const c of report.clusters) {
    if (seen.has(c.name)) continue;
    seen.add(c.name);
    groups.push({ key: c.name, heading: headingFor(c.name) });
  }
  for (const g of groups) {
    out.push(paint(style, '1', g.heading));
    const findings = report.findings.filter((f) => f.cluster === g.key);
    if (findings.length === 0) out.push('  no findings');
    for (const f of findings) {
      const mark = MARK[f.severity];
      out.push(`  ${paint(style, mark.code, mark.text)} ${f.message} ${paint(style, '2', `[${f.rule}]`)}`);
      out.push(`          ${paint(style, '2', `see ${style.docsBase}${f.docs}`)}`);
    }
    out.push('');
  }
  const { errors, warnings, infos } = report.summary;
  out.push(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info`);
  return `${out.join('\n')}\n`;
}

export function formatRuleList(rules: readonly Rule[]): string {
  const width = Math.max(...rules.map((r) => r.id.length));
  return `${rules.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.title}`).join('\n')}\n`;
}

export function formatRule(rule: Rule, docsBase: string): string {
  return [
    `${rule.id} (${rule.severity})`,
    '',
    rule.title,
    '',
    rule.rationale,
    '',
    `Docs: ${docsTitle(rule.docs)} (${docsBase}${docsPath(rule.docs)})`,
    '',
  ].join('\n');
}
