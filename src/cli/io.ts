// What the CLI needs from the world, as one object: the tests hand `main` a fake one, `nodeIo()` is
// the real thing. Input arrives as streams of bytes so sizes can be checked while reading.
import { createReadStream, existsSync, statSync } from 'node:fs';
import * as fs from 'node:fs';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The bytes of a file, as they are read. Errors (ENOENT, EISDIR…) may come at once or from the stream. */
  openFile(path: string): AsyncIterable<Uint8Array>;
  /** The bytes of standard input, as they arrive. */
  stdin(): AsyncIterable<Uint8Array>;
  /** Is there a file (or something readable that is not a directory) at this path? */
  isFile(path: string): boolean;
  /** The names in a directory, or undefined when the path is not a directory (a Terraform folder is read whole). */
  listDir?(path: string): string[] | undefined;
  /** Files matching a glob pattern, relative to the working directory; undefined where Node has no glob (before 22). */
  glob?(pattern: string): string[];
  /** The working directory, where `.rancher-arch.yaml` is looked for. */
  cwd: string;
  /** Environment variables the command reads (RANCHER_ARCH_DOCS_BASE). */
  env: Record<string, string | undefined>;
  /** Colour codes on stdout (a terminal, and NO_COLOR unset). */
  color: boolean;
  /** Today's date, YYYY-MM-DD (UTC), for waiver expiry. */
  today(): string;
}

type GlobSync = (pattern: string, options: { cwd: string }) => string[];

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

export function nodeIo(): Io {
  const cwd = process.cwd();
  dropWritesAfterClosedPipe(process.stdout);
  // fs.globSync arrived in Node 22; the bundled CLI also runs on Node 20, where the shell expands globs.
  const globSync = (fs as unknown as { globSync?: GlobSync }).globSync;
  const isFile = (path: string) => existsSync(path) && !statSync(path).isDirectory();
  return {
    stdout: (t) => void (process.stdout.destroyed || process.stdout.write(t)),
    stderr: (t) => void process.stderr.write(t),
    openFile: (path) => createReadStream(path),
    stdin: () => process.stdin,
    isFile,
    listDir: (path) => (existsSync(path) && statSync(path).isDirectory() ? fs.readdirSync(path) : undefined),
    glob: globSync ? (pattern) => globSync(pattern, { cwd }).filter(isFile) : undefined,
    cwd,
    env: process.env,
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    today: () => new Date().toISOString().slice(0, 10),
  };
}
