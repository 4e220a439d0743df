import { describe, expect, it } from 'vitest';
import { RULES, ruleById } from './catalogue/index.ts';
import { checkPlan } from './check.ts';
import { RULE_DOCS } from './docs-links.ts';
import { planSchema, type Plan, type PlanInput } from './plan.ts';
import { PRESETS, RECOMMENDED_PLAN } from './presets.ts';

const plan = (input: PlanInput): Plan => planSchema.parse(input);
const all = ['etcd', 'controlplane', 'worker'] as const;
const rke3 = (prefix = 'r', extra: object = {}) => ({
  name: 'rancher',
  distribution: 'rke' as const,
  hosting: 'ec2' as const,
  nodes: [1, 2, 3].map((i) => ({ name: `${prefix}${i}`, address: `10.0.0.${i}`, roles: [...all] })),
  loadBalancer: { targets: [`${prefix}1`, `${prefix}2`, `${prefix}3`] },
  ...extra,
});
const rancherOn = (cluster: object, version = '2.4.8'): PlanInput => ({
  rancher: { version, install: 'kubernetes', cluster: 'rancher' },
  clusters: [cluster as never],
});
const downstream = (nodes: { name: string; address?: string; roles: string[] }[], extra: object = {}): PlanInput => ({
  clusters: [{ name: 'prod', distribution: 'rke', nodes: nodes as never, ...extra }],
});
const goodDownstreamNodes = () => [
  ...[1, 2, 3].map((i) => ({ name: `e${i}`, address: `10.1.0.${i}`, roles: ['etcd'] })),
  ...[1, 2].map((i) => ({ name: `c${i}`, address: `10.1.0.1${i}`, roles: ['controlplane'] })),
  { name: 'w1', address: '10.1.0.21', roles: ['worker'] },
];

const fired = (input: PlanInput, rule: string) => checkPlan(plan(input)).findings.filter((f) => f.rule === rule);

