import { describe, expect, it } from 'vitest';
import { simulateFailure, smallestBreakingFailure } from './failure.ts';
import { planSchema, type PlanInput } from './plan.ts';
import { PRESETS, RECOMMENDED_PLAN } from './presets.ts';
import { etcdQuorum, failuresTolerated } from './quorum.ts';

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
