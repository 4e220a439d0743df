// The plan: the one model every part of the project reads. A plan file (YAML or JSON) is this
// shape; the zod schema below is the single statement of it and also yields the JSON Schema.
import { quoteText } from './words.ts';
import { z } from 'zod';
import { cidrProblem } from './cluster-networks.ts';
import { addressProblem, dnsNameProblem, nameProblem, registrationUrlProblem } from './identifiers.ts';
import { LIMITS } from './limits.ts';
import { normaliseVersion } from './versions.ts';
import { DATASTORES, DISTRIBUTIONS, HOSTINGS, NETWORK_PLUGINS, NODE_ROLES } from './vocabulary.ts';

// zod otherwise probes `new Function` before its first parse, which a strict Content-Security-Policy
// reports as a violation; the plain interpreter is fast enough for plans.
z.config({ jitless: true });

export * from './vocabulary.ts';

/** A string checked by one of the identifier rules; the message never repeats the value itself. */
function checked(problem: (text: string) => string | undefined, description: string) {
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const why = problem(value);
      if (why) ctx.addIssue({ code: 'custom', message: why, input: value });
    })
    .meta({ description });
}

const name = checked(nameProblem, 'Letters, digits, ".", "_" and "-", starting with a letter or digit.');
const address = checked(addressProblem, 'An IPv4 or IPv6 address, or a DNS name.');
/** Load-balancer and endpoint targets name a node of the cluster by its name or its address. */
const target = checked(
  (text) => (nameProblem(text) === undefined || addressProblem(text) === undefined ? undefined : addressProblem(text)),
  'A node of the cluster, by name or address.',
);

/** `https://host[:port]`, the address a joining K3s or RKE2 node registers through (its `server:`). */
const registrationUrl = checked(registrationUrlProblem, 'https:// and an address, with an optional port: https://10.0.0.10:9345.');
/** A network in CIDR form; a cluster lists one per address family (dual stack). */
const cidr = checked(cidrProblem, 'A network in CIDR form, such as 10.42.0.0/16.');

/** v1.31.4+rke2r1, 1.30.8+k3s1, v1.26: digits and dots, then an optional build or pre-release tail. */
function kubernetesVersionProblem(text: string): string | undefined {
  return /^v?\d{1,3}\.\d{1,3}(\.\d{1,4})?([-+][0-9A-Za-z.+-]{1,40})?$/.test(text) ? undefined : 'must look like v1.31.4 or v1.31.4+rke2r1';
}

/** An unresolved expression is shown to people as written: printable ASCII only, so it cannot carry terminal controls. */
function expressionProblem(text: string): string | undefined {
  return /^[\x20-\x7e]{1,200}$/.test(text) ? undefined : 'must be printable ASCII text of at most 200 characters';
}

