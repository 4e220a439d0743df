// A config file added or edited by a pull request must show in whatever format CI keeps. The
// reproductions of issue 20 (a version that turns an error into a warning, every rule turned off),
// then a property: any config with something in it changes the reported configuration of every
// format, naming each thing it set.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.ts';
import { REPORT_FORMATS, type ReportFormat } from '../commands/check.ts';
import { runCli } from '../fake-io.ts';

// An RKE cluster.yml of three all-role nodes: a single-cluster input, so `as` in the config counts.
const CLUSTER = `nodes:
  - {address: 10.0.0.1, user: rke, role: [etcd, controlplane, worker]}
  - {address: 10.0.0.2, user: rke, role: [etcd, controlplane, worker]}
  - {address: 10.0.0.3, user: rke, role: [etcd, controlplane, worker]}
`;
// A plan that names no version: the config's version decides which rules run.
const PLAN = `clusters:
  - name: lab
    nodes:
      - {name: n1, address: 10.0.0.1, roles: [etcd, controlplane, worker]}
      - {name: n2, address: 10.0.0.2, roles: [etcd, controlplane, worker]}
`;

async function check(format: ReportFormat, config: string | undefined, extra: string[] = []) {
  const files: Record<string, string> = { 'plan.yaml': PLAN, 'cluster.yml': CLUSTER };
  if (config !== undefined) files['.rancher-arch.yaml'] = config;
  return runCli(['check', 'plan.yaml', 'cluster.yml', '--format', format, ...extra], { files });
}

/** The part of each format that reports the configuration. */
function configurationOf(format: ReportFormat, stdout: string): string {
  switch (format) {
    case 'text':
      return stdout.startsWith('Config file ') ? stdout.slice(0, stdout.indexOf('\n\n')) : '';
    case 'markdown':
      // Markdown escapes the [ of "waivers[0]"; read it back as text.
      return stdout.startsWith('Config file ') ? stdout.slice(0, stdout.indexOf('\n## ')).replaceAll('\\[', '[') : '';
    case 'junit':
      return [...stdout.matchAll(/<property name="(config[^"]*)" value="([^"]*)"/g)].map((m) => `${m[1]}=${m[2]}`).join('\n');
    case 'json': {
      const out = JSON.parse(stdout) as { config: unknown; inputs: unknown };
      return JSON.stringify([out.config, out.inputs]);
    }
    case 'sarif': {
      const run = (JSON.parse(stdout) as { runs: { invocations: { toolConfigurationNotifications?: unknown }[]; properties: { config: unknown } }[] }).runs[0];
      return JSON.stringify([run?.invocations[0]?.toolConfigurationNotifications ?? null, run?.properties.config]);
    }
  }
}

