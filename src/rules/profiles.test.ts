// The checker by Rancher version: which rules fire and which stay quiet on each side of every
// boundary where the advice changed, the profile a report names, and the plans issue 12 is
// "done when" it gets right.
import { describe, expect, it } from 'vitest';
import { RULES } from './catalogue/index.ts';
import { aboutRule } from './catalogue/about.ts';
import { checkPlan } from './check.ts';
import { isSourceWhere } from './sources.ts';
import { downstream, minimumDownstreamNodes, nodes, rancherOn, rancherRke } from './example-plans.ts';
import { validatePlan } from './formats/validate.ts';
import { PROFILES, VERSION_CHOICES, choiceFor, profileOf } from './versions.ts';
import type { PlanInput } from './vocabulary.ts';

const check = (input: PlanInput) => checkPlan(validatePlan(input));
const findings = (input: PlanInput, rule: string) => check(input).findings.filter((f) => f.rule === rule);

type Cluster = NonNullable<PlanInput['clusters']>[number];
const k3sRancher = (count: number, datastore: 'embedded' | 'external'): Cluster => ({
  name: 'rancher',
  distribution: 'k3s',
  hosting: 'ec2',
  datastore,
  nodes: nodes('s', count, ['server'], '10.0.0.'),
  loadBalancer: { ports: [80, 443, 6443], targets: nodes('s', count, []).map((n) => n.name) },
});
const rke2Rancher = (ports: number[] = [80, 443, 9345, 6443]): Cluster => ({
  name: 'rancher',
  distribution: 'rke2',
  hosting: 'ec2',
  nodes: nodes('s', 3, ['server'], '10.0.0.'),
  loadBalancer: { ports, targets: ['s1', 's2', 's3'] },
});
const eksRancher: Cluster = { name: 'rancher', distribution: 'eks', nodes: [] };
const prod = (extra: Partial<Cluster> = {}): Cluster => ({ name: 'prod', nodes: minimumDownstreamNodes(), ...extra });
const withVersion = (plan: PlanInput, version: string): PlanInput => ({ ...plan, rancher: { ...plan.rancher, version } });

/** One boundary: the plan, the rule, and the versions just below and at the change. */
interface Boundary {
  rule: string;
  plan: (version: string) => PlanInput;
  below: string;
  at: string;
  /** What happens at `below` and at `at`: a severity, or quiet. */
  expect: [before: 'quiet' | 'error' | 'warning' | 'info', after: 'quiet' | 'error' | 'warning' | 'info'];
}

