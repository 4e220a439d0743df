// Reading a chosen or dropped file for the import, as the CLI reads one (readPieces): up to 5 MB
// any input, past that a kubectl node list node by node. It runs in a Web Worker (read-worker.ts)
// so the page stays responsive while a 100 MB list is read, reports how far it has got, and ends
// when the worker is stopped (Cancel). What it hands back is plain data, cloned to the page.
import { InputError } from '../../rules/formats/input-error.ts';
import { readInputAsync } from '../../rules/formats/read-async.ts';
import { readParsedDetailed, type ReadOptions, type ReadResult } from '../../rules/formats/read.ts';
import { readPieces } from '../../rules/formats/read-pieces.ts';
import { inputTooLarge, LIMIT_REASONS, LIMITS } from '../../rules/limits.ts';
import { megabytes } from './summary.ts';

export interface ImportError {
  reason: string;
  place: string;
}

/** A read result without its locator (a function, which cannot cross to the page). */
export type ImportedFile = Omit<ReadResult, 'locate'>;

export type FileOutcome = { result: ImportedFile } | { error: ImportError };

/** The options the page's import passes on. */
export type FileReadOptions = Pick<ReadOptions, 'as' | 'rancherVersion'>;

/** How often progress is reported, in bytes: often enough for a bar, rarely enough to cost nothing. */
const PROGRESS_STEP = 512 * 1024;

/** Read one file into a plan, or say why not. Never throws. */
export async function readChosenFile(file: Blob & { name: string }, options: FileReadOptions, progress?: (read: number) => void): Promise<FileOutcome> {
  // Larger than any node list is read: refused before a byte is read.
  if (file.size > LIMITS.nodeListChars)
    return {
      error: {
        reason: `${inputTooLarge(`the file is ${megabytes(file.size)}`)} Past that size only a kubectl get nodes list is read, node by node, up to ${megabytes(LIMITS.nodeListChars)}: ${LIMIT_REASONS.nodeListChars}.`,
        place: file.name,
      },
    };
  const reader = file.stream().getReader();
  const pieces: AsyncIterator<Uint8Array> = {
    next: async () => {
      const { done, value } = await reader.read();
      return done ? { done: true, value: undefined } : { done: false, value };
    },
  };
  let reported = 0;
  try {
    const read = await readPieces(pieces, file.name, (bytes) => {
      if (bytes - reported < PROGRESS_STEP) return;
      reported = bytes;
      progress?.(bytes);
    });
    // Terraform's parser (WebAssembly) is fetched from the site when a .tf file is read.
    const hclAssets = async () => (await import('./hcl-assets.ts')).browserHclAssets();
    const result =
      'text' in read
        ? await readInputAsync(read.text, { ...options, filename: file.name, hclAssets })
        : readParsedDetailed(read.nodeList, { ...options, filename: file.name, format: 'kubectl-nodes' });
    progress?.(file.size);
    // Everything but the locator crosses to the page, a cluster.yml's settings for "Moving to RKE2" among them.
    const { locate: _locate, ...imported } = result;
    return { result: imported };
  } catch (error) {
    if (error instanceof InputError) return { error: { reason: error.reason, place: error.place } };
    return { error: { reason: 'the file could not be read.', place: file.name } };
  } finally {
    void reader.cancel().catch(() => undefined);
  }
}
