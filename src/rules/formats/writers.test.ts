// Writers never splice text: whatever strings a plan tries to carry, either the reader refuses them
// with a place, or every writer's output parses back to the same values and holds no syntax the
// writer did not write. fast-check feeds arbitrary strings, including the attacks that used to work.
import fc from 'fast-check';
import type { Heading, List, Nodes } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RULES } from '../catalogue/index.ts';
import { checkPlan } from '../check.ts';
import { docsPath } from '../guide-pages.ts';
import { formatFindingsMarkdown } from '../markdown.ts';
import type { Report } from '../report.ts';
import type { Plan, PlanInput } from '../vocabulary.ts';
import { ExportError } from './format.ts';
import { InputError } from './input-error.ts';
import { toNginxConfig } from './nginx.ts';
import { toPlanJson, toPlanYaml } from './plan-file.ts';
import { readInput, readInputDetailed } from './read.ts';
import { PRESETS } from '../presets.ts';
import { toClusterYml } from './rke-cluster-yml.ts';
import { validatePlan } from './validate.ts';

/** Strings people and attackers write: plain names, and text full of syntax and control characters. */
const hostile = fc.oneof(
  fc.constantFrom(
    'prod\nprivate_registries:\n  - url: registry.evil.example\n    is_default: true\n#',
    'rancher\nuser root;\n#',
    '[2001:db8::66]:22;#',
    'evil\u001b[2J\u001b]0;pwned\u0007',
    '<img src=x onerror=alert(1)>',
    'a`b',
    '999.1.1.1 not an ip',
    'node-1',
    '10.0.0.7',
    '2001:db8::7',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,20}$/),
);

/** A Rancher RKE cluster whose cluster name, node names and addresses come from the arbitrary. */
const planWith = (cluster: string, names: string[], addresses: string[]): PlanInput => ({
  rancher: { version: '2.4.8', install: 'kubernetes', cluster },
  clusters: [
    {
      name: cluster,
      distribution: 'rke',
      nodes: names.map((name, i) => ({ name, address: addresses[i] ?? `10.0.0.${i + 1}`, roles: ['etcd', 'controlplane', 'worker'] })),
      loadBalancer: { targets: names },
    },
  ],
});

function validated(input: PlanInput): Plan | undefined {
  try {
    return validatePlan(input);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const e = error as InputError;
    // The place names a field; the message never echoes raw control characters.
    expect(e.place).toMatch(/^clusters\[\d+\]|^rancher\.|^\(top level\)/);
    // eslint-disable-next-line no-control-regex -- looking for exactly these characters
    expect(e.message).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    return undefined;
  }
}

// Mostly well-formed values with hostile ones mixed in: the properties below must reach their
// assertions on most runs (each test counts the plans that got through), while the refusal path
// still sees plenty of attacks.
const name = fc.oneof({ weight: 4, arbitrary: fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,14}[a-z0-9])?$/) }, { weight: 1, arbitrary: hostile });
const address = fc.oneof({ weight: 3, arbitrary: fc.ipV4() }, { weight: 1, arbitrary: fc.ipV6() }, { weight: 1, arbitrary: hostile });
/** The writer's text, or undefined when it refused the plan — and then only with an ExportError. */
function writtenOrRefused(write: () => string): string | undefined {
  try {
    return write();
  } catch (error) {
    expect(error).toBeInstanceOf(ExportError);
    return undefined;
  }
}

const arbitraryPlan = fc
  .tuple(name, fc.uniqueArray(name, { minLength: 1, maxLength: 4 }), fc.array(address, { maxLength: 4 }))
  .map(([cluster, names, addresses]) => planWith(cluster, names, addresses));
const RUNS = 300;
/** Most runs must get past validation and the writer's refusals, or the property proves little. */
const ENOUGH = RUNS / 4;

