// RKE cluster.yml: read it into a one-cluster plan, and write one from a plan's RKE cluster.
// What rke refuses and a plan cannot hold (no user, a role rke does not know) is reported here as
// rke-config-valid; everything else rke refuses is a plan rule, so the editor sees it too.
import { Document, isScalar, isSeq, visit } from 'yaml';
import { splitCidrs } from '../cluster-networks.ts';
import { docsPath } from '../guide-pages.ts';
import type { Finding } from '../report.ts';
import { rule as rkeConfigValid } from '../catalogue/rke-config-valid.ts';
import { KUBERNETES_ROLES, type EtcdSnapshots, type KubernetesRole, type Plan } from '../vocabulary.ts';
import { listNames, quoteText, verb } from '../words.ts';
import { ExportError, type Format } from './format.ts';
import { fromBackupConfig } from './etcd-snapshots.ts';
import { clusterYmlProblems } from './rke-refusals.ts';
import { sourceFromClusterYml } from '../migrate/rke-source.ts';
import { isRecord, scalarText, singleClusterPlan, type ClusterInput, type NodeInput, type RefusedNode } from './single-cluster.ts';
import type { InputWarning } from './input-error.ts';
import { LIMITS } from '../limits.ts';
import type { ParsedText } from './text.ts';

/**
 * The top-level keys rke reads (RancherKubernetesEngineConfig in rke's types). rke ignores any
 * other key without a word, so a misspelt `servces:` silently drops settings: the reader says so.
 */
const RKE_KEYS = new Set([
  'nodes',
  'services',
  'network',
  'authentication',
  'addons',
  'addons_include',
  'system_images',
  'ssh_key_path',
  'ssh_cert_path',
  'ssh_agent_auth',
  'authorization',
  'ignore_docker_version',
  'enable_cri_dockerd',
  'kubernetes_version',
  'private_registries',
  'ingress',
  'cluster_name',
  'cloud_provider',
  'prefix_path',
  'win_prefix_path',
  'addon_job_timeout',
  'bastion_host',
  'monitoring',
  'restore',
  'rotate_certificates',
  'rotate_encryption_key',
  'dns',
  'upgrade_strategy',
  'encryption',
]);

/** A warning per top-level key rke does not read, naming the key and its line. */
function unknownKeyWarnings(doc: ParsedText, file: string | undefined): InputWarning[] {
  const data = doc.data as Record<string, unknown>;
  return Object.keys(data)
    .filter((k) => !RKE_KEYS.has(k))
    .slice(0, LIMITS.listedProblems)
    .map((key) => {
      const at = doc.locateKey?.([key]) ?? doc.locate([key]);
      return {
        place: [file, at?.line, at?.col].filter((p) => p !== undefined).join(':'),
        message: `rke does not read the top-level key ${JSON.stringify(key.length > 60 ? `${key.slice(0, 60)}…` : key)} and ignores it without a word; check its spelling, or move it where rke reads it.`,
      };
    });
}

function looksLikeClusterYml(data: unknown): boolean {
  if (!isRecord(data) || !Array.isArray(data.nodes) || 'clusters' in data) return false;
  return data.nodes.some((n) => isRecord(n) && ('address' in n || 'role' in n || 'hostname_override' in n));
}

