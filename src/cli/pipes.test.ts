// What a pipeline hands the command that is not an ordinary file, through the real process: patterns
// that match too much, spell out too many names or nothing at all; FIFOs, devices and sockets as
// inputs and as the config file (never a hang); names that are not valid UTF-8.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../rules/limits.ts';
import { runBin } from './spawn-cli.ts';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
/** A cluster.yml with one error (an unknown role): exit 1 when it is read. */
const WITH_ERROR = `${FIXTURES}rke-unknown-role.cluster.yml`;
const PLAN = 'rancher: {install: docker, host: 10.0.0.9}\nclusters: []\n';

function mkfifo(path: string) {
  const r = spawnSync('mkfifo', [path]);
  if (r.status !== 0) throw new Error(`mkfifo is needed for these tests (coreutils): ${r.error?.message ?? String(r.stderr)}`);
}

const json = (stdout: string) => JSON.parse(stdout) as { inputs: { file: string }[]; errors: { file: string; reason: string }[] };

describe('patterns, bounded while they expand', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'rancher-arch-glob-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`a tree of more files than the cap (${LIMITS.filesPerRun}) is refused, naming the cap, why, and the pattern`, () => {
    for (let d = 0; d < 3; d++) {
      mkdirSync(join(dir, 'clusters', `team-${d}`), { recursive: true });
      for (let i = 0; i < 250; i++) writeFileSync(join(dir, 'clusters', `team-${d}`, `c${i}.yml`), PLAN);
    }
    const r = runBin(['check', 'clusters/**/*.yml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^rancher-arch: more than 500 files to check in one run \(the pattern "clusters\/\*\*\/\*\.yml" matches more; the search stopped there\): one report is read by a person/,
    );
    expect(r.stdout).toBe('');
  });

  it("'/**/*' stops at the cap instead of walking the whole machine", () => {
    const r = runBin(['check', '/**/*'], { timeout: 60_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^rancher-arch: more than 500 files to check in one run \(the pattern "\/\*\*\/\*" matches more; the search stopped there\)/);
  });

  it('a brace pattern of ten million names is refused before any search, naming the limit and why', () => {
    const r = runBin(['check', `{0..9}`.repeat(7) + '.yml', '--format', 'json'], { cwd: dir, timeout: 60_000 });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(2);
    expect(json(r.stdout).errors[0]?.reason).toBe(
      `the pattern spells out more than ${LIMITS.patternNames} names with its braces; a brace pattern is searched for once per name it spells out, and a pattern for cluster files needs a handful; use * for the rest`,
    );
    // A few names are fine: the two files are found.
    writeFileSync(join(dir, 'a.yml'), PLAN);
    writeFileSync(join(dir, 'b.yaml'), PLAN);
    const few = runBin(['check', '{a,b}.{yml,yaml}', '--format', 'json'], { cwd: dir });
    expect(json(few.stdout).inputs.map((i) => i.file)).toEqual(['a.yml', 'b.yaml']);
    expect(few.code).toBe(0);
  });

  it('a pattern that matches nothing is an error naming the pattern (exit 2)', () => {
    const r = runBin(['check', 'nothing-here-*.yml'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('rancher-arch: nothing-here-*.yml: no such file, and no file matches it as a pattern\n');
  });
});

describe('FIFOs, devices and sockets are refused, never waited on', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'rancher-arch-fifo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const FIFO_REASON =
    'cannot read the file: is a named pipe (FIFO), which may wait for a writer for ever; to check what a command prints, pipe it to rancher-arch check -';

  it('a FIFO named as an input, or matched by a pattern, is refused with a message', () => {
    mkfifo(join(dir, 'pipe.yml'));
    writeFileSync(join(dir, 'plan.yml'), PLAN);
    const named = runBin(['check', 'pipe.yml'], { cwd: dir, timeout: 20_000 });
    expect(named.signal).toBeNull();
    expect(named.code).toBe(2);
    expect(named.stderr).toBe(`rancher-arch: pipe.yml: ${FIFO_REASON}\n`);
    const matched = runBin(['check', '*.yml', '--format', 'json'], { cwd: dir, timeout: 20_000 });
    expect(matched.signal).toBeNull();
    expect(matched.code).toBe(2);
    expect(json(matched.stdout).errors).toEqual([expect.objectContaining({ file: 'pipe.yml', reason: FIFO_REASON })]);
    expect(json(matched.stdout).inputs.map((i) => i.file)).toEqual(['pipe.yml', 'plan.yml']);
  });

  it('a FIFO as .rancher-arch.yaml or --config is refused, and nothing is checked', () => {
    const cfgDir = join(dir, 'cfg');
    mkdirSync(cfgDir);
    writeFileSync(join(cfgDir, 'plan.yml'), PLAN);
    mkfifo(join(cfgDir, '.rancher-arch.yaml'));
    const found = runBin(['check', 'plan.yml'], { cwd: cfgDir, timeout: 20_000 });
    expect(found.signal).toBeNull();
    expect(found.code).toBe(2);
    expect(found.stderr).toBe(`rancher-arch: .rancher-arch.yaml: ${FIFO_REASON}\n`);
    const given = runBin(['check', 'plan.yml', '--config', join(dir, 'pipe.yml')], { cwd: cfgDir, timeout: 20_000 });
    expect(given.signal).toBeNull();
    expect(given.code).toBe(2);
    expect(given.stderr).toContain(`pipe.yml: ${FIFO_REASON}`);
    // --no-config reads no config file at all, the FIFO included.
    const none = runBin(['check', 'plan.yml', '--no-config'], { cwd: cfgDir, timeout: 20_000 });
    expect(none.code).toBe(0);
  });

  it('a socket and a device are refused with what they are', async () => {
    const socket = join(dir, 'plan.sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(socket, resolve));
    try {
      const r = runBin(['check', socket, '/dev/null'], { timeout: 20_000 });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `rancher-arch: ${socket}: cannot read the file: is a socket, not a file\nrancher-arch: /dev/null: cannot read the file: is a device, not a file\n`,
      );
    } finally {
      server.close();
    }
  });
});

