// A finding points at the very node entries it is about (finding.at), never at every entry that
// happens to bear one of their names. Each plan below has two entries of one cluster sharing a
// name, and the rule is about only one of them; findings about a name itself point at all.
import { describe, expect, it } from 'vitest';
import { ruleById, type RuleId } from './catalogue/index.ts';
import { checkPlan } from './check.ts';
import { ALL_ROLES, downstream, minimumDownstreamNodes, nodes, rancherOn, rancherRke } from './example-plans.ts';
import { readInputDetailed } from './formats/read.ts';
import { validatePlan } from './formats/validate.ts';
import type { Finding } from './report.ts';
import type { Rule, RuleExamples } from './rule.ts';
import type { PlanInput } from './vocabulary.ts';

interface Case {
  rule: RuleId;
  /** What the plan shows. */
  note: string;
  plan: PlanInput;
  /** Picks the finding when the rule reports more than one on the plan. */
  message?: RegExp;
  /** Where the finding must stand: the cluster's position and exactly the offending entries'. */
  at: { cluster: number; nodes: number[] };
}

/** The minimum downstream layout (e1 e2 e3 c1 c2 w1 w2, positions 0–6) and one more entry at position 7. */
const plusOne = (extra: object, overrides: object = {}): PlanInput => downstream([...minimumDownstreamNodes(), extra as never], overrides);

/** Three K3s or RKE2 servers at 192.0.2.1–3; every other node joins through `via`. */
const joining = (via: string, more: object[] = [], loadBalancer?: object): PlanInput => ({
  clusters: [
    {
      name: 'edge',
      distribution: 'rke2',
      datastore: 'embedded',
      nodes: [...nodes('s', 3, ['server'], '192.0.2.'), ...(more as never[])].map((n, i) => (i === 0 ? n : { ...n, server: `https://${via}:9345` })),
      ...(loadBalancer ? { loadBalancer } : {}),
    },
  ],
});

/** Rancher on RKE2 managing two downstream clusters of one worker each, its nodes as given. */
const rancherSized = (machines: object[]): PlanInput =>
  rancherOn({ name: 'rancher', distribution: 'rke2', nodes: machines as never[] }, '2.8.3', [
    { name: 'd1', nodes: [{ name: 'w1', roles: ['worker'] }] },
    { name: 'd2', nodes: [{ name: 'w1', roles: ['worker'] }] },
  ]);

