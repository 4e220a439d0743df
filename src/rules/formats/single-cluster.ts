// Shared by the readers of one-cluster inputs (cluster.yml, kubectl nodes, K3s/RKE2 configs):
// wrapping the cluster into a plan, as the Rancher cluster or a downstream one.
import type { PlanInput } from '../vocabulary.ts';
import type { SingleClusterOptions } from './format.ts';

export type ClusterInput = NonNullable<PlanInput['clusters']>[number];
export type NodeInput = NonNullable<ClusterInput['nodes']>[number];

/**
 * A node entry rke would refuse, by name (what the finding prints) and by its position in the
 * cluster's nodes (where the finding points, even where another entry shares the name).
 */
export interface RefusedNode {
  name: string;
  index: number;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** Text of a scalar, trimmed; numbers become text (YAML reads 1.1 as a number); else undefined. */
export function scalarText(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** Wrap one cluster into a plan, as the Rancher cluster (`as: 'rancher'`) or a downstream one. */
export function singleClusterPlan(cluster: ClusterInput, options: SingleClusterOptions): PlanInput {
  const named = options.clusterName ? { ...cluster, name: options.clusterName } : cluster;
  const rancher: NonNullable<PlanInput['rancher']> = { install: 'kubernetes' };
  if (options.rancherVersion !== undefined) rancher.version = options.rancherVersion;
  if (options.as === 'rancher') rancher.cluster = named.name;
  if (options.as !== 'rancher' && options.rancherVersion === undefined) return { clusters: [named] };
  return { rancher, clusters: [named] };
}

/** Plan paths of a one-cluster plan back to the source: clusters[0].nodes[i] → `nodePath(i)`. */
export function nodeOrigin(nodePath: (i: number) => readonly PropertyKey[], clusterPath: readonly PropertyKey[] = []) {
  return (planPath: readonly PropertyKey[]): readonly PropertyKey[] | undefined => {
    if (planPath[0] !== 'clusters') return undefined;
    if (planPath[2] === 'nodes' && typeof planPath[3] === 'number') return nodePath(planPath[3]);
    return clusterPath;
  };
}
