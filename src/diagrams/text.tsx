// The figure as text: the same facts as the SVG (clusters → role groups → nodes, boxes, marks)
// in a <details> list, for screen readers, text browsers and anyone who prefers words.
import type { Figure } from './figures.ts';
import type { NodeBox } from './layout.ts';
import type { Finding } from '../rules/report.ts';

function nodeNote(n: NodeBox): string | undefined {
  const parts: string[] = [];
  if (n.marks.failed) parts.push('failed');
  if (n.marks.highlighted) parts.push('highlighted');
  for (const f of n.marks.findings) parts.push(`${f.severity}: ${f.message}`);
  return parts.length ? `${n.name}: ${parts.join('; ')}` : undefined;
}

const findingText = (f: Finding) => `${f.severity}: ${f.message}`;

export function TextEquivalent({
  figure,
  planFindings,
  clusterFindings,
}: {
  figure: Figure;
  planFindings: Finding[];
  clusterFindings: (cluster: string) => Finding[];
}) {
  return (
    <details className="rd-text-equivalent">
      <summary>Diagram as text</summary>
      <ul>
        {figure.shapes.map((s) => (
          <li key={s.id}>{s.lines.map((l) => l.full).join(' — ')}</li>
        ))}
        {figure.clusters.map((c) => {
          const notes = c.groups.flatMap((g) => g.nodes.map(nodeNote)).filter((x): x is string => Boolean(x));
          return (
            <li key={c.name}>
              <strong>{c.name}</strong>:{' '}
              {c.header
                .slice(1)
                .map((l) => l.full)
                .join('; ')}
              <ul>
                {c.groups.map((g) => {
                  const names = [...g.nodes.map((n) => n.name), ...(g.more?.hidden ?? [])];
                  const inner = g.nodes[0]?.inner.map((s) => s.lines.map((l) => l.full).join(' ')).join('; ');
                  return (
                    <li key={g.signature}>
                      {g.label.full}: {names.join(', ')}
                      {inner ? ` (each: ${inner})` : ''}
                    </li>
                  );
                })}
                {notes.map((t) => (
                  <li key={t}>{t}</li>
                ))}
                {clusterFindings(c.name).map((f, i) => (
                  <li key={`f${i}`}>{findingText(f)}</li>
                ))}
              </ul>
            </li>
          );
        })}
        {figure.notes.map((t, i) => (
          <li key={`n${i}`}>{t.full}</li>
        ))}
        {planFindings.map((f, i) => (
          <li key={`p${i}`}>{findingText(f)}</li>
        ))}
      </ul>
    </details>
  );
}
