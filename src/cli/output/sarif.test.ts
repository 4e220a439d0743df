// SARIF 2.1.0 from every preset and every fixture: valid against the schema Microsoft's
// sarif-multitool ships (draft 2020-12), and accepted by the multitool's own validator (run as a
// real binary, with its SARIF and GitHub rule sets). Then what the results say: rules, levels,
// lines, suppressions, overrides and notifications.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import { fromMarkdown } from 'mdast-util-from-markdown';
import addFormats from 'ajv-formats';
import type { Log, Result } from 'sarif';
import { afterAll, describe, expect, it } from 'vitest';
import { PRESETS, RULES, aboutRule, describeRange, toPlanYaml } from '../../rules/index.ts';
import { artifactLocation } from './sarif.ts';
import { runCli, type FakeWorld } from '../fake-io.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const FIXTURES = 'test/fixtures/';
const require = createRequire(import.meta.url);
const PLATFORM_PACKAGE = `@microsoft/sarif-multitool-${process.platform}`;

function multitoolFile(name: string): string {
  try {
    return join(dirname(require.resolve(`${PLATFORM_PACKAGE}/package.json`)), name);
  } catch {
    throw new Error(`${PLATFORM_PACKAGE} is not installed: run npm ci (the dev dependency @microsoft/sarif-multitool brings it for this platform).`);
  }
}

