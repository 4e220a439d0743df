import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, copyFileSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { E2E_OUT_DIR } from './site.ts';
import { planJsonSchema } from '../src/rules/formats/plan-file.ts';
import { configJsonSchema } from '../src/cli/config/schema.ts';

// The built site hands out the CLI as one file. Copied away from the repository (so nothing can
// resolve from node_modules), it must still read the fixtures and keep its exit codes.
const fixtures = resolve('test', 'fixtures');

function runBundle(args: string[], input?: string | number, files: Record<string, string> = {}) {
  const bundle = join(E2E_OUT_DIR, 'rancher-arch.mjs');
  expect(existsSync(bundle), `${bundle} is built with the site`).toBe(true);
  const alone = mkdtempSync(join(tmpdir(), 'rancher-arch-'));
  copyFileSync(bundle, join(alone, 'rancher-arch.mjs'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(alone, name), text);
  // A number is a file descriptor to hand over as standard input (an endless device, say).
  const stdin = typeof input === 'number' ? { stdio: [input, 'pipe', 'pipe'] as ['pipe' | number, 'pipe', 'pipe'] } : { input };
  return spawnSync(process.execPath, [join(alone, 'rancher-arch.mjs'), ...args], { encoding: 'utf8', ...stdin, cwd: alone, timeout: 60_000 });
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

test('the bundled CLI writes SARIF and JUnit, reads a config file, and expands a pattern', () => {
  const cluster = readFileSync(join(fixtures, 'rke-ha-3node.cluster.yml'), 'utf8');
  const files = { 'a.cluster.yml': cluster, 'b.cluster.yml': cluster, '.rancher-arch.yaml': 'rules:\n  downstream-single-role: error\n' };
  const sarif = runBundle(['check', '*.cluster.yml', '--format', 'sarif'], undefined, files);
  expect(sarif.status, sarif.stderr).toBe(1);
  const log = JSON.parse(sarif.stdout);
  expect(log.version).toBe('2.1.0');
  expect(log.runs[0].artifacts.map((a: { location: { uri: string } }) => a.location.uri)).toEqual(['a.cluster.yml', 'b.cluster.yml']);
  expect(log.runs[0].invocations[0].ruleConfigurationOverrides[0].descriptor.id).toBe('downstream-single-role');
  const junit = runBundle(['check', 'a.cluster.yml', '--format', 'junit', '--no-config'], undefined, files);
  expect(junit.status, junit.stderr).toBe(0);
  expect(junit.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites /);
  expect(junit.stdout).toContain('<testsuite name="a.cluster.yml: cluster local"');
});

test('the bundled CLI refuses /dev/zero as a file, and stops reading it on standard input at the size limit', () => {
  const named = runBundle(['check', '/dev/zero', '--format', 'json']);
  expect(named.status).toBe(2);
  expect(JSON.parse(named.stdout).errors[0].reason).toBe('cannot read the file: is a device, not a file');
  const zero = openSync('/dev/zero', 'r');
  try {
    const piped = runBundle(['check', '-', '--format', 'json'], zero);
    expect(piped.status).toBe(2);
    expect(JSON.parse(piped.stdout).errors[0].reason).toMatch(/^input is more than 5 MB \(reading stopped there\); the checker holds a file whole/);
  } finally {
    closeSync(zero);
  }
});

test('the site publishes the config file’s JSON Schema, as the CLI validates it', () => {
  const file = join(E2E_OUT_DIR, 'schemas', 'rancher-arch-config.schema.json');
  expect(existsSync(file), `${file} is built with the site`).toBe(true);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(configJsonSchema());
});

test('the bundled CLI reads Terraform with the HCL parser it carries inside itself', () => {
  const tf = readFileSync(join(fixtures, 'rancher2-dynamic-pools.tf'), 'utf8');
  const run = runBundle(['check', 'main.tf', '--format', 'json'], undefined, { 'main.tf': tf });
  expect(run.stderr).not.toMatch(/could not be loaded/);
  expect(run.status, run.stderr).toBe(0);
  const report = JSON.parse(run.stdout);
  expect(report.inputs[0].format).toBe('terraform');
});

test('the site publishes the plan file’s JSON Schema, as the readers validate it', () => {
  const file = join(E2E_OUT_DIR, 'schemas', 'rancher-arch-plan.schema.json');
  expect(existsSync(file), `${file} is built with the site`).toBe(true);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(planJsonSchema());
});
