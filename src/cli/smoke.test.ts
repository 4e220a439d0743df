// The CLI as users run it: bin/rancher-arch.mjs in a real Node process, for what the in-process
// tests cannot show — exit codes of the process, a real pipe on standard input, /dev/zero, the
// shell-less glob, a config file found in the working directory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, runBin as run } from './spawn-cli.ts';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));

// Each spawn starts a fresh Node (~0.5 s), so these tests get a longer timeout.
describe('rancher-arch as a process', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'rancher-arch-smoke-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a reader that stops early (| head) ends the run quietly, with its own exit code', () => {
    // The SARIF is ~90 KB, more than a pipe holds, so the writer meets the closed pipe (EPIPE).
    const r = spawnSync(
      'bash',
      [
        '-c',
        'set -o pipefail; "$0" "$1" check "$2" --as rancher --format sarif | head -c 1 >/dev/null; echo "${PIPESTATUS[0]}"',
        process.execPath,
        BIN,
        `${FIXTURES}rke-ha-3node.cluster.yml`,
      ],
      {
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('0');
  });

  it('exit 0, 1 and 2', () => {
    expect(run(['check', `${FIXTURES}rke-ha-3node.cluster.yml`, '--as', 'rancher']).code).toBe(0);
    expect(run(['check', `${FIXTURES}rke-unknown-role.cluster.yml`]).code).toBe(1);
    const missing = run(['check', 'no-such-file.yml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('rancher-arch: no-such-file.yml: cannot read the file: no such file\n');
    expect(run(['frobnicate']).code).toBe(2);
  });

  it('reads a pipe on standard input; a bad plan is one line naming the place, no stack trace', () => {
    const ok = run(['check', '-', '--format', 'json'], { input: 'rancher: {install: docker, host: 10.0.0.9}\nclusters: []\n' });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).findings[0].rule).toBe('docker-install-not-production');
    const bad = run(['check', '-'], { input: 'clusters:\n  - name: a\n    nodes:\n      - {name: n1, roles: [master]}\n' });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^rancher-arch: <stdin>:4:\d+ clusters\[0\]\.nodes\[0\]\.roles\[0\]: "master" is not a role/);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });

  it('check /dev/zero is refused as a device; on standard input it stops at the size limit', () => {
    const r = run(['check', '/dev/zero', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).errors[0]).toMatchObject({
      file: '/dev/zero',
      reason: expect.stringMatching(/^cannot read the file: is a device, not a file/),
    });
    const piped = spawnSync('bash', ['-c', '"$0" "$1" check - --format json </dev/zero', process.execPath, BIN], { encoding: 'utf8', timeout: 30_000 });
    expect(piped.status).toBe(2);
    expect(JSON.parse(piped.stdout).errors[0]).toMatchObject({
      file: '<stdin>',
      reason: expect.stringMatching(/^input is more than 5 MB \(reading stopped there\); the checker holds a file whole/),
    });
  });

  it('expands a quoted pattern itself, and finds .rancher-arch.yaml in the working directory', () => {
    for (const f of ['rke-ha-3node.cluster.yml', 'rke-split-bastion.cluster.yml']) copyFileSync(`${FIXTURES}${f}`, join(dir, f));
    writeFileSync(join(dir, '.rancher-arch.yaml'), 'rules:\n  downstream-single-role: off\n');
    const r = run(['check', '*.cluster.yml', '--format', 'json'], { cwd: dir });
    const out = JSON.parse(r.stdout);
    expect(out.inputs.map((i: { file: string }) => i.file)).toEqual(['rke-ha-3node.cluster.yml', 'rke-split-bastion.cluster.yml']);
    expect(out.config.file).toBe('.rancher-arch.yaml');
    expect(out.findings.map((f: { rule: string }) => f.rule)).not.toContain('downstream-single-role');
    // The control: without the config file the same files do raise it.
    const plain = JSON.parse(run(['check', '*.cluster.yml', '--format', 'json', '--no-config'], { cwd: dir }).stdout);
    expect(plain.findings.map((f: { rule: string }) => f.rule)).toContain('downstream-single-role');
  });

  it('a file name with terminal escapes is printed escaped', () => {
    const name = join(dir, 'evil\u001b[2J\u001b]0;pwned\u0007.yml');
    copyFileSync(`${FIXTURES}rke-ha-3node.cluster.yml`, name);
    const r = run(['check', name]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('\u001b');
    expect(r.stdout).not.toContain('\u0007');
    expect(r.stdout).toContain('evil\\u001b[2J\\u001b]0;pwned\\u0007.yml: an RKE cluster.yml');
  });
});
