// The engine: which rules run for a version, how findings are ordered and summarised. Each rule's
// own behaviour is pinned by its examples (catalogue.test.ts).
import { describe, expect, it } from 'vitest';
import { RULES } from './catalogue/index.ts';
import { checkPlan, rulesFor } from './check.ts';
import { downstream, minimumDownstreamNodes, rancherOn, rancherRke } from './example-plans.ts';
import { validatePlan } from './formats/validate.ts';
import type { Finding } from './report.ts';
import { PRESETS, RECOMMENDED_PLAN } from './presets.ts';
import type { PlanInput } from './vocabulary.ts';

const check = (input: PlanInput) => checkPlan(validatePlan(input));
const ids = (input: PlanInput) => check(input).findings.map((f) => f.rule);

describe('checkPlan', () => {
  it('finds no errors or warnings in any preset at its own version (the Docker preset shows its one warning on purpose)', () => {
    for (const id of Object.keys(PRESETS) as (keyof typeof PRESETS)[]) {
      const report = checkPlan(PRESETS[id].plan);
      const serious = report.findings.filter((f) => f.severity !== 'info').map((f) => f.rule);
      expect(serious, id).toEqual(id === 'docker-single' ? ['docker-install-not-production'] : []);
    }
    // Today's layouts are checked at a later Rancher version than the seed's.
    for (const id of ['rancher-rke2', 'rancher-k3s-etcd', 'downstream-rke2-pools'] as const) expect(checkPlan(PRESETS[id].plan).profile.id, id).toBe('2.12+');
    expect(checkPlan(RECOMMENDED_PLAN).summary).toEqual({ errors: 0, warnings: 0, infos: 1 });
  });

  it('summarises each cluster: purpose, roles, datastore, etcd members, quorum, control plane and workers', () => {
    const report = checkPlan(RECOMMENDED_PLAN);
    expect(report.clusters[0]).toEqual({
      name: 'rancher',
      purpose: 'rancher',
      distribution: 'rke',
      nodeCount: 3,
      roles: { etcd: 3, controlplane: 3, worker: 3 },
      datastore: 'etcd',
      etcdMembers: 3,
      quorum: 2,
      failuresTolerated: 1,
      controlPlaneNodes: 3,
      workerNodes: 3,
    });
    expect(report.clusters[1]).toMatchObject({ name: 'production', purpose: 'downstream', etcdMembers: 3, controlPlaneNodes: 2, workerNodes: 3 });
    const k3s = checkPlan(PRESETS['rancher-k3s'].plan).clusters[0];
    expect(k3s).toMatchObject({
      datastore: 'external',
      etcdMembers: 0,
      quorum: 0,
      failuresTolerated: 0,
      roles: { server: 2 },
      controlPlaneNodes: 2,
      workerNodes: 2,
    });
  });

  it('counts K3s and RKE2 servers on embedded etcd as members, and a SQLite server as none', () => {
    const summary = (distribution: 'k3s' | 'rke2', datastore?: 'sqlite' | 'embedded') =>
      check({
        clusters: [
          { name: 'c', distribution, ...(datastore ? { datastore } : {}), nodes: [1, 2, 3].map((i) => ({ name: `s${i}`, roles: ['server' as const] })) },
        ],
      }).clusters[0];
    expect(summary('rke2')).toMatchObject({ datastore: 'etcd', etcdMembers: 3, quorum: 2 });
    expect(summary('k3s', 'embedded')).toMatchObject({ etcdMembers: 3 });
    expect(summary('k3s', 'sqlite')).toMatchObject({ datastore: 'sqlite', etcdMembers: 0, quorum: 0 });
  });

  it('orders findings: plan-wide first, then by cluster, then catalogue order', () => {
    const report = check({
      rancher: { install: 'docker', host: '10.9.9.9' },
      clusters: [
        {
          name: 'b',
          nodes: [
            { name: 'x', address: '10.0.0.1', roles: ['etcd', 'worker'] },
            { name: 'x', address: '10.0.0.2', roles: ['controlplane'] },
          ],
        },
        { name: 'a', nodes: [{ name: 'y', address: '10.0.0.3', roles: ['worker'] }] },
      ],
    });
    const order = report.findings.map((f) => `${f.cluster ?? '-'}:${f.rule}`);
    expect(order[0]).toBe('-:docker-install-not-production');
    const firstA = order.findIndex((o) => o.startsWith('a:'));
    expect(firstA).toBeGreaterThan(order.findIndex((o) => o.startsWith('b:')));
    expect(order.slice(firstA).every((o) => o.startsWith('a:'))).toBe(true);
    const ruleIndex = (id: string) => RULES.findIndex((r) => r.id === id);
    const bRules = report.findings.filter((f) => f.cluster === 'b').map((f) => ruleIndex(f.rule));
    expect(bRules.length).toBeGreaterThan(1);
    expect(bRules).toEqual([...bRules].sort((p, q) => p - q));
  });

  it('merges extra findings from readers into the order', () => {
    const extra: Finding = {
      rule: 'rke-config-valid',
      severity: 'error',
      cluster: 'prod',
      nodes: ['w1'],
      message: 'x.',
      docs: 'rke-cluster/#what-rke-itself-requires',
    };
    const report = checkPlan(validatePlan(downstream(undefined, {}, '2.4.8')), { extraFindings: [extra] });
    expect(report.findings).toEqual([extra]);
    expect(report.summary.errors).toBe(1);
  });
});

describe('versions', () => {
  it('names the version and profile it checked against; a plan without one is checked as 2.4 with a note', () => {
    const unset = check(downstream());
    expect(unset).toMatchObject({ rancherVersion: '2.4', profile: { id: '2.4' } });
    expect(unset.findings.map((f) => f.rule)).toContain('rancher-version-unset');
    const set = check(downstream(undefined, {}, 'v2.9.3'));
    expect(set).toMatchObject({ rancherVersion: '2.9.3', profile: { id: '2.5-2.11' } });
    expect(set.findings.map((f) => f.rule)).not.toContain('rancher-version-unset');
  });

  it('applies a rule only inside its version range', () => {
    const k3sPreferred = RULES.find((r) => r.id === 'rancher-k3s-preferred');
    expect(rulesFor('2.3.9')).not.toContain(k3sPreferred);
    expect(rulesFor('2.4.0')).toContain(k3sPreferred);
    expect(rulesFor('2.4.99')).toContain(k3sPreferred);
    expect(rulesFor('2.5.0')).not.toContain(k3sPreferred);
    expect(ids(rancherOn(rancherRke(), '2.5.0'))).not.toContain('rancher-k3s-preferred');
    expect(ids(rancherOn({ name: 'rancher', distribution: 'eks', nodes: [] }, '2.5.0'))).not.toContain('rancher-not-managed-kubernetes');
  });

  it('has no authorized-endpoint advice before Rancher 2.2, when the endpoint did not exist, only the note that it does not', () => {
    const ace = downstream(minimumDownstreamNodes(), { authorizedEndpoint: { privateCA: true } });
    expect(ids({ ...ace, rancher: { version: '2.1.9' } }).filter((id) => id.startsWith('ace-'))).toEqual(['ace-distribution-supported']);
    expect(ids({ ...ace, rancher: { version: '2.2.0' } })).toContain('ace-fqdn');
    expect(ids({ ...ace, rancher: { version: '2.2.0' } })).not.toContain('ace-distribution-supported');
  });
});