describe('names that are not valid UTF-8', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'rancher-arch-bytes-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // "caf\xE9.yml": Latin-1 é, one byte that is not UTF-8 on its own.
  const badName = Buffer.concat([Buffer.from(`${dir}/caf`), Buffer.from([0xe9]), Buffer.from('.yml')]);

  it('a file matched by a pattern is read by its bytes and named with the odd byte escaped, in text, JSON and SARIF', () => {
    copyFileSync(WITH_ERROR, badName);
    writeFileSync(join(dir, 'good.yml'), PLAN);
    const text = runBin(['check', '*.yml'], { cwd: dir });
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^caf\\xE9\.yml: an RKE cluster\.yml/m);
    const out = runBin(['check', '*.yml', '--format', 'json'], { cwd: dir });
    expect(json(out.stdout).inputs.map((i) => i.file)).toEqual(['caf\\xE9.yml', 'good.yml']);
    const sarif = JSON.parse(runBin(['check', '*.yml', '--format', 'sarif'], { cwd: dir }).stdout) as {
      runs: { artifacts: { location: { uri: string; uriBaseId: string } }[] }[];
    };
    expect(sarif.runs[0]?.artifacts.map((a) => a.location)).toEqual([
      { uri: 'caf%E9.yml', uriBaseId: '%SRCROOT%' },
      { uri: 'good.yml', uriBaseId: '%SRCROOT%' },
    ]);
  });

  it('a folder so named is searched by its bytes too, and its files named with the byte escaped', () => {
    const tree = join(dir, 'tree');
    mkdirSync(tree);
    const badDir = Buffer.concat([Buffer.from(`${tree}/team-`), Buffer.from([0xff])]);
    mkdirSync(badDir);
    copyFileSync(WITH_ERROR, Buffer.concat([badDir, Buffer.from('/cluster.yml')]));
    mkdirSync(join(tree, 'ok'));
    writeFileSync(join(tree, 'ok', 'cluster.yml'), PLAN);
    for (const pattern of ['*/cluster.yml', '**/*.yml']) {
      const r = runBin(['check', pattern, '--format', 'json'], { cwd: tree });
      expect(r.code).toBe(1);
      expect(json(r.stdout).inputs.map((i) => i.file)).toEqual(['ok/cluster.yml', 'team-\\xFF/cluster.yml']);
    }
  });
});