const BOUNDARIES: Boundary[] = [
  // 2.3.x / 2.4.0
  { rule: 'rancher-distribution-supported', plan: (v) => rancherOn(k3sRancher(2, 'external'), v), below: '2.3.9', at: '2.4.0', expect: ['error', 'quiet'] },
  { rule: 'rancher-k3s-external-datastore', plan: (v) => rancherOn(k3sRancher(3, 'embedded'), v), below: '2.3.9', at: '2.4.0', expect: ['quiet', 'warning'] },
  { rule: 'rancher-k3s-preferred', plan: (v) => rancherOn(rancherRke(), v), below: '2.3.9', at: '2.4.0', expect: ['quiet', 'info'] },
  {
    rule: 'rancher-cluster-ha',
    plan: (v) => rancherOn(rancherRke({ nodes: [{ name: 'r1', address: '10.0.0.1', roles: ['etcd', 'controlplane', 'worker'] }], loadBalancer: undefined }), v),
    below: '2.3.9',
    at: '2.4.0',
    expect: ['warning', 'error'],
  },
  // 2.4.x / 2.5.0
  { rule: 'rancher-distribution-supported', plan: (v) => rancherOn(eksRancher, v), below: '2.4.17', at: '2.5.0', expect: ['error', 'quiet'] },
  { rule: 'rancher-not-managed-kubernetes', plan: (v) => rancherOn(eksRancher, v), below: '2.4.17', at: '2.5.0', expect: ['warning', 'quiet'] },
  { rule: 'rancher-k3s-preferred', plan: (v) => rancherOn(rancherRke(), v), below: '2.4.17', at: '2.5.0', expect: ['info', 'quiet'] },
  { rule: 'rancher-k3s-external-datastore', plan: (v) => rancherOn(k3sRancher(3, 'embedded'), v), below: '2.4.17', at: '2.5.0', expect: ['warning', 'quiet'] },
  {
    rule: 'rancher-cluster-dedicated',
    plan: (v) => rancherOn(rancherRke({ userWorkloads: true }), v),
    below: '2.4.17',
    at: '2.5.0',
    expect: ['warning', 'quiet'],
  },
  {
    rule: 'rancher-cluster-dedicated',
    plan: (v) => rancherOn(rancherRke({ userWorkloads: true }), v, [prod()]),
    below: '2.4.17',
    at: '2.5.0',
    expect: ['warning', 'warning'],
  },
  // 2.5.5 / 2.5.6
  { rule: 'rancher-distribution-supported', plan: (v) => rancherOn(rke2Rancher(), v), below: '2.5.5', at: '2.5.6', expect: ['error', 'quiet'] },
  { rule: 'lb-rke2-registration-ports', plan: (v) => rancherOn(rke2Rancher([80, 443]), v), below: '2.5.5', at: '2.5.6', expect: ['quiet', 'warning'] },
  // 2.5.x / 2.6.0: Rancher provisions RKE2 and K3s from machine pools
  {
    rule: 'downstream-three-etcd',
    plan: (v) => downstream(minimumDownstreamNodes().slice(1), { distribution: 'rke2' }, v),
    below: '2.5.9',
    at: '2.6.0',
    expect: ['quiet', 'warning'],
  },
  {
    rule: 'machine-pools-each-role',
    plan: (v) => downstream(minimumDownstreamNodes().slice(0, 5), { distribution: 'rke2' }, v),
    below: '2.5.9',
    at: '2.6.0',
    expect: ['quiet', 'error'],
  },
  // 2.6.2 / 2.6.3
  {
    rule: 'ace-distribution-supported',
    plan: (v) =>
      downstream(
        [...nodes('s', 3, ['server'], '10.1.0.'), ...nodes('a', 2, ['agent'])],
        { distribution: 'rke2', authorizedEndpoint: { fqdn: 'api.example.com', targets: ['s1', 's2', 's3'] } },
        v,
      ),
    below: '2.6.2',
    at: '2.6.3',
    expect: ['error', 'quiet'],
  },
  {
    rule: 'ace-distribution-supported',
    plan: (v) => downstream(minimumDownstreamNodes(), { distribution: 'rke2', authorizedEndpoint: { fqdn: 'api.example.com', targets: ['c1', 'c2'] } }, v),
    below: '2.5.9',
    at: '2.6.0',
    expect: ['error', 'quiet'],
  },
  // 2.8.x / 2.9.0: RKE1's end of life approaches
  { rule: 'rke1-end-of-life', plan: (v) => rancherOn(rke2Rancher(), v, [prod()]), below: '2.8.9', at: '2.9.0', expect: ['quiet', 'warning'] },
  // 2.11.x / 2.12.0
  { rule: 'rke1-end-of-life', plan: (v) => rancherOn(rke2Rancher(), v, [prod()]), below: '2.11.9', at: '2.12.0', expect: ['warning', 'error'] },
  { rule: 'rke1-end-of-life', plan: (v) => rancherOn(rancherRke(), v), below: '2.11.9', at: '2.12.0', expect: ['warning', 'error'] },
  {
    rule: 'rancher-rke-three-nodes',
    plan: (v) => rancherOn(rancherRke({ nodes: rancherRke().nodes?.slice(0, 2), loadBalancer: { targets: ['r1', 'r2'] } }), v),
    below: '2.11.9',
    at: '2.12.0',
    expect: ['warning', 'quiet'],
  },
  {
    rule: 'downstream-single-role',
    plan: (v) =>
      downstream(
        [
          ...minimumDownstreamNodes().filter((n) => !n.name.startsWith('c')),
          ...[1, 2].map((i) => ({ name: `m${i}`, roles: ['etcd' as const, 'controlplane' as const] })),
        ],
        { distribution: 'rke2' },
        v,
      ),
    below: '2.11.9',
    at: '2.12.0',
    expect: ['warning', 'quiet'],
  },
  {
    rule: 'ace-distribution-supported',
    plan: (v) => downstream(minimumDownstreamNodes(), { authorizedEndpoint: { fqdn: 'api.example.com', targets: ['c1', 'c2'] } }, v),
    below: '2.11.9',
    at: '2.12.0',
    expect: ['quiet', 'error'],
  },
];

