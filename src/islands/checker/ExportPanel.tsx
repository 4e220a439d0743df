// Export: every file the plan yields, each with Download and Copy. Availability and contents come
// from exports.ts; this panel only wires buttons and reports what happened.
import { useState, type RefObject } from 'react';
import { copyText, downloadText, type ExportItem } from './exports.ts';
import { SrOnly } from './SrOnly.tsx';

export function ExportPanel({ items, headingId, diagram }: { items: ExportItem[]; headingId: string; diagram: RefObject<HTMLDivElement | null> }) {
  const [status, setStatus] = useState('');
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
          </li>
        ))}
      </ul>
      <p role="status" className="ck-status">
        {status}
      </p>
    </section>
  );
}
