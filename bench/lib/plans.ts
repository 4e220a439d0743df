// Plans the CLI benches generate: downstream clusters of 50 nodes (two etcd + control-plane nodes,
// the rest workers), as the plan JSON the CLI reads.
import { planSchema, toPlanJson, type PlanInput } from '../../src/rules/index.ts';

/** Downstream clusters of 50 nodes each, some with findings, up to `total` nodes; no version leaves it to a flag or config. */
export function downstreamPlanJson(total: number, rancherVersion: string | undefined = '2.4.8'): string {
  const clusters: NonNullable<PlanInput['clusters']> = [];
  for (let c = 0; c * 50 < total; c++)
    clusters.push({
      name: `c${c}`,
      nodes: Array.from({ length: 50 }, (_, i) => ({
        name: `c${c}-n${i}`,
        address: `10.${c >> 8}.${c & 255}.${i + 1}`,
        roles: i < 2 ? ['etcd', 'controlplane'] : ['worker'],
      })),
    });
  return toPlanJson(planSchema.parse(rancherVersion === undefined ? { clusters } : { rancher: { version: rancherVersion }, clusters }));
}
