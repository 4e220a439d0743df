// Start from your files: paste text, drop a file or choose one — a plan file, an RKE cluster.yml,
// kubectl nodes output, a K3s or RKE2 config.yaml. As with the CLI's --as and --rancher-version,
// a single cluster's file can be read as the Rancher server's cluster, at a given Rancher version.
// Whatever the reader says goes into an alert with its place; the plan is only replaced when
// reading succeeds. The reader (YAML and schema libraries included) loads on first use.
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { InputError } from '../../rules/formats/input-error.ts';
import type { ReadOptions, ReadResult } from '../../rules/formats/read.ts';
import type { FileOutcome, ImportError, ImportedFile } from './file-reading.ts';
import type { ReadReply, ReadRequest } from './read-worker.ts';
import type { SourceFile } from '../../rules/formats/read-async.ts';
import { inputTooLarge, LIMITS } from '../../rules/limits.ts';
import { megabytes, plural } from './summary.ts';
import { checkVersion } from './validation.ts';
import { readVersionPreference, VERSION_EVENT } from '../version-preference.ts';

const FORMAT_WORDS: Record<ReadResult['format'], string> = {
  plan: 'a plan file',
  'cluster-yml': 'an RKE cluster.yml',
  'kubectl-nodes': 'a kubectl nodes list',
  'provisioning-cluster': "Rancher's provisioning Cluster",
  manifests: 'a List or stream of provisioning Clusters',
  capi: 'Cluster API manifests',
  'helm-values': 'cluster-templates Helm values',
  'ansible-inventory': 'an Ansible inventory',
  'k3s-config': 'a K3s config.yaml',
  'rke2-config': 'an RKE2 config.yaml',
  terraform: 'Terraform files',
  'terraform-plan-json': 'terraform show -json output',
};

export type { ImportError } from './file-reading.ts';

/** A file being read in the worker: its name, how far reading has got, and how to stop it. */
interface Reading {
  name: string;
  read: number;
  total: number;
}

/**
 * Read one file in a Web Worker (read-worker.ts), so a 100 MB node list never holds up the page.
 * Resolves undefined when stopped; `stop` ends the worker and with it the reading.
 */
function readInWorker(
  file: File,
  options: ReadRequest['options'],
  progress: (read: number) => void,
): { done: Promise<FileOutcome | undefined>; stop: () => void } {
  const worker = new Worker(new URL('./read-worker.ts', import.meta.url), { type: 'module' });
  let settle: (outcome: FileOutcome | undefined) => void = () => undefined;
  const done = new Promise<FileOutcome | undefined>((resolve) => (settle = resolve));
  const stop = (outcome?: FileOutcome) => {
    worker.terminate();
    settle(outcome);
  };
  worker.onmessage = (e: MessageEvent<ReadReply>) => {
    if (e.data.type === 'progress') progress(e.data.read);
    else stop(e.data.outcome);
  };
  worker.onerror = () => stop({ error: { reason: 'the file could not be read.', place: file.name } });
  worker.postMessage({ file, options } satisfies ReadRequest);
  return { done, stop: () => stop() };
}

// The reader with its asynchronous entry; Terraform's HCL parser loads later still, on the first .tf read.
const loadReader = () => import('../../rules/formats/read-async.ts');
const hclAssets = async () => (await import('./hcl-assets.ts')).browserHclAssets();
const loadDecoder = () => import('../../rules/formats/text.ts');

/** Read text into a plan, or say why not. Never throws. */
export async function tryImport(
  text: string | readonly SourceFile[],
  options: Pick<ReadOptions, 'filename' | 'as' | 'rancherVersion'> = {},
): Promise<{ result: ReadResult } | { error: ImportError }> {
  try {
    const { readInputAsync } = await loadReader();
    return { result: await readInputAsync(text, { ...options, hclAssets }) };
  } catch (error) {
    if (error instanceof InputError) return { error: { reason: error.reason, place: error.place } };
    return { error: { reason: error instanceof Error ? error.message : String(error), place: '' } };
  }
}

