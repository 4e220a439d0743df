// The taints RKE and Rancher put on nodes that should run no ordinary workloads, by role, and how a
// taint written as key[=value]:Effect reads. Facts: rke services/workerplane.go (taints only on
// nodes without the worker role, value "true"); Rancher's planner for RKE2 and K3s machines (key
// and effect, empty value; K3s etcd+controlplane nodes get only the control-plane taint).
import { isRancherBuilt, isServerRoleDistribution } from './cluster-facts.ts';
import type { Distribution, NodeRole } from './vocabulary.ts';

export interface Taint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/** node-role.kubernetes.io/etcd:NoExecute → { key, effect }; undefined for text the plan's check refuses anyway. */
export function parseTaint(text: string): Taint | undefined {
  const match = /^([^=:]+)(?:=([^:]*))?:(NoSchedule|PreferNoSchedule|NoExecute)$/.exec(text);
  if (!match) return undefined;
  const taint: Taint = { key: match[1] as string, effect: match[3] as Taint['effect'] };
  if (match[2]) taint.value = match[2];
  return taint;
}

/** Keeps ordinary pods off the node (NoSchedule) or evicts them (NoExecute); PreferNoSchedule only discourages. */
export const keepsWorkloadsOff = (t: Taint): boolean => t.effect === 'NoSchedule' || t.effect === 'NoExecute';

/** Keys that mark a node as etcd or control plane, or for critical add-ons only (RKE2's and K3s' advice for servers). */
export const ROLE_TAINT_KEYS: ReadonlySet<string> = new Set([
  'node-role.kubernetes.io/etcd',
  'node-role.kubernetes.io/controlplane',
  'node-role.kubernetes.io/control-plane',
  'node-role.kubernetes.io/master',
  'CriticalAddonsOnly',
]);

/**
 * The taints RKE (cluster.yml) and Rancher (RKE2 and K3s machine pools) give a node with these roles;
 * [] for a node with the worker role, undefined where neither documents any (standalone K3s and
 * RKE2 servers, other distributions).
 */
export function expectedRoleTaints(distribution: Distribution, roles: readonly NodeRole[]): string[] | undefined {
  if (roles.includes('server') || roles.includes('agent')) return undefined;
  if (roles.includes('worker')) return isRancherBuilt(distribution) ? [] : undefined;
  const etcd = roles.includes('etcd');
  const controlplane = roles.includes('controlplane');
  if (!etcd && !controlplane) return undefined;
  if (distribution === 'rke')
    return [
      ...(etcd ? ['node-role.kubernetes.io/etcd=true:NoExecute'] : []),
      ...(controlplane ? ['node-role.kubernetes.io/controlplane=true:NoSchedule'] : []),
    ];
  if (isServerRoleDistribution(distribution)) {
    // Rancher's K3s machines that hold both keep only the control-plane taint: K3s' bundled charts do not tolerate the etcd one.
    const etcdTaint = etcd && !(distribution === 'k3s' && controlplane);
    return [...(etcdTaint ? ['node-role.kubernetes.io/etcd:NoExecute'] : []), ...(controlplane ? ['node-role.kubernetes.io/control-plane:NoSchedule'] : [])];
  }
  return undefined;
}

/**
 * The checker's node table: the taints a node gets for its roles, short (the node-role.kubernetes.io/
 * prefix left off) and in full; "none" for a node with the worker role, undefined where RKE and
 * Rancher document none.
 */
export function roleTaintLabel(distribution: Distribution, roles: readonly NodeRole[]): { short: string; full: string } | undefined {
  const taints = expectedRoleTaints(distribution, roles);
  if (taints === undefined) return undefined;
  if (taints.length === 0) return { short: 'none', full: 'no role taint: the node takes workloads' };
  return { short: taints.map((t) => t.replace('node-role.kubernetes.io/', '')).join(', '), full: taints.join(', ') };
}