describe('writers with arbitrary strings', () => {
  it("the issue's attacks are refused when read, naming the field", () => {
    const attempts: [PlanInput, RegExp][] = [
      [
        planWith('prod\nprivate_registries:\n  - url: registry.evil.example\n    is_default: true\n#', ['n1'], []),
        /^(rancher\.cluster|clusters\[0\]\.name): contains a control character \(U\+000A\)/,
      ],
      [planWith('rancher\nuser root;\n#', ['n1'], []), /^(rancher\.cluster|clusters\[0\]\.name): contains a control character/],
      [planWith('mgmt', ['n1'], ['[2001:db8::66]:22;#']), /^clusters\[0\]\.nodes\[0\]\.address: contains "\[";/],
      [planWith('mgmt', ['evil\u001b[2J\u001b]0;pwned\u0007'], []), /^clusters\[0\]\.nodes\[0\]\.name: contains a control character \(U\+001B\)/],
      [planWith('mgmt', ['n1'], ['999.1.1.1 not an ip']), /^clusters\[0\]\.nodes\[0\]\.address: contains a space/],
      [planWith('mgmt', ['n1'], ['999.1.1.1']), /looks like an IPv4 address but is not one/],
    ];
    for (const [input, message] of attempts) {
      let caught: unknown;
      try {
        validatePlan(input);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(InputError);
      expect((caught as InputError).message).toMatch(message);
    }
  });

  it('plan YAML and JSON parse back to the same plan', () => {
    let reached = 0;
    fc.assert(
      fc.property(arbitraryPlan, (input) => {
        const plan = validated(input);
        if (!plan) return;
        reached++;
        expect(readInput(toPlanYaml(plan), { format: 'plan', allowEmpty: true })).toEqual(plan);
        expect(readInput(toPlanJson(plan), { format: 'plan', allowEmpty: true })).toEqual(plan);
      }),
      { numRuns: RUNS },
    );
    expect(reached).toBeGreaterThan(ENOUGH);
  });

  it('cluster.yml parses back to exactly the keys and values the writer meant, or says what blocks it', () => {
    let reached = 0;
    fc.assert(
      fc.property(arbitraryPlan, (input) => {
        const plan = validated(input);
        const text = plan && writtenOrRefused(() => toClusterYml(plan));
        if (!plan || text === undefined) return;
        reached++;
        const doc = parse(text) as Record<string, unknown>;
        expect(Object.keys(doc).sort()).toEqual(['cluster_name', 'nodes']);
        expect(doc.cluster_name).toBe(plan.clusters[0]?.name);
        const nodes = doc.nodes as Record<string, unknown>[];
        expect(nodes.map((n) => n.address)).toEqual(plan.clusters[0]?.nodes.map((n) => n.address));
        for (const n of nodes) expect(Object.keys(n).every((k) => ['address', 'user', 'role', 'hostname_override'].includes(k))).toBe(true);
        // Read back through our own reader: the same nodes and no refusal.
        expect(readInput(text).clusters[0]?.nodes.map((n) => n.address)).toEqual(plan.clusters[0]?.nodes.map((n) => n.address));
      }),
      { numRuns: RUNS },
    );
    expect(reached).toBeGreaterThan(ENOUGH);
  });

  it('nginx.conf holds only the directives the writer writes', () => {
    const allowed = [
      /^#/,
      /^worker_processes 4;$/,
      /^worker_rlimit_nofile 40000;$/,
      /^events \{$/,
      /^worker_connections 8192;$/,
      /^stream \{$/,
      /^upstream rancher_\d+ \{$/,
      /^least_conn;$/,
      /^server (\[[0-9a-fA-F:]+\]|[A-Za-z0-9._-]+):\d+ max_fails=3 fail_timeout=5s;$/,
      /^server \{$/,
      /^listen \d+;$/,
      /^proxy_pass rancher_\d+;$/,
      /^\}$/,
      /^$/,
    ];
    let reached = 0;
    fc.assert(
      fc.property(arbitraryPlan, (input) => {
        const plan = validated(input);
        const text = plan && writtenOrRefused(() => toNginxConfig(plan));
        if (!plan || text === undefined) return;
        reached++;
        for (const line of text.split('\n').map((l) => l.trim()))
          expect(
            allowed.some((re) => re.test(line)),
            line,
          ).toBe(true);
        // Comments are one line each: nothing after a newline escapes them.
        expect(
          text
            .split('\n')
            .filter((l) => l.includes('#'))
            .every((l) => l.trimStart().startsWith('#')),
        ).toBe(true);
      }),
      { numRuns: RUNS },
    );
    expect(reached).toBeGreaterThan(ENOUGH);
  });

  it('findings Markdown keeps its structure and shows every message as text, never as HTML', () => {
    const finding = fc.record({
      cluster: fc.option(hostile, { nil: undefined }),
      message: hostile,
      severity: fc.constantFrom<'error' | 'warning' | 'info'>('error', 'warning', 'info'),
    });
    fc.assert(
      fc.property(fc.array(finding, { minLength: 1, maxLength: 5 }), (raw) => {
        const rule = RULES[0];
        const report: Report = {
          rancherVersion: '2.4',
          profile: { id: '2.4', label: 'Rancher 2.4' },
          findings: raw.map((f) => ({
            rule: rule.id,
            severity: f.severity,
            nodes: [],
            message: f.message,
            docs: docsPath(rule.docs),
            ...(f.cluster === undefined ? {} : { cluster: f.cluster }),
          })),
          clusters: [],
          summary: { errors: 0, warnings: 0, infos: 0 },
        };
        const tree = fromMarkdown(formatFindingsMarkdown(report));
        const all: Nodes[] = [];
        const walk = (n: Nodes) => {
          all.push(n);
          if ('children' in n) for (const c of n.children) walk(c);
        };
        walk(tree);
        expect(all.filter((n) => n.type === 'html')).toEqual([]);
        const groups = new Set(raw.map((f) => f.cluster ?? ''));
        expect(tree.children.filter((n): n is Heading => n.type === 'heading' && n.depth === 3)).toHaveLength(groups.size);
        const items = tree.children.filter((n): n is List => n.type === 'list').flatMap((l) => l.children);
        expect(items).toHaveLength(raw.length);
        // Each message reads back whole (Markdown folds line endings inside a paragraph into "\n").
        const texts = items.map((item) => toString(item));
        for (const f of raw) expect(texts.some((t) => t.includes(f.message.replace(/\r\n?/g, '\n').trim()))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('exports the real tool would refuse are never silent', () => {
  const rancherPlan = (nodes: NonNullable<PlanInput['clusters']>[number]['nodes']): Plan =>
    validatePlan({ rancher: { version: '2.4.8', cluster: 'r' }, clusters: [{ name: 'r', distribution: 'rke', nodes }] });

  it('a node whose last role was unticked: a finding, and the cluster.yml export says why it cannot be written', () => {
    const plan = rancherPlan([
      { name: 'n1', address: '10.0.0.1', roles: ['etcd', 'controlplane', 'worker'] },
      { name: 'n2', address: '10.0.0.2', roles: [] },
    ]);
    expect(checkPlan(plan).findings.map((f) => f.rule)).toContain('node-roles-present');
    expect(() => toClusterYml(plan)).toThrow(ExportError);
    expect(() => toClusterYml(plan)).toThrow(/n2 in cluster "r" has no role/);
  });

  it('a node renamed Worker_3: a finding, and no cluster.yml with a hostname rke refuses', () => {
    const plan = rancherPlan([{ name: 'Worker_3', address: '10.0.0.1', roles: ['etcd', 'controlplane', 'worker'] }]);
    expect(checkPlan(plan).findings.find((f) => f.rule === 'node-name-dns1123')?.nodes).toEqual(['Worker_3']);
    expect(() => toClusterYml(plan)).toThrow(/"Worker_3" in cluster "r" is not a valid hostname/);
  });

  it('addresses cleared: a finding for RKE, and nginx refuses to write backends without addresses', () => {
    const plan = rancherPlan([1, 2, 3].map((i) => ({ name: `rancher-${i}`, roles: ['etcd', 'controlplane', 'worker'] as const })) as never);
    expect(checkPlan(plan).findings.find((f) => f.rule === 'node-address-valid')?.nodes).toEqual(['rancher-1', 'rancher-2', 'rancher-3']);
    expect(() => toNginxConfig(plan)).toThrow(ExportError);
    expect(() => toNginxConfig(plan)).toThrow(/have no address; nginx needs one for every backend/);
  });

  it("every preset's cluster.yml reads back with the same nodes and not one refusal", () => {
    let written = 0;
    for (const [id, { plan }] of Object.entries(PRESETS))
      for (const cluster of plan.clusters.filter((c) => c.distribution === 'rke')) {
        const back = readInputDetailed(toClusterYml(plan, cluster.name), { filename: `${id}.yml` });
        expect(back.findings, id).toEqual([]);
        expect(
          checkPlan(back.plan).findings.filter((f) => f.severity === 'error'),
          id,
        ).toEqual([]);
        expect(back.plan.clusters[0]?.nodes, id).toEqual(cluster.nodes);
        written++;
      }
    expect(written).toBeGreaterThanOrEqual(2);
  });

  it('empty inputs are "nothing to check", never a pass', () => {
    for (const text of ['{"kind": "List", "apiVersion": "v1", "items": []}', '{"kind": "NodeList", "items": []}', '{"clusters": []}', 'clusters: [{name: a}]'])
      expect(() => readInput(text, { filename: 'in.json' }), text).toThrow(/^in\.json: nothing to check/);
  });

  it('200,000 unknown keys give one short message: the first keys, then how many more', () => {
    const keys = Object.fromEntries(Array.from({ length: 200_000 }, (_, i) => [`k${i}`, 1]));
    let message = '';
    try {
      readInput(JSON.stringify({ clusters: [], ...keys }), { filename: 'many.json' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^many\.json(?::1:1)? \(top level\): unknown fields "k0", "k1".* and 199,990 more$/);
    expect(message.length).toBeLessThan(400);
  });
});
