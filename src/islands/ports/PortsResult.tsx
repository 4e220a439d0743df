// The answer of the ports calculator once a plan is read: the matrix, per-node firewall rules and
// the whole-plan files. Loaded only when a reader asks for a matrix, so the page ships just the
// form until then.
import { useId, useState } from 'react';
import type { Plan } from '../../rules/vocabulary.ts';
import { isManaged } from '../../rules/cluster-facts.ts';
import { nodeRef } from '../../rules/keys.ts';
import { allNodes, portMatrix, type NodePorts, type PortMatrix } from '../../rules/ports/matrix.ts';
import { toNftables } from '../../rules/ports/nftables.ts';
import { toFirewalld } from '../../rules/ports/firewalld.ts';
import { toPortsMarkdown } from '../../rules/ports/markdown.ts';
import { toPortsCsv } from '../../rules/ports/csv.ts';
import { toPortsJson } from '../../rules/ports/json.ts';
import { copyText, downloadText } from '../download.ts';
import { PortMatrixView } from './PortMatrixView.tsx';

/** The matrix of a plan and how many nodes it covers. */
export function matrixOf(plan: Plan): { matrix: PortMatrix; nodes: number } {
  const matrix = portMatrix(plan);
  return { matrix, nodes: allNodes(matrix).length };
}

const refOf = (n: NodePorts) => nodeRef(n.cluster, n.node);
const fileSafe = (text: string) => text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'node';

/** Nodes a host ruleset can be written for (not hosted or unknown distributions). */
function writableNodes(matrix: PortMatrix): NodePorts[] {
  const skip = new Set(matrix.clusters.filter((c) => isManaged(c) || c.distribution === 'other').map((c) => c.name));
  return allNodes(matrix).filter((n) => n.cluster === undefined || !skip.has(n.cluster));
}

function NodeExport({ matrix }: { matrix: PortMatrix }) {
  const nodes = writableNodes(matrix);
  const [key, setKey] = useState(nodes[0] ? refOf(nodes[0]) : '');
  const [format, setFormat] = useState<'nftables' | 'firewalld'>('nftables');
  const [status, setStatus] = useState('');
  const previewId = useId();
  const node = nodes.find((n) => refOf(n) === key) ?? nodes[0];
  if (!node) return <p>No node of this plan takes a host ruleset (hosted clusters keep their rules in the provider’s security groups).</p>;
  let text = '';
  let error = '';
  try {
    text = format === 'nftables' ? toNftables(matrix, node) : toFirewalld(matrix, node);
  } catch (e) {
    error = e instanceof Error ? e.message : String(e);
  }
  const filename = `${fileSafe(refOf(node))}.${format === 'nftables' ? 'nft' : 'sh'}`;
  const whole: { label: string; file: string; mime: string; make: () => string }[] = [
    { label: 'Markdown table', file: 'ports.md', mime: 'text/markdown', make: () => toPortsMarkdown(matrix) },
    { label: 'CSV', file: 'ports.csv', mime: 'text/csv', make: () => toPortsCsv(matrix) },
    { label: 'JSON', file: 'ports.json', mime: 'application/json', make: () => toPortsJson(matrix) },
  ];
  return (
    <div className="pm-export">
      <div className="ck-fields">
        <label className="ck-field">
          <span className="ck-label">Node</span>
          <select value={refOf(node)} onChange={(e) => setKey(e.target.value)}>
            {nodes.map((n) => (
              <option key={refOf(n)} value={refOf(n)}>
                {refOf(n)} ({n.kind})
              </option>
            ))}
          </select>
        </label>
        <label className="ck-field">
          <span className="ck-label">Firewall</span>
          <select value={format} onChange={(e) => setFormat(e.target.value as 'nftables' | 'firewalld')}>
            <option value="nftables">nftables ruleset</option>
            <option value="firewalld">firewalld commands</option>
          </select>
        </label>
      </div>
      {error ? (
        <p className="calc-lesson">{error}</p>
      ) : (
        <>
          <p className="ck-row">
            <button
              type="button"
              className="ck-button ck-small"
              onClick={() => {
                downloadText(filename, 'text/plain', text);
                setStatus(`Saved ${filename}.`);
              }}
            >
              Download {filename}
            </button>
            <button
              type="button"
              className="ck-button ck-small"
              onClick={() =>
                void copyText(text).then(
                  () => setStatus(`Copied the ${format} rules for ${refOf(node)}.`),
                  (e: unknown) => setStatus(`Could not copy: ${e instanceof Error ? e.message : String(e)}`),
                )
              }
            >
              Copy
            </button>
          </p>
          <pre className="pm-preview" id={previewId} aria-label={`${format} rules for ${refOf(node)}`} tabIndex={0}>
            {text}
          </pre>
        </>
      )}
      <p className="ck-row">
        <span>Whole plan:</span>
        {whole.map((w) => (
          <button
            key={w.file}
            type="button"
            className="ck-button ck-small"
            onClick={() => {
              downloadText(w.file, w.mime, w.make());
              setStatus(`Saved ${w.file}.`);
            }}
          >
            {w.label}
          </button>
        ))}
      </p>
      <p role="status" className="ck-status">
        {status}
      </p>
    </div>
  );
}

export function PortsResult({ matrix }: { matrix: PortMatrix }) {
  return (
    <>
      <PortMatrixView matrix={matrix} />
      <h3>Firewall rules</h3>
      <NodeExport matrix={matrix} />
    </>
  );
}
