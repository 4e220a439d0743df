// The figure as text: the same facts as the SVG (clusters → boxes in front of them → role groups →
// nodes, shapes, links between clusters, marks) in a <details> list, for screen readers, text
// browsers, anyone who prefers words — and every node a collapsed "+N more" box stands for.
import type { Figure } from './figures/index.ts';
import type { NodeBox, Shape } from './layout/index.ts';
import type { Finding } from '../rules/report.ts';

function nodeNote(n: NodeBox): string | undefined {
  const parts: string[] = [];
  if (n.marks.failed) parts.push('failed');
  if (n.marks.highlighted) parts.push('highlighted');
  for (const f of n.marks.findings) parts.push(`${f.severity}: ${f.message}`);
  return parts.length ? `${n.name}: ${parts.join('; ')}` : undefined;
}

const findingText = (f: Finding) => `${f.severity}: ${f.message}`;
/** A shape's lines once each (wrapped lines share their sentence). */
const shapeText = (s: Shape) => [...new Set(s.lines.map((l) => l.full))].join(' — ');

export function TextEquivalent({
  figure,
  planFindings,
  clusterFindings,
}: {
  figure: Figure;
  planFindings: Finding[];
  clusterFindings: (cluster: string) => Finding[];
}) {
  const managed = figure.links.some((l) => l.className.includes('rd-link-manage'));
  const rancher = figure.clusters.find((c) => c.purpose === 'rancher');
  const others = figure.clusters.filter((c) => c.purpose !== 'rancher').map((c) => c.name);
  return (
    <details className="rd-text-equivalent">
      <summary>Diagram as text</summary>
      <ul>
        {figure.shapes.map((s) => (
          <li key={s.id}>{shapeText(s)}</li>
        ))}
        {managed && others.length > 0 && (
          <li>
            {rancher ? `Cluster ${rancher.name}` : 'Rancher'} manages: {others.join(', ')}
          </li>
        )}
        {figure.clusters.map((c) => {
          const nodes = c.groups.flatMap((g) => g.nodes);
          const notes = nodes.map(nodeNote).filter((x): x is string => Boolean(x));
          return (
            <li key={c.name}>
              <strong>{c.name}</strong>: {[...new Set(c.header.slice(1).map((l) => l.full))].join('; ')}
              <ul>
                {c.shapes.map((s) => (
                  <li key={s.id}>
                    {shapeText(s)}
                    {s.reaches?.length ? `; in front of ${s.reaches.join(', ')}` : ''}
                  </li>
                ))}
                {c.groups.map((g) => {
                  const names = [...g.nodes.map((n) => (n.zone ? `${n.name} (zone ${n.zone})` : n.name)), ...(g.more?.hidden ?? [])];
                  const inner = g.nodes[0]?.inner.map((s) => s.lines.map((l) => l.full).join(' ')).join('; ');
                  return (
                    <li key={g.signature}>
                      {g.caption}: {names.join(', ')}
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
        {figure.notes.length > 0 && <li>{[...new Set(figure.notes.map((t) => t.full))].join(' ')}</li>}
        {planFindings.map((f, i) => (
          <li key={`p${i}`}>{findingText(f)}</li>
        ))}
      </ul>
    </details>
  );
}
