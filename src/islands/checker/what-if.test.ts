import { describe, expect, it } from 'vitest';
import { smallestBreakingFailure } from '../../rules/failure.ts';
import { planSchema } from '../../rules/plan.ts';
import { RECOMMENDED_PLAN } from '../../rules/presets.ts';
import { breakKeys, failedNodeKeys, failedSummary, toggleZone, zoneRows } from './what-if.ts';
import { collapsibleGroups } from './CheckerDiagram.tsx';
import { sizedPlan } from '../../diagrams/test-plans.ts';

const zoned = planSchema.parse({
  rancher: { cluster: 'rancher' },
  clusters: [
    { name: 'rancher', nodes: ['a', 'b', 'c'].map((zone, i) => ({ name: `r${i + 1}`, zone, roles: ['etcd', 'controlplane', 'worker'] })) },
    { name: 'apps', nodes: [{ name: 'w1', zone: 'b', roles: ['etcd', 'controlplane', 'worker'] }] },
  ],
});

describe('what-if keys', () => {
  it('says which zones are up, partly down or lost', () => {
    expect(zoneRows(zoned, ['rancher/r2']).map((z) => [z.zone, z.state])).toEqual([
      ['a', 'up'],
      ['b', 'partly'],
      ['c', 'up'],
    ]);
    expect(zoneRows(zoned, ['rancher/r2', 'apps/w1']).find((z) => z.zone === 'b')!.state).toBe('lost');
  });

  it('losing a zone fails its nodes in every cluster, and bringing it back clears them', () => {
    const [, b] = zoneRows(zoned, ['rancher/r1']);
    const lost = toggleZone(['rancher/r1'], b!);
    expect(lost).toEqual(['rancher/r1', 'rancher/r2', 'apps/w1']);
    const back = toggleZone(lost, zoneRows(zoned, lost)[1]!);
    expect(back).toEqual(['rancher/r1']);
  });

  it('replaces one cluster’s marks with its breaking failure, parts included', () => {
    const found = smallestBreakingFailure(RECOMMENDED_PLAN, 'rancher', { parts: true })!;
    expect(breakKeys(['rancher/rancher-3', 'production/etcd-1'], found)).toEqual(['production/etcd-1', 'rancher/#load-balancer']);
  });

  it('counts nodes apart from parts', () => {
    const keys = ['rancher/rancher-1', 'rancher/#load-balancer', '#docker-host'];
    expect(failedNodeKeys(keys)).toEqual(['rancher/rancher-1']);
    expect(failedSummary(keys)).toBe('1 node and 2 other parts');
    expect(failedSummary(['#docker-host'])).toBe('1 part');
    expect(failedSummary(['a/b', 'a/c'])).toBe('2 nodes');
  });

  it('lists the role groups big enough to collapse', () => {
    expect(collapsibleGroups(RECOMMENDED_PLAN)).toEqual([]);
    expect(collapsibleGroups(sizedPlan(300))).toEqual([{ key: 'apps/worker', cluster: 'apps', label: 'worker', count: 289 }]);
  });
});