/** A file's text, decoded as the CLI decodes it; its size is checked before anything is read. */
export async function readFileText(file: Pick<File, 'name' | 'size' | 'arrayBuffer'>): Promise<{ text: string } | { error: ImportError }> {
  if (file.size > LIMITS.inputBytes)
    return {
      error: {
        reason: inputTooLarge(`the file is ${(file.size / 1024 / 1024).toFixed(1)} MB`),
        place: file.name,
      },
    };
  try {
    const [{ decodeBytes }, buffer] = await Promise.all([loadDecoder(), file.arrayBuffer()]);
    return { text: decodeBytes(new Uint8Array(buffer), file.name) };
  } catch (error) {
    if (error instanceof InputError) return { error: { reason: error.reason, place: error.place } };
    return { error: { reason: 'the file could not be read.', place: file.name } };
  }
}

export function ImportPanel({ onImport, headingId }: { onImport: (result: ImportedFile, description: string) => void; headingId: string }) {
  const id = useId();
  const [text, setText] = useState('');
  const [asRancher, setAsRancher] = useState(false);
  const [version, setVersion] = useState<string | undefined>(undefined);
  const [error, setError] = useState<ImportError | undefined>();
  const [busy, setBusy] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [reading, setReading] = useState<Reading | undefined>();
  const [cancelled, setCancelled] = useState<string | undefined>();
  const stopReading = useRef<(() => void) | undefined>(undefined);
  // A reading still going when the checker goes away is stopped with it.
  useEffect(() => () => stopReading.current?.(), []);
  // The version field starts at the site-wide "I run Rancher …" choice and follows it until the
  // reader types their own.
  const [preference, setPreference] = useState<string | undefined>(readVersionPreference);
  useEffect(() => {
    const follow = (e: Event) => setPreference((e as CustomEvent<string | null>).detail ?? undefined);
    window.addEventListener(VERSION_EVENT, follow);
    return () => window.removeEventListener(VERSION_EVENT, follow);
  }, []);
  const versionText = version ?? preference ?? '';
  const versionVerdict = checkVersion(versionText);

  const readOptions = (): ReadRequest['options'] | undefined => {
    if (versionVerdict.ok) return { as: asRancher ? 'rancher' : 'downstream', rancherVersion: versionVerdict.value };
    setError({ reason: versionVerdict.problem, place: 'Rancher version' });
    return undefined;
  };

  const run = async (input: string | readonly SourceFile[], filename?: string) => {
    const options = readOptions();
    if (!options) return;
    setBusy(true);
    const outcome = await tryImport(input, { filename, ...options });
    setBusy(false);
    show(outcome, filename);
  };

  /** One file, read in the worker with progress and Cancel. */
  const runFile = async (file: File) => {
    const options = readOptions();
    if (!options) return;
    stopReading.current?.();
    setCancelled(undefined);
    setBusy(true);
    setReading({ name: file.name, read: 0, total: file.size });
    const { done, stop } = readInWorker(file, options, (read) => setReading((r) => r && { ...r, read }));
    stopReading.current = stop;
    const outcome = await done;
    if (stopReading.current === stop) {
      stopReading.current = undefined;
      setReading(undefined);
      setBusy(false);
    }
    if (outcome) show(outcome, file.name);
  };

  const cancel = () => {
    const name = reading?.name;
    stopReading.current?.();
    stopReading.current = undefined;
    setReading(undefined);
    setBusy(false);
    setCancelled(name);
  };

  const show = (outcome: { result: ImportedFile } | { error: ImportError }, filename?: string) => {
    if ('error' in outcome) {
      setError(outcome.error);
      return;
    }
    setError(undefined);
    const { plan, format, warnings } = outcome.result;
    const nodes = plan.clusters.reduce((a, c) => a + c.nodes.length, 0);
    const as = asRancher && format !== 'plan' ? ' as the Rancher server’s cluster' : '';
    const description = `Imported ${FORMAT_WORDS[format]}${filename ? ` (${filename})` : ''}${as}: ${plural(plan.clusters.length, 'cluster')}, ${plural(nodes, 'node')}.${warnings.length ? ` ${warnings.map((w) => `${w.place}: ${w.message}`).join(' ')}` : ''}`;
    onImport(outcome.result, description);
  };

  // Several files chosen or dropped together are one Terraform folder (.tf and .tfvars).
  const readFiles = async (list: ArrayLike<File> | null | undefined) => {
    const chosen = Array.from(list ?? []).slice(0, 200);
    if (chosen.length === 0) return;
    const only = chosen.length === 1 ? chosen[0] : undefined;
    if (only) {
      setText('');
      await runFile(only);
      return;
    }
    const files: SourceFile[] = [];
    for (const file of chosen) {
      const read = await readFileText(file);
      if ('error' in read) {
        setError(read.error);
        return;
      }
      files.push({ name: file.name, text: read.text });
    }
    setText('');
    await run(files, files.map((f) => f.name).join(', '));
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void readFiles(e.dataTransfer?.files);
  };
  const prefetch = () => void loadReader();

  return (
    <section className="ck-section ck-import" aria-labelledby={headingId}>
      <h2 id={headingId}>Start from your files</h2>
      <div
        className={`ck-drop${dragging ? ' is-dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          if (!dragging) {
            setDragging(true);
            prefetch();
          }
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <label className="ck-label" htmlFor={`${id}-text`}>
          Paste or drop a file here
        </label>
        <span id={`${id}-kinds`} className="ck-hint">
          A plan file (YAML or JSON), an RKE <code>cluster.yml</code>, <code>kubectl get nodes -o json</code> output, a K3s or RKE2 <code>config.yaml</code>,
          Cluster API manifests (RKE2 or K3s control plane and machine deployments, or a ClusterClass topology), cluster-templates Helm values (
          <code>nodepools:</code>), an Ansible inventory for RKE2 or K3s (YAML or INI), a <code>kind: List</code> or <code>helm template</code> stream of
          provisioning Clusters, or Terraform: <code>.tf</code> and <code>.tfvars</code> files (choose or drop them together) or{' '}
          <code>terraform show -json</code> output. Importing replaces the plan below (Undo brings it back); input that cannot be read changes nothing.
        </span>
        <textarea
          id={`${id}-text`}
          rows={3}
          value={text}
          spellCheck={false}
          aria-describedby={`${id}-kinds`}
          onFocus={prefetch}
          onChange={(e) => setText(e.currentTarget.value)}
        />
        <div className="ck-import-actions">
          <button type="button" className="ck-button ck-primary" onClick={() => void run(text)} disabled={text.trim() === '' || busy}>
            Import pasted text
          </button>
          <label className="ck-file">
            <span className="ck-label">Or choose a file</span>
            <input
              type="file"
              accept=".yaml,.yml,.json,.txt,.ini,.tf,.tfvars,application/json,application/yaml,text/plain"
              multiple
              onChange={(e) => {
                // Copied first: clearing the input's value below empties its live FileList.
                void readFiles(Array.from(e.currentTarget.files ?? []));
                e.currentTarget.value = '';
              }}
            />
          </label>
        </div>
        <div className="ck-import-options">
          <label className="ck-check">
            <input type="checkbox" checked={asRancher} onChange={() => setAsRancher(!asRancher)} />
            This is the Rancher server’s cluster
          </label>
          <span className={`ck-inline-field${versionVerdict.ok ? '' : ' is-invalid'}`}>
            <label className="ck-label" htmlFor={`${id}-version`}>
              Rancher version
            </label>
            <input
              id={`${id}-version`}
              type="text"
              value={versionText}
              placeholder="not set: 2.4"
              spellCheck={false}
              autoComplete="off"
              aria-invalid={versionVerdict.ok ? undefined : true}
              aria-describedby={`${id}-version-hint`}
              onChange={(e) => setVersion(e.currentTarget.value)}
            />
            <span id={`${id}-version-hint`} className={versionVerdict.ok ? 'ck-hint' : 'ck-problem'}>
              {versionVerdict.ok ? 'for files that name none' : versionVerdict.problem}
            </span>
          </span>
        </div>
      </div>
      {reading && (
        <div className="ck-reading" role="status">
          <label className="ck-label">
            Reading {reading.name}: {megabytes(reading.read)} of {megabytes(reading.total)}
            <progress max={reading.total || 1} value={reading.read} />
          </label>
          <button type="button" className="ck-button" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
      {cancelled !== undefined && !reading && (
        <p className="ck-hint" role="status">
          Reading {cancelled} was cancelled. Your plan has not changed.
        </p>
      )}
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
    </section>
  );
}
