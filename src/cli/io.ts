// What the CLI needs from the world, as one object: the tests hand `main` a fake one, `nodeIo()` is
// the real thing. Input arrives as streams of bytes so sizes can be checked while reading.
import { constants, existsSync, statSync, type Stats } from 'node:fs';
import * as fs from 'node:fs';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { globFiles, type GlobMatch } from './glob.ts';

/** A path as the file system holds it: a string, or the bytes of a name that is not valid UTF-8. */
export type FilePath = string | Buffer;

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * The bytes of a regular file, as they are read. Errors (ENOENT, EISDIR…) may come at once or from
   * the stream; anything but a regular file (a FIFO, a device, a socket) is refused with a
   * NotAFileError before a byte is read.
   */
  openFile(path: FilePath): AsyncIterable<Uint8Array>;
  /** The bytes of standard input, as they arrive. */
  stdin(): AsyncIterable<Uint8Array>;
  /** Is there a file (or something readable that is not a directory) at this path? */
  isFile(path: string): boolean;
  /** The names in a directory, or undefined when the path is not a directory (a Terraform folder is read whole). */
  listDir?(path: string): string[] | undefined;
  /**
   * The files (not directories) a glob pattern matches, relative to the working directory, as the
   * walk finds them: the caller stops when it has enough, and the walk stops with it. Undefined
   * where Node has no glob (before 22).
   */
  glob?(pattern: string): Iterable<GlobMatch> | AsyncIterable<GlobMatch>;
  /** The working directory, where `.rancher-arch.yaml` is looked for. */
  cwd: string;
  /** Environment variables the command reads (RANCHER_ARCH_DOCS_BASE). */
  env: Record<string, string | undefined>;
  /** Colour codes on stdout (a terminal, and NO_COLOR unset). */
  color: boolean;
  /** Today's date, YYYY-MM-DD (UTC), for waiver expiry. */
  today(): string;
}

/** What sits at a path when it is not a regular file. */
export type NotAFileKind = 'fifo' | 'character device' | 'block device' | 'socket' | 'directory' | 'special file';

/** Opening a path that is not a regular file: reading it could block for ever (a FIFO) or never end (a device). */
export class NotAFileError extends Error {
  readonly code = 'ENOTREGULAR';
  readonly kind: NotAFileKind;
  constructor(kind: NotAFileKind, path: FilePath) {
    super(`${String(path)} is a ${kind}, not a regular file`);
    this.kind = kind;
  }
}

function kindOf(stats: Stats): NotAFileKind {
  if (stats.isFIFO()) return 'fifo';
  if (stats.isCharacterDevice()) return 'character device';
  if (stats.isBlockDevice()) return 'block device';
  if (stats.isSocket()) return 'socket';
  if (stats.isDirectory()) return 'directory';
  return 'special file';
}

const CHUNK = 64 * 1024;

/**
 * Read a regular file chunk by chunk. It is opened without blocking and checked on the open handle
 * (no gap between looking and reading): opening a FIFO nobody writes to would otherwise wait for
 * ever, and a device like /dev/zero never ends. A socket cannot be opened at all (ENXIO); stat says
 * what it is.
 */
export async function* readRegularFile(path: FilePath): AsyncIterable<Uint8Array> {
  let handle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENXIO') {
      const stats = statSync(path, { throwIfNoEntry: false });
      if (stats && !stats.isFile()) throw new NotAFileError(kindOf(stats), path);
    }
    throw error;
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw new NotAFileError(kindOf(stats), path);
    for (;;) {
      const buffer = new Uint8Array(CHUNK);
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/**
 * A reader that goes away early (`rancher-arch check … | head`) closes the pipe: the rest of the
 * output has nowhere to go, which is the reader's choice, not a failure. Without a handler Node
 * throws EPIPE with a stack trace; with it the remaining writes are dropped and the run still ends
 * with its own exit code.
 */
function dropWritesAfterClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

function globStable(): boolean {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  return 'matchesGlob' in path && (major > 22 || (major === 22 && minor >= 17));
}

export function nodeIo(): Io {
  const cwd = process.cwd();
  dropWritesAfterClosedPipe(process.stdout);
  const isFile = (path: string) => existsSync(path) && !statSync(path).isDirectory();
  return {
    stdout: (t) => void (process.stdout.destroyed || process.stdout.write(t)),
    stderr: (t) => void process.stderr.write(t),
    openFile: readRegularFile,
    stdin: () => process.stdin,
    isFile,
    listDir: (path) => (existsSync(path) && statSync(path).isDirectory() ? fs.readdirSync(path) : undefined),
    // path.matchesGlob is stable from Node 22.17; before that it prints an experimental warning on
    // every run (Node 20), so there the shell expands patterns, as the message says.
    ...(globStable() ? { glob: (pattern: string) => globFiles(pattern, cwd) } : {}),
    cwd,
    env: process.env,
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    today: () => new Date().toISOString().slice(0, 10),
  };
}
