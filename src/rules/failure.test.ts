import { describe, expect, it } from 'vitest';
import { failableParts, failureFromKeys, simulateFailure, simulatePlanFailure, smallestBreakingFailure } from './failure.ts';
import { smallestBreakingZones, zonesOf } from './zones.ts';
import { planSchema, type PlanInput } from './plan.ts';
import { PRESETS, RECOMMENDED_PLAN } from './presets.ts';
import { etcdQuorum, failuresTolerated } from './quorum.ts';
import { DOCKER_HOST_KEY, partKey } from './keys.ts';

const plan = (input: PlanInput) => planSchema.parse(input);

describe('etcd arithmetic', () => {
  it('matches the etcd FAQ table', () => {
    const table = [
      [1, 1, 0],
      [2, 2, 0],
      [3, 2, 1],
      [4, 3, 1],
      [5, 3, 2],
      [6, 4, 2],
      [7, 4, 3],
    ];
    for (const [n, q, t] of table) {
      expect(etcdQuorum(n!)).toBe(q);
      expect(failuresTolerated(n!)).toBe(t);
    }
    expect(etcdQuorum(0)).toBe(0);
    expect(failuresTolerated(0)).toBe(0);
  });
});

describe('simulateFailure', () => {
  it('Rancher on three all-role RKE nodes survives one loss and not two', () => {
    const one = simulateFailure(RECOMMENDED_PLAN, 'rancher', ['rancher-1']);
    expect(one).toMatchObject({
      failed: ['rancher-1'],
      etcd: { members: 3, alive: 2, quorum: 2, kept: true },
      apiAvailable: true,
      schedulable: true,
      rancherReachable: true,
    });
    const two = simulateFailure(RECOMMENDED_PLAN, 'rancher', ['rancher-1', 'rancher-3']);
    expect(two).toMatchObject({ etcd: { alive: 1, kept: false }, apiAvailable: false, schedulable: false, rancherReachable: false });
    expect(two.notes.join(' ')).toMatch(/quorum/);
  });

  it('downstream: losing both controlplane nodes stops the API but keeps etcd', () => {
    const out = simulateFailure(RECOMMENDED_PLAN, 'production', ['cp-1', 'cp-2']);
    expect(out).toMatchObject({ etcd: { kept: true }, apiAvailable: false, schedulable: false });
    expect(out.rancherReachable).toBeUndefined();
  });

  it('downstream: losing every worker keeps the API but nothing can be scheduled', () => {
    const out = simulateFailure(RECOMMENDED_PLAN, 'production', ['worker-1', 'worker-2', 'worker-3']);
    expect(out).toMatchObject({ apiAvailable: true, schedulable: false });
  });

  it('K3s with an external datastore: one server is enough', () => {
    const p = PRESETS['rancher-k3s'].plan;
    expect(simulateFailure(p, 'rancher', ['server-1'])).toMatchObject({
      etcd: { external: true, kept: true, members: 0 },
      apiAvailable: true,
      schedulable: true,
      rancherReachable: true,
    });
    expect(simulateFailure(p, 'rancher', ['server-1', 'server-2'])).toMatchObject({ apiAvailable: false, rancherReachable: false });
  });

  it('Rancher is unreachable when every load-balancer target is down even if the cluster lives', () => {
    const p = plan({
      rancher: { cluster: 'rancher' },
      clusters: [
        { name: 'rancher', nodes: [1, 2, 3].map((i) => ({ name: `n${i}`, roles: ['etcd', 'controlplane', 'worker'] })), loadBalancer: { targets: ['n1'] } },
      ],
    });
    expect(simulateFailure(p, 'rancher', ['n1'])).toMatchObject({ apiAvailable: true, schedulable: true, rancherReachable: false });
  });

  it('ignores unknown node names and refuses unknown clusters', () => {
    expect(simulateFailure(RECOMMENDED_PLAN, 'rancher', ['nope']).failed).toEqual([]);
    expect(() => simulateFailure(RECOMMENDED_PLAN, 'nope', [])).toThrow(RangeError);
  });

  it('nothing failed: everything works', () => {
    expect(simulateFailure(RECOMMENDED_PLAN, 'production', [])).toMatchObject({ apiAvailable: true, schedulable: true, etcd: { kept: true } });
  });
});

