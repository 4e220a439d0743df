import { describe, expect, it } from 'vitest';
import { PRESETS } from '../../rules/presets.ts';
import { checkPlan } from '../../rules/check.ts';
import { diffFindings, diffNodes } from './compare.ts';

describe('compare', () => {
  it('lists the findings only one plan has', () => {
    const a = checkPlan(PRESETS['downstream-production'].plan);
    const changed = structuredClone(PRESETS['downstream-production'].plan);
    changed.clusters[0]!.nodes[5]!.roles.push('etcd');
    const b = checkPlan(changed);
    const diff = diffFindings(b.findings, a.findings);
    expect(diff.onlyA.map((f) => f.rule)).toContain('etcd-odd-members');
    expect(diff.onlyB).toEqual([]);
    expect(diff.both).toBe(b.findings.length - diff.onlyA.length);
    expect(diffFindings(a.findings, a.findings)).toEqual({ onlyA: [], onlyB: [], both: a.findings.length });
  });

  it('lists the nodes only one plan has and the nodes whose roles differ, even when the findings are the same', () => {
    const a = PRESETS['downstream-production'].plan;
    const b = structuredClone(a);
    const cluster = b.clusters[0]!;
    const worker = cluster.nodes.find((n) => n.roles.join() === 'worker')!;
    cluster.nodes.push({ ...structuredClone(worker), name: 'worker-extra', address: '10.1.0.99' });
    expect(diffFindings(checkPlan(a).findings, checkPlan(b).findings)).toMatchObject({ onlyA: [], onlyB: [] });
    expect(diffNodes(a, b)).toEqual({ onlyA: [], onlyB: [`${cluster.name}/worker-extra`], roles: [] });
    const moved = structuredClone(b);
    moved.clusters[0]!.nodes[0]!.roles = ['etcd', 'worker'];
    expect(diffNodes(b, moved).roles).toEqual([
      { node: `${cluster.name}/${cluster.nodes[0]!.name}`, rolesA: cluster.nodes[0]!.roles, rolesB: ['etcd', 'worker'] },
    ]);
    expect(diffNodes(a, a)).toEqual({ onlyA: [], onlyB: [], roles: [] });
  });
});
