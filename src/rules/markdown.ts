// Findings as Markdown, for pasting into a ticket or a pull request.
import type { Report, Severity } from './report.ts';

const LABEL: Record<Severity, string> = { error: '**Error**', warning: 'Warning', info: 'Note' };

export interface MarkdownOptions {
  /** Prefix for docs links, e.g. "https://docs.example.com/guide/" (default: links stay site-relative). */
  docsBase?: string;
  title?: string;
}

function escape(text: string): string {
  return text.replace(/([\\`*_[\]<>|])/g, '\\$1');
}

export function formatFindingsMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const base = options.docsBase ?? '';
  const { errors, warnings, infos } = report.summary;
  const out = [`## ${options.title ?? 'Rancher architecture check'}`, '', `${errors} error(s), ${warnings} warning(s), ${infos} note(s).`];
  const groups = new Map<string, typeof report.findings>();
  for (const f of report.findings) {
    const key = f.cluster ?? '';
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  for (const [cluster, findings] of groups) {
    const summary = report.clusters.find((c) => c.name === cluster);
    const heading =
      cluster === '' ? 'Whole plan' : `Cluster \`${cluster}\`${summary ? ` (${summary.purpose}, ${summary.distribution}, ${summary.nodeCount} nodes)` : ''}`;
    out.push('', `### ${heading}`, '');
    for (const f of findings) out.push(`- ${LABEL[f.severity]} \`${f.rule}\`: ${escape(f.message)} ([why](${base}${f.docs}))`);
  }
  if (report.findings.length === 0) out.push('', 'No findings: the plan follows every checked recommendation.');
  return `${out.join('\n')}\n`;
}