describe('smallestBreakingFailure', () => {
  it('finds the cheapest break', () => {
    expect(smallestBreakingFailure(RECOMMENDED_PLAN, 'rancher')).toMatchObject({ nodes: ['rancher-1', 'rancher-2'], reason: 'etcd-quorum' });
    expect(smallestBreakingFailure(PRESETS['rancher-k3s'].plan, 'rancher')).toMatchObject({ nodes: ['server-1', 'server-2'], reason: 'no-api-server' });
    const oneCp = plan({
      clusters: [
        {
          name: 'd',
          nodes: [
            { name: 'e1', roles: ['etcd'] },
            { name: 'e2', roles: ['etcd'] },
            { name: 'e3', roles: ['etcd'] },
            { name: 'c', roles: ['controlplane'] },
            { name: 'w', roles: ['worker'] },
          ],
        },
      ],
    });
    expect(smallestBreakingFailure(oneCp, 'd')).toMatchObject({ nodes: ['c'], reason: 'no-api-server' });
  });

  it('reports an already broken cluster with no nodes to fail', () => {
    const noWorker = plan({ clusters: [{ name: 'd', nodes: [{ name: 'e', roles: ['etcd', 'controlplane'] }] }] });
    expect(smallestBreakingFailure(noWorker, 'd')).toMatchObject({ nodes: [], reason: 'no-worker' });
  });

  it('agrees with simulateFailure: the set breaks it, and no smaller prefix of it does', () => {
    for (const [p, name] of [
      [RECOMMENDED_PLAN, 'rancher'],
      [RECOMMENDED_PLAN, 'production'],
      [PRESETS['rancher-k3s'].plan, 'rancher'],
    ] as const) {
      const b = smallestBreakingFailure(p, name)!;
      const broken = (failed: string[]) => {
        const o = simulateFailure(p, name, failed);
        return o.rancherReachable === undefined ? !o.schedulable : !o.rancherReachable;
      };
      expect(broken(b.nodes)).toBe(true);
      // Exhaustive over smaller subsets for these small clusters.
      const nodes = p.clusters.find((c) => c.name === name)!.nodes.map((n) => n.name);
      for (let mask = 0; mask < 1 << nodes.length; mask++) {
        const subset = nodes.filter((_, i) => mask & (1 << i));
        if (subset.length < b.nodes.length) expect(broken(subset)).toBe(false);
      }
    }
  });

  it('returns undefined for a managed cluster with no listed nodes', () => {
    expect(smallestBreakingFailure(plan({ clusters: [{ name: 'm', distribution: 'eks' }] }), 'm')).toBeUndefined();
  });
});

describe('parts that fail besides nodes', () => {
  it('a failed load balancer makes Rancher unreachable while its cluster keeps running', () => {
    const out = simulateFailure(RECOMMENDED_PLAN, 'rancher', [], { loadBalancer: true });
    expect(out).toMatchObject({ apiAvailable: true, schedulable: true, rancherReachable: false, loadBalancerFailed: true });
    expect(out.notes.join(' ')).toMatch(/load balancer is down/);
  });

  it('a downstream load balancer going down leaves scheduling alone', () => {
    const p = plan({ clusters: [{ ...PRESETS['downstream-production'].plan.clusters[0]!, loadBalancer: { targets: ['worker-1'] } }] });
    const out = simulateFailure(p, 'production', [], { loadBalancer: true });
    expect(out).toMatchObject({ apiAvailable: true, schedulable: true, loadBalancerFailed: true });
    expect(out.rancherReachable).toBeUndefined();
  });

  it('a failed external datastore stops the API of a K3s cluster', () => {
    const out = simulateFailure(PRESETS['rancher-k3s'].plan, 'rancher', [], { datastore: true });
    expect(out).toMatchObject({
      etcd: { kept: false, external: true },
      apiAvailable: false,
      schedulable: false,
      rancherReachable: false,
      datastoreFailed: true,
    });
    expect(out.notes.join(' ')).toMatch(/external datastore is down/);
  });

  it('ignores parts a cluster does not have', () => {
    const etcd = simulateFailure(PRESETS['downstream-production'].plan, 'production', [], { loadBalancer: true, datastore: true });
    expect(etcd).toMatchObject({ apiAvailable: true, schedulable: true });
    expect(etcd.loadBalancerFailed).toBeUndefined();
    expect(etcd.datastoreFailed).toBeUndefined();
    const managed = plan({ clusters: [{ name: 'm', distribution: 'eks', nodes: [{ name: 'w', roles: ['worker'] }] }] });
    expect(simulateFailure(managed, 'm', [], { datastore: true })).toMatchObject({ apiAvailable: true, schedulable: true });
  });

  it('lists the parts the what-if can fail', () => {
    expect(failableParts(PRESETS['rancher-k3s'].plan.clusters[0]!)).toEqual(['load-balancer', 'datastore']);
    expect(failableParts(PRESETS['rancher-rke'].plan.clusters[0]!)).toEqual(['load-balancer']);
    expect(failableParts(PRESETS['downstream-production'].plan.clusters[0]!)).toEqual([]);
  });

  it('with parts counted, a single load balancer or datastore is the smallest break', () => {
    expect(smallestBreakingFailure(RECOMMENDED_PLAN, 'rancher', { parts: true })).toMatchObject({
      nodes: [],
      parts: ['load-balancer'],
      reason: 'load-balancer',
    });
    expect(smallestBreakingFailure(RECOMMENDED_PLAN, 'rancher')).toMatchObject({ nodes: ['rancher-1', 'rancher-2'], parts: [] });
    const k3s = plan({ ...PRESETS['rancher-k3s'].plan, clusters: [{ ...PRESETS['rancher-k3s'].plan.clusters[0]!, loadBalancer: undefined }] });
    expect(smallestBreakingFailure(k3s, 'rancher', { parts: true })).toMatchObject({ parts: ['datastore'], reason: 'datastore' });
    // One node already breaks it: a part never wins a tie.
    const single = plan({
      rancher: { cluster: 'r' },
      clusters: [{ name: 'r', nodes: [{ name: 'n', roles: ['etcd', 'controlplane', 'worker'] }], loadBalancer: { targets: ['n'] } }],
    });
    expect(smallestBreakingFailure(single, 'r', { parts: true })).toMatchObject({ nodes: ['n'], parts: [] });
    expect(smallestBreakingFailure(PRESETS['downstream-production'].plan, 'production', { parts: true })?.parts).toEqual([]);
  });
});

