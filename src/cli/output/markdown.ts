// Findings as Markdown for a ticket or a merge-request comment: the rules package's Markdown per
// input, titled with the file and the version it was checked as.
import { formatFindingsMarkdown } from '../../rules/index.ts';
import type { CheckRun } from '../check-run.ts';
import { visible } from '../safe-text.ts';

/** A file name inside a Markdown heading: every character Markdown or HTML could read as syntax is escaped. */
function escapeMarkdown(text: string): string {
  return visible(text).replace(/([\\`*_[\]{}()<>#+\-.!|~&])/g, '\\$1');
}

export function formatRunMarkdown(run: CheckRun, showWaived = false): string {
  const parts: string[] = [];
  for (const input of run.inputs) {
    if (!input.ok) {
      parts.push(`## ${escapeMarkdown(input.source.name)}\n\nCould not be read: ${escapeMarkdown(input.error.reason)}\n`);
      continue;
    }
    const title = `${escapeMarkdown(input.source.name)}: checked as Rancher ${escapeMarkdown(input.report.rancherVersion)} (${escapeMarkdown(input.report.profile.label)})`;
    let text = formatFindingsMarkdown(input.report, { title, ...(run.settings.docsBase ? { docsBase: run.settings.docsBase } : {}) });
    if (input.waived.length > 0 && !showWaived) text += `\n${input.waived.length} waived finding(s) not listed.\n`;
    if (input.waived.length > 0 && showWaived) {
      text += '\n### Waived\n\n';
      for (const f of input.waived)
        text += `- \`${f.rule}\` (${f.severity}): ${escapeMarkdown(f.message)} Waived${f.waiver.expires ? ` until ${escapeMarkdown(f.waiver.expires)}` : ''}: ${escapeMarkdown(f.waiver.reason)}\n`;
    }
    parts.push(text);
  }
  return parts.join('\n');
}
