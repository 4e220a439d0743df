// The CLI in-process (main with a fake I/O): commands, options, output formats, exit codes, several
// files in one run. smoke.test.ts runs the real process for the few things only it can show.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES, aboutRule, checkPlan, describeRange, toPlanYaml, PRESETS } from '../rules/index.ts';
import { sourceText } from '../rules/sources.ts';
import { runCli } from './fake-io.ts';

const FIXTURES = fileURLToPath(new URL('../../test/fixtures/', import.meta.url));
const fixture = (name: string) => `${FIXTURES}${name}`;
const real = { realFiles: true };

describe('check: text', () => {
  it('names the version and profile, groups by cluster, names the guidance in words', async () => {
    const r = await runCli(['check', fixture('rke-ha-3node.cluster.yml'), '--as', 'rancher', '--rancher-version', 'v2.4.8'], real);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('rke-ha-3node.cluster.yml: an RKE cluster.yml, checked as Rancher 2.4.8 (profile Rancher 2.4; version from --rancher-version)');
    expect(r.stdout).toMatch(/^Cluster local \(rancher, RKE, 3 nodes: 3 etcd, 3 controlplane, 3 worker; etcd 3 members, quorum 2, tolerates 1 failure\)$/m);
    expect(r.stdout).toMatch(/warning .*no load balancer.*\[lb-present\]/);
    expect(r.stdout).toContain('Guidance: Load balancer and ingress › Put a load balancer in front (load-balancer/#put-a-load-balancer-in-front)');
    // The cluster.yml has no backup_config: rke's snapshots are on, and kept on the etcd nodes alone.
    expect(r.stdout).toMatch(/warning .*losing the etcd nodes loses the snapshots.*\[etcd-snapshots-off-node\]/);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('0 errors, 2 warnings, 1 info');
  });

  it('says when the version was assumed', async () => {
    const r = await runCli(['check', fixture('rke-ha-3node.cluster.yml')], real);
    expect(r.stdout).toContain('checked as Rancher 2.4 (profile Rancher 2.4; assumed, as the input names no version)');
  });

  it('exit 1 on error findings; --fail-on lowers the bar and refuses an unknown level', async () => {
    const file = fixture('rke-ha-3node.cluster.yml');
    expect((await runCli(['check', fixture('rke-unknown-role.cluster.yml')], real)).code).toBe(1);
    expect((await runCli(['check', file, '--as', 'rancher'], real)).code).toBe(0);
    expect((await runCli(['check', file, '--as', 'rancher', '--fail-on', 'warning'], real)).code).toBe(1);
    expect((await runCli(['check', file, '--as', 'rancher', '--fail-on', 'info'], real)).code).toBe(1);
    const bad = await runCli(['check', file, '--fail-on', 'sometimes'], real);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^rancher-arch: --fail-on must be error, warning, info; not "sometimes"/);
  });

  it('colours only when asked, and only with its own codes', async () => {
    const plain = await runCli(['check', fixture('rke-ha-3node.cluster.yml')], real);
    expect(plain.stdout).not.toContain('\u001b');
    const coloured = await runCli(['check', fixture('rke-ha-3node.cluster.yml')], { ...real, color: true });
    expect(coloured.stdout).toContain('\u001b[33mwarning\u001b[0m');
    // eslint-disable-next-line no-control-regex -- removing our colour codes
    expect(coloured.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toBe(plain.stdout);
  });
});

