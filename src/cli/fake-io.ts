// A fake world for the CLI's tests: files in a map (or, when asked, the real file system), standard
// input from a string or any stream, a fixed date and working directory, stdout and stderr captured.
// `main` runs in-process against it, so most tests need no child process.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { matchesGlob } from 'node:path';
import { globFiles, type GlobMatch } from './glob.ts';
import { readRegularFile, type Io } from './io.ts';
import { main } from './main.ts';

export interface FakeWorld {
  /** Files by path; a string is UTF-8 text; a function gives the file's stream (an endless one, say). */
  files?: Record<string, string | Uint8Array | (() => AsyncIterable<Uint8Array>)>;
  /** Read paths missing from `files` from the real file system (the project's fixtures). */
  realFiles?: boolean;
  stdin?: string | Uint8Array | AsyncIterable<Uint8Array>;
  env?: Record<string, string | undefined>;
  today?: string;
  cwd?: string;
  color?: boolean;
  /** Leave out glob support, as on Node 20. */
  noGlob?: boolean;
  /** Expand patterns this way instead (an endless walk, say). */
  glob?: (pattern: string) => Iterable<GlobMatch>;
}

/** A stream of chunks of at most 64 KiB, as fs streams give them. */
async function* chunks(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  await Promise.resolve();
  for (let i = 0; i < bytes.length; i += 65536) yield bytes.subarray(i, i + 65536);
}

function enoent(path: string): AsyncIterable<Uint8Array> {
  return {
    [Symbol.asyncIterator]() {
      return {
        next: () => Promise.reject(Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' })),
      };
    },
  };
}

const bytesOf = (content: string | Uint8Array) => (typeof content === 'string' ? new TextEncoder().encode(content) : content);

export function fakeIo(world: FakeWorld = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const files = world.files ?? {};
  const realIsFile = (path: string) => Boolean(world.realFiles) && existsSync(path) && !statSync(path).isDirectory();
  const io: Io = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    openFile(path) {
      const content = typeof path === 'string' ? files[path] : undefined;
      if (typeof content === 'function') return content();
      if (content !== undefined) return chunks(bytesOf(content));
      if (world.realFiles && existsSync(path)) return readRegularFile(path);
      return enoent(String(path));
    },
    stdin() {
      const input = world.stdin ?? '';
      return typeof input === 'string' || input instanceof Uint8Array ? chunks(bytesOf(input)) : input;
    },
    isFile: (path) => path in files || realIsFile(path),
    listDir(path) {
      // A folder of the fake world is any prefix of its file names; the real one when asked.
      const prefix = `${path.replace(/\/+$/, '')}/`;
      const names = Object.keys(files)
        .filter((f) => f.startsWith(prefix) && !f.slice(prefix.length).includes('/'))
        .map((f) => f.slice(prefix.length));
      if (names.length > 0 || Object.keys(files).some((f) => f.startsWith(prefix))) return names;
      return world.realFiles && existsSync(path) && statSync(path).isDirectory() ? readdirSync(path) : undefined;
    },
    ...(world.noGlob
      ? {}
      : world.glob
        ? { glob: world.glob }
        : {
            *glob(pattern: string) {
              for (const f of Object.keys(files)) if (matchesGlob(f, pattern)) yield { name: f, path: f };
              if (world.realFiles) yield* globFiles(pattern, process.cwd());
            },
          }),
    cwd: world.cwd ?? '/work/project',
    env: world.env ?? {},
    color: world.color ?? false,
    today: () => world.today ?? '2026-03-15',
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

/** Run the CLI in-process against a fake world. */
export async function runCli(argv: readonly string[], world: FakeWorld = {}) {
  const fake = fakeIo(world);
  const code = await main(argv, fake.io);
  return { code, stdout: fake.stdout(), stderr: fake.stderr() };
}