describe('rules at each version boundary', () => {
  for (const b of BOUNDARIES) {
    for (const [version, expected] of [
      [b.below, b.expect[0]],
      [b.at, b.expect[1]],
    ] as const) {
      it(`${b.rule} at ${version}: ${expected}`, () => {
        const found = findings(b.plan(version), b.rule);
        if (expected === 'quiet') expect(found).toEqual([]);
        else {
          expect(found.length).toBeGreaterThan(0);
          expect(found.map((f) => f.severity)).toContain(expected);
        }
      });
    }
  }

  it('names the profile each side of a boundary falls in', () => {
    const at = (v: string) => check(withVersion(downstream(), v)).profile.id;
    expect([at('2.3.9'), at('2.4.0'), at('2.4.17'), at('2.5.0'), at('2.11.9'), at('2.12.0'), at('2.15.1')]).toEqual([
      '2.0-2.3',
      '2.4',
      '2.4',
      '2.5-2.11',
      '2.5-2.11',
      '2.12+',
      '2.12+',
    ]);
    expect(check(downstream()).profile).toEqual({ id: '2.4', label: 'Rancher 2.4' });
    expect(PROFILES.map((p) => p.id)).toEqual(['2.0-2.3', '2.4', '2.5-2.11', '2.12+']);
    expect(profileOf('1.6').id).toBe('2.0-2.3');
  });

  it('offers every release from 2.0 to 2.15 as a choice, split where a patch release changed the advice', () => {
    const values = VERSION_CHOICES.map((c) => c.value);
    expect(values.filter((v) => v.split('.').length === 2)).toEqual([...Array(16).keys()].filter((m) => m !== 5 && m !== 6).map((m) => `2.${m}`));
    expect(values.filter((v) => v.split('.').length === 3)).toEqual(['2.5.0', '2.5.6', '2.6.0', '2.6.3']);
    expect(VERSION_CHOICES.find((c) => c.value === '2.5.0')?.label).toBe('2.5.0 – 2.5.5');
    expect(['2.5.5', '2.5.7', '2.6.2', '2.6.3', '2.12.3', '2.16.0'].map((v) => choiceFor(v)?.value)).toEqual([
      '2.5.0',
      '2.5.6',
      '2.6.0',
      '2.6.3',
      '2.12',
      '2.15',
    ]);
    expect(choiceFor('1.6')).toBeUndefined();
    // Every choice falls in exactly one profile, and the profiles keep their order.
    expect(VERSION_CHOICES.map((c) => profileOf(c.value).id)).toEqual(
      [...VERSION_CHOICES.map((c) => profileOf(c.value).id)].sort((a, b) => PROFILES.findIndex((p) => p.id === a) - PROFILES.findIndex((p) => p.id === b)),
    );
  });

  it('changes the Docker message, not its tier, by version', () => {
    const docker = (version: string) => findings({ rancher: { install: 'docker', host: '10.0.0.9', version }, clusters: [] }, 'docker-install-not-production');
    const seed = docker('2.4.8')[0]!;
    const mid = docker('2.8.0')[0]!;
    const late = docker('2.9.0')[0]!;
    expect([seed.severity, mid.severity, late.severity]).toEqual(['warning', 'warning', 'warning']);
    expect(seed.message).not.toMatch(/rancher-backup/);
    expect(mid.message).toMatch(/development and testing only.*rancher-backup/);
    expect(late.message).toMatch(/not supported in production/);
  });

  it('from 2.12, an RKE Rancher cluster is one RKE1 end-of-life error, not a second distribution error', () => {
    const ids = check(rancherOn(rancherRke(), '2.12.0')).findings.map((f) => `${f.rule}:${f.severity}`);
    expect(ids).toContain('rke1-end-of-life:error');
    expect(ids.filter((id) => id.startsWith('rancher-distribution-supported') || id.startsWith('rancher-rke-'))).toEqual([]);
  });

  it('every rule that is bound to versions names its sources', () => {
    const unsourced = RULES.filter((r) => r.versions !== undefined && (aboutRule(r.id).sources ?? []).length === 0).map((r) => r.id);
    expect(unsourced).toEqual([]);
    for (const rule of RULES) for (const s of aboutRule(rule.id).sources ?? []) expect(isSourceWhere(s.where), `${rule.id}: ${s.where}`).toBe(true);
  });
});

describe('issue 12: done when', () => {
  it('a 2.12 plan with an RKE2 Rancher cluster and an RKE1 downstream cluster reports the RKE1 cluster as an error', () => {
    const report = check(rancherOn(rke2Rancher(), '2.12.3', [prod({ distribution: 'rke' })]));
    expect(report.profile.id).toBe('2.12+');
    const eol = report.findings.filter((f) => f.rule === 'rke1-end-of-life');
    expect(eol).toHaveLength(1);
    expect(eol[0]).toMatchObject({ severity: 'error', cluster: 'prod' });
    expect(eol[0]!.message).toMatch(/no longer manages RKE1.*blocked.*RKE2/s);
    expect(report.summary.errors).toBe(1);
  });

  it('a 2.8 plan with three embedded-etcd K3s servers gets no datastore warning', () => {
    const report = check(rancherOn(k3sRancher(3, 'embedded'), '2.8.5'));
    expect(report.findings.filter((f) => f.rule === 'rancher-k3s-external-datastore')).toEqual([]);
    expect(report.summary).toEqual({ errors: 0, warnings: 0, infos: 0 });
  });

  it('a 2.9 RKE2 Rancher cluster whose load balancer forwards only 80 and 443 gets a finding naming 9345 and 6443', () => {
    const found = findings(rancherOn(rke2Rancher([80, 443]), '2.9.2'), 'lb-rke2-registration-ports');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/9345/);
    expect(found[0]!.message).toMatch(/6443/);
  });
});