describe('check: several files, globs and standard input', () => {
  it('one combined report and one exit code for several files', async () => {
    const r = await runCli(['check', fixture('rke-ha-3node.cluster.yml'), fixture('rke-unknown-role.cluster.yml'), '--format', 'json'], real);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.inputs.map((i: { file: string }) => i.file.split('/').at(-1))).toEqual(['rke-ha-3node.cluster.yml', 'rke-unknown-role.cluster.yml']);
    expect(out.summary.files).toBe(2);
    expect(out.clusters.map((c: { name: string }) => c.name)).toEqual(['local', 'sample']);
    expect(new Set(out.findings.map((f: { file: string }) => f.file.split('/').at(-1)))).toEqual(
      new Set(['rke-ha-3node.cluster.yml', 'rke-unknown-role.cluster.yml']),
    );
    const text = await runCli(['check', fixture('rke-ha-3node.cluster.yml'), fixture('rke-unknown-role.cluster.yml')], real);
    expect(text.stdout.trim().split('\n').at(-1)).toMatch(/; 2 files checked$/);
  });

  it('expands a pattern, in sorted order, and reports one that matches nothing', async () => {
    const files = {
      'clusters/b.yml': 'nodes:\n  - {address: 10.0.0.2, user: rke, role: [etcd, controlplane, worker]}\n',
      'clusters/a.yml': 'nodes:\n  - {address: 10.0.0.1, user: rke, role: [etcd, controlplane, worker]}\n',
      'other/c.yml': 'nodes:\n  - {address: 10.0.0.3, user: rke, role: [etcd, controlplane, worker]}\n',
    };
    const r = await runCli(['check', 'clusters/*.yml', '--format', 'json'], { files });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).inputs.map((i: { file: string }) => i.file)).toEqual(['clusters/a.yml', 'clusters/b.yml']);
    const none = await runCli(['check', 'clusters/*.yml', 'nowhere/*.yml', '--format', 'json'], { files });
    expect(none.code).toBe(2);
    expect(JSON.parse(none.stdout).errors).toEqual([
      expect.objectContaining({ file: 'nowhere/*.yml', reason: 'no such file, and no file matches it as a pattern' }),
    ]);
    // The same file named twice is checked once.
    const twice = await runCli(['check', 'clusters/a.yml', 'clusters/*.yml', '--format', 'json'], { files });
    expect(JSON.parse(twice.stdout).inputs).toHaveLength(2);
  });

  it('a walk stops as soon as the run has one file more than the cap: an endless one ends', async () => {
    let pulled = 0;
    function* endless() {
      for (let i = 0; ; i++) {
        pulled++;
        yield { name: `c${i}.yml`, path: `c${i}.yml` };
      }
    }
    const r = await runCli(['check', 'one.yml', '**/*.yml'], { files: { 'one.yml': 'clusters: []\n' }, glob: endless });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^rancher-arch: more than 500 files to check in one run \(the pattern "\*\*\/\*\.yml" matches more; the search stopped there\)/);
    expect(pulled).toBe(500);
  });

  it('a brace pattern is counted before the walk starts: past the limit nothing is searched', async () => {
    let walked = false;
    function* never() {
      walked = true;
      yield* [];
    }
    const r = await runCli(['check', '{a,b}{0..99}.yml'], { glob: never });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\{a,b\}\{0\.\.99\}\.yml: the pattern spells out more than 100 names with its braces/);
    expect(walked).toBe(false);
  });

  it('without glob support (Node 20) a pattern is an unreadable input with a hint, not a crash', async () => {
    const r = await runCli(['check', 'clusters/*.yml'], { files: {}, noGlob: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot expand patterns \(that needs Node\.js 22\.17 or later\)/);
  });

  it('reads standard input with -, once', async () => {
    const r = await runCli(['check', '-', '--format', 'json'], { stdin: 'rancher: {install: docker, host: 10.0.0.9}\nclusters: []\n' });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings[0]).toMatchObject({ rule: 'docker-install-not-production', file: '<stdin>' });
    const twice = await runCli(['check', '-', '-']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/standard input \(-\) can be read only once/);
  });

  it('an unreadable file does not stop the others, and makes the exit code 2', async () => {
    const r = await runCli(['check', fixture('rke-ha-3node.cluster.yml'), 'missing.yml'], real);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('rancher-arch: missing.yml: cannot read the file: no such file\n');
    expect(r.stdout).toMatch(/Cluster local/);
    expect(r.stdout).toMatch(/1 could not be read/);
  });
});

