// Findings as Markdown, for pasting into a ticket or a pull request. The document is built as a
// Markdown syntax tree and printed by mdast-util-to-markdown, which escapes every character that
// would otherwise turn into syntax or raw HTML: no name or message is ever spliced into the text.
import type { Heading, List, ListItem, PhrasingContent, Root } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { Report, Severity } from './report.ts';

const LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

/** A finding a waiver hid, as the CLI's config file records it. */
export interface WaivedFinding {
  rule: string;
  severity: Severity;
  message: string;
  reason: string;
  expires?: string;
}

export interface MarkdownOptions {
  /** Prefix for docs links, e.g. "https://docs.example.com/guide/" (default: links stay site-relative). */
  docsBase?: string;
  /** The document's heading; plain text (it is escaped like everything else). */
  title?: string;
  /** Findings a waiver hid: counted, and listed with their reasons when `showWaived`. */
  waived?: readonly WaivedFinding[];
  showWaived?: boolean;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
/** Inline code cannot span lines: a line break would end the heading or list item it sits in. */
const code = (value: string): PhrasingContent => ({ type: 'inlineCode', value: value.replace(/[\r\n\u2028\u2029]+/g, ' ') });

function heading(depth: 2 | 3, children: PhrasingContent[]): Heading {
  return { type: 'heading', depth, children };
}

export function formatFindingsMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const base = options.docsBase ?? '';
  const { errors, warnings, infos } = report.summary;
  const root: Root = {
    type: 'root',
    children: [
      heading(2, [text(options.title ?? 'Rancher architecture check')]),
      {
        type: 'paragraph',
        children: [
          text(`Checked as Rancher ${report.rancherVersion} (${report.profile.label}): ${errors} error(s), ${warnings} warning(s), ${infos} note(s).`),
        ],
      },
    ],
  };
  const groups = new Map<string, Report['findings']>();
  for (const f of report.findings) {
    const key = f.cluster ?? '';
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  for (const [cluster, findings] of groups) {
    const summary = report.clusters.find((c) => c.name === cluster);
    root.children.push(
      heading(
        3,
        cluster === ''
          ? [text('Whole plan')]
          : [text('Cluster '), code(cluster), ...(summary ? [text(` (${summary.purpose}, ${summary.distribution}, ${summary.nodeCount} nodes)`)] : [])],
      ),
    );
    const items: ListItem[] = findings.map((f) => ({
      type: 'listItem',
      spread: false,
      children: [
        {
          type: 'paragraph',
          children: [
            f.severity === 'error' ? { type: 'strong', children: [text(LABEL[f.severity])] } : text(LABEL[f.severity]),
            text(' '),
            code(f.rule),
            text(`: ${f.message} (`),
            { type: 'link', url: `${base}${f.docs}`, children: [text('why')] },
            text(')'),
          ],
        },
      ],
    }));
    const list: List = { type: 'list', ordered: false, spread: false, children: items };
    root.children.push(list);
  }
  if (report.findings.length === 0) root.children.push({ type: 'paragraph', children: [text('No findings: the plan follows every checked recommendation.')] });
  const waived = options.waived ?? [];
  if (waived.length > 0 && !options.showWaived) root.children.push({ type: 'paragraph', children: [text(`${waived.length} waived finding(s) not listed.`)] });
  if (waived.length > 0 && options.showWaived) {
    root.children.push(heading(3, [text('Waived')]), {
      type: 'list',
      ordered: false,
      spread: false,
      children: waived.map((f) => ({
        type: 'listItem',
        spread: false,
        children: [
          {
            type: 'paragraph',
            children: [code(f.rule), text(` (${f.severity}): ${f.message} Waived${f.expires ? ` until ${f.expires}` : ''}: ${f.reason}`)],
          },
        ],
      })),
    });
  }
  return toMarkdown(root, { bullet: '-', strong: '*' });
}

/** An input that could not be read, as a Markdown section. */
export function unreadableMarkdown(name: string, reason: string): string {
  return toMarkdown(
    { type: 'root', children: [heading(2, [text(name)]), { type: 'paragraph', children: [text(`Could not be read: ${reason}`)] }] },
    { bullet: '-', strong: '*' },
  );
}
