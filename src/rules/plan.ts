// The plan: the one model every part of the project reads. A plan file (YAML or JSON) is this
// shape; the zod schema below is the single statement of it and also yields the JSON Schema.
import { z } from 'zod';

export const RKE_ROLES = ['etcd', 'controlplane', 'worker'] as const;
export const K3S_ROLES = ['server', 'agent'] as const;
export const NODE_ROLES = [...RKE_ROLES, ...K3S_ROLES] as const;
export const DISTRIBUTIONS = ['rke', 'k3s', 'rke2', 'eks', 'gke', 'aks', 'other'] as const;
export const MANAGED_DISTRIBUTIONS = ['eks', 'gke', 'aks'] as const;
export const HOSTINGS = ['ec2', 'gce', 'azure', 'on-premises', 'other'] as const;

export type NodeRole = (typeof NODE_ROLES)[number];
export type Distribution = (typeof DISTRIBUTIONS)[number];
export type Hosting = (typeof HOSTINGS)[number];

const name = z.string().trim().min(1, 'must not be empty');

const roleSchema = z.enum(NODE_ROLES, {
  error: (issue) =>
    `${JSON.stringify(issue.input)} is not a role; expected etcd, controlplane or worker (RKE), or server or agent (K3s, RKE2)`,
});

export const nodeSchema = z.strictObject({
  name,
  address: z.string().trim().min(1).optional(),
  roles: z.array(roleSchema).default([]),
});

export const loadBalancerSchema = z.strictObject({
  layer: z.union([z.literal(4), z.literal(7)]).default(4),
  ports: z.array(z.number().int().min(1).max(65535)).default([80, 443]),
  /** Node names the load balancer forwards to. */
  targets: z.array(name).default([]),
  tlsTermination: z.enum(['ingress', 'load-balancer']).default('ingress'),
});

export const authorizedEndpointSchema = z.strictObject({
  /** Absent: the kubeconfig points straight at one controlplane node. */
  fqdn: z.string().trim().min(1).optional(),
  targets: z.array(name).default([]),
  privateCA: z.boolean().default(false),
  /** The CA certificate was supplied, so the generated kubeconfig can validate the chain. */
  caCertificate: z.boolean().default(false),
});

export const clusterSchema = z.strictObject({
  name,
  distribution: z.enum(DISTRIBUTIONS).default('rke'),
  /** Where the nodes run (self-managed distributions only). */
  hosting: z.enum(HOSTINGS).optional(),
  userWorkloads: z.boolean().default(false),
  /**
   * K3s/RKE2: where the cluster data lives (embedded = etcd or SQLite on the servers; unset counts
   * as embedded). RKE: `external` means etcd outside the cluster (`services.etcd.external_urls`).
   */
  datastore: z.enum(['external', 'embedded']).optional(),
  nodes: z.array(nodeSchema).default([]),
  loadBalancer: loadBalancerSchema.optional(),
  authorizedEndpoint: authorizedEndpointSchema.optional(),
});

/** "2.4", "v2.4.8", "2.4.8" → "2.4.8"-style text; compared with `compareVersions`. */
const version = z
  .union([z.string(), z.number()])
  .transform((v) => String(v).trim().replace(/^v/i, ''))
  .refine((v) => /^\d+(\.\d+){0,2}$/.test(v), 'must look like 2.4 or v2.4.8');

export const rancherSchema = z.strictObject({
  version: version.default('2.4'),
  install: z.enum(['kubernetes', 'docker']).default('kubernetes'),
  /** install: kubernetes — the name of the cluster that runs Rancher. */
  cluster: name.optional(),
  /** install: docker — the Docker host's address (or name). */
  host: z.string().trim().min(1).optional(),
});

export const planSchema = z.strictObject({
  /** Absent: every cluster in the plan is a downstream (user) cluster. */
  rancher: rancherSchema.optional(),
  clusters: z.array(clusterSchema).default([]),
});

export type PlanNode = z.output<typeof nodeSchema>;
export type LoadBalancer = z.output<typeof loadBalancerSchema>;
export type AuthorizedEndpoint = z.output<typeof authorizedEndpointSchema>;
export type Cluster = z.output<typeof clusterSchema>;
export type Rancher = z.output<typeof rancherSchema>;
export type Plan = z.output<typeof planSchema>;
/** What a person may write: every defaulted field optional. */
export type PlanInput = z.input<typeof planSchema>;

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
