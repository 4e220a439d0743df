// Files named on the command line: globs expanded, each read as bytes with the size checked while
// reading (so `check /dev/zero` stops at the limit instead of filling memory), then decoded the way
// the page decodes an upload (decodeBytes: UTF-8 with or without BOM, UTF-16 with BOM).
import { decodeBytes, InputError, LIMITS, readPieces, type PiecesRead } from '../rules/index.ts';
import { concatBytes } from '../rules/formats/read-pieces.ts';
import { inputTooLarge, LIMIT_REASONS } from '../rules/limits.ts';
import { UsageError } from './args.ts';
import { bracePatterns, type GlobMatch } from './glob.ts';
import { NotAFileError, type FilePath, type Io } from './io.ts';

/** One input: a file path, or standard input. */
export interface Source {
  /** What messages and reports call it: the path as given, or <stdin>; a name that is not UTF-8 with its odd bytes as \xNN. */
  name: string;
  /** undefined for standard input; bytes for a name that is not valid UTF-8. */
  path: FilePath | undefined;
  /** Why this argument gives nothing to read (a pattern that matched no file). */
  problem?: InputError;
  /** A folder, read the Terraform way: its .tf and .tfvars files together (folder.ts). */
  folder?: boolean;
}

const GLOB_CHARS = /[*?[{]/;

function tooManyFiles(pattern?: string): UsageError {
  const where = pattern === undefined ? '' : ` (the pattern ${JSON.stringify(pattern)} matches more; the search stopped there)`;
  return new UsageError(`more than ${LIMITS.filesPerRun} files to check in one run${where}: ${LIMIT_REASONS.filesPerRun}`);
}

/**
 * FILE arguments → sources, in order: "-" is standard input, a pattern expands to the files it
 * matches, sorted. A pattern that matches nothing, or is refused before any search, is reported
 * like an unreadable input (exit 2, the other inputs still checked). Past the file cap the run is
 * refused, and a pattern's walk stops as soon as the cap is passed.
 */
export async function expandSources(args: readonly string[], io: Io): Promise<Source[]> {
  if (args.length === 0) throw new UsageError('check needs at least one FILE (or - for standard input)');
  const sources: Source[] = [];
  const problem = (arg: string, error: InputError) => sources.push({ name: arg, path: arg, problem: error });
  const seen = new Set<string>();
  const add = (name: string | undefined, path: FilePath | undefined = name) => {
    const key = name ?? '-';
    if (seen.has(key)) return;
    seen.add(key);
    sources.push(name === undefined ? { name: '<stdin>', path } : { name, path });
  };
  for (const arg of args) {
    if (arg === '-') {
      if (seen.has('-')) throw new UsageError('standard input (-) can be read only once');
      add(undefined);
      continue;
    }
    if (io.listDir?.(arg) !== undefined) {
      const key = `${arg.replace(/\/+$/, '') || '/'}/`;
      if (!seen.has(key)) sources.push({ name: arg, path: arg, folder: true });
      seen.add(key);
      continue;
    }
    // A name that exists is a file, even with [ or * in it; otherwise a pattern is expanded.
    if (!GLOB_CHARS.test(arg) || io.isFile(arg)) {
      add(arg);
      if (sources.length > LIMITS.filesPerRun) throw tooManyFiles();
      continue;
    }
    if (!io.glob) {
      problem(
        arg,
        new InputError('no such file, and this Node.js cannot expand patterns (that needs Node.js 22.17 or later); let the shell expand it', { file: arg }),
      );
      continue;
    }
    const braced = bracePatterns(arg);
    if ('problem' in braced) {
      problem(arg, new InputError(braced.problem, { file: arg }));
      continue;
    }
    // Matches are collected up to one past the room left, then sorted; the walk ends there.
    const room = LIMITS.filesPerRun - sources.length;
    const matches: GlobMatch[] = [];
    let matchedAny = false;
    try {
      for await (const m of io.glob(arg)) {
        matchedAny = true;
        if (!seen.has(m.name) && !matches.some((k) => k.name === m.name)) matches.push(m);
        if (matches.length > room) throw tooManyFiles(arg);
      }
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problem(arg, error);
      continue;
    }
    if (!matchedAny) problem(arg, new InputError('no such file, and no file matches it as a pattern', { file: arg }));
    for (const m of matches.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) add(m.name, m.path);
  }
  return sources;
}

/**
 * Read at most `limit` + 1 bytes from a stream, then stop (the stream is closed): the +1 is how
 * decodeBytes knows the input was too big. Nothing past that is ever read.
 */
export async function readBounded(stream: AsyncIterable<Uint8Array>, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const room = limit + 1 - total;
    const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
    chunks.push(part);
    total += part.length;
    // Leaving the loop closes the stream: the rest of /dev/zero is never read.
    if (total > limit) break;
  }
  return concatBytes(chunks, total);
}

/** Why each kind of thing that is not a file is not read. */
const NOT_A_FILE: Record<NotAFileError['kind'], string> = {
  fifo: 'is a named pipe (FIFO), which may wait for a writer for ever; to check what a command prints, pipe it to rancher-arch check -',
  'character device': 'is a device, not a file',
  'block device': 'is a device, not a file',
  socket: 'is a socket, not a file',
  directory: 'is a directory',
  'special file': 'is not a regular file',
};

function readFailure(error: unknown, name: string): InputError {
  if (error instanceof NotAFileError) return new InputError(`cannot read the file: ${NOT_A_FILE[error.kind]}`, { file: name });
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'is a directory'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : ((error as Error).message ?? String(error)).split('\n')[0];
  return new InputError(`cannot read the file: ${why}`, { file: name });
}

/** The text of one input, bounded and decoded. Throws InputError. */
export async function readSource(source: Source, io: Io, limit: number = LIMITS.inputBytes): Promise<string> {
  if (source.problem) throw source.problem;
  let bytes: Uint8Array;
  try {
    bytes = await readBounded(source.path === undefined ? io.stdin() : io.openFile(source.path), limit);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw readFailure(error, source.name);
  }
  if (bytes.length > limit)
    throw new InputError(
      limit === LIMITS.inputBytes
        ? inputTooLarge('reading stopped there')
        : `input is more than ${(limit / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 2 })} MB; reading stopped there.`,
      { file: source.name },
    );
  return decodeBytes(bytes, source.name);
}

/**
 * One input as `check` reads it: its text, bounded and decoded as readSource does; or, past the
 * byte bound, a `kubectl get nodes` list read on node by node (readPieces). Throws InputError.
 */
export async function readSourceOrNodeList(source: Source, io: Io): Promise<PiecesRead> {
  if (source.problem) throw source.problem;
  let iterator: AsyncIterator<Uint8Array> | undefined;
  try {
    iterator = (source.path === undefined ? io.stdin() : io.openFile(source.path))[Symbol.asyncIterator]();
    return await readPieces(iterator, source.name);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw readFailure(error, source.name);
  } finally {
    // Stopping early closes the file or pipe: the rest of /dev/zero is never read.
    await iterator?.return?.();
  }
}
