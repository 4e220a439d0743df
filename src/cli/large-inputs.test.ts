// Large inputs through the real CLI, where what counts is the process's: its memory and its exit
// code. How fast they are is measured in npm run bench (bench/large-inputs.ts), not here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../rules/limits.ts';
import { kubectlNode, kubectlNodeListText } from '../rules/testing/kubectl-list.ts';

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

  it('a kubectl node list past the 5 MB input bound is read node by node, JSON and YAML, in a 96 MB heap', () => {
    for (const [syntax, count] of [
      ['json', 2000],
      ['yaml', 2000],
    ] as const) {
      const name = `nodes.${syntax}`;
      const text = kubectlNodeListText(count, syntax);
      // Before: refused as "input is more than 5 MB".
      expect(text.length).toBeGreaterThan(4 * LIMITS.inputBytes);
      writeFileSync(join(dir, name), text);
      const r = run(['check', name, '--format', 'json'], { heapMB: 96, cwd: dir });
      expect(r.signal, syntax).toBeNull();
      expect(r.stderr, syntax).toBe('');
      const out = JSON.parse(r.stdout) as { inputs: { format: string }[]; clusters: { distribution: string; nodeCount: number }[] };
      expect(out.inputs[0]?.format).toBe('kubectl-nodes');
      expect(out.clusters[0]).toMatchObject({ distribution: 'rke2', nodeCount: count, roles: { server: 3, agent: count - 3 } });
    }
  });

  it('a list of more nodes than a cluster holds is refused at the node past the bound, with the reason', () => {
    // Past 5 MB, so it is read node by node: small nodes with a few images each.
    const node = (i: number) => {
      const full = kubectlNode(i) as { status: { images: unknown[] } };
      full.status.images = full.status.images.slice(0, 3);
      return full;
    };
    const text = kubectlNodeListText(LIMITS.nodesPerCluster + 1, 'json', node);
    expect(text.length).toBeGreaterThan(LIMITS.inputBytes);
    writeFileSync(join(dir, 'too-many.json'), text);
    const r = run(['check', 'too-many.json'], { cwd: dir });
    const line = text.slice(0, text.indexOf('"name": "rke2-agent-5000"')).lastIndexOf('\n        {');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `rancher-arch: too-many.json:${text.slice(0, line + 1).split('\n').length}:9: more than 5,000 nodes in one list; at most 5,000 are checked in one cluster, since Kubernetes documents clusters of up to 5,000 nodes.\n`,
    );
  });

  it('past 5 MB, what is not a node list is refused with the size bound and why it was not read on', () => {
    writeFileSync(join(dir, 'big-plan.json'), JSON.stringify({ clusters: [{ name: 'a', nodes: [] }], padding: 'x'.repeat(LIMITS.inputBytes) }));
    const r = run(['check', 'big-plan.json'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^rancher-arch: big-plan\.json: input is more than 5 MB \(reading stopped there\); .* Past that size only a kubectl get nodes list is read on, node by node; this is not one: /,
    );
  });
});
