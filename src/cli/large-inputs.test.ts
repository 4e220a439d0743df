// Large inputs through the real CLI, where what counts is the process's: its memory and its exit
// code. How fast they are is measured in npm run bench (bench/large-inputs.ts), not here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/rancher-arch.mjs', import.meta.url));

function run(args: string[], options: { heapMB?: number; cwd?: string } = {}) {
  const heap = options.heapMB === undefined ? [] : [`--max-old-space-size=${options.heapMB}`];
  const r = spawnSync(process.execPath, [...heap, BIN, ...args], {
    cwd: options.cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** A valid plan in block YAML of about `kb` kilobytes: downstream clusters of 50 nodes. */
function yamlPlan(kb: number, seed: number): string {
  const out = ['rancher:', '  version: 2.8.5', 'clusters:'];
  for (let c = 0, size = 0; size < kb * 1024; c++) {
    const lines = [`  - name: s${seed}-c${c}`, '    nodes:'];
    for (let n = 0; n < 50; n++)
      lines.push(
        `      - name: c${c}-n${n}`,
        `        address: 10.${c >> 8}.${c & 255}.${n + 1}`,
        '        roles:',
        n < 3 ? '          - etcd\n          - controlplane' : '          - worker',
      );
    const block = lines.join('\n');
    size += block.length + 1;
    if (size < kb * 1024) out.push(block);
  }
  return `${out.join('\n')}\n`;
}

describe('large inputs, as a process', { timeout: 240_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'rancher-arch-large-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('memory stays flat in the number of files: forty 0.9 MB plans in a 128 MB heap end with a report', () => {
    const names: string[] = [];
    for (let i = 0; i < 40; i++) {
      const name = `plan-${i}.yaml`;
      writeFileSync(join(dir, name), yamlPlan(900, i));
      names.push(name);
    }
    const r = run(['check', ...names], { heapMB: 128, cwd: dir });
    // Before: each input kept its YAML document for locating lines, and V8 aborted (exit 134, no report).
    expect(r.signal).toBeNull();
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/; 40 files checked\n$/);
  });
});
