// The CLI as users run it, for the process tests: bin/rancher-arch.mjs in a fresh Node, its exit
// code, stdout and stderr. A run that does not end within `timeout` fails the test instead of
// hanging the suite (status null): a FIFO must never make the command wait.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const BIN = fileURLToPath(new URL('../../bin/rancher-arch.mjs', import.meta.url));

export interface SpawnOptions {
  input?: string;
  cwd?: string;
  env?: Record<string, string>;
  /** Milliseconds before the process is killed; default 30 s. */
  timeout?: number;
}

export function runBin(args: readonly string[], options: SpawnOptions = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input,
    cwd: options.cwd,
    encoding: 'utf8',
    timeout: options.timeout ?? 30_000,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}
