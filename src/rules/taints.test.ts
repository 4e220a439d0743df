// The role taints by distribution and role combination, as the node-roles page's table states them.
import { describe, expect, it } from 'vitest';
import { taintProblem } from './plan.ts';
import { expectedRoleTaints, parseTaint, roleTaintLabel } from './taints.ts';

describe('role taints', () => {
  it('RKE: value true, controlplane in one word; none on a node with the worker role', () => {
    expect(expectedRoleTaints('rke', ['etcd'])).toEqual(['node-role.kubernetes.io/etcd=true:NoExecute']);
    expect(expectedRoleTaints('rke', ['controlplane'])).toEqual(['node-role.kubernetes.io/controlplane=true:NoSchedule']);
    expect(expectedRoleTaints('rke', ['etcd', 'controlplane'])).toHaveLength(2);
    expect(expectedRoleTaints('rke', ['etcd', 'worker'])).toEqual([]);
  });

  it("Rancher's RKE2 and K3s machines: empty value, control-plane; K3s etcd+controlplane keeps only the control-plane taint", () => {
    expect(expectedRoleTaints('rke2', ['etcd', 'controlplane'])).toEqual([
      'node-role.kubernetes.io/etcd:NoExecute',
      'node-role.kubernetes.io/control-plane:NoSchedule',
    ]);
    expect(expectedRoleTaints('k3s', ['etcd', 'controlplane'])).toEqual(['node-role.kubernetes.io/control-plane:NoSchedule']);
    expect(expectedRoleTaints('k3s', ['etcd'])).toEqual(['node-role.kubernetes.io/etcd:NoExecute']);
  });

  it('standalone servers and agents, and other distributions: none documented', () => {
    expect(expectedRoleTaints('rke2', ['server'])).toBeUndefined();
    expect(expectedRoleTaints('k3s', ['agent'])).toBeUndefined();
    expect(expectedRoleTaints('other', ['controlplane'])).toBeUndefined();
    expect(roleTaintLabel('rke2', ['etcd'])).toEqual({ short: 'etcd:NoExecute', full: 'node-role.kubernetes.io/etcd:NoExecute' });
    expect(roleTaintLabel('rke', ['worker'])?.short).toBe('none');
  });

  it('taint text: key[=value]:Effect', () => {
    expect(parseTaint('CriticalAddonsOnly=true:NoExecute')).toEqual({ key: 'CriticalAddonsOnly', value: 'true', effect: 'NoExecute' });
    expect(parseTaint('node-role.kubernetes.io/etcd:NoExecute')).toEqual({ key: 'node-role.kubernetes.io/etcd', effect: 'NoExecute' });
    for (const ok of ['a:NoSchedule', 'example.com/gpu=true:PreferNoSchedule', 'k=:NoExecute']) expect(taintProblem(ok), ok).toBeUndefined();
    for (const bad of ['gpu', 'gpu:Sometimes', '=x:NoSchedule', 'a b:NoSchedule', 'UPPER.example.com/x:NoSchedule'])
      expect(taintProblem(bad), bad).toBeDefined();
  });
});
