// The config file: found in the working directory or given with --config; defaults for the command
// line; per-rule severity and off; waivers with reasons and expiry dates; mistakes reported with
// their place; the JSON Schema the site publishes.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { RULES } from '../rules/index.ts';
import { configJsonSchema, configSchema } from './config/schema.ts';
import { runCli, type FakeWorld } from './fake-io.ts';
import { GET } from '../pages/schemas/rancher-arch-config.schema.json.ts';

// Two nodes with every role in a downstream cluster: four warnings, no errors.
const LAB = `rancher: {version: 2.4.8}
clusters:
  - name: lab
    nodes:
      - {name: n1, address: 10.0.0.1, roles: [etcd, controlplane, worker]}
      - {name: n2, address: 10.0.0.2, roles: [etcd, controlplane, worker]}
`;

function world(config: string | undefined, extra: FakeWorld = {}): FakeWorld {
  return {
    ...extra,
    files: { 'lab.yaml': LAB, ...(config === undefined ? {} : { '.rancher-arch.yaml': config }), ...extra.files },
    today: extra.today ?? '2026-03-15',
  };
}

async function json(args: string[], w: FakeWorld) {
  const r = await runCli(['check', ...args, '--format', 'json'], w);
  return { ...r, out: JSON.parse(r.stdout) };
}

describe('without a config', () => {
  it('the plan has the four warnings the other tests change', async () => {
    const { code, out } = await json(['lab.yaml'], world(undefined));
    expect(code).toBe(0);
    expect(out.findings.map((f: { rule: string; severity: string }) => `${f.rule}:${f.severity}`)).toEqual([
      'downstream-single-role:warning',
      'downstream-survives-node-loss:warning',
      'downstream-three-etcd:warning',
      'etcd-odd-members:warning',
    ]);
    expect(out.config).toBeNull();
  });
});