const CASES: Case[] = [
  {
    rule: 'ace-controlplane-targets',
    note: 'the endpoint targets (by address) a worker that shares its name with controlplane c1',
    plan: plusOne(
      { name: 'c1', address: '10.1.0.31', roles: ['worker'] },
      { authorizedEndpoint: { fqdn: 'api.example.com', targets: ['10.1.0.11', '10.1.0.12', '10.1.0.31'] } },
    ),
    message: /sends API traffic/,
    at: { cluster: 0, nodes: [7] },
  },
  {
    rule: 'ace-controlplane-targets',
    note: 'the endpoint leaves out the second controlplane entry named c1',
    plan: plusOne(
      { name: 'c1', address: '10.1.0.13', roles: ['controlplane'] },
      { authorizedEndpoint: { fqdn: 'api.example.com', targets: ['10.1.0.11', '10.1.0.12'] } },
    ),
    message: /leaves out/,
    at: { cluster: 0, nodes: [7] },
  },
  {
    rule: 'downstream-single-role',
    note: 'a second w1 that is also a controlplane',
    plan: plusOne({ name: 'w1', address: '10.1.0.31', roles: ['controlplane', 'worker'] }),
    message: /runs workloads/,
    at: { cluster: 0, nodes: [7] },
  },
  {
    rule: 'downstream-single-role',
    note: 'a second e1 that is also a controlplane (reported before 2.12)',
    plan: plusOne({ name: 'e1', address: '10.1.0.31', roles: ['etcd', 'controlplane'] }),
    message: /combines etcd and controlplane/,
    at: { cluster: 0, nodes: [7] },
  },
  {
    rule: 'downstream-survives-node-loss',
    note: 'one worker w1, and a controlplane also named w1',
    plan: downstream([...minimumDownstreamNodes().filter((n) => n.name !== 'w2'), { name: 'w1', address: '10.1.0.31', roles: ['controlplane'] }]),
    at: { cluster: 0, nodes: [5] },
  },
  {
    rule: 'etcd-odd-members',
    note: 'a fourth etcd member named w1 beside worker w1',
    plan: plusOne({ name: 'w1', address: '10.1.0.31', roles: ['etcd'] }),
    at: { cluster: 0, nodes: [0, 1, 2, 7] },
  },
  {
    rule: 'etcd-snapshots-off-node',
    note: 'etcd members, one named c1 beside controlplane c1',
    plan: plusOne({ name: 'c1', address: '10.1.0.31', roles: ['etcd'] }, { etcdSnapshots: {} }),
    at: { cluster: 0, nodes: [0, 1, 2, 7] },
  },
  {
    rule: 'lb-all-nodes',
    note: 'the load balancer targets r1–r3 by address, not the second r1',
    plan: rancherOn(
      rancherRke({
        nodes: [1, 2, 3, 4].map((i) => ({ name: `r${i === 4 ? 1 : i}`, address: `10.0.0.${i}`, roles: [...ALL_ROLES] })),
        loadBalancer: { targets: ['10.0.0.1', '10.0.0.2', '10.0.0.3'] },
      }),
    ),
    at: { cluster: 0, nodes: [3] },
  },
  {
    rule: 'node-address-valid',
    note: 'a second w1 without an address',
    plan: plusOne({ name: 'w1', roles: ['worker'] }),
    at: { cluster: 0, nodes: [7] },
  },
  {
    rule: 'node-outside-cluster-networks',
    note: "a second w1 inside RKE's default service network",
    plan: plusOne({ name: 'w1', address: '10.43.0.5', roles: ['worker'] }),
    at: { cluster: 0, nodes: [7] },
  },
  {
    rule: 'node-roles-present',
    note: 'a second w1 without roles',
    plan: plusOne({ name: 'w1', address: '10.1.0.31', roles: [] }),
    at: { cluster: 0, nodes: [7] },
  },
  {
    rule: 'node-taints-match-roles',
    note: 'a second w1 whose taint keeps workloads off',
    plan: plusOne({ name: 'w1', address: '10.1.0.31', roles: ['worker'], taints: ['node-role.kubernetes.io/controlplane=true:NoSchedule'] }),
    message: /keeps ordinary workloads off/,
    at: { cluster: 0, nodes: [7] },
  },
  {
    rule: 'node-taints-match-roles',
    note: 'a second c1 with no taint at all',
    plan: plusOne({ name: 'c1', address: '10.1.0.31', roles: ['controlplane'], taints: [] }),
    message: /no NoSchedule or NoExecute taint/,
    at: { cluster: 0, nodes: [7] },
  },
  {
    rule: 'plan-node-unique',
    note: "a second w1 with e1's address: the address is shared by e1 and that entry only",
    plan: plusOne({ name: 'w1', address: '10.1.0.1', roles: ['worker'] }),
    message: /share the address/,
    at: { cluster: 0, nodes: [0, 7] },
  },
  {
    rule: 'plan-role-distribution',
    note: 'a second w1 with the server role in an RKE cluster',
    plan: plusOne({ name: 'w1', address: '10.1.0.31', roles: ['server'] }),
    at: { cluster: 0, nodes: [7] },
  },
  {
    rule: 'plan-role-distribution',
    note: 'a second a1 that is both agent and worker in K3s',
    plan: {
      clusters: [
        { name: 'k', distribution: 'k3s', nodes: [...nodes('s', 3, ['server']), { name: 'a1', roles: ['agent'] }, { name: 'a1', roles: ['agent', 'worker'] }] },
      ],
    },
    at: { cluster: 0, nodes: [4] },
  },
  {
    rule: 'rancher-node-size',
    note: 'a second r1 below the table',
    plan: rancherSized([
      ...[1, 2].map((i) => ({ name: `r${i}`, roles: ['server'], cpu: 4, memoryGiB: 16 })),
      { name: 'r1', roles: ['server'], cpu: 2, memoryGiB: 8 },
    ]),
    at: { cluster: 0, nodes: [2] },
  },
  {
    rule: 'rancher-rke-all-roles',
    note: 'a second r1 with only the worker role',
    plan: rancherOn(
      rancherRke({
        nodes: [
          ...[1, 2, 3].map((i) => ({ name: `r${i}`, address: `10.0.0.${i}`, roles: [...ALL_ROLES] })),
          { name: 'r1', address: '10.0.0.4', roles: ['worker'] },
        ],
      }),
    ),
    at: { cluster: 0, nodes: [3] },
  },
  {
    rule: 'registration-address-fixed',
    note: 'every node joins through the address of the first s1; a second s1 is an agent',
    plan: joining('192.0.2.1', [{ name: 's1', address: '192.0.2.50', roles: ['agent'] }]),
    at: { cluster: 0, nodes: [0] },
  },
  {
    rule: 'registration-lb-joins-itself',
    note: 's2 and s3 join through the load balancer that forwards to them; a second s2 is an agent outside the pool',
    plan: joining('rke2.example.com', [{ name: 's2', address: '192.0.2.50', roles: ['agent'] }], {
      address: 'rke2.example.com',
      ports: [9345, 6443, 80, 443],
      targets: ['192.0.2.1', '192.0.2.2', '192.0.2.3'],
    }),
    at: { cluster: 0, nodes: [1, 2] },
  },
  {
    rule: 'rke-each-role',
    note: 'external etcd and etcd nodes; a second e1 is a worker',
    plan: plusOne({ name: 'e1', address: '10.1.0.31', roles: ['worker'] }, { datastore: 'external' }),
    message: /external etcd/,
    at: { cluster: 0, nodes: [0, 1, 2] },
  },
  {
    rule: 'separate-rancher-from-downstream',
    note: "a second w1 downstream on Rancher node r2's address",
    plan: rancherOn(rancherRke(), '2.4.8', [{ name: 'prod', nodes: [...minimumDownstreamNodes(), { name: 'w1', address: '10.0.0.2', roles: ['worker'] }] }]),
    at: { cluster: 1, nodes: [7] },
  },
  {
    rule: 'server-node-size',
    note: 'a second s1 below the sizing guide',
    plan: {
      clusters: [
        {
          name: 'edge',
          distribution: 'k3s',
          nodes: [
            ...[1, 2, 3].map((i) => ({ name: `s${i}`, roles: ['server' as const], cpu: 8, memoryGiB: 32 })),
            { name: 's1', roles: ['server'], cpu: 1, memoryGiB: 1 },
          ],
        },
      ],
    },
    at: { cluster: 0, nodes: [3] },
  },
  {
    rule: 'zones-controlplane-with-workers',
    note: 'w2 works in zone b, which has no controlplane; a second w2 works in zone a, which has',
    plan: downstream([
      ...['a', 'b', 'c'].map((zone, i) => ({ name: `e${i + 1}`, roles: ['etcd' as const], zone })),
      { name: 'c1', roles: ['controlplane'], zone: 'a' },
      { name: 'w1', roles: ['worker'], zone: 'a' },
      { name: 'w2', roles: ['worker'], zone: 'b' },
      { name: 'w2', roles: ['worker'], zone: 'a' },
    ]),
    at: { cluster: 0, nodes: [5] },
  },
  {
    rule: 'zones-etcd-quorum',
    note: 'zone a holds two of three members; a second e1 is a worker in zone c',
    plan: downstream([
      { name: 'e1', roles: ['etcd'], zone: 'a' },
      { name: 'e2', roles: ['etcd'], zone: 'a' },
      { name: 'e3', roles: ['etcd'], zone: 'b' },
      { name: 'c1', roles: ['controlplane'], zone: 'a' },
      { name: 'c2', roles: ['controlplane'], zone: 'b' },
      { name: 'w1', roles: ['worker'], zone: 'a' },
      { name: 'e1', roles: ['worker'], zone: 'c' },
    ]),
    at: { cluster: 0, nodes: [0, 1] },
  },
  {
    rule: 'zones-workers-spread',
    note: 'every worker is in zone a; a second w1 is an etcd node in zone b',
    plan: downstream([
      ...['a', 'b', 'c'].map((zone, i) => ({ name: `e${i + 1}`, roles: ['etcd' as const, 'controlplane' as const], zone })),
      { name: 'w1', roles: ['worker'], zone: 'a' },
      { name: 'w2', roles: ['worker'], zone: 'a' },
      { name: 'w1', roles: ['etcd'], zone: 'b' },
    ]),
    at: { cluster: 0, nodes: [3, 4] },
  },
];

