// Small plan builders for the rules' worked examples and the tests: a Rancher cluster on RKE that
// follows the guidance, a downstream cluster with the minimum layout, and ways to vary them.
import type { PlanInput } from './vocabulary.ts';

type ClusterInput = NonNullable<PlanInput['clusters']>[number];
type NodeInput = NonNullable<ClusterInput['nodes']>[number];

export const ALL_ROLES = ['etcd', 'controlplane', 'worker'] as const;

/** The Rancher RKE cluster the guidance describes: three nodes, every role, a layer-4 load balancer. */
export function rancherRke(overrides: Partial<ClusterInput> = {}): ClusterInput {
  return {
    name: 'rancher',
    distribution: 'rke',
    hosting: 'ec2',
    nodes: [1, 2, 3].map((i) => ({ name: `r${i}`, address: `10.0.0.${i}`, roles: [...ALL_ROLES] })),
    loadBalancer: { targets: ['r1', 'r2', 'r3'] },
    ...overrides,
  };
}

/** A plan where `cluster` runs Rancher `version` (default 2.4.8). */
export function rancherOn(cluster: ClusterInput, version = '2.4.8', more: ClusterInput[] = []): PlanInput {
  return { rancher: { version, install: 'kubernetes', cluster: cluster.name }, clusters: [cluster, ...more] };
}

/** Three etcd-only, two controlplane-only and two worker-only nodes (the production checklist). */
export function minimumDownstreamNodes(prefix = ''): NodeInput[] {
  return [
    ...[1, 2, 3].map((i) => ({ name: `${prefix}e${i}`, address: `10.1.0.${i}`, roles: ['etcd' as const] })),
    ...[1, 2].map((i) => ({ name: `${prefix}c${i}`, address: `10.1.0.1${i}`, roles: ['controlplane' as const] })),
    ...[1, 2].map((i) => ({ name: `${prefix}w${i}`, address: `10.1.0.2${i}`, roles: ['worker' as const] })),
  ];
}

/** A downstream RKE cluster "prod" with the given nodes (default: the minimum layout). */
export function downstream(nodes: NodeInput[] = minimumDownstreamNodes(), overrides: Partial<ClusterInput> = {}, version?: string): PlanInput {
  const plan: PlanInput = { clusters: [{ name: 'prod', distribution: 'rke', nodes, ...overrides }] };
  if (version) plan.rancher = { version, install: 'kubernetes' };
  return plan;
}

/** Nodes `prefix1`…`prefixN` with the same roles. */
export function nodes(prefix: string, count: number, roles: NodeInput['roles'], addressBase?: string): NodeInput[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `${prefix}${i + 1}`,
    roles: [...(roles ?? [])],
    ...(addressBase ? { address: `${addressBase}${i + 1}` } : {}),
  }));
}
