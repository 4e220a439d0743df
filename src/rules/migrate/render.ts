// A migration in words: plain text for terminals and Markdown for tickets (built as a syntax tree
// and printed by mdast-util-to-markdown, which escapes whatever would turn into syntax). Both
// list the same things in the same order as the checker's panel: the layout, the changes to it,
// the delta items by topic, the findings on the target, and the steps.
import { plural } from '../words.ts';
import type { List, ListItem, PhrasingContent, Root } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { DISTRIBUTION_LABEL } from '../vocabulary.ts';
import { TOPIC_LABEL, type DeltaItem, type DeltaTopic } from './delta-item.ts';
import type { Migration } from './index.ts';
import { sourceHref, sourceText, type Source } from '../sources.ts';

export const NOT_DOCUMENTED = 'not documented';

/** Items grouped by topic, topics in the order they first appear. */
export function itemsByTopic(items: readonly DeltaItem[]): [DeltaTopic, DeltaItem[]][] {
  const groups = new Map<DeltaTopic, DeltaItem[]>();
  for (const item of items) groups.set(item.topic, [...(groups.get(item.topic) ?? []), item]);
  return [...groups];
}

/** The layout in one paragraph: servers, agents, pools, first server, registration, version, CNI. */
export function layoutLines(m: Migration): string[] {
  const product = DISTRIBUTION_LABEL[m.to];
  const lines = [
    `${product} cluster "${m.summary.cluster}" (from RKE cluster "${m.source.cluster}", ${plural(m.source.nodes, 'node')}): ${plural(m.summary.servers, 'server')}, ${plural(m.summary.agents, 'agent')}.`,
    `Machine pools: ${m.summary.pools.map((p) => `${p.name} × ${p.count} (${p.roles.join(', ') || 'no roles'})`).join('; ')}.`,
    `First server: ${m.summary.firstServer ?? 'none'}; registration address: ${m.summary.registration ?? 'not known'}.`,
    `Kubernetes ${m.summary.kubernetesVersion ?? 'not chosen'}${m.summary.network ? `, CNI ${m.summary.network}` : ''}; planned for Rancher ${m.summary.rancherVersion}${m.summary.rancherVersionStated ? '' : ' (no version given: the newest line in the channel data)'}.`,
  ];
  return lines;
}

const CHANGE_MARK: Record<DeltaItem['change'], string> = {
  open: 'open',
  close: 'close',
  change: 'change',
  keep: 'keep',
  'by-hand': 'by hand',
  'not-carried': 'not carried',
};

export function changeLabel(change: DeltaItem['change']): string {
  return CHANGE_MARK[change];
}

export function formatMigrationText(m: Migration): string {
  const out: string[] = [
    `Moving RKE cluster "${m.source.cluster}" to ${DISTRIBUTION_LABEL[m.to]}`,
    '',
    'Target layout',
    ...layoutLines(m).map((l) => `  ${l}`),
  ];
  if (m.changes.length > 0) {
    out.push('', 'Layout changes');
    for (const c of m.changes) out.push(`  - ${c.what}`, `    Why: ${c.why}`, ...c.sources.map((s) => `    Source: ${sourceText(s)}`));
  }
  const errors = m.findings.filter((f) => f.severity === 'error');
  const warnings = m.findings.filter((f) => f.severity === 'warning');
  out.push('', `Check of the target: ${plural(errors.length, 'error')}, ${plural(warnings.length, 'warning')}`);
  for (const f of m.findings) out.push(`  ${f.severity}: ${f.message} [${f.rule}]`);
  out.push('', 'What changes');
  for (const [topic, items] of itemsByTopic(m.items)) {
    out.push(`  ${TOPIC_LABEL[topic]}`);
    for (const i of items) {
      out.push(`    [${CHANGE_MARK[i.change]}] ${i.text}`);
      if (i.sources.length === 0) out.push(`      Source: ${NOT_DOCUMENTED}`);
      for (const s of i.sources) out.push(`      Source: ${sourceText(s)}`);
    }
  }
  out.push('', 'Steps');
  m.steps.forEach((s, n) => {
    out.push(`  ${n + 1}. [ ] ${s.text}`);
    for (const c of s.sources) out.push(`       ${sourceText(c)}`);
  });
  return `${out.join('\n')}\n`;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const link = (source: Source): PhrasingContent => {
  const href = sourceHref(source);
  return href ? { type: 'link', url: href, children: [text(source.title)] } : text(sourceText(source));
};
const sourcesPhrase = (sources: readonly Source[]): PhrasingContent[] =>
  sources.length === 0 ? [text(` Source: ${NOT_DOCUMENTED}.`)] : [text(' Sources: '), ...sources.flatMap((s, i) => [...(i > 0 ? [text('; ')] : []), link(s)])];
const item = (children: PhrasingContent[]): ListItem => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] });
const list = (items: ListItem[], ordered = false): List => ({ type: 'list', ordered, spread: false, children: items });

export function formatMigrationMarkdown(m: Migration): string {
  const root: Root = {
    type: 'root',
    children: [
      { type: 'heading', depth: 2, children: [text(`Moving RKE cluster "${m.source.cluster}" to ${DISTRIBUTION_LABEL[m.to]}`)] },
      { type: 'heading', depth: 3, children: [text('Target layout')] },
      list(layoutLines(m).map((l) => item([text(l)]))),
    ],
  };
  if (m.changes.length > 0)
    root.children.push(
      { type: 'heading', depth: 3, children: [text('Layout changes')] },
      list(m.changes.map((c) => item([text(`${c.what} Why: ${c.why}`), ...sourcesPhrase(c.sources)]))),
    );
  root.children.push({ type: 'heading', depth: 3, children: [text('Check of the target')] });
  root.children.push(
    m.findings.length === 0
      ? { type: 'paragraph', children: [text('No errors or warnings.')] }
      : list(m.findings.map((f) => item([text(`${f.severity}: ${f.message} `), { type: 'inlineCode', value: f.rule }]))),
  );
  root.children.push({ type: 'heading', depth: 3, children: [text('What changes')] });
  for (const [topic, items] of itemsByTopic(m.items))
    root.children.push(
      { type: 'heading', depth: 4, children: [text(TOPIC_LABEL[topic])] },
      list(items.map((i) => item([{ type: 'strong', children: [text(CHANGE_MARK[i.change])] }, text(`: ${i.text}`), ...sourcesPhrase(i.sources)]))),
    );
  root.children.push(
    { type: 'heading', depth: 3, children: [text('Steps')] },
    list(
      m.steps.map((s) => item([text(s.text), ...sourcesPhrase(s.sources)])),
      true,
    ),
  );
  return toMarkdown(root);
}

/** The JSON a tool reads: the migration without the full target plan's defaults repeated elsewhere. */
export function migrationJson(m: Migration): unknown {
  return {
    to: m.to,
    source: m.source,
    summary: m.summary,
    changes: m.changes,
    findings: m.findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message })),
    items: m.items,
    steps: m.steps,
    target: m.target,
  };
}