describe('the whole plan', () => {
  it('the single Docker install fails with its host', () => {
    const docker = PRESETS['docker-single'].plan;
    expect(simulatePlanFailure(docker, {})).toMatchObject({ clusters: [], rancher: { install: 'docker', reachable: true } });
    const down = simulatePlanFailure(docker, { dockerHost: true });
    expect(down.rancher).toMatchObject({ install: 'docker', reachable: false });
    expect(down.rancher!.notes.join(' ')).toMatch(/Docker host is down/);
  });

  it('a Docker host that is also a node takes that node down with it', () => {
    const p = plan({
      rancher: { install: 'docker', host: '10.0.0.9' },
      clusters: [{ name: 'apps', userWorkloads: true, nodes: [{ name: 'n1', address: '10.0.0.9', roles: ['etcd', 'controlplane', 'worker'] }] }],
    });
    const out = simulatePlanFailure(p, { dockerHost: true });
    expect(out.clusters[0]).toMatchObject({ failed: ['n1'], schedulable: false });
    expect(out.notes.join(' ')).toMatch(/Rancher is down/);
  });

  it('says what a Rancher outage means for the clusters it manages', () => {
    const out = simulatePlanFailure(RECOMMENDED_PLAN, { loadBalancers: ['rancher'] });
    expect(out.rancher).toMatchObject({ install: 'kubernetes', reachable: false });
    expect(out.clusters.find((c) => c.cluster === 'production')).toMatchObject({ schedulable: true });
    expect(out.notes).toEqual([expect.stringMatching(/the cluster it manages keeps running its workloads/)]);
    expect(simulatePlanFailure(RECOMMENDED_PLAN).notes).toEqual([]);
    expect(simulatePlanFailure(PRESETS['downstream-production'].plan).rancher).toBeUndefined();
  });

  it('reads the checker keys back', () => {
    const keys = ['rancher/rancher-1', partKey('rancher', 'load-balancer'), partKey('k3s', 'datastore'), DOCKER_HOST_KEY];
    expect(failureFromKeys(keys)).toEqual({ nodes: ['rancher/rancher-1'], loadBalancers: ['rancher'], datastores: ['k3s'], dockerHost: true });
  });
});

describe('zones', () => {
  const zoned = (zones: string[]) =>
    plan({
      rancher: { cluster: 'rancher' },
      clusters: [
        {
          name: 'rancher',
          nodes: zones.map((zone, i) => ({ name: `n${i + 1}`, zone, roles: ['etcd', 'controlplane', 'worker'] })),
          loadBalancer: { targets: zones.map((_, i) => `n${i + 1}`) },
        },
      ],
    });

  it('lists the zones of the plan with their nodes', () => {
    expect(zonesOf(zoned(['b', 'a', 'b']))).toEqual([
      { zone: 'a', nodes: ['rancher/n2'] },
      { zone: 'b', nodes: ['rancher/n1', 'rancher/n3'] },
    ]);
    expect(zonesOf(RECOMMENDED_PLAN)).toEqual([]);
  });

  it('three zones survive losing any one; losing two breaks etcd', () => {
    const p = zoned(['a', 'b', 'c']);
    for (const zone of ['a', 'b', 'c']) expect(simulatePlanFailure(p, { zones: [zone] }).rancher!.reachable).toBe(true);
    expect(smallestBreakingZones(p, 'rancher')).toMatchObject({ zones: ['a', 'b'], nodes: ['n1', 'n2'], reason: 'etcd-quorum' });
  });

  it('two zones: losing the one with the majority breaks it, the other does not', () => {
    const p = zoned(['a', 'a', 'b']);
    expect(simulatePlanFailure(p, { zones: ['b'] }).rancher!.reachable).toBe(true);
    expect(simulatePlanFailure(p, { zones: ['a'] }).rancher!.reachable).toBe(false);
    expect(smallestBreakingZones(p, 'rancher')).toMatchObject({ zones: ['a'], reason: 'etcd-quorum' });
    expect(smallestBreakingZones(p, 'rancher')!.message).toBe('Losing zone a breaks cluster "rancher": etcd loses quorum.');
  });

  it('nodes without a zone never fail with one', () => {
    const p = plan({
      clusters: [{ name: 'd', nodes: [...PRESETS['downstream-production'].plan.clusters[0]!.nodes.map((n, i) => ({ ...n, zone: i < 1 ? 'a' : undefined }))] }],
    });
    expect(smallestBreakingZones(p, 'd')).toBeUndefined();
    expect(simulatePlanFailure(p, { zones: ['a'] }).clusters[0]).toMatchObject({ failed: ['etcd-1'], schedulable: true });
  });
});
