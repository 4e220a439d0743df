// RKE cluster.yml: read it into a one-cluster plan (applying the checks the rke tool makes) and
// write a skeleton from a plan's cluster.
import { Document, isScalar, isSeq, visit } from 'yaml';
import { planSchema, RKE_ROLES, type Plan, type PlanInput } from '../plan.ts';

type PlanCluster = NonNullable<PlanInput['clusters']>[number];
import type { Finding } from '../report.ts';
import { RULE_DOCS } from '../docs-links.ts';
import { listNames } from '../rule.ts';
import { formatPath, InputError } from './input-error.ts';
import type { ParsedText } from './text.ts';

export interface SingleClusterOptions {
  filename?: string;
  /** Is this the cluster that runs Rancher, or a downstream one? Default downstream, unless rancherVersion is given. */
  as?: 'rancher' | 'downstream';
  rancherVersion?: string;
  /** Overrides the cluster name found in (or defaulted for) the input. */
  clusterName?: string;
}

export interface ImportResult {
  plan: Plan;
  /** Findings that only the source text can show (rke's own refusals). */
  findings: Finding[];
}

// DNS-1123 subdomain: lower-case alphanumerics, '-' and '.', alphanumeric at both ends, ≤ 253.
const DNS_1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
/** A DNS-1123 subdomain: the pattern above, at most 253 characters, labels of at most 63. */
const isDns1123Subdomain = (name: string) =>
  name.length <= 253 && DNS_1123.test(name) && name.split('.').every((label) => label.length <= 63);

export function looksLikeClusterYml(data: unknown): boolean {
  if (!isRecord(data) || !Array.isArray(data.nodes) || 'clusters' in data) return false;
  return data.nodes.some((n) => isRecord(n) && ('address' in n || 'role' in n || 'hostname_override' in n));
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number') return String(v);
  return undefined;
}

/** Wrap one cluster into a plan, as the Rancher cluster or a downstream one. */
export function singleClusterPlan(cluster: NonNullable<PlanInput['clusters']>, options: SingleClusterOptions): PlanInput {
  const asRancher = options.as === 'rancher' || (options.as === undefined && options.rancherVersion !== undefined);
  const first = cluster[0];
  if (options.clusterName && first) first.name = options.clusterName;
  if (!asRancher || !first) return { clusters: cluster };
  return {
    rancher: { version: options.rancherVersion ?? '2.4', install: 'kubernetes', cluster: first.name },
    clusters: cluster,
  };
}