describe('rules: severity and off', () => {
  it('a severity setting changes the finding, keeps the rule’s own, fails the run and says so', async () => {
    const config = 'rules:\n  etcd-odd-members: error\n';
    const { code, out } = await json(['lab.yaml'], world(config));
    expect(code).toBe(1);
    expect(out.findings.find((f: { rule: string }) => f.rule === 'etcd-odd-members')).toMatchObject({ severity: 'error', defaultSeverity: 'warning' });
    expect(out.config.overrides).toEqual([{ rule: 'etcd-odd-members', setting: 'error', default: 'warning', at: { line: 2, col: 21 } }]);
    const text = await runCli(['check', 'lab.yaml'], world(config));
    expect(text.stdout).toMatch(
      /error {3}Cluster "lab" has 2 etcd members.*\[etcd-odd-members\]\n {10}severity set to error by \.rancher-arch\.yaml \(the rule's own: warning\)/,
    );
    expect(text.stdout).toMatch(/^Config file \.rancher-arch\.yaml read:\n {2}- rule etcd-odd-members rated error instead of warning\n/);
  });

  it('off drops the rule’s findings, and the report counts them', async () => {
    const config = 'rules:\n  downstream-single-role: off\n';
    const { out } = await json(['lab.yaml'], world(config));
    expect(out.findings.map((f: { rule: string }) => f.rule)).not.toContain('downstream-single-role');
    expect(out.findings).toHaveLength(3);
    const text = await runCli(['check', 'lab.yaml'], world(config));
    expect(text.stdout).toMatch(/^Config file \.rancher-arch\.yaml read:\n {2}- rule downstream-single-role turned off \(1 finding dropped\)\n/);
  });
});

describe('waivers', () => {
  const waiver = (extra = '') => `waivers:
  - rule: downstream-three-etcd
    cluster: lab
    reason: Lab cluster, rebuilt every night from scratch.
${extra}`;

  it('hide one finding with its reason; the report counts it and --show-waived lists it', async () => {
    const { code, out } = await json(['lab.yaml'], world(waiver()));
    expect(code).toBe(0);
    expect(out.findings.map((f: { rule: string }) => f.rule)).not.toContain('downstream-three-etcd');
    expect(out.waived).toEqual([
      expect.objectContaining({
        rule: 'downstream-three-etcd',
        cluster: 'lab',
        waiver: expect.objectContaining({ index: 0, reason: 'Lab cluster, rebuilt every night from scratch.', place: '.rancher-arch.yaml:2:5 waivers[0]' }),
      }),
    ]);
    expect(out.summary.waived).toBe(1);
    const text = await runCli(['check', 'lab.yaml'], world(waiver()));
    expect(text.stdout).toContain('1 waived finding not shown (--show-waived lists them)');
    // The header names the waiver and what it hid; the finding itself stays out of the list.
    expect(text.stdout).toMatch(
      /^Config file \.rancher-arch\.yaml read:\n {2}- waiver \.rancher-arch\.yaml:2:5 waivers\[0\] hid 1 finding of downstream-three-etcd: Lab cluster, rebuilt every night from scratch\.\n/,
    );
    expect(text.stdout).not.toContain('has 2 etcd nodes, so losing one');
    expect(text.stdout.trim().split('\n').at(-1)).toBe('0 errors, 3 warnings, 0 info; 1 waived');
    const markdown = await runCli(['check', 'lab.yaml', '--format', 'markdown', '--show-waived'], world(waiver()));
    expect(markdown.stdout).toMatch(/^### Waived\n\n- `downstream-three-etcd` \(warning\): .* Waived: Lab cluster, rebuilt every night from scratch\.$/m);
    const shown = await runCli(['check', 'lab.yaml', '--show-waived'], world(waiver()));
    expect(shown.stdout).toMatch(
      /waived {2}Downstream cluster "lab" has 2 etcd nodes.*\[downstream-three-etcd, warning\]\n {10}waived by \.rancher-arch\.yaml:2:5 waivers\[0\]: Lab cluster, rebuilt every night from scratch\./,
    );
  });

  it('a waiver holds through its expiry date; from the next day the finding shows again, saying so', async () => {
    const dated = waiver('    expires: 2026-03-14\n');
    expect((await json(['lab.yaml'], world(dated, { today: '2026-03-14' }))).out.waived).toHaveLength(1);
    const { code, out, stderr } = await json(['lab.yaml', '--fail-on', 'warning'], world(dated, { today: '2026-03-15' }));
    expect(code).toBe(1);
    expect(out.waived).toEqual([]);
    expect(out.findings.find((f: { rule: string }) => f.rule === 'downstream-three-etcd')).toMatchObject({
      expiredWaiver: { index: 0, expires: '2026-03-14', reason: 'Lab cluster, rebuilt every night from scratch.' },
    });
    // An expired waiver that matched is not "unused".
    expect(stderr).toBe('');
    const text = await runCli(['check', 'lab.yaml'], world(dated, { today: '2026-03-15' }));
    expect(text.stdout).toContain('waiver expired on 2026-03-14, so this shows again: .rancher-arch.yaml:2:5 waivers[0]: Lab cluster');
  });

  it('nodes narrow a waiver: every node a finding names must be listed', async () => {
    const some = 'waivers:\n  - {rule: downstream-single-role, nodes: [n1], reason: Only n1 is fine.}\n';
    const r = await json(['lab.yaml'], world(some));
    expect(r.out.waived).toEqual([]);
    expect(r.stderr).toBe(
      'rancher-arch: warning: .rancher-arch.yaml:2:5 waivers[0]: this waiver matches no finding in the files checked; correct its rule, cluster, nodes or file, or remove it.\n',
    );
    expect(r.out.config.unusedWaivers).toEqual([expect.objectContaining({ index: 0 })]);
    const both = 'waivers:\n  - {rule: downstream-single-role, nodes: [n1, n2], reason: Both are fine.}\n';
    expect((await json(['lab.yaml'], world(both))).out.waived.map((f: { rule: string }) => f.rule)).toEqual(['downstream-single-role']);
  });

  it('file narrows a waiver to one input of several', async () => {
    const config = 'waivers:\n  - {rule: etcd-odd-members, file: ./lab.yaml, reason: Two members while the third is built.}\n';
    const { out } = await json(['lab.yaml', 'copy.yaml'], world(config, { files: { 'copy.yaml': LAB } }));
    expect(out.waived.map((f: { file: string }) => f.file)).toEqual(['lab.yaml']);
    expect(out.findings.filter((f: { rule: string }) => f.rule === 'etcd-odd-members').map((f: { file: string }) => f.file)).toEqual(['copy.yaml']);
  });
});

describe('defaults from the config, and where it is found', () => {
  const cluster = 'nodes:\n  - {address: 10.0.0.1, user: rke, role: [etcd, controlplane, worker]}\n';

  it('rancherVersion, as, failOn and docsBase apply; the command line wins', async () => {
    const config = 'rancherVersion: v2.3.6\nas: rancher\nfailOn: warning\ndocsBase: https://guide.example.internal/rancher\n';
    const w = { files: { 'cluster.yml': cluster, '.rancher-arch.yaml': config } };
    const { code, out } = await json(['cluster.yml'], w);
    expect(out.inputs[0]).toMatchObject({ rancherVersion: '2.3.6', profile: { id: '2.0-2.3' } });
    expect(out.clusters[0].purpose).toBe('rancher');
    expect(out.failOn).toBe('warning');
    expect(code).toBe(1);
    expect(out.findings[0].url).toMatch(/^https:\/\/guide\.example\.internal\/rancher\//);
    const flags = await json(
      ['cluster.yml', '--rancher-version', '2.4.8', '--as', 'downstream', '--fail-on', 'error', '--docs-base', 'https://other.example/'],
      w,
    );
    expect(flags.out.inputs[0].rancherVersion).toBe('2.4.8');
    expect(flags.out.clusters[0].purpose).toBe('downstream');
    expect(flags.out.failOn).toBe('error');
    expect(flags.out.findings[0].url).toMatch(/^https:\/\/other\.example\//);
  });

  it('--config names another file, .rancher-arch.yml is found too, --no-config reads none', async () => {
    const off = 'rules: {downstream-single-role: off}\n';
    const other = await json(['lab.yaml', '--config', 'ci/arch.yaml'], world(undefined, { files: { 'ci/arch.yaml': off } }));
    expect(other.out.config.file).toBe('ci/arch.yaml');
    const yml = await json(['lab.yaml'], world(undefined, { files: { '.rancher-arch.yml': off } }));
    expect(yml.out.config.file).toBe('.rancher-arch.yml');
    const none = await json(['lab.yaml', '--no-config'], world(off));
    expect(none.out.config).toBeNull();
    const missing = await json(['lab.yaml', '--config', 'nope.yaml'], world(undefined));
    expect(missing.code).toBe(2);
    expect(missing.out.errors[0].message).toBe('nope.yaml: cannot read the file: no such file');
  });

  it('an empty config file sets nothing', async () => {
    const { code, out } = await json(['lab.yaml'], world('# nothing yet\n'));
    expect(code).toBe(0);
    expect(out.config).toMatchObject({ file: '.rancher-arch.yaml', overrides: [], unusedWaivers: [] });
  });
});

describe('a config file with a mistake', () => {
  const cases: [string, string, RegExp][] = [
    [
      'a waiver without a reason',
      'waivers:\n  - rule: etcd-odd-members\n    cluster: lab\n',
      /^\.rancher-arch\.yaml:2:5 waivers\[0\]\.reason: missing; expected text$/,
    ],
    [
      'a rule id not in the catalogue',
      'rules:\n  etcd-even-members: off\n',
      /^\.rancher-arch\.yaml:2:\d+ rules\.etcd-even-members: no rule "etcd-even-members"; rancher-arch rules lists them$/,
    ],
    ['a waiver for an unknown rule', 'waivers:\n  - {rule: nope, reason: x}\n', /^\.rancher-arch\.yaml:2:\d+ waivers\[0\]\.rule: no rule "nope"/],
    ['a severity that does not exist', 'rules:\n  lb-present: fatal\n', /^\.rancher-arch\.yaml:2:\d+ rules\.lb-present: must be error, warning, info or off$/],
    [
      'an impossible date',
      'waivers:\n  - {rule: lb-present, reason: x, expires: 2026-02-30}\n',
      /^\.rancher-arch\.yaml:2:\d+ waivers\[0\]\.expires: must be a date written YYYY-MM-DD$/,
    ],
    ['an unknown setting', 'rancherVersion: 2.4\nfail_on: warning\n', /^\.rancher-arch\.yaml:2:\d+ fail_on: unknown field "fail_on"$/],
    [
      'a cluster name with a newline',
      'waivers:\n  - {rule: lb-present, cluster: "a\\nb", reason: x}\n',
      /^\.rancher-arch\.yaml:2:\d+ waivers\[0\]\.cluster: contains a control character \(U\+000A\)/,
    ],
    [
      'a reason with an escape sequence',
      'waivers:\n  - {rule: lb-present, cluster: a, reason: "ok\\e[2J"}\n',
      /waivers\[0\]\.reason: must be one line of text without control characters$/,
    ],
    ['a bad version', 'rancherVersion: latest\n', /^\.rancher-arch\.yaml:1:\d+ rancherVersion: must look like 2\.4 or v2\.4\.8$/],
    ['a docs base that is not a web address', 'docsBase: file:///etc/\n', /docsBase: must be an http or https address$/],
    ['YAML that does not parse', 'rules: [\n', /^\.rancher-arch\.yaml:\d+:\d+: YAML syntax error/],
  ];
  for (const [what, config, message] of cases)
    it(what, async () => {
      const r = await runCli(['check', 'lab.yaml'], world(config));
      expect(r.code).toBe(2);
      // Nothing is checked with a config that is not understood.
      expect(r.stdout).not.toMatch(/Cluster lab/);
      expect(r.stderr.split('\n')[0]?.replace(/^rancher-arch: /, '')).toMatch(message);
      const j = await json(['lab.yaml'], world(config));
      expect(j.code).toBe(2);
      expect(j.out.errors).toHaveLength(1);
      expect(j.out.errors[0].message).toMatch(message);
      expect(j.out.errors[0].file).toBe('.rancher-arch.yaml');
    });
});

describe('the JSON Schema of the config', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(configJsonSchema());

  it('the site publishes exactly the schema the CLI validates with', async () => {
    const response = await GET({} as never);
    expect(JSON.parse(await response.text())).toEqual(configJsonSchema());
    expect(response.headers.get('content-type')).toMatch(/schema\+json/);
  });

  it('lists every rule id for editors', () => {
    const schema = configJsonSchema() as { properties: { rules: { propertyNames: { enum: string[] } } } };
    expect(schema.properties.rules.propertyNames.enum).toEqual(RULES.map((r) => r.id));
  });

  it('accepts the example on the CLI page, which the CLI accepts too', () => {
    const page = readFileSync(fileURLToPath(new URL('../../content/docs/cli.mdx', import.meta.url)), 'utf8');
    const example = /```yaml title="\.rancher-arch\.yaml"\n([\s\S]*?)```/.exec(page)?.[1];
    expect(example, 'the CLI page shows a .rancher-arch.yaml').toBeDefined();
    const data: unknown = parseYaml(example ?? '');
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(configSchema.safeParse(data).success).toBe(true);
  });

  it('refuses what the CLI refuses', () => {
    for (const bad of [{ rules: { 'no-such-rule': 'off' } }, { waivers: [{ rule: 'lb-present' }] }, { failOn: 'never' }, { extra: true }]) {
      expect(validate(bad), JSON.stringify(bad)).toBe(false);
      expect(configSchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });
});