describe('check: JSON', () => {
  it('the documented shape: inputs with version and profile, findings with file and guidance', async () => {
    const r = await runCli(['check', fixture('rke-unknown-role.cluster.yml'), '--format', 'json'], real);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['tool', 'inputs', 'errors', 'findings', 'waived', 'clusters', 'config', 'failOn', 'summary']);
    expect(out.inputs[0]).toMatchObject({ format: 'cluster-yml', rancherVersion: '2.4', versionGiven: false, profile: { id: '2.4', label: 'Rancher 2.4' } });
    expect(out.findings.find((f: { rule: string }) => f.rule === 'rke-config-valid')).toEqual({
      rule: 'rke-config-valid',
      severity: 'error',
      cluster: 'sample',
      nodes: ['nas-1'],
      message: expect.any(String),
      docs: 'rke-cluster/#what-rke-itself-requires',
      guidance: 'Guidance: The RKE cluster for Rancher › What RKE itself requires',
      file: fixture('rke-unknown-role.cluster.yml'),
    });
    expect(out.clusters[0]).toMatchObject({
      name: 'sample',
      purpose: 'downstream',
      nodeCount: 3,
      etcdMembers: 1,
      file: fixture('rke-unknown-role.cluster.yml'),
    });
    expect(out.errors).toEqual([]);
  });

  it('input errors are JSON on stdout, with the place, and exit 2', async () => {
    const r = await runCli(['check', '-', '--format', 'json'], { stdin: 'clusters:\n  - name: a\n    nodes:\n      - {name: n1, roles: [master]}\n' });
    expect(r.code).toBe(2);
    const out = JSON.parse(r.stdout);
    expect(out.errors).toEqual([
      {
        file: '<stdin>',
        line: 4,
        col: expect.any(Number),
        path: 'clusters[0].nodes[0].roles[0]',
        reason: expect.stringMatching(/^"master" is not a role/),
        message: expect.stringMatching(/^<stdin>:4:\d+ clusters\[0\]\.nodes\[0\]\.roles\[0\]: "master" is not a role/),
      },
    ]);
    expect(out.findings).toEqual([]);
    expect(out.summary).toMatchObject({ unreadable: 1, files: 1 });
    // stderr still has the one line a person reads in a CI log.
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('check: docs links', () => {
  const file = fixture('rke-4node-duplicate-key.cluster.yml');
  it('without a docs base: the page and heading in words, and the site-relative path', async () => {
    const r = await runCli(['check', file], real);
    expect(r.stdout).toContain('Guidance: Node roles › Odd etcd member counts (node-roles/#odd-etcd-member-counts)');
    expect(r.stdout).not.toMatch(/https?:/);
  });
  it('RANCHER_ARCH_DOCS_BASE gives absolute links; --docs-base wins over it; a slash is added', async () => {
    const fromEnv = await runCli(['check', file], { ...real, env: { RANCHER_ARCH_DOCS_BASE: 'https://guide.example.internal/rancher' } });
    expect(fromEnv.stdout).toContain(
      'Guidance: Node roles › Odd etcd member counts: https://guide.example.internal/rancher/node-roles/#odd-etcd-member-counts',
    );
    const fromFlag = await runCli(['check', file, '--docs-base', 'https://other.example/'], {
      ...real,
      env: { RANCHER_ARCH_DOCS_BASE: 'https://guide.example.internal/' },
    });
    expect(fromFlag.stdout).toContain('https://other.example/node-roles/#odd-etcd-member-counts');
    expect(fromFlag.stdout).not.toContain('guide.example.internal');
    const json = JSON.parse((await runCli(['check', file, '--format', 'json', '--docs-base', 'https://other.example/'], real)).stdout);
    expect(json.findings[0].url).toMatch(/^https:\/\/other\.example\//);
  });
  it('refuses a docs base that is not an http(s) address', async () => {
    const r = await runCli(['check', file, '--docs-base', 'javascript:alert(1)'], real);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--docs-base must be an http or https address/);
  });
});

describe('check: Markdown', () => {
  it('titles each input with its file and version', async () => {
    const r = await runCli(['check', fixture('rke-ha-3node.cluster.yml'), '--format', 'markdown', '--rancher-version', '2.4.8'], real);
    expect(r.code).toBe(0);
    // mdast-util-to-markdown escapes only what would turn into syntax; a file name reads as it is.
    expect(r.stdout).toMatch(/^## .*rke-ha-3node\.cluster\.yml: checked as Rancher 2\.4\.8 \(Rancher 2\.4; version from --rancher-version\)$/m);
    expect(r.stdout).toMatch(/`downstream-single-role`/);
  });
});

describe('check: presets', () => {
  it('every preset is checked (the empty one is refused: nothing to check)', async () => {
    for (const [id, preset] of Object.entries(PRESETS)) {
      const r = await runCli(['check', '-', '--format', 'json'], { stdin: toPlanYaml(preset.plan) });
      if (id === 'empty') {
        expect(r.code, id).toBe(2);
        expect(JSON.parse(r.stdout).errors[0].reason, id).toMatch(/^nothing to check: the input lists no clusters/);
        continue;
      }
      // Exit 1 exactly when the plan has an error finding (the default --fail-on).
      expect(r.code, id).toBe(checkPlan(preset.plan).summary.errors > 0 ? 1 : 0);
      expect(JSON.parse(r.stdout).inputs[0].rancherVersion, id).toBe(preset.plan.rancher?.version ?? '2.4');
    }
  });
});

describe('rules / explain / convert / help', () => {
  it('rules lists the catalogue with each rule’s version range', async () => {
    const r = await runCli(['rules']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(RULES.length);
    expect(r.stdout).toMatch(/^lb-layer-4\s+warning\s+every version\s+/m);
    for (const rule of RULES) expect(lines.find((l) => l.startsWith(`${rule.id} `))).toContain(describeRange(rule.versions ?? {}));
    const json = JSON.parse((await runCli(['rules', '--format', 'json'])).stdout);
    expect(json).toHaveLength(RULES.length);
    expect(json[0]).toMatchObject({
      id: RULES[0].id,
      versions: { text: expect.any(String) },
      guidance: expect.stringMatching(/ › /),
    });
    // Sources are data in JSON: objects with a title and where to read it, as in SARIF.
    const sourced = json.find((r: { sources: unknown[] }) => r.sources.length > 0);
    expect(sourced.sources[0]).toEqual({ title: expect.any(String), where: expect.stringMatching(/^https:\/\/|^[\w.-]+\/[\w.-]+/) });
  });

  it('explain gives the rationale, versions, sources and guidance; refuses an unknown id', async () => {
    const r = await runCli(['explain', 'rancher-cluster-ha']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^rancher-cluster-ha \(error; How Rancher is installed\)/);
    expect(r.stdout).toContain('Rancher versions: every version');
    expect(r.stdout).toContain('Docs: Guidance: High availability › What HA means for Rancher (high-availability/#what-ha-means-for-rancher)');
    const ranged = RULES.find((rule) => rule.versions);
    expect(ranged, 'a rule with a version range').toBeDefined();
    expect((await runCli(['explain', ranged!.id])).stdout).toContain(`Rancher versions: ${describeRange(ranged!.versions ?? {})}`);
    const sourced = RULES.find((rule) => aboutRule(rule.id).sources?.length);
    expect(sourced, 'a rule with sources').toBeDefined();
    expect((await runCli(['explain', sourced!.id])).stdout).toContain(`Sources:\n  - ${sourceText(aboutRule(sourced!.id).sources![0]!)}`);
    const unknown = await runCli(['explain', 'nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no rule "nope"/);
  });

  it('converts cluster.yml → plan → cluster.yml and → nginx', async () => {
    const plan = await runCli(['convert', fixture('rke-ha-3node.cluster.yml'), '--to', 'plan', '--as', 'rancher'], real);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/cluster: local/);
    const yml = await runCli(['convert', '-', '--to', 'cluster-yml'], { stdin: plan.stdout });
    expect(yml.code).toBe(0);
    expect(yml.stdout).toMatch(/address: 203\.0\.113\.11/);
    const nginx = await runCli(['convert', '-', '--to', 'nginx'], { stdin: plan.stdout });
    expect(nginx.code).toBe(0);
    expect(nginx.stdout).toMatch(/server 203\.0\.113\.13:443/);
    const noRancher = await runCli(['convert', fixture('rke-ha-3node.cluster.yml'), '--to', 'nginx'], real);
    expect(noRancher.code).toBe(2);
    expect(noRancher.stderr).toMatch(/no Rancher cluster/);
    const two = await runCli(['convert', '-', '--to', 'cluster-yml'], {
      stdin: toPlanYaml(PRESETS['rancher-rke'].plan).replace(
        'clusters:',
        'clusters:\n  - {name: other, nodes: [{name: o1, roles: [etcd, controlplane, worker]}]}',
      ),
    });
    expect(two.code).toBe(2);
    expect(two.stderr).toMatch(/the plan has 2 clusters; choose one with --cluster NAME/);
  });

  it('converts to rke2-config one node at a time (--node), keeping a joining server joining', async () => {
    const planText = toPlanYaml(PRESETS['rancher-rke2'].plan);
    const none = await runCli(['convert', '-', '--to', 'rke2-config'], { stdin: planText });
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/3 nodes, each with its own config\.yaml; choose one with --node NAME \(server-1, server-2 and server-3\)/);
    const second = await runCli(['convert', '-', '--to', 'rke2-config', '--node', 'server-2'], { stdin: planText });
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/^server: https:\/\/rancher\.example\.com:9345$/m);
    const unknown = await runCli(['convert', '-', '--to', 'rke2-config', '--node', 'nope'], { stdin: planText });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no node named "nope"/);
    // The reproduction: a joining server's own file converts to a joining server's file.
    const join = await runCli(['convert', fixture('rke2-server-join.config.yaml'), '--to', 'rke2-config'], real);
    expect(join.code).toBe(0);
    expect(join.stdout).toMatch(/^server: https:\/\/rke2\.example\.net:9345$/m);
    expect(join.stdout).toMatch(/^tls-san:\n {2}- rke2\.example\.net$/m);
    expect(join.stdout).not.toMatch(/first server/);
  });

  it('help lists every command; COMMAND --help lists its options; bad usage is exit 2', async () => {
    const general = await runCli(['help']);
    expect(general.code).toBe(0);
    for (const name of ['check', 'rules', 'explain', 'convert', 'help']) expect(general.stdout).toMatch(new RegExp(`^  rancher-arch ${name} `, 'm'));
    const checkHelp = await runCli(['check', '--help']);
    expect(checkHelp.code).toBe(0);
    for (const option of ['--format text|json|sarif|junit|markdown', '--fail-on error|warning|info', '--config FILE', '--show-waived', '--docs-base URL'])
      expect(checkHelp.stdout).toContain(option);
    expect((await runCli(['help', 'check'])).stdout).toBe(checkHelp.stdout);
    const none = await runCli([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^Usage:/);
    expect((await runCli(['check'])).stderr).toMatch(/check needs at least one FILE/);
    const unknownOption = await runCli(['check', 'x.yml', '--frobnicate']);
    expect(unknownOption.code).toBe(2);
    expect(unknownOption.stderr).toMatch(/^rancher-arch: unknown option --frobnicate\n/);
    expect((await runCli(['check', 'x', '--format', 'xml'])).stderr).toMatch(/--format must be text, json, sarif, junit, markdown; not "xml"/);
    expect((await runCli(['frobnicate'])).code).toBe(2);
    expect((await runCli(['--version'])).stdout).toMatch(/^rancher-arch \d+\.\d+\.\d+\n$/);
  });
});