const schema = JSON.parse(readFileSync(multitoolFile('sarif-2.1.0.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

// Logs handed to Microsoft's validator at the end: the runs over every preset and every fixture
// together, and the special cases (the binary takes a second or two per log, so not each alone).
const logs: { name: string; text: string; docsBase: boolean }[] = [];

async function sarif(name: string, args: string[], world: FakeWorld = {}, docsBase = false, forValidator = true) {
  const r = await runCli(['check', ...args, '--format', 'sarif', ...(docsBase ? ['--docs-base', 'https://guide.example.internal/rancher/'] : [])], {
    cwd: ROOT,
    realFiles: true,
    ...world,
  });
  if (forValidator) logs.push({ name, text: r.stdout, docsBase });
  const log = JSON.parse(r.stdout) as Log;
  expect(validate(log), `${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`).toBe(true);
  return { ...r, log, run: log.runs[0]!, results: log.runs[0]!.results ?? [] };
}

const fixtures = readdirSync(join(ROOT, FIXTURES)).filter((f) => f !== 'README.md');
const presetFiles = Object.fromEntries(
  Object.entries(PRESETS)
    .filter(([id]) => id !== 'empty')
    .map(([id, p]) => [`presets/${id}.yaml`, toPlanYaml(p.plan)]),
);

describe('SARIF validates against the SARIF 2.1.0 schema', () => {
  it('every preset, alone and all in one run, with and without a docs base', async () => {
    for (const file of Object.keys(presetFiles))
      for (const base of [false, true]) {
        const { run } = await sarif(`${file}${base ? '+base' : ''}`, [file], { files: presetFiles }, base, false);
        expect(run.artifacts?.[0]?.location?.uri, file).toBe(file);
      }
    for (const base of [false, true]) {
      const { run } = await sarif(`presets${base ? '+base' : ''}`, Object.keys(presetFiles), { files: presetFiles }, base);
      expect(run.artifacts?.map((a) => a.location?.uri)).toEqual(Object.keys(presetFiles));
    }
  });

  it('every fixture in test/fixtures, alone and all in one run (the nginx file as a notification)', { timeout: 60_000 }, async () => {
    expect(fixtures.length).toBeGreaterThan(20);
    for (const file of fixtures) {
      const { run, code } = await sarif(file, [`${FIXTURES}${file}`], {}, false, false);
      if (file === 'nginx-l4.conf') {
        expect(code).toBe(2);
        expect(run.invocations?.[0]?.executionSuccessful).toBe(false);
        expect(run.invocations?.[0]?.toolExecutionNotifications?.[0]).toMatchObject({
          level: 'error',
          message: { text: expect.stringMatching(/nginx configuration/) },
        });
      } else if (file === 'rke-ambiguous-kind.cluster.yml') {
        // Two readers claim it: refused with both named, never read by a guess.
        expect(code).toBe(2);
        expect(run.invocations?.[0]?.toolExecutionNotifications?.[0]).toMatchObject({
          level: 'error',
          message: { text: expect.stringMatching(/matches two formats/) },
        });
      } else expect(run.artifacts?.[0]?.properties?.format, file).toBeDefined();
    }
    const files = fixtures.map((f) => `${FIXTURES}${f}`);
    for (const base of [false, true]) {
      const all = await sarif(`fixtures${base ? '+base' : ''}`, files, {}, base);
      expect(all.run.artifacts).toHaveLength(fixtures.length - 2); // less the refused nginx file and the ambiguous cluster.yml
    }
  });
});

describe('what the SARIF says', () => {
  it('the driver lists every rule with descriptions, level, help and version range', async () => {
    const { run } = await sarif('rules', [`${FIXTURES}rke-ha-3node.cluster.yml`], {}, true, false);
    const rules = run.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    RULES.forEach((rule, i) => {
      expect(rules[i]).toMatchObject({
        id: rule.id,
        name: expect.stringMatching(/^[A-Z][A-Za-z0-9]+$/),
        shortDescription: { text: `${rule.title}.` },
        fullDescription: { text: aboutRule(rule.id).rationale },
        helpUri: `https://guide.example.internal/rancher/${rule.docs.page}/#${rule.docs.anchor}`,
        defaultConfiguration: { level: { error: 'error', warning: 'warning', info: 'note' }[rule.severity] },
        properties: { rancherVersions: describeRange(rule.versions ?? {}), category: expect.any(String) },
      });
      // Sources are the catalogue's { title, where } objects, as in the JSON catalogue.
      const sources = aboutRule(rule.id).sources ?? [];
      if (sources.length > 0) expect(rules[i]?.properties?.sources, rule.id).toEqual(sources.map(({ title, where }) => ({ title, where })));
      else expect(rules[i]?.properties?.sources, rule.id).toBeUndefined();
    });
    expect(rules.some((r) => r.properties?.sources)).toBe(true);
    expect(run.tool.driver).toMatchObject({
      name: 'rancher-arch',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      informationUri: 'https://guide.example.internal/rancher/cli/',
    });
  });

  it('results name their rule and level, and point at the line of the node or cluster', async () => {
    const file = `${FIXTURES}rke-unknown-role.cluster.yml`;
    const { results, run } = await sarif('located', [file], {}, false, false);
    const text = readFileSync(join(ROOT, file), 'utf8').split('\n');
    const role = results.find((r) => r.ruleId === 'rke-config-valid') as Result;
    expect(role.level).toBe('error');
    expect(role.ruleIndex).toBe(RULES.findIndex((r) => r.id === 'rke-config-valid'));
    const where = role.locations?.[0]?.physicalLocation;
    expect(where?.artifactLocation).toMatchObject({ uri: file, uriBaseId: '%SRCROOT%', index: 0 });
    // The node nas-1 is the third entry under nodes:, the one whose role is "storage".
    const line = text[(where?.region?.startLine ?? 0) - 1] ?? '';
    const block = text.slice((where?.region?.startLine ?? 1) - 1, (where?.region?.startLine ?? 1) + 8).join('\n');
    expect(line).toMatch(/^\s*- /);
    expect(block).toMatch(/storage/);
    expect(role.locations?.[0]?.logicalLocations?.[0]).toMatchObject({ name: 'nas-1', fullyQualifiedName: 'sample/nas-1' });
    const info = results.find((r) => r.ruleId === 'rancher-version-unset');
    expect(info?.level).toBe('note');
    expect(run.properties).toMatchObject({ inputs: [{ file, rancherVersion: '2.4', profile: 'Rancher 2.4' }] });
    expect(run.artifacts?.[0]?.properties).toMatchObject({ rancherVersion: '2.4', profile: 'Rancher 2.4', rancherVersionGiven: false });
    expect(role.properties).toMatchObject({ rancherVersion: '2.4', profile: 'Rancher 2.4', cluster: 'sample', nodes: ['nas-1'] });
  });

  it('a finding about several nodes points at the first and relates the others', async () => {
    const { results } = await sarif('related', [`${FIXTURES}rke-ha-3node.cluster.yml`], {}, false, false);
    const roles = results.find((r) => r.ruleId === 'downstream-single-role') as Result;
    expect(roles.locations?.[0]?.logicalLocations?.[0]?.name).toBe('203.0.113.11');
    expect(roles.relatedLocations?.map((l) => l.message?.text)).toEqual(['Node 203.0.113.12.', 'Node 203.0.113.13.']);
    const lines = [roles.locations?.[0], ...(roles.relatedLocations ?? [])].map((l) => l?.physicalLocation?.region?.startLine);
    expect(new Set(lines).size).toBe(3);
  });

  it('two nodes sharing a name each keep their own line: the finding about one points at that one', async () => {
    // w1 twice in one RKE cluster: the first with an address (line 6), the second without (line 9).
    const plan = [
      'rancher: {version: 2.8.0}',
      'clusters:',
      '  - name: edge',
      '    distribution: rke',
      '    nodes:',
      '      - name: w1',
      '        address: 10.0.0.1',
      '        roles: [etcd, controlplane, worker]',
      '      - name: w1',
      '        roles: [worker]',
      '',
    ].join('\n');
    const { results } = await sarif('same-name', ['same-name.yaml'], { files: { 'same-name.yaml': plan } });
    const lineOf = (l: { physicalLocation?: { region?: { startLine?: number } } } | undefined) => l?.physicalLocation?.region?.startLine;
    const noAddress = results.find((r) => r.ruleId === 'node-address-valid') as Result;
    expect(noAddress.locations?.map(lineOf)).toEqual([9]);
    // The duplicate itself is about both entries: the first, with the second related.
    const unique = results.find((r) => r.ruleId === 'plan-node-unique') as Result;
    expect(unique.locations?.map(lineOf)).toEqual([6]);
    expect(unique.relatedLocations?.map(lineOf)).toEqual([9]);
  });

  it('a plan from standard input has no file to point at, only names', async () => {
    const { results, run } = await sarif('stdin', ['-'], { stdin: presetFiles['presets/downstream-production.yaml'] });
    expect(run.artifacts?.[0]?.location).toBeUndefined();
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.locations?.[0]?.physicalLocation).toBeUndefined();
    expect(results.every((r) => r.locations?.[0]?.logicalLocations?.length)).toBe(true);
  });

  it('the config: waived findings are suppressed with the reason, severity changes are overrides, and its effect is noted', async () => {
    const config = `rancherVersion: "2.3"
rules:
  lb-present: error
  rancher-k3s-preferred: off
waivers:
  - rule: downstream-single-role
    cluster: local
    reason: Small lab; roles are combined on purpose.
    expires: 2099-12-31
`;
    const { results, run, code } = await sarif('config', ['cluster.yml', '--as', 'downstream'], {
      files: { '.rancher-arch.yaml': config, 'cluster.yml': readFileSync(join(ROOT, FIXTURES, 'rke-ha-3node.cluster.yml'), 'utf8') },
    });
    expect(code).toBe(0);
    const waived = results.find((r) => r.ruleId === 'downstream-single-role');
    expect(waived?.suppressions).toEqual([
      {
        kind: 'external',
        status: 'accepted',
        justification: 'Small lab; roles are combined on purpose.',
        properties: { waiver: '.rancher-arch.yaml:6:5 waivers[0]', expires: '2099-12-31' },
      },
    ]);
    expect(results.filter((r) => r.suppressions === undefined).map((r) => r.ruleId)).not.toContain('downstream-single-role');
    expect(run.invocations?.[0]?.ruleConfigurationOverrides).toEqual([
      { descriptor: { id: 'lb-present', index: RULES.findIndex((r) => r.id === 'lb-present') }, configuration: { level: 'error' } },
      { descriptor: { id: 'rancher-k3s-preferred', index: RULES.findIndex((r) => r.id === 'rancher-k3s-preferred') }, configuration: { enabled: false } },
    ]);
    // What the file did, as notifications about the tool's configuration, each pointing at its line.
    const notes = run.invocations?.[0]?.toolConfigurationNotifications ?? [];
    expect(notes.map((n) => [n.level, n.message.text, n.locations?.[0]?.physicalLocation?.region?.startLine, n.associatedRule?.id])).toEqual([
      ['note', 'Config file .rancher-arch.yaml read:', undefined, undefined],
      ['note', 'Rancher version 2.3 for inputs that name none', 1, undefined],
      ['note', 'rule lb-present rated error instead of warning', 3, 'lb-present'],
      ['note', 'rule rancher-k3s-preferred turned off (0 findings dropped)', 4, 'rancher-k3s-preferred'],
      [
        'note',
        'waiver .rancher-arch.yaml:6:5 waivers[0] hid 1 finding of downstream-single-role: Small lab; roles are combined on purpose.',
        6,
        'downstream-single-role',
      ],
    ]);
    expect(notes[0]?.locations?.[0]?.physicalLocation?.artifactLocation).toEqual({ uri: '.rancher-arch.yaml', uriBaseId: '%SRCROOT%' });
    expect(run.properties?.config).toMatchObject({ file: '.rancher-arch.yaml', settings: [{ key: 'rancherVersion', value: '2.3', used: true }] });
    expect(run.properties?.inputs).toEqual([expect.objectContaining({ file: 'cluster.yml', rancherVersion: '2.3', rancherVersionFrom: 'config' })]);
  });

  it('a rule the config turns off keeps its results, suppressed with the file that turned it off, so no alert reads as fixed', async () => {
    const files = { 'cluster.yml': readFileSync(join(ROOT, FIXTURES, 'rke-ha-3node.cluster.yml'), 'utf8') };
    const plain = await sarif('off-before', ['cluster.yml', '--as', 'downstream', '--no-config'], { files });
    const open = plain.results.filter((r) => r.ruleId === 'downstream-single-role');
    expect(open.length).toBeGreaterThan(0);
    const { results } = await sarif('off-after', ['cluster.yml', '--as', 'downstream'], {
      files: { ...files, '.rancher-arch.yaml': 'rules:\n  downstream-single-role: off\n' },
    });
    const kept = results.filter((r) => r.ruleId === 'downstream-single-role');
    // The same results at the same places, each now suppressed.
    expect(kept.map((r) => [r.message.text, r.locations])).toEqual(open.map((r) => [r.message.text, r.locations]));
    for (const r of kept)
      expect(r.suppressions).toEqual([
        {
          kind: 'external',
          status: 'accepted',
          justification: 'The rule downstream-single-role is turned off by .rancher-arch.yaml.',
          properties: { config: '.rancher-arch.yaml' },
        },
      ]);
  });

  it('an unreadable input and a reader warning are tool notifications with their place', async () => {
    const { run, code } = await sarif('notifications', [`${FIXTURES}rke-4node-duplicate-key.cluster.yml`, 'missing.yml']);
    expect(code).toBe(2);
    const notes = run.invocations?.[0]?.toolExecutionNotifications ?? [];
    expect(notes.map((n) => n.level)).toEqual(['warning', 'error']);
    expect(notes[0]?.locations?.[0]?.physicalLocation).toMatchObject({
      artifactLocation: { uri: `${FIXTURES}rke-4node-duplicate-key.cluster.yml` },
      region: { startLine: 39, startColumn: 1 },
    });
    expect(notes[1]?.message.text).toBe('missing.yml: cannot read the file: no such file');
  });
});

describe('artifact locations are exact', () => {
  const cwd = '/work/project';
  it.each([
    ['back\\slash.yml', { uri: 'back%5Cslash.yml', uriBaseId: '%SRCROOT%' }],
    ['..evil.yml', { uri: '..evil.yml', uriBaseId: '%SRCROOT%' }],
    ['sub/..x/a b.yml', { uri: 'sub/..x/a%20b.yml', uriBaseId: '%SRCROOT%' }],
    ['/work/project/plans/p.yaml', { uri: 'plans/p.yaml', uriBaseId: '%SRCROOT%' }],
    ['../outside.yml', { uri: 'file:///work/outside.yml' }],
    ['/etc/plan.yaml', { uri: 'file:///etc/plan.yaml' }],
  ])('%s', (name, location) => {
    expect(artifactLocation(name, cwd)).toEqual(location);
  });
});

describe('a docs base cannot write Markdown of its own', () => {
  it("a ')' in docsBase stays inside the one link of every rule's help", async () => {
    const hostile = 'https://guide.example.internal/a)[click here](https://evil.example/x)';
    const r = await runCli(['check', 'p.yaml', '--format', 'sarif', '--docs-base', hostile], { files: { 'p.yaml': toPlanYaml(PRESETS['rancher-rke'].plan) } });
    expect(r.code).toBe(0);
    const rules = (JSON.parse(r.stdout) as Log).runs[0]?.tool.driver.rules ?? [];
    expect(rules.length).toBe(RULES.length);
    for (const rule of rules) {
      const tree = fromMarkdown(rule.help?.markdown ?? '');
      const links: string[] = [];
      const walk = (node: { type: string; url?: string; children?: unknown[] }) => {
        if (node.type === 'link') links.push(node.url ?? '');
        for (const child of node.children ?? []) walk(child as typeof node);
      };
      walk(tree);
      expect(links, rule.id).toHaveLength(1);
      expect(links[0], rule.id).toMatch(/^https:\/\/guide\.example\.internal\/a\)\[click%20here\]\(https:\/\/evil\.example\/x\)\//);
    }
  });

  it('a docs base may be a path on the same site; SARIF then gives no helpUri, which must be absolute', async () => {
    const r = await runCli(['check', 'p.yaml', '--format', 'sarif', '--docs-base', '/guides/rancher'], {
      files: { 'p.yaml': toPlanYaml(PRESETS['rancher-rke'].plan) },
    });
    const driver = (JSON.parse(r.stdout) as Log).runs[0]?.tool.driver;
    expect(driver?.rules?.[0]?.help?.markdown).toMatch(/\]\(\/guides\/rancher\/[a-z-]+\/#[a-z0-9-]+\)/);
    expect(driver?.rules?.some((x) => x.helpUri !== undefined)).toBe(false);
    expect(driver?.informationUri).toBeUndefined();
    const bad = await runCli(['check', 'p.yaml', '--docs-base', '/a b/'], { files: { 'p.yaml': toPlanYaml(PRESETS['rancher-rke'].plan) } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--docs-base must be a path of letters/);
  });
});

describe('file text in messages is short', () => {
  it('a 4.5 MB role in a cluster.yml reaches the SARIF as a 40-character quote', async () => {
    // The reproduction: a 4.5 MB unknown role (cluster.yml written as JSON, which YAML reads too).
    const role = `x${'A'.repeat(4.5 * 1024 * 1024)}`;
    const file = JSON.stringify({ nodes: [{ address: '10.0.0.1', user: 'u', role: ['etcd', 'controlplane', 'worker', role] }] });
    const r = await runCli(['check', 'c.yml', '--format', 'sarif'], { files: { 'c.yml': file } });
    expect(r.code).toBe(1);
    expect(r.stdout.length).toBeLessThan(200_000);
    const log = JSON.parse(r.stdout) as Log;
    const message = log.runs[0]?.results?.find((x) => x.ruleId === 'rke-config-valid')?.message.text ?? '';
    expect(message).toMatch(/has the role "xA{39}…", which rke does not know/);
    for (const format of ['json', 'text', 'junit', 'markdown']) {
      const out = await runCli(['check', 'c.yml', '--format', format], { files: { 'c.yml': file } });
      expect(out.code, format).toBe(1);
      expect(out.stdout.length, format).toBeLessThan(200_000);
      expect(out.stdout, format).not.toContain('A'.repeat(41));
    }
  });
});

describe('Microsoft’s SARIF validator (sarif-multitool)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rancher-arch-sarif-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts every log above: no errors, and no warnings but the tool’s home page where no docs base was given', { timeout: 120_000 }, () => {
    const binary = multitoolFile(process.platform === 'win32' ? 'Sarif.Multitool.exe' : 'Sarif.Multitool');
    expect(existsSync(binary), `${binary}: run npm ci to install @microsoft/sarif-multitool`).toBe(true);
    expect(logs.map((l) => l.name)).toEqual([
      'presets',
      'presets+base',
      'fixtures',
      'fixtures+base',
      'same-name',
      'stdin',
      'config',
      'off-before',
      'off-after',
      'notifications',
    ]);
    const names = logs.map((l, i) => {
      const name = `${String(i).padStart(3, '0')}${l.docsBase ? '-base' : ''}.sarif`;
      writeFileSync(join(dir, name), l.text);
      return name;
    });
    const out = join(dir, 'validation.json');
    const run = spawnSync(binary, ['validate', ...names, '--output', out, '--log', 'ForceOverwrite', '--rule-kind', 'Sarif;Gh', '--threads', '1'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(run.error, 'the validator runs').toBeUndefined();
    expect(run.stdout, run.stderr).toMatch(new RegExp(`${names.length} files scanned`));
    const report = JSON.parse(readFileSync(out, 'utf8')) as Log;
    const found = (report.runs[0]?.results ?? []).map((r) => ({
      rule: r.ruleId,
      level: r.level ?? 'warning',
      file: r.locations?.[0]?.physicalLocation?.artifactLocation?.uri?.split('/').at(-1) ?? '',
      args: r.message.arguments ?? [],
    }));
    const problems = found.filter((f) => f.level === 'error' || f.level === 'warning');
    const allowed = (f: (typeof found)[number]) => f.rule === 'SARIF2005' && !f.file.includes('-base') && f.args.join(' ').includes('rancher-arch');
    expect(problems.filter((f) => !allowed(f))).toEqual([]);
    // The one warning left is real: without --docs-base the tool has no address to give.
    expect(problems.length).toBe(logs.filter((l) => !l.docsBase).length);
  });
});
