// The plan: the one model every part of the project reads. A plan file (YAML or JSON) is this
// shape; the zod schema below is the single statement of it and also yields the JSON Schema.
import { z } from 'zod';

// zod otherwise probes `new Function` before its first parse, which a strict Content-Security-Policy
// reports as a violation; the plain interpreter is fast enough for plans.
z.config({ jitless: true });

// The vocabulary and helpers live in a zod-free module so code that only checks plans (the
// calculators in the browser) does not ship the schema library.
import { DISTRIBUTIONS, HOSTINGS, NODE_ROLES } from './vocabulary.ts';
export * from './vocabulary.ts';

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
  /** Absent: the kubeconfig has one context per controlplane node, each reaching that node alone. */
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