// Each rule: a plan that triggers it and a close neighbour that does not.
const cases: Record<string, { fires: PlanInput; quiet: PlanInput; nodes?: string[] }> = {
  'plan-node-unique': {
    fires: downstream([...goodDownstreamNodes(), { name: 'w1', address: '10.1.0.99', roles: ['worker'] }]),
    quiet: downstream([...goodDownstreamNodes(), { name: 'w2', address: '10.1.0.99', roles: ['worker'] }]),
    nodes: ['w1'],
  },
  'plan-target-known': {
    fires: rancherOn(rke3('r', { loadBalancer: { targets: ['r1', 'r2', 'r3', 'r9'] } })),
    quiet: rancherOn(rke3()),
    nodes: ['r9'],
  },
  'plan-cluster-unique': {
    fires: { clusters: [{ name: 'a', nodes: goodDownstreamNodes() as never }, { name: 'a', nodes: goodDownstreamNodes() as never }] },
    quiet: { clusters: [{ name: 'a', nodes: goodDownstreamNodes() as never }, { name: 'b', nodes: goodDownstreamNodes() as never }] },
  },
  'plan-role-distribution': {
    fires: { clusters: [{ name: 'k', distribution: 'k3s', datastore: 'external', nodes: [{ name: 's1', roles: ['server'] }, { name: 's2', roles: ['etcd'] }] }] },
    quiet: { clusters: [{ name: 'k', distribution: 'k3s', datastore: 'external', nodes: [{ name: 's1', roles: ['server'] }, { name: 's2', roles: ['agent'] }] }] },
    nodes: ['s2'],
  },
  'separate-rancher-from-downstream': {
    fires: { ...rancherOn(rke3()), clusters: [rke3() as never, { name: 'prod', nodes: [...goodDownstreamNodes(), { name: 'shared', address: '10.0.0.2', roles: ['worker'] }] as never }] },
    quiet: { ...rancherOn(rke3()), clusters: [rke3() as never, { name: 'prod', nodes: goodDownstreamNodes() as never }] },
    nodes: ['shared'],
  },
  'rancher-cluster-dedicated': { fires: rancherOn(rke3('r', { userWorkloads: true })), quiet: rancherOn(rke3()) },
  'docker-install-not-production': {
    fires: { rancher: { install: 'docker', host: '10.0.0.9' }, clusters: [] },
    quiet: rancherOn(rke3()),
  },
  'rancher-cluster-ha': {
    fires: rancherOn(rke3('r', { nodes: [{ name: 'r1', address: '10.0.0.1', roles: [...all] }], loadBalancer: { targets: ['r1'] } })),
    quiet: rancherOn(rke3()),
  },
  'rancher-distribution-supported': {
    fires: rancherOn({ name: 'rancher', distribution: 'k3s', datastore: 'external', hosting: 'ec2', nodes: [{ name: 's1', roles: ['server'] }, { name: 's2', roles: ['server'] }], loadBalancer: { targets: ['s1', 's2'] } }, '2.3.5'),
    quiet: rancherOn({ name: 'rancher', distribution: 'k3s', datastore: 'external', hosting: 'ec2', nodes: [{ name: 's1', roles: ['server'] }, { name: 's2', roles: ['server'] }], loadBalancer: { targets: ['s1', 's2'] } }, '2.4.0'),
  },
  'rancher-k3s-preferred': { fires: rancherOn(rke3(), '2.4.8'), quiet: rancherOn(rke3(), '2.3.9') },
  'rancher-rke-three-nodes': {
    fires: rancherOn(rke3('r', { nodes: [1, 2, 3, 4].map((i) => ({ name: `r${i}`, address: `10.0.0.${i}`, roles: [...all] })), loadBalancer: { targets: ['r1', 'r2', 'r3', 'r4'] } })),
    quiet: rancherOn(rke3()),
  },
  'rancher-rke-all-roles': {
    fires: rancherOn(rke3('r', { nodes: [...[1, 2].map((i) => ({ name: `r${i}`, address: `10.0.0.${i}`, roles: [...all] })), { name: 'r3', roles: ['worker', 'etcd'] }] })),
    quiet: rancherOn(rke3()),
    nodes: ['r3'],
  },
  'rancher-k3s-external-datastore': {
    fires: rancherOn({ name: 'rancher', distribution: 'k3s', datastore: 'embedded', nodes: [1, 2, 3].map((i) => ({ name: `s${i}`, roles: ['server'] })), loadBalancer: { targets: ['s1', 's2', 's3'] } }),
    quiet: rancherOn({ name: 'rancher', distribution: 'k3s', datastore: 'external', nodes: [1, 2].map((i) => ({ name: `s${i}`, roles: ['server'] })), loadBalancer: { targets: ['s1', 's2'] } }),
  },
  'rancher-not-managed-kubernetes': {
    fires: rancherOn({ name: 'rancher', distribution: 'eks', nodes: [] }, '2.4.8'),
    quiet: rancherOn(rke3(), '2.4.8'),
  },
  'rancher-hosted-infrastructure': { fires: rancherOn(rke3('r', { hosting: 'on-premises' })), quiet: rancherOn(rke3('r', { hosting: 'gce' })) },
  'lb-present': { fires: rancherOn(rke3('r', { loadBalancer: undefined })), quiet: rancherOn(rke3()) },
  'lb-layer-4': { fires: rancherOn(rke3('r', { loadBalancer: { layer: 7, targets: ['r1', 'r2', 'r3'] } })), quiet: rancherOn(rke3()) },
  'lb-ports-80-443': { fires: rancherOn(rke3('r', { loadBalancer: { ports: [443], targets: ['r1', 'r2', 'r3'] } })), quiet: rancherOn(rke3()) },
  'lb-all-nodes': { fires: rancherOn(rke3('r', { loadBalancer: { targets: ['r1', 'r3'] } })), quiet: rancherOn(rke3()), nodes: ['r2'] },
  'lb-tls-at-ingress': {
    fires: rancherOn(rke3('r', { loadBalancer: { tlsTermination: 'load-balancer', targets: ['r1', 'r2', 'r3'] } })),
    quiet: rancherOn(rke3()),
  },
  'rke-each-role': {
    fires: downstream(goodDownstreamNodes().filter((n) => n.name !== 'w1')),
    quiet: downstream(goodDownstreamNodes()),
  },
  'etcd-odd-members': {
    fires: downstream([...goodDownstreamNodes(), { name: 'e4', roles: ['etcd'] }]),
    quiet: downstream([...goodDownstreamNodes(), { name: 'e4', roles: ['etcd'] }, { name: 'e5', roles: ['etcd'] }]),
  },
  'etcd-max-members': {
    fires: downstream([...goodDownstreamNodes(), ...[4, 5, 6, 7, 8, 9].map((i) => ({ name: `e${i}`, roles: ['etcd'] }))]),
    quiet: downstream([...goodDownstreamNodes(), ...[4, 5, 6, 7].map((i) => ({ name: `e${i}`, roles: ['etcd'] }))]),
  },
  'downstream-single-role': {
    fires: downstream([...goodDownstreamNodes(), { name: 'mixed', roles: ['controlplane', 'worker'] }]),
    quiet: downstream(goodDownstreamNodes()),
    nodes: ['mixed'],
  },
  'downstream-three-etcd': { fires: downstream(goodDownstreamNodes().filter((n) => n.name !== 'e3')), quiet: downstream(goodDownstreamNodes()) },
  'downstream-two-controlplane': { fires: downstream(goodDownstreamNodes().filter((n) => n.name !== 'c2')), quiet: downstream(goodDownstreamNodes()) },
  'ace-fqdn': {
    fires: downstream(goodDownstreamNodes(), { authorizedEndpoint: { targets: [] } }),
    quiet: downstream(goodDownstreamNodes(), { authorizedEndpoint: { fqdn: 'api.example.com', targets: ['c1', 'c2'] } }),
  },
  'ace-controlplane-targets': {
    fires: downstream(goodDownstreamNodes(), { authorizedEndpoint: { fqdn: 'api.example.com', targets: ['c1', 'w1'] } }),
    quiet: downstream(goodDownstreamNodes(), { authorizedEndpoint: { fqdn: 'api.example.com', targets: ['c1', 'c2'] } }),
  },
  'ace-ca-certificate': {
    fires: downstream(goodDownstreamNodes(), { authorizedEndpoint: { fqdn: 'api.example.com', targets: ['c1', 'c2'], privateCA: true } }),
    quiet: downstream(goodDownstreamNodes(), { authorizedEndpoint: { fqdn: 'api.example.com', targets: ['c1', 'c2'], privateCA: true, caCertificate: true } }),
  },
};

