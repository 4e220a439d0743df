// An input that arrives in pieces (a file read from disk or a pipe by the CLI, a file chosen on the
// page read in a worker), the same way for both: up to the byte bound it is collected and decoded
// whole (decodeBytes), as every other input is; past it, only a `kubectl get nodes` list is read
// on, node by node (node-list-stream.ts), and anything else is refused with the bound and the
// reason. Nothing past the first refusal is read. Throws InputError; errors from the source itself
// (a file that cannot be read) are passed on as they are.
import { inputTooLarge, LIMITS } from '../limits.ts';
import { InputError } from './input-error.ts';
import { NodeListStream } from './node-list-stream.ts';
import { decodeBytes, encodingOf, notText, type ParsedText } from './text.ts';

export type PiecesRead = { text: string } | { nodeList: ParsedText };

/** `bytesRead` hears how far reading has got, after every piece (for a progress bar). */
export async function readPieces(pieces: AsyncIterator<Uint8Array>, file: string, bytesRead?: (bytes: number) => void): Promise<PiecesRead> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const next = await pieces.next();
    if (next.done) return { text: decodeBytes(concatBytes(chunks, total), file) };
    chunks.push(next.value);
    total += next.value.length;
    bytesRead?.(total);
    if (total > LIMITS.inputBytes) break;
  }
  const list = new NodeListStream(
    file,
    (why) =>
      new InputError(
        `${inputTooLarge('reading stopped there')} Past that size only a kubectl get nodes list is read on, node by node; this is not one: ${why}.`,
        {
          file,
        },
      ),
  );
  const encoding = encodingOf(chunks[0] ?? new Uint8Array());
  const decoder = new TextDecoder(encoding, { fatal: true });
  const decode = (bytes?: Uint8Array) => {
    try {
      return bytes ? decoder.decode(bytes, { stream: true }) : decoder.decode();
    } catch {
      throw notText(encoding, file);
    }
  };
  // The first pieces are let go as they are handed on: only the node being read is held.
  for (let chunk = chunks.shift(); chunk; chunk = chunks.shift()) list.push(decode(chunk));
  for (let next = await pieces.next(); !next.done; next = await pieces.next()) {
    total += next.value.length;
    list.push(decode(next.value));
    bytesRead?.(total);
  }
  list.push(decode());
  return { nodeList: list.finish() };
}

/** Pieces read one after another, as one array of `total` bytes. */
export function concatBytes(chunks: readonly Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    bytes.set(c, offset);
    offset += c.length;
  }
  return bytes;
}
