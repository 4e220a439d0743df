// Export: every file the plan yields, each with Download and Copy. Availability and contents come
// from exports.ts; this panel wires buttons and reports what happened. When the real tool would
// refuse a file, the writer says why (ExportError) and the panel shows those reasons in place of
// the buttons until the plan changes.
import { useState, type RefObject } from 'react';
import { ExportError } from '../../rules/formats/format.ts';
import { copyText, downloadText, type ExportItem } from './exports.ts';
import { SrOnly } from './SrOnly.tsx';

export function ExportPanel({ items, headingId, diagram }: { items: ExportItem[]; headingId: string; diagram: RefObject<HTMLDivElement | null> }) {
  const [status, setStatus] = useState('');
  // Refusals belong to the plan they were found on: a new plan (new items) starts with none.
  const [refusals, setRefusals] = useState<{ items: ExportItem[]; byId: Record<string, string> }>({ items, byId: {} });
  const refused = refusals.items === items ? refusals.byId : {};
  const act = async (item: ExportItem, how: 'download' | 'copy') => {
    if (!item.content) return;
    try {
      const text = await item.content({ svgMarkup: diagram.current?.querySelector('svg.rd-svg')?.outerHTML });
      if (how === 'download') {
        downloadText(item.filename, item.mime, text);
        setStatus(`Saved ${item.filename}.`);
      } else {
        await copyText(text);
        setStatus(`Copied ${item.label} to the clipboard.`);
      }
    } catch (error) {
      if (error instanceof ExportError) {
        const why = error.problems.join(' ');
        setRefusals({ items, byId: { ...refused, [item.id]: why } });
        setStatus(`Not exported: ${item.refusedBy ?? 'the tool'} would refuse ${item.filename}. ${why}`);
        return;
      }
      setStatus(`Could not export ${item.label}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return (
    <section className="ck-section ck-export" aria-labelledby={headingId}>
      <h2 id={headingId}>Export</h2>
      <ul className="ck-exports">
        {items.map((item) => (
          <li key={item.id}>
            <span className="ck-export-label">
              {item.label} <span className="ck-muted">({item.filename})</span>
            </span>
            {item.unavailable ? (
              <span className="ck-muted">{item.unavailable}</span>
            ) : (
              <span className="ck-row">
                <button type="button" className="ck-button ck-small" onClick={() => void act(item, 'download')}>
                  Download<SrOnly> {item.label}</SrOnly>
                </button>
                <button type="button" className="ck-button ck-small" onClick={() => void act(item, 'copy')}>
                  Copy<SrOnly> {item.label}</SrOnly>
                </button>
              </span>
            )}
            {/* The buttons stay (and keep focus); the reasons stand beside them until the plan changes. */}
            {refused[item.id] && (
              <span className="ck-problem">
                {item.refusedBy ?? 'The tool'} would refuse it: {refused[item.id]}
              </span>
            )}
          </li>
        ))}
      </ul>
      <p role="status" className="ck-status">
        {status}
      </p>
    </section>
  );
}