describe('the rule catalogue', () => {
  it('has unique ids, each with a docs anchor from the one map', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of RULES) {
      expect(rule.docs).toBe(RULE_DOCS[rule.id as keyof typeof RULE_DOCS]);
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.rationale.length).toBeGreaterThan(20);
    }
  });

  it('covers every documented rule id and the ids the issue lists', () => {
    expect(RULES.map((r) => r.id).sort()).toEqual(Object.keys(RULE_DOCS).sort());
    // The catalogue promised in the rules issue: these ids are public and must stay.
    const promised = [
      'plan-node-unique', 'plan-target-known', 'separate-rancher-from-downstream', 'rancher-cluster-dedicated',
      'docker-install-not-production', 'rancher-cluster-ha', 'rancher-distribution-supported', 'rancher-k3s-preferred',
      'rancher-rke-three-nodes', 'rancher-rke-all-roles', 'rancher-k3s-external-datastore', 'rancher-not-managed-kubernetes',
      'rancher-hosted-infrastructure', 'lb-present', 'lb-layer-4', 'lb-ports-80-443', 'lb-all-nodes', 'lb-tls-at-ingress',
      'rke-each-role', 'etcd-odd-members', 'downstream-single-role', 'downstream-three-etcd', 'downstream-two-controlplane',
      'ace-fqdn', 'ace-controlplane-targets', 'ace-ca-certificate',
    ];
    expect(promised.filter((id) => !ruleById(id))).toEqual([]);
  });

  it('drops the 2.4-only advice (K3s preference, no managed Kubernetes) from Rancher 2.5 on', () => {
    const ids = (p: ReturnType<typeof rancherOn>) => checkPlan(plan(p)).findings.map((f) => f.rule);
    expect(ids(rancherOn(rke3(), '2.5.0'))).not.toContain('rancher-k3s-preferred');
    expect(ids(rancherOn({ name: 'rancher', distribution: 'eks', nodes: [] }, '2.5.0'))).not.toContain('rancher-not-managed-kubernetes');
  });

  it('says in rancher-cluster-ha that the tier depends on the version', () => {
    expect(ruleById('rancher-cluster-ha')?.title).toMatch(/2\.4/);
  });

  for (const rule of RULES) {
    if (rule.id === 'rke-config-valid') continue; // reported by the cluster.yml reader (formats tests)
    const c = cases[rule.id];
    describe(rule.id, () => {
      it('has test cases', () => expect(c).toBeDefined());
      if (!c) return;
      it('fires', () => {
        const found = fired(c.fires, rule.id);
        expect(found.length).toBeGreaterThan(0);
        for (const f of found) {
          expect(f.docs).toBe(rule.docs);
          expect(f.message).toMatch(/\.$/);
        }
        if (c.nodes) expect(found[0]?.nodes).toEqual(c.nodes);
      });
      it('does not fire', () => expect(fired(c.quiet, rule.id)).toEqual([]));
    });
  }
});

