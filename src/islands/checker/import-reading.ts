// The import panel's reading: text through the reader, one file in a Web Worker with progress,
// several files decoded as the CLI decodes them, and the sentence that says what was imported.
// Only needed once a reader imports something, so the panel loads it on first use (or when the
// text field gets focus or a file is dragged over), not with the page.
import { InputError } from '../../rules/formats/input-error.ts';
import type { ReadOptions, ReadResult } from '../../rules/formats/read.ts';
import type { SourceFile } from '../../rules/formats/read-async.ts';
import { inputTooLarge, LIMITS } from '../../rules/limits.ts';
import type { FileOutcome, ImportError, ImportedFile } from './file-reading.ts';
import type { ReadRequest, ReadReply } from './read-worker.ts';
import { plural } from './summary.ts';

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

/**
 * Read one file in a Web Worker (read-worker.ts), so a 100 MB node list never holds up the page.
 * Resolves undefined when stopped; `stop` ends the worker and with it the reading.
 */
export function readInWorker(
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

/** Start loading the reader before it is needed: the text field has focus, a file is over the panel. */
export const prefetchReader = () => void loadReader();
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

/** What an import brought in, in words for the notice. */
export function describeImport(result: ImportedFile, filename: string | undefined, asRancher: boolean): string {
  const { plan, format, warnings } = result;
  const nodes = plan.clusters.reduce((a, c) => a + c.nodes.length, 0);
  const as = asRancher && format !== 'plan' ? ' as the Rancher server’s cluster' : '';
  const said = warnings.length ? ` ${warnings.map((w) => `${w.place}: ${w.message}`).join(' ')}` : '';
  return `Imported ${FORMAT_WORDS[format]}${filename ? ` (${filename})` : ''}${as}: ${plural(plan.clusters.length, 'cluster')}, ${plural(nodes, 'node')}.${said}`;
}
