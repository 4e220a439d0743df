// Findings as Markdown for a ticket or a merge-request comment: the rules package's Markdown per
// input, titled with the file and the version it was checked as. The rules package builds the
// document as a syntax tree, so file names, messages and waiver reasons are escaped there.
import type { Root } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { formatFindingsMarkdown, unreadableMarkdown } from '../../rules/index.ts';
import type { CheckRun, ConfigEffect } from '../commands/check-run.ts';
import { visible } from '../safe-text.ts';
import { configEffectItems, versionOrigin } from './config-effect.ts';

/** The config's effect, first in the comment: a reviewer sees what the file in the branch changed. */
function configMarkdown(config: ConfigEffect): string {
  const items = configEffectItems(config);
  const root: Root = {
    type: 'root',
    children: [
      {
        type: 'paragraph',
        children: [
          { type: 'text', value: 'Config file ' },
          { type: 'inlineCode', value: visible(config.file) },
          { type: 'text', value: items.length === 0 ? ' read; it sets nothing.' : ' read:' },
        ],
      },
    ],
  };
  if (items.length > 0)
    root.children.push({
      type: 'list',
      ordered: false,
      spread: false,
      children: items.map((item) => ({
        type: 'listItem',
        spread: false,
        children: [{ type: 'paragraph', children: [{ type: 'text', value: visible(item.text) }] }],
      })),
    });
  return toMarkdown(root);
}

export function formatRunMarkdown(run: CheckRun, showWaived = false): string {
  const parts: string[] = run.config ? [configMarkdown(run.config)] : [];
  for (const input of run.inputs) {
    if (!input.ok) {
      parts.push(unreadableMarkdown(visible(input.source.name), visible(input.error.reason)));
      continue;
    }
    const origin = versionOrigin(input, run.config?.file);
    const title = `${visible(input.source.name)}: checked as Rancher ${input.report.rancherVersion} (${input.report.profile.label}${origin ? `; ${visible(origin)}` : ''})`;
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