export function readClusterYml(parsed: ParsedText, options: SingleClusterOptions = {}): ImportResult {
  const data = parsed.data as Record<string, unknown>;
  const file = options.filename;
  const at = (path: PropertyKey[]) => {
    const pos = parsed.locate(path);
    return { file, line: pos?.line, col: pos?.col, path: formatPath(path) };
  };
  const name = text(data.cluster_name) ?? 'local'; // rke's own default
  const refusals: { nodes: string[]; message: string }[] = [];
  const nodes: { name: string; address?: string; roles: (typeof RKE_ROLES)[number][] }[] = [];
  const rawNodes = data.nodes as unknown[];
  const missingUser: string[] = [];
  const missingAddress: string[] = [];
  const noRoles: string[] = [];

  rawNodes.forEach((raw, i) => {
    if (!isRecord(raw)) throw new InputError(`expected a node (a mapping with address, user and role), got ${raw === null ? 'nothing' : typeof raw}`, at(['nodes', i]));
    const address = text(raw.address);
    const override = text(raw.hostname_override);
    // rke uses hostname_override, else the address, lower-cased, as the node's hostname.
    const hostname = (override ?? address ?? `node-${i + 1}`).toLowerCase();
    if (!address) missingAddress.push(hostname);
    if (!text(raw.user)) missingUser.push(hostname);
    if (override && !isDns1123Subdomain(override.toLowerCase()))
      refusals.push({ nodes: [hostname], message: `hostname_override "${override}" of node ${i + 1} is not a valid DNS-1123 name; rke refuses it. Use lower-case letters, digits, "-" and ".".` });
    const rawRoles = raw.role ?? raw.roles;
    const roleList = Array.isArray(rawRoles) ? rawRoles : rawRoles === undefined || rawRoles === null ? [] : [rawRoles];
    const roles: (typeof RKE_ROLES)[number][] = [];
    for (const r of roleList) {
      const role = typeof r === 'string' ? r.trim() : r;
      if ((RKE_ROLES as readonly unknown[]).includes(role)) {
        if (!roles.includes(role as (typeof RKE_ROLES)[number])) roles.push(role as (typeof RKE_ROLES)[number]);
      } else {
        refusals.push({ nodes: [hostname], message: `node "${hostname}" has the role ${JSON.stringify(r)}, which rke does not know; it refuses the file. Use etcd, controlplane or worker.` });
      }
    }
    if (roleList.length === 0) noRoles.push(hostname);
    nodes.push(address ? { name: hostname, address, roles } : { name: hostname, roles });
  });

  if (missingAddress.length) refusals.push({ nodes: missingAddress, message: `${listNames(missingAddress)} ${missingAddress.length === 1 ? 'has' : 'have'} no address; rke refuses a node without one.` });
  if (missingUser.length) refusals.push({ nodes: missingUser, message: `${listNames(missingUser)} ${missingUser.length === 1 ? 'has' : 'have'} no user; rke refuses a node without an SSH user. Add user: to each node.` });
  if (noRoles.length) refusals.push({ nodes: noRoles, message: `${listNames(noRoles)} ${noRoles.length === 1 ? 'has' : 'have'} an empty role list; rke refuses that. Give each node at least one role.` });
  // Duplicate addresses and hostnames are rke refusals too; plan-node-unique reports them from the plan.

  const etcdService = isRecord(data.services) && isRecord(data.services.etcd) ? data.services.etcd : {};
  const externalUrls = Array.isArray(etcdService.external_urls) ? etcdService.external_urls.filter((u) => text(u)) : [];

  const cluster: Record<string, unknown> = { name, distribution: 'rke', nodes };
  if (externalUrls.length > 0) cluster.datastore = 'external';
  const plan = planSchema.parse(singleClusterPlan([cluster as PlanCluster], options));
  const clusterName = plan.clusters[0]?.name ?? name;
  const findings: Finding[] = refusals.map((r) => ({
    rule: 'rke-config-valid',
    severity: 'error',
    cluster: clusterName,
    nodes: r.nodes,
    message: r.message.charAt(0).toUpperCase() + r.message.slice(1),
    docs: RULE_DOCS['rke-config-valid'],
  }));
  return { plan, findings };
}

/**
 * An RKE cluster.yml skeleton for one cluster of a plan: nodes with address, user (a placeholder
 * to edit), role and hostname_override, plus external etcd when the plan says so. Throws
 * RangeError for an unknown cluster or one that is not RKE.
 */
export function toClusterYml(plan: Plan, clusterName: string): string {
  const cluster = plan.clusters.find((c) => c.name === clusterName);
  if (!cluster) throw new RangeError(`The plan has no cluster named "${clusterName}".`);
  if (cluster.distribution !== 'rke') throw new RangeError(`Cluster "${clusterName}" is ${cluster.distribution.toUpperCase()}; a cluster.yml describes RKE clusters only.`);
  const body: Record<string, unknown> = {
    cluster_name: cluster.name,
    nodes: cluster.nodes.map((n) => {
      const address = n.address ?? n.name;
      const node: Record<string, unknown> = { address, user: 'ubuntu', role: n.roles.filter((r) => (RKE_ROLES as readonly string[]).includes(r)) };
      if (n.name !== address.toLowerCase()) node.hostname_override = n.name;
      return node;
    }),
  };
  if (cluster.datastore === 'external') body.services = { etcd: { external_urls: ['https://etcd.example.com:2379'], ca_cert: '', cert: '', key: '' } };
  const header = [
    `# RKE cluster.yml skeleton for "${cluster.name}", written by rancher-arch.`,
    '# Replace the placeholder SSH user (and the external etcd URL, if any) before running rke up.',
  ].join('\n');
  const doc = new Document(body);
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'role' && isSeq(pair.value)) pair.value.flow = true;
    },
  });
  return `${header}\n${doc.toString({ lineWidth: 0, flowCollectionPadding: false })}`;
}