describe('rule details', () => {
  it('rancher-cluster-ha is an error from 2.4 and a warning before', () => {
    const small = rke3('r', { nodes: [{ name: 'r1', roles: [...all] }], loadBalancer: undefined });
    expect(fired(rancherOn(small, '2.4.0'), 'rancher-cluster-ha')[0]?.severity).toBe('error');
    expect(fired(rancherOn(small, 'v2.3.6'), 'rancher-cluster-ha')[0]?.severity).toBe('warning');
  });

  it('rancher-cluster-ha: K3s needs 2 servers with an external datastore, 3 with embedded', () => {
    const k3s = (n: number, datastore: 'external' | 'embedded') =>
      rancherOn({ name: 'rancher', distribution: 'k3s', datastore, nodes: Array.from({ length: n }, (_, i) => ({ name: `s${i}`, roles: ['server'] })) });
    expect(fired(k3s(1, 'external'), 'rancher-cluster-ha')).toHaveLength(1);
    expect(fired(k3s(2, 'external'), 'rancher-cluster-ha')).toHaveLength(0);
    expect(fired(k3s(2, 'embedded'), 'rancher-cluster-ha')).toHaveLength(1);
    expect(fired(k3s(3, 'embedded'), 'rancher-cluster-ha')).toHaveLength(0);
  });

  it('rancher-distribution-supported: 2.4 allows RKE and K3s, not RKE2; 2.5+ is not judged', () => {
    const rke2 = { name: 'rancher', distribution: 'rke2', nodes: [1, 2, 3].map((i) => ({ name: `s${i}`, roles: ['server'] })) };
    expect(fired(rancherOn(rke2, '2.4.3'), 'rancher-distribution-supported')).toHaveLength(1);
    expect(fired(rancherOn(rke2, '2.6.0'), 'rancher-distribution-supported')).toHaveLength(0);
  });

  it('rke-each-role names each missing role, and accepts external etcd', () => {
    const onlyWorkers = fired(downstream([{ name: 'w', roles: ['worker'] }]), 'rke-each-role');
    expect(onlyWorkers.map((f) => f.message)).toEqual([expect.stringMatching(/etcd role/), expect.stringMatching(/controlplane role/)]);
    expect(fired(downstream([{ name: 'c', roles: ['controlplane', 'worker'] }], { datastore: 'external' }), 'rke-each-role')).toEqual([]);
  });

  it('etcd-odd-members counts K3s embedded servers, not external-datastore servers', () => {
    const k3s = (datastore: string) => ({ clusters: [{ name: 'k', distribution: 'k3s', datastore, nodes: [1, 2].map((i) => ({ name: `s${i}`, roles: ['server'] })) }] }) as PlanInput;
    expect(fired(k3s('embedded'), 'etcd-odd-members')).toHaveLength(1);
    expect(fired(k3s('external'), 'etcd-odd-members')).toHaveLength(0);
  });

  it('plan-target-known catches a rancher.cluster that names nothing, and a missing one', () => {
    expect(fired({ rancher: { cluster: 'nope' }, clusters: [rke3() as never] }, 'plan-target-known')).toHaveLength(1);
    expect(fired({ rancher: {}, clusters: [rke3() as never] }, 'plan-target-known')[0]?.message).toMatch(/rancher\.cluster is not set/);
  });

  it('separation also covers the Docker host', () => {
    const found = fired({ rancher: { install: 'docker', host: '10.1.0.21' }, clusters: [{ name: 'prod', nodes: goodDownstreamNodes() as never }] }, 'separate-rancher-from-downstream');
    expect(found[0]?.nodes).toEqual(['w1']);
    expect(found[0]?.message).toMatch(/Docker host/);
  });
});

