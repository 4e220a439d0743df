// Start from your files: paste text, drop a file or choose one — a plan file, an RKE cluster.yml,
// kubectl nodes output, a K3s or RKE2 config.yaml. As with the CLI's --as and --rancher-version,
// a single cluster's file can be read as the Rancher server's cluster, at a given Rancher version.
// Whatever the reader says goes into an alert with its place; the plan is only replaced when
// reading succeeds. The reader (YAML and schema libraries included) loads on first use.
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import type { ImportError, ImportedFile } from './file-reading.ts';
import type { ReadRequest } from './read-worker.ts';
import type { SourceFile } from '../../rules/formats/read-async.ts';
import { megabytes } from './summary.ts';
import { checkVersion } from './validation.ts';
import { ImportKinds } from './ImportKinds.tsx';
import { readVersionPreference, VERSION_EVENT } from '../version-preference.ts';

export type { ImportError } from './file-reading.ts';

/** A file being read in the worker: its name, how far reading has got, and how to stop it. */
interface Reading {
  name: string;
  read: number;
  total: number;
}

// The reading code, loaded on first use.
const loadReading = () => import('./import-reading.ts');

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
    const outcome = await (await loadReading()).tryImport(input, { filename, ...options });
    setBusy(false);
    void show(outcome, filename);
  };

  /** One file, read in the worker with progress and Cancel. */
  const runFile = async (file: File) => {
    const options = readOptions();
    if (!options) return;
    stopReading.current?.();
    setCancelled(undefined);
    setBusy(true);
    setReading({ name: file.name, read: 0, total: file.size });
    const { readInWorker } = await loadReading();
    const { done, stop } = readInWorker(file, options, (read) => setReading((r) => r && { ...r, read }));
    stopReading.current = stop;
    const outcome = await done;
    if (stopReading.current === stop) {
      stopReading.current = undefined;
      setReading(undefined);
      setBusy(false);
    }
    if (outcome) void show(outcome, file.name);
  };

  const cancel = () => {
    const name = reading?.name;
    stopReading.current?.();
    stopReading.current = undefined;
    setReading(undefined);
    setBusy(false);
    setCancelled(name);
  };

  const show = async (outcome: { result: ImportedFile } | { error: ImportError }, filename?: string) => {
    if ('error' in outcome) {
      setError(outcome.error);
      return;
    }
    setError(undefined);
    onImport(outcome.result, (await loadReading()).describeImport(outcome.result, filename, asRancher));
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
    const { readFileText } = await loadReading();
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
  const prefetch = () => void loadReading().then((m) => m.prefetchReader());

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
          Reads <ImportKinds />. Importing replaces the plan below (Undo brings it back); input that cannot be read changes nothing.
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
