// The plan's vocabulary (roles, distributions, hostings) and small helpers over a plan. Kept free
// of zod so the rule engine can run in the browser without the schema library; plan.ts re-exports
// all of it next to the schema.
import type { Cluster, Plan } from './plan.ts';

// The model's types, for modules that import only from here (type-only: erased at run time).
export type { Cluster, Plan, PlanNode, Rancher, LoadBalancer, AuthorizedEndpoint, PlanInput } from './plan.ts';

export const RKE_ROLES = ['etcd', 'controlplane', 'worker'] as const;
export const K3S_ROLES = ['server', 'agent'] as const;
export const NODE_ROLES = [...RKE_ROLES, ...K3S_ROLES] as const;
export const DISTRIBUTIONS = ['rke', 'k3s', 'rke2', 'eks', 'gke', 'aks', 'other'] as const;
export const MANAGED_DISTRIBUTIONS = ['eks', 'gke', 'aks'] as const;
export const HOSTINGS = ['ec2', 'gce', 'azure', 'on-premises', 'other'] as const;

export type NodeRole = (typeof NODE_ROLES)[number];
export type Distribution = (typeof DISTRIBUTIONS)[number];
export type Hosting = (typeof HOSTINGS)[number];

/** Numeric comparison of dotted versions: "2.4" < "2.4.8" < "2.10". */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The cluster that runs Rancher, when Rancher runs on Kubernetes and the plan names it. */
export function rancherCluster(plan: Plan): Cluster | undefined {
  if (plan.rancher?.install !== 'kubernetes' || !plan.rancher.cluster) return undefined;
  return plan.clusters.find((c) => c.name === plan.rancher?.cluster);
}
