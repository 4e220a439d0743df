import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { E2E_OUT_DIR } from './site.ts';

// The built site hands out the CLI as one file. Copied away from the repository (so nothing can
// resolve from node_modules), it must still read the fixtures and keep its exit codes.
const fixtures = resolve('test', 'fixtures');

function runBundle(args: string[], input?: string) {
  const bundle = join(E2E_OUT_DIR, 'rancher-arch.mjs');
  expect(existsSync(bundle), `${bundle} is built with the site`).toBe(true);
  const alone = mkdtempSync(join(tmpdir(), 'rancher-arch-'));
  copyFileSync(bundle, join(alone, 'rancher-arch.mjs'));
  return spawnSync(process.execPath, [join(alone, 'rancher-arch.mjs'), ...args], { encoding: 'utf8', input, cwd: alone });
}

test('the bundled CLI lists its rules', () => {
  const run = runBundle(['rules']);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain('etcd-odd-members');
  expect(run.stdout).toContain('lb-layer-4');
});

test('the bundled CLI checks a cluster.yml fixture and fails on error findings', () => {
  const run = runBundle(['check', join(fixtures, 'rke-split-bastion.cluster.yml'), '--as', 'rancher', '--format', 'json']);
  expect(run.status, run.stderr).toBe(1);
  const report = JSON.parse(run.stdout);
  expect(report.findings.map((f: { rule: string }) => f.rule)).toContain('rancher-cluster-ha');
});

test('the bundled CLI passes the recommended layout and refuses garbage with exit code 2', () => {
  const good = runBundle(['check', join(fixtures, 'rke-ha-3node.cluster.yml'), '--as', 'rancher']);
  expect(good.status, good.stdout + good.stderr).toBe(0);
  const bad = runBundle(['check', '-'], 'clusters: [ {name: x, nodes: [{name: a, roles: [master]}]} ]');
  expect(bad.status).toBe(2);
  expect(bad.stderr).toMatch(/roles\[0\]/);
  expect(bad.stderr).not.toMatch(/\n\s+at /);
});