export const clusterYmlFormat: Format<'cluster-yml'> = {
  id: 'cluster-yml',
  label: 'an RKE cluster.yml',
  detect: (doc) => looksLikeClusterYml(doc.data),
  read(doc, options) {
    const data = doc.data as Record<string, unknown>;
    if (!Array.isArray(data.nodes)) return { plan: { clusters: [] } };
    // The plan's nodes follow data.nodes one for one: entry i is the plan's node i.
    const refusals: { nodes: RefusedNode[]; message: string }[] = [];
    const nodes: NodeInput[] = [];
    const missingUser: RefusedNode[] = [];
    const sourceField: Record<string, string>[] = [];
    data.nodes.forEach((raw, i) => {
      if (!isRecord(raw)) {
        // Leave the entry for the schema to refuse with its place.
        nodes.push(raw as never);
        sourceField.push({});
        return;
      }
      const address = scalarText(raw.address);
      const override = scalarText(raw.hostname_override);
      // rke names a node by hostname_override, else by its address, and lower-cases either.
      const name = (override ?? address ?? `node-${i + 1}`).toLowerCase();
      if (!scalarText(raw.user)) missingUser.push({ name, index: i });
      const rawRoles = raw.role ?? raw.roles;
      const roleList = Array.isArray(rawRoles) ? rawRoles : rawRoles === undefined || rawRoles === null ? [] : [rawRoles];
      const roles: KubernetesRole[] = [];
      for (const r of roleList) {
        const role: unknown = typeof r === 'string' ? r.trim() : r;
        if ((KUBERNETES_ROLES as readonly unknown[]).includes(role)) {
          if (!roles.includes(role as KubernetesRole)) roles.push(role as KubernetesRole);
        } else {
          refusals.push({
            nodes: [{ name, index: i }],
            message: `Node "${name}" has the role ${quoteText(r)}, which rke does not know; it refuses the file. Use etcd, controlplane or worker.`,
          });
        }
      }
      nodes.push(address ? { name, address, roles } : { name, roles });
      sourceField.push({ name: override ? 'hostname_override' : 'address', address: 'address', roles: 'role' });
    });
    if (missingUser.length)
      refusals.push({
        nodes: missingUser,
        message: `${listNames(missingUser.map((n) => n.name))} ${verb(missingUser.length, 'has', 'have')} no user; rke refuses a node without an SSH user. Add user: to each node.`,
      });
    const services = isRecord(data.services) ? data.services : {};
    const service = (key: string): Record<string, unknown> => (isRecord(services[key]) ? services[key] : {});
    const etcd = service('etcd');
    const externalUrls = Array.isArray(etcd.external_urls) ? etcd.external_urls.filter((u) => scalarText(u)) : [];
    const cluster: ClusterInput = { name: scalarText(data.cluster_name) ?? 'local', distribution: 'rke', nodes }; // "local" is rke's own default
    if (externalUrls.length > 0) cluster.datastore = 'external';
    // rke takes snapshots of its own etcd whether or not backup_config is written (its defaults).
    else cluster.etcdSnapshots = fromBackupConfig(etcd);
    // rke sets the pod network on kube-controller and the service network on kube-api and
    // kube-controller alike (they must match); the first one written is the one read.
    const networkSources = {
      podCidrs: [['kube-controller', 'cluster_cidr']],
      serviceCidrs: [
        ['kube-api', 'service_cluster_ip_range'],
        ['kube-controller', 'service_cluster_ip_range'],
      ],
    } as const;
    const networkOrigin: Partial<Record<keyof typeof networkSources, readonly string[]>> = {};
    for (const [field, places] of Object.entries(networkSources) as [keyof typeof networkSources, (typeof networkSources)[keyof typeof networkSources]][])
      for (const [svc, key] of places) {
        const text = scalarText(service(svc)[key]);
        if (text === undefined) continue;
        cluster[field] = splitCidrs(text);
        networkOrigin[field] = ['services', svc, key];
        break;
      }
    const plan = singleClusterPlan(cluster, options);
    const clusterName = plan.clusters?.[0]?.name ?? cluster.name;
    const findings: Finding[] = refusals.map((r) => ({
      rule: 'rke-config-valid',
      severity: rkeConfigValid.severity,
      cluster: clusterName,
      nodes: r.nodes.map((n) => n.name),
      at: { cluster: 0, nodes: r.nodes.map((n) => n.index) }, // the plan holds this one cluster
      message: r.message,
      docs: docsPath(rkeConfigValid.docs),
    }));
    return {
      plan,
      findings,
      warnings: unknownKeyWarnings(doc, options.filename),
      rkeSettings: sourceFromClusterYml(data),
      origin(path) {
        if (path[0] !== 'clusters') return [];
        if (path[2] === 'podCidrs' || path[2] === 'serviceCidrs') return networkOrigin[path[2]] ?? [];
        if (path[2] === 'etcdSnapshots') {
          const key = SNAPSHOT_KEYS[String(path[3])];
          return ['services', 'etcd', 'backup_config', ...(key === undefined ? [] : [key])];
        }
        if (path[2] !== 'nodes' || typeof path[3] !== 'number') return path[2] === 'name' ? ['cluster_name'] : [];
        const field = path[4] === undefined ? undefined : sourceField[path[3]]?.[String(path[4])];
        return field ? ['nodes', path[3], field, ...path.slice(5)] : ['nodes', path[3]];
      },
    };
  },
  write: (plan, options) => toClusterYml(plan, options?.cluster),
};

