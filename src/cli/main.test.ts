// The CLI as users run it: spawn bin/rancher-arch.mjs with the Node that runs Vitest (Node 24).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.ts';

const BIN = fileURLToPath(new URL('../../bin/rancher-arch.mjs', import.meta.url));
// The project's own inputs (test/fixtures/README.md says what each stands for).
const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));

function run(args: string[], input?: string, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { input, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Each spawn starts a fresh Node (~0.5 s), so these tests get a longer timeout.
describe('rancher-arch check', { timeout: 60_000 }, () => {
  it('exit 0 and readable text when there are no errors', () => {
    const r = run(['check', `${FIXTURES}rke-ha-3node.cluster.yml`, '--as', 'rancher', '--rancher-version', 'v2.4.8']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Cluster local \(rancher, rke, 3 nodes/);
    expect(r.stdout).toMatch(/warning .*no load balancer.*\[lb-present\]/);
    expect(r.stdout).toMatch(/see load-balancer\/#put-a-load-balancer-in-front/);
  });

  it('exit 1 with error findings, JSON output in the documented shape', () => {
    const r = run(['check', `${FIXTURES}rke-unknown-role.cluster.yml`, '--format', 'json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(expect.arrayContaining(['findings', 'clusters', 'summary']));
    expect(out.summary.errors).toBeGreaterThan(0);
    expect(out.findings.find((f: { rule: string }) => f.rule === 'rke-config-valid')).toEqual({
      rule: 'rke-config-valid',
      severity: 'error',
      cluster: 'sample',
      nodes: ['nas-1'],
      message: expect.any(String),
      docs: 'rke-cluster/#what-rke-itself-requires',
    });
    expect(out.clusters[0]).toMatchObject({ name: 'sample', purpose: 'downstream', nodeCount: 3, etcdMembers: 1 });
  });

  // One spawn per fixture (27 of them): on a busy machine that outruns the describe's 60 s.
  it('reads every fixture (the nginx file is refused with exit 2)', { timeout: 240_000 }, () => {
    const refused = ['README.md', 'nginx-l4.conf'];
    const files = readdirSync(FIXTURES).filter((f) => !refused.includes(f));
    expect(files).toHaveLength(29);
    for (const file of files) {
      const r = run(['check', FIXTURES + file, '--format', 'json']);
      expect([0, 1], file).toContain(r.code);
      expect(JSON.parse(r.stdout).clusters.length, file).toBe(1);
    }
    const nginx = run(['check', `${FIXTURES}nginx-l4.conf`]);
    expect(nginx.code).toBe(2);
    expect(nginx.stderr).toMatch(/^rancher-arch: .*nginx-l4\.conf: this is an nginx configuration/);
  });

  it('warns about the duplicate key on stderr and still checks', () => {
    const r = run(['check', `${FIXTURES}rke-4node-duplicate-key.cluster.yml`]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/duplicate-key\.cluster\.yml:39:1: key "private_registries" appears twice/);
  });

  it('reads standard input with -', () => {
    const r = run(['check', '-', '--format', 'json'], 'rancher: {install: docker, host: 10.0.0.9}\nclusters: []\n');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings[0].rule).toBe('docker-install-not-production');
  });

  it('exit 2 with one line naming file and place, no stack trace', () => {
    const r = run(['check', '-'], 'clusters:\n  - name: a\n    nodes:\n      - {name: n1, roles: [master]}\n');
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^rancher-arch: <stdin>:4:\d+ clusters\[0\]\.nodes\[0\]\.roles\[0\]: "master" is not a role/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const missing = run(['check', 'no-such-file.yml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('rancher-arch: no-such-file.yml: cannot read the file: no such file\n');
  });

  it('exit 2 for bad usage', () => {
    expect(run(['check']).code).toBe(2);
    expect(run(['check', 'x', '--format', 'xml']).stderr).toMatch(/--format must be text or json/);
    expect(run(['frobnicate']).code).toBe(2);
  });
});

describe('rancher-arch rules / explain / convert', { timeout: 60_000 }, () => {
  it('lists the catalogue', () => {
    const r = run(['rules']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(RULES.length);
    expect(r.stdout).toMatch(/^lb-layer-4\s+warning\s+/m);
  });

  it('explains one rule, and refuses an unknown id', () => {
    const r = run(['explain', 'rancher-cluster-ha']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^rancher-cluster-ha \(error\)/);
    expect(r.stdout).toMatch(/Docs: Guidance: High availability › What HA means for Rancher \(high-availability\/#what-ha-means-for-rancher\)/);
    expect(run(['explain', 'nope']).code).toBe(2);
  });

  it('converts cluster.yml → plan → cluster.yml and → nginx', () => {
    const plan = run(['convert', `${FIXTURES}rke-ha-3node.cluster.yml`, '--to', 'plan', '--as', 'rancher']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/cluster: local/);
    const yml = run(['convert', '-', '--to', 'cluster-yml'], plan.stdout);
    expect(yml.code).toBe(0);
    expect(yml.stdout).toMatch(/address: 203\.0\.113\.11/);
    const nginx = run(['convert', '-', '--to', 'nginx'], plan.stdout);
    expect(nginx.code).toBe(0);
    expect(nginx.stdout).toMatch(/server 203\.0\.113\.13:443/);
    const noRancher = run(['convert', `${FIXTURES}rke-ha-3node.cluster.yml`, '--to', 'nginx']);
    expect(noRancher.code).toBe(2);
    expect(noRancher.stderr).toMatch(/no Rancher cluster/);
  });
});

describe('links to the guide', { timeout: 60_000 }, () => {
  it('prefixes docs links with RANCHER_ARCH_DOCS_BASE, and --docs-base wins over it', () => {
    const file = `${FIXTURES}rke-4node-duplicate-key.cluster.yml`;
    const fromEnv = run(['check', file], undefined, { RANCHER_ARCH_DOCS_BASE: 'https://guide.example.internal/' });
    expect(fromEnv.stdout).toContain('https://guide.example.internal/node-roles/#odd-etcd-member-counts');
    const fromFlag = run(['check', file, '--docs-base', 'https://other.example/'], undefined, { RANCHER_ARCH_DOCS_BASE: 'https://guide.example.internal/' });
    expect(fromFlag.stdout).toContain('https://other.example/node-roles/#odd-etcd-member-counts');
    expect(fromFlag.stdout).not.toContain('guide.example.internal');
  });
});

describe('--fail-on', { timeout: 60_000 }, () => {
  it('fails on warnings or notes only when asked, and refuses an unknown level', () => {
    // The HA layout as the Rancher cluster: no errors, a warning (no load balancer), a note.
    const file = `${FIXTURES}rke-ha-3node.cluster.yml`;
    expect(run(['check', file, '--as', 'rancher']).code).toBe(0);
    expect(run(['check', file, '--as', 'rancher', '--fail-on', 'error']).code).toBe(0);
    expect(run(['check', file, '--as', 'rancher', '--fail-on', 'warning']).code).toBe(1);
    expect(run(['check', file, '--as', 'rancher', '--fail-on', 'info']).code).toBe(1);
    const recommended = `rancher: {version: 2.4.8}
clusters: [{name: prod, distribution: rke, hosting: ec2, userWorkloads: true, nodes: [
      {name: e1, address: 10.0.0.1, roles: [etcd]}, {name: e2, address: 10.0.0.2, roles: [etcd]}, {name: e3, address: 10.0.0.3, roles: [etcd]},
      {name: c1, address: 10.0.0.4, roles: [controlplane]}, {name: c2, address: 10.0.0.5, roles: [controlplane]},
      {name: w1, address: 10.0.0.6, roles: [worker]}, {name: w2, address: 10.0.0.7, roles: [worker]}]}]`;
    expect(run(['check', '-', '--fail-on', 'info'], recommended).code).toBe(0);
    const bad = run(['check', file, '--fail-on', 'sometimes']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/fail-on/);
  });
});