describe('the reproductions', () => {
  it('rancherVersion in the config: every format says the config chose the version', async () => {
    const config = 'rancherVersion: "2.3"\n';
    const text = await check('text', config);
    expect(text.stdout).toMatch(/^Config file \.rancher-arch\.yaml read:\n {2}- Rancher version 2\.3 for inputs that name none\n/);
    expect(text.stdout).toContain('plan.yaml: a plan file, checked as Rancher 2.3 (profile Rancher 2.0 – 2.3; version set by .rancher-arch.yaml)');
    const markdown = await check('markdown', config);
    expect(markdown.stdout).toMatch(/^Config file `\.rancher-arch\.yaml` read:\n\n\* Rancher version 2\.3 for inputs that name none\n/);
    expect(markdown.stdout).toMatch(/^## plan\.yaml: checked as Rancher 2\.3 \(Rancher 2\.0 – 2\.3; version set by \.rancher-arch\.yaml\)$/m);
    const junit = await check('junit', config);
    expect(junit.stdout).toContain('<property name="config" value=".rancher-arch.yaml"/>');
    expect(junit.stdout).toContain('<property name="config.rancherVersion" value="Rancher version 2.3 for inputs that name none"/>');
    expect(junit.stdout).toContain('<property name="rancherVersionFrom" value="config"/>');
    const json = JSON.parse((await check('json', config)).stdout) as { inputs: { versionFrom?: string }[]; config: { settings: unknown[] } };
    expect(json.config.settings).toEqual([{ key: 'rancherVersion', value: '2.3', used: true, at: { line: 1, col: 17 } }]);
    // A flag wins over the file, and the report says the file's value was not used.
    const flagged = await check('text', config, ['--rancher-version', '2.8']);
    expect(flagged.stdout).toMatch(/^ {2}- Rancher version 2\.3 for inputs that name none: not used, as --rancher-version was given$/m);
    expect(flagged.stdout).toMatch(/plan\.yaml: a plan file, checked as Rancher 2\.8 \(profile [^;]+; version from --rancher-version\)/);
  });

  it('every rule turned off: Markdown names the config and each rule, JUnit keeps the cases as skipped', async () => {
    const config = stringify({ rules: Object.fromEntries(RULES.map((r) => [r.id, 'off'])) });
    const markdown = await check('markdown', config);
    expect(markdown.stdout).toMatch(/^Config file `\.rancher-arch\.yaml` read:/);
    for (const rule of RULES) expect(markdown.stdout).toContain(`rule ${rule.id} turned off`);
    const junit = await check('junit', config);
    const tests = Number(/<testsuites [^>]*tests="(\d+)"/.exec(junit.stdout)?.[1]);
    const skipped = Number(/<testsuites [^>]*skipped="(\d+)"/.exec(junit.stdout)?.[1]);
    expect(tests).toBeGreaterThan(0);
    expect(skipped).toBe(tests);
    expect(junit.stdout).toContain('<skipped message="turned off by .rancher-arch.yaml"/>');
  });

  it('--no-config reads no config file: no format reports one', async () => {
    const config = 'rules: {etcd-odd-members: off}\n';
    for (const format of REPORT_FORMATS) {
      const r = await check(format, config, ['--no-config']);
      const none = await check(format, undefined);
      expect(configurationOf(format, r.stdout), format).toBe(configurationOf(format, none.stdout));
    }
  });
});

const RULE_IDS = RULES.map((r) => r.id);
const words = fc
  .array(fc.constantFrom('lab', 'rebuilt', 'nightly', 'accepted', 'until', 'the', 'move'), { minLength: 1, maxLength: 5 })
  .map((w) => w.join(' '));
const configs = fc
  .record(
    {
      rancherVersion: fc.constantFrom('2.3', '2.4.8', '2.6.9', '2.9.2', '2.12.1'),
      as: fc.constantFrom('rancher', 'downstream'),
      failOn: fc.constantFrom('error', 'warning', 'info'),
      docsBase: fc.constantFrom('https://guide.example.internal/rancher/', '/guides/rancher/'),
      rules: fc.dictionary(fc.constantFrom(...RULE_IDS), fc.constantFrom('error', 'warning', 'info', 'off'), { minKeys: 1, maxKeys: 4 }),
      waivers: fc.array(fc.record({ rule: fc.constantFrom(...RULE_IDS), reason: words }), { minLength: 1, maxLength: 3 }),
    },
    { requiredKeys: [] },
  )
  .filter((c) => Object.keys(c).length > 0);

describe('property: any config with something in it shows in every format', () => {
  it('names the file and each thing it set, and differs from the run without it', async () => {
    const baseline = Object.fromEntries(await Promise.all(REPORT_FORMATS.map(async (f) => [f, configurationOf(f, (await check(f, undefined)).stdout)])));
    await fc.assert(
      fc.asyncProperty(configs, async (config) => {
        for (const format of REPORT_FORMATS) {
          const r = await check(format, stringify(config));
          const shown = configurationOf(format, r.stdout);
          expect(shown, format).not.toBe(baseline[format]);
          expect(shown, format).toContain('.rancher-arch.yaml');
          if (config.rancherVersion) expect(shown, format).toContain(config.rancherVersion);
          if (config.failOn) expect(shown, format).toContain(config.failOn);
          if (config.docsBase) expect(shown, format).toContain(config.docsBase);
          if (config.as) expect(shown, format).toContain(format === 'json' || format === 'sarif' ? `"${config.as}"` : 'read as');
          for (const rule of Object.keys(config.rules ?? {})) expect(shown, format).toContain(rule);
          (config.waivers ?? []).forEach((w, i) => {
            expect(shown, format).toContain(w.rule);
            expect(shown, format).toContain(`waivers[${i}]`);
          });
        }
      }),
      { numRuns: 40 },
    );
  });
});