/** key[=value]:Effect, as kubectl and node-taint write a taint: node-role.kubernetes.io/etcd:NoExecute, CriticalAddonsOnly=true:NoExecute. */
export function taintProblem(text: string): string | undefined {
  const match =
    /^(?:([a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?)\/)?([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)(=([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?)?:(NoSchedule|PreferNoSchedule|NoExecute)$/.exec(
      text,
    );
  return match
    ? undefined
    : 'must be a taint such as node-role.kubernetes.io/etcd:NoExecute or CriticalAddonsOnly=true:NoExecute (key, optional =value, then :NoSchedule, :PreferNoSchedule or :NoExecute)';
}

const roleSchema = z.enum(NODE_ROLES, {
  error: (issue) =>
    `${quoteText(issue.input)} is not a role; expected etcd, controlplane or worker (RKE, and Rancher's RKE2/K3s machine pools), or server or agent (standalone K3s and RKE2)`,
});

export const nodeSchema = z.strictObject({
  name,
  address: address.optional(),
  roles: z
    .array(roleSchema)
    .max(NODE_ROLES.length * 2)
    .default([]),
  /** The address as the file writes it when only Terraform can resolve it (aws_instance.cp[0].private_ip): the node has one, just not here. */
  addressFrom: checked(expressionProblem, 'An expression the address comes from: aws_instance.cp[0].private_ip.').optional(),
  /** The machine pool (node group, machine deployment, inventory group) the node was declared in, when it came from one. */
  pool: name.optional(),
  /** Failure domain (availability zone, rack, room): the what-if can fail a whole zone. */
  zone: name.optional(),
  /** vCPUs of the machine, for the sizing rules. */
  cpu: z.number().positive().max(4096).optional(),
  /** Memory of the machine in GiB, for the sizing rules. */
  memoryGiB: z.number().positive().max(65536).optional(),
  /** K3s and RKE2: the registration address this node joins through (`server:`); absent for the server that starts the cluster. */
  server: registrationUrl.optional(),
  /** K3s and RKE2 servers: extra names and addresses the API certificate is valid for (`tls-san`). */
  tlsSan: z.array(address).max(64).optional(),
  /** The node's taints as key[=value]:Effect, when the source states them (kubectl's spec.taints); [] = stated: none. */
  taints: z.array(checked(taintProblem, 'A taint: key[=value]:Effect, such as node-role.kubernetes.io/etcd:NoExecute.')).max(64).optional(),
});

const port = z.number().int().min(1, 'must be a port from 1 to 65535').max(65535, 'must be a port from 1 to 65535');

export const loadBalancerSchema = z.strictObject({
  /** Its DNS name or IP address: the fixed registration address RKE2 and K3s nodes join through. */
  address: address.optional(),
  layer: z.union([z.literal(4), z.literal(7)]).default(4),
  ports: z.array(port).max(64).default([80, 443]),
  /** Nodes the load balancer forwards to, by name or address. */
  targets: z.array(target).max(LIMITS.nodesPerCluster).default([]),
  tlsTermination: z.enum(['ingress', 'load-balancer']).default('ingress'),
});

export const authorizedEndpointSchema = z.strictObject({
  /** Absent: the kubeconfig has one context per controlplane node, each reaching that node alone. */
  fqdn: checked(dnsNameProblem, 'The DNS name of the load balancer in front of the controlplane nodes.').optional(),
  /** The port the FQDN names (Rancher's field takes fqdn:port); absent means 443, where the kubeconfig's https:// URL goes. */
  port: port.optional(),
  targets: z.array(target).max(LIMITS.nodesPerCluster).default([]),
  privateCA: z.boolean().default(false),
  /** The CA certificate was supplied, so the generated kubeconfig can validate the chain. */
  caCertificate: z.boolean().default(false),
});

/** A cron schedule as K3s, RKE2 and Rancher take it: five fields (0 *\/12 * * *) or a descriptor (@daily, @every 6h). */
function cronProblem(text: string): string | undefined {
  return /^(@[a-z]{1,12}( [0-9a-z]{1,12})?|[0-9*/,?LW#A-Za-z-]{1,40}( [0-9*/,?LW#A-Za-z-]{1,40}){4,5})$/.test(text)
    ? undefined
    : 'must be a cron schedule such as 0 */12 * * * or a descriptor such as @daily';
}

/**
 * Scheduled etcd snapshots of a cluster on embedded etcd. Absent on the cluster: the source does not
 * say (kubectl output, Helm values…), and no rule judges the snapshots. Present: a field left out
 * takes the distribution's documented default (RKE: on, every 12 hours, keep 6; RKE2 and K3s: on,
 * 0 *\/12 * * *, keep 5), and `offNode` left out means the snapshots stay on the etcd nodes alone.
 */
export const etcdSnapshotsSchema = z.strictObject({
  /** false: scheduled snapshots are turned off (backup_config.enabled: false, etcd-disable-snapshots). */
  enabled: z.boolean().optional(),
  /** RKE2, K3s, Rancher provisioning: the cron schedule (etcd-snapshot-schedule-cron, snapshotScheduleCron). */
  cron: checked(cronProblem, 'A cron schedule: 0 */12 * * *.').optional(),
  /** RKE: hours between snapshots (backup_config.interval_hours). */
  intervalHours: z.number().int().min(1).max(8760).optional(),
  /** How many scheduled snapshots are kept (backup_config.retention, etcd-snapshot-retention). */
  retention: z.number().int().min(1).max(10000).optional(),
  /** Where a copy goes besides the etcd nodes' own disks: s3 (any S3-compatible store). */
  offNode: z.enum(['s3']).optional(),
});

export const clusterSchema = z.strictObject({
  name,
  distribution: z.enum(DISTRIBUTIONS).default('rke'),
  /** Where the nodes run. */
  hosting: z.enum(HOSTINGS).optional(),
  userWorkloads: z.boolean().default(false),
  /** Where the cluster data lives; unset means embedded etcd on the nodes (see vocabulary.ts). */
  datastore: z.enum(DATASTORES).optional(),
  /** The network plugin (CNI); unset means the distribution's default. Decides some firewall ports. */
  network: z.enum(NETWORK_PLUGINS).optional(),
  /** The pod network (cluster-cidr); unset means the distribution's default, 10.42.0.0/16 on RKE, RKE2 and K3s. */
  podCidrs: z.array(cidr).min(1).max(2).optional(),
  /** The service network (service-cidr); unset means the distribution's default, 10.43.0.0/16 on RKE, RKE2 and K3s. */
  serviceCidrs: z.array(cidr).min(1).max(2).optional(),
  nodes: z.array(nodeSchema).max(LIMITS.nodesPerCluster).default([]),
  /**
   * Node counts the source leaves open (a `${VAR}` replica count, a Terraform variable without a
   * default), each as written. Present: `nodes` lists only what is known, and checkPlan skips the
   * rules that count nodes for this cluster instead of judging a guess.
   */
  nodesUnknown: z.array(checked(expressionProblem, 'A count as the source writes it: ${WORKER_COUNT}, var.workers.')).min(1).max(64).optional(),
  /** The Kubernetes version the source declares (v1.31.4+rke2r1), when it names one. */
  kubernetesVersion: checked(kubernetesVersionProblem, 'A Kubernetes version such as v1.31.4+rke2r1.').optional(),
  /** Scheduled etcd snapshots, when the source states them or states that the distribution's defaults apply. */
  etcdSnapshots: etcdSnapshotsSchema.optional(),
  loadBalancer: loadBalancerSchema.optional(),
  authorizedEndpoint: authorizedEndpointSchema.optional(),
});

/** "2.4", "v2.4.8", 2.4 → "2.4.8"-style text. */
const version = z.union([z.string(), z.number()]).transform((v, ctx) => {
  const normal = normaliseVersion(v);
  if (normal === undefined) {
    ctx.addIssue({ code: 'custom', message: 'must look like 2.4 or v2.4.8', input: v });
    return z.NEVER;
  }
  return normal;
});

export const rancherSchema = z.strictObject({
  /** Absent: checked as 2.4, the version the seed guidance describes, with a note saying so. */
  version: version.optional(),
  install: z.enum(['kubernetes', 'docker']).default('kubernetes'),
  /** install: kubernetes — the name of the cluster that runs Rancher. */
  cluster: name.optional(),
  /** install: docker — the Docker host's address (or name). */
  host: target.optional(),
});

export const planSchema = z.strictObject({
  /** Absent: every cluster in the plan is a downstream (user) cluster. */
  rancher: rancherSchema.optional(),
  clusters: z.array(clusterSchema).max(LIMITS.clusters).default([]),
});

export type PlanNode = z.output<typeof nodeSchema>;
export type LoadBalancer = z.output<typeof loadBalancerSchema>;
export type EtcdSnapshots = z.output<typeof etcdSnapshotsSchema>;
export type AuthorizedEndpoint = z.output<typeof authorizedEndpointSchema>;
export type Cluster = z.output<typeof clusterSchema>;
export type Rancher = z.output<typeof rancherSchema>;
export type Plan = z.output<typeof planSchema>;
/** What a person may write: every defaulted field optional. */
export type PlanInput = z.input<typeof planSchema>;