/** The backup_config key each etcdSnapshots field comes from. */
const SNAPSHOT_KEYS: Record<string, string> = { enabled: 'enabled', intervalHours: 'interval_hours', retention: 'retention', offNode: 's3backupconfig' };

/**
 * An RKE cluster.yml for one cluster of a plan: nodes with address, user (a placeholder to edit),
 * role and hostname_override, plus external etcd when the plan says so. Throws RangeError for an
 * unknown cluster or one that is not RKE, and ExportError when rke would refuse the result.
 */
export function toClusterYml(plan: Plan, clusterName?: string): string {
  const name = clusterName ?? (plan.clusters.length === 1 ? plan.clusters[0]?.name : undefined);
  const found = plan.clusters.find((c) => c.name === name);
  if (!found)
    throw new RangeError(name === undefined ? `The plan has ${plan.clusters.length} clusters; choose one.` : `The plan has no cluster named "${name}".`);
  if (found.distribution !== 'rke') throw new RangeError(`Cluster "${found.name}" is not RKE; a cluster.yml describes RKE clusters only.`);
  const blockers = clusterYmlProblems(found);
  if (blockers.length > 0) throw new ExportError(`A cluster.yml for "${found.name}"`, blockers);
  const body: Record<string, unknown> = {
    cluster_name: found.name,
    nodes: found.nodes.map((n) => {
      const address = n.address as string; // node-address-valid has made sure every node has one
      const node: Record<string, unknown> = { address, user: 'ubuntu', role: n.roles.filter((r) => (KUBERNETES_ROLES as readonly string[]).includes(r)) };
      if (n.name !== address.toLowerCase()) node.hostname_override = n.name;
      return node;
    }),
  };
  const services: Record<string, Record<string, unknown>> = {};
  if (found.datastore === 'external') services.etcd = { external_urls: ['https://etcd.example.com:2379'], ca_cert: '', cert: '', key: '' };
  else if (found.etcdSnapshots !== undefined) {
    const backup = backupConfigOf(found.etcdSnapshots);
    if (Object.keys(backup).length > 0) services.etcd = { backup_config: backup };
  }
  // The address ranges go where rke reads them; the service range twice, as rke needs both to match.
  const serviceRange = found.serviceCidrs?.join(',');
  if (serviceRange !== undefined) services['kube-api'] = { service_cluster_ip_range: serviceRange };
  if (found.podCidrs !== undefined || serviceRange !== undefined)
    services['kube-controller'] = {
      ...(found.podCidrs === undefined ? {} : { cluster_cidr: found.podCidrs.join(',') }),
      ...(serviceRange === undefined ? {} : { service_cluster_ip_range: serviceRange }),
    };
  if (Object.keys(services).length > 0) body.services = services;
  // Every value goes through the yaml Document API, which quotes it as YAML needs.
  const doc = new Document(body);
  doc.commentBefore = [
    ` RKE cluster.yml for "${found.name}", written by rancher-arch.`,
    ' Replace the placeholder SSH user (and the external etcd URL or the S3 bucket and keys, if any) before running rke up.',
  ].join('\n');
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'role' && isSeq(pair.value)) pair.value.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/**
 * backup_config for the plan's snapshots: what the plan states, nothing more (rke fills the rest
 * with its defaults). An S3 copy gets placeholders to replace: the plan holds no bucket or keys.
 */
function backupConfigOf(snapshots: EtcdSnapshots): Record<string, unknown> {
  const backup: Record<string, unknown> = {};
  if (snapshots.enabled !== undefined) backup.enabled = snapshots.enabled;
  if (snapshots.intervalHours !== undefined) backup.interval_hours = snapshots.intervalHours;
  if (snapshots.retention !== undefined) backup.retention = snapshots.retention;
  if (snapshots.offNode === 's3')
    backup.s3backupconfig = { bucket_name: 'REPLACE-WITH-BUCKET', endpoint: 's3.amazonaws.com', region: 'us-east-1', access_key: '', secret_key: '' };
  return backup;
}
