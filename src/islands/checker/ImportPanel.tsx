// Import: paste text, choose a file or drop one. Whatever the reader says goes into an alert with
// its place; the current plan is only replaced when reading succeeds.
import { useId, useState, type DragEvent } from 'react';
import { InputError } from '../../rules/formats/input-error.ts';
import { readInputDetailed, type ReadResult } from '../../rules/formats/read.ts';

const FORMAT_WORDS: Record<ReadResult['format'], string> = {
  plan: 'a plan file',
  'cluster-yml': 'an RKE cluster.yml',
  'kubectl-nodes': 'a kubectl nodes list',
  'provisioning-cluster': "Rancher's provisioning Cluster",
  'k3s-config': 'a K3s config.yaml',
  'rke2-config': 'an RKE2 config.yaml',
};

export interface ImportError {
  reason: string;
  place: string;
}

/** Read text into a plan, or say why not. Never throws. */
export function tryImport(text: string, filename?: string): { result: ReadResult } | { error: ImportError } {
  try {
    return { result: readInputDetailed(text, { filename }) };
  } catch (error) {
    if (error instanceof InputError) return { error: { reason: error.reason, place: error.place } };
    return { error: { reason: error instanceof Error ? error.message : String(error), place: '' } };
  }
}

export function ImportPanel({ onImport, headingId }: { onImport: (result: ReadResult, description: string) => void; headingId: string }) {
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<ImportError | undefined>();
  const [done, setDone] = useState('');
  const [dragging, setDragging] = useState(false);

  const run = (input: string, filename?: string) => {
    setDone('');
    const outcome = tryImport(input, filename);
    if ('error' in outcome) {
      setError(outcome.error);
      return;
    }
    setError(undefined);
    const { plan, format, warnings } = outcome.result;
    const nodes = plan.clusters.reduce((a, c) => a + c.nodes.length, 0);
    const description = `Imported ${FORMAT_WORDS[format]}${filename ? ` (${filename})` : ''}: ${plan.clusters.length} ${plan.clusters.length === 1 ? 'cluster' : 'clusters'}, ${nodes} ${nodes === 1 ? 'node' : 'nodes'}.${warnings.length ? ` ${warnings.map((w) => `${w.place}: ${w.message}`).join(' ')}` : ''}`;
    setDone(description);
    onImport(outcome.result, description);
  };

  const readFile = async (file: File | undefined) => {
    if (!file) return;
    let content: string;
    try {
      content = await file.text();
    } catch {
      setError({ reason: 'the file could not be read.', place: file.name });
      return;
    }
    setText(content);
    run(content, file.name);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void readFile(e.dataTransfer.files[0]);
  };

  return (
    <section className="ck-section ck-import" aria-labelledby={headingId}>
      <h2 id={headingId}>Import</h2>
      <p className="ck-muted">
        A plan file (YAML or JSON), an RKE <code>cluster.yml</code>, <code>kubectl get nodes -o json</code> output or a K3s <code>config.yaml</code>. Importing
        replaces the plan above; if the input cannot be read, your plan stays as it is.
      </p>
      <div
        className={`ck-drop${dragging ? ' is-dragging' : ''}`}
        onDragOver={(e) => (e.preventDefault(), setDragging(true))}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label className="ck-field ck-wide" htmlFor={`${id}-text`}>
          <span className="ck-label">Paste or drop a file here</span>
        </label>
        <textarea id={`${id}-text`} rows={8} value={text} spellCheck={false} onChange={(e) => setText(e.target.value)} />
        <div className="ck-row">
          <button type="button" className="ck-button" onClick={() => run(text)} disabled={text.trim() === ''}>
            Import pasted text
          </button>
          <label className="ck-field ck-file">
            <span className="ck-label">Or choose a file</span>
            <input
              type="file"
              accept=".yaml,.yml,.json,.txt,application/json,application/yaml,text/plain"
              onChange={(e) => void readFile(e.target.files?.[0])}
            />
          </label>
        </div>
      </div>
      {error && (
        <div role="alert" className="ck-alert">
          <p>
            <strong>Could not import:</strong> {error.reason}
          </p>
          {error.place && (
            <p>
              Where: <code>{error.place}</code>
            </p>
          )}
          <p>Your plan has not changed.</p>
        </div>
      )}
      <p role="status" className="ck-status">
        {done}
      </p>
    </section>
  );
}