/** Findings about a name itself: every entry bearing it is what they are about. */
const NAME_CASES: Case[] = [
  {
    rule: 'plan-node-unique',
    note: 'two entries named w1',
    plan: plusOne({ name: 'w1', address: '10.1.0.31', roles: ['worker'] }),
    message: /share the name/,
    at: { cluster: 0, nodes: [5, 7] },
  },
  {
    rule: 'node-name-dns1123',
    note: 'two entries named Worker_3, which no hostname may be',
    plan: downstream([...minimumDownstreamNodes(), ...[31, 32].map((i) => ({ name: 'Worker_3', address: `10.1.0.${i}`, roles: ['worker' as const] }))]),
    at: { cluster: 0, nodes: [7, 8] },
  },
];

/** Rules whose findings name things that are no node entry: the names are printed, pointing at none. */
const NO_ENTRY: readonly RuleId[] = ['plan-target-known'];

function findingOf(c: Case): Finding {
  const rule = ruleById(c.rule) as Rule;
  const found = checkPlan(validatePlan(c.plan), { rules: [rule] }).findings.filter((f) => f.rule === c.rule && (c.message?.test(f.message) ?? true));
  expect(found, `${c.rule}: ${c.note}`).toHaveLength(1);
  return found[0] as Finding;
}

