// Findings as Markdown for a ticket or a merge-request comment: the rules package's Markdown per
// input, titled with the file and the version it was checked as. The rules package builds the
// document as a syntax tree, so file names, messages and waiver reasons are escaped there.
import { formatFindingsMarkdown, unreadableMarkdown } from '../../rules/index.ts';
import type { CheckRun } from '../check-run.ts';
import { visible } from '../safe-text.ts';

export function formatRunMarkdown(run: CheckRun, showWaived = false): string {
  const parts: string[] = [];
  for (const input of run.inputs) {
    if (!input.ok) {
      parts.push(unreadableMarkdown(visible(input.source.name), visible(input.error.reason)));
      continue;
    }
    const title = `${visible(input.source.name)}: checked as Rancher ${input.report.rancherVersion} (${input.report.profile.label})`;
    const waived = input.waived.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      message: visible(f.message),
      reason: visible(f.waiver.reason),
      ...(f.waiver.expires ? { expires: f.waiver.expires } : {}),
    }));
    parts.push(formatFindingsMarkdown(input.report, { title, waived, showWaived, ...(run.settings.docsBase ? { docsBase: run.settings.docsBase } : {}) }));
  }
  return parts.join('\n');
}