describe('checkPlan', () => {
  it('finds no errors or warnings in the presets that mirror the guidance', () => {
    for (const id of ['rancher-rke', 'rancher-k3s', 'downstream-production'] as const) {
      const report = checkPlan(PRESETS[id].plan);
      expect(report.findings.filter((f) => f.severity !== 'info'), id).toEqual([]);
    }
    expect(checkPlan(RECOMMENDED_PLAN).summary).toEqual({ errors: 0, warnings: 0, infos: 1 });
  });

  it('summarises each cluster: purpose, roles, etcd members, quorum, failures tolerated', () => {
    const report = checkPlan(RECOMMENDED_PLAN);
    expect(report.clusters).toEqual([
      { name: 'rancher', purpose: 'rancher', distribution: 'rke', nodeCount: 3, roles: { etcd: 3, controlplane: 3, worker: 3 }, etcdMembers: 3, quorum: 2, failuresTolerated: 1 },
      { name: 'production', purpose: 'downstream', distribution: 'rke', nodeCount: 8, roles: { etcd: 3, controlplane: 2, worker: 3 }, etcdMembers: 3, quorum: 2, failuresTolerated: 1 },
    ]);
    const k3s = checkPlan(PRESETS['rancher-k3s'].plan).clusters[0];
    expect(k3s).toMatchObject({ etcdMembers: 0, quorum: 0, failuresTolerated: 0, roles: { server: 2 } });
  });

  it('orders findings: plan-wide first, then by cluster, then catalogue order', () => {
    const report = checkPlan(
      plan({
        rancher: { install: 'docker', host: '10.9.9.9' },
        clusters: [
          { name: 'b', nodes: [{ name: 'x', roles: ['etcd', 'worker'] }, { name: 'x', roles: ['controlplane'] }] },
          { name: 'a', nodes: [{ name: 'y', roles: ['worker'] }] },
        ],
      }),
    );
    const order = report.findings.map((f) => `${f.cluster ?? '-'}:${f.rule}`);
    expect(order[0]).toBe('-:docker-install-not-production');
    const firstA = order.findIndex((o) => o.startsWith('a:'));
    expect(order.slice(firstA).every((o) => o.startsWith('a:'))).toBe(true);
    const ruleIndex = (id: string) => RULES.findIndex((r) => r.id === id);
    const bRules = report.findings.filter((f) => f.cluster === 'b').map((f) => ruleIndex(f.rule));
    expect(bRules).toEqual([...bRules].sort((p, q) => p - q));
    expect(checkPlan(report.findings.length ? plan({ clusters: [] }) : plan({}))).toEqual({ findings: [], clusters: [], summary: { errors: 0, warnings: 0, infos: 0 } });
  });

  it('merges extra findings from readers into the order', () => {
    const extra = { rule: 'rke-config-valid', severity: 'error' as const, cluster: 'prod', nodes: ['w1'], message: 'x.', docs: RULE_DOCS['rke-config-valid'] };
    const report = checkPlan(plan(downstream(goodDownstreamNodes())), { extraFindings: [extra] });
    expect(report.findings).toEqual([extra]);
    expect(report.summary.errors).toBe(1);
  });
});