describe('findings point at the node entries they are about', () => {
  it.each(CASES.map((c) => [`${c.rule}: ${c.note}`, c] as const))('%s', (_, c) => {
    // The case is a fair one: an entry outside the finding shares a name with one inside it.
    const entries = validatePlan(c.plan).clusters[c.at.cluster]?.nodes ?? [];
    const inside = new Set(c.at.nodes.map((i) => entries[i]?.name));
    expect(
      entries.some((n, i) => !c.at.nodes.includes(i) && inside.has(n.name)),
      'a name shared with an entry the rule is not about',
    ).toBe(true);
    const finding = findingOf(c);
    expect(finding.at).toEqual(c.at);
    // The names printed stay the entries' names.
    expect(finding.nodes).toEqual([...new Set(c.at.nodes.map((i) => entries[i]?.name))]);
  });

  it.each(NAME_CASES.map((c) => [`${c.rule}: ${c.note}`, c] as const))('about a name: %s points at every entry bearing it', (_, c) => {
    expect(findingOf(c).at).toEqual(c.at);
  });

  it('plan-target-known: a target that names no node is printed and points at no entry', () => {
    const c: Case = {
      rule: 'plan-target-known',
      note: 'r9 is no node',
      plan: rancherOn(rancherRke({ loadBalancer: { targets: ['r1', 'r2', 'r3', 'r9'] } })),
      at: { cluster: 0, nodes: [] },
    };
    const finding = findingOf(c);
    expect(finding.nodes).toEqual(['r9']);
    expect(finding.at).toEqual(c.at);
  });

  it('covers every rule whose worked examples report nodes', () => {
    const modules = import.meta.glob<{ rule?: Rule; examples?: RuleExamples }>('./catalogue/*.ts', { eager: true });
    const naming = Object.values(modules).flatMap(({ rule, examples }) => {
      if (!rule?.check || !examples) return [];
      const names = examples.fires.some(
        (e) => e.plan !== undefined && checkPlan(validatePlan(e.plan), { rules: [rule] }).findings.some((f) => f.rule === rule.id && f.nodes.length > 0),
      );
      return names ? [rule.id] : [];
    });
    const covered = new Set<string>([...CASES, ...NAME_CASES].map((c) => c.rule).concat(NO_ENTRY));
    expect(naming.length).toBeGreaterThan(20);
    expect(naming.filter((id) => !covered.has(id))).toEqual([]);
  });
});

describe("a reader's findings point at the entries it read", () => {
  it('rke-config-valid in a cluster.yml: the node without a user, not the other entry of its name', () => {
    // Both entries are named 192.0.2.1 (their address); only the second lacks a user and has a role rke does not know.
    const text = [
      'nodes:',
      '  - address: 192.0.2.1',
      '    user: rke',
      '    role: [etcd, controlplane, worker]',
      '  - address: 192.0.2.1',
      '    role: [worker, master]',
      '',
    ].join('\n');
    const read = readInputDetailed(text, { filename: 'cluster.yml' });
    const findings = checkPlan(read.plan, { extraFindings: read.findings }).findings.filter((f) => f.rule === 'rke-config-valid');
    expect(findings.map((f) => [f.nodes, f.at])).toEqual([
      [['192.0.2.1'], { cluster: 0, nodes: [1] }],
      [['192.0.2.1'], { cluster: 0, nodes: [1] }],
    ]);
  });
});
