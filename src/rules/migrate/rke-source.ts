// What an RKE cluster.yml says beyond the plan: the settings a move to RKE2 or K3s has to carry
// (network plugin, ingress, version, SANs, registries, services' extra_args, snapshots) and the
// ones it cannot. The plan holds nodes and roles; this holds the rest, read key by key from the
// parsed file. Every value is kept as printable ASCII of bounded length, or not at all, because
// it is shown to people and may be written into RKE2 files (always through the yaml library).
import { addressProblem } from '../identifiers.ts';
import { isRecord, scalarText } from '../formats/single-cluster.ts';
import type { Cluster } from '../vocabulary.ts';

/** Values longer than this are not repeated (a CA bundle, a manifest). */
const MAX_VALUE = 200;
/** Bounds on the lists kept, far above what a cluster.yml holds. */
const MAX_ITEMS = 200;

/** Printable ASCII of at most MAX_VALUE characters, else undefined: never a control character. */
export function shownValue(v: unknown): string | undefined {
  const text = typeof v === 'boolean' ? String(v) : scalarText(v);
  if (text === undefined) return undefined;
  return /^[\x20-\x7e]+$/.test(text) && text.length <= MAX_VALUE ? text : undefined;
}

/** A key as the file writes it, if it looks like one (letters, digits, - _ .). */
function shownKey(k: string): string | undefined {
  return /^[A-Za-z0-9][A-Za-z0-9_.-]{0,79}$/.test(k) ? k : undefined;
}

export interface ExtraArg {
  /** The RKE service: kube-api, kube-controller, scheduler, kubelet, kubeproxy, etcd. */
  service: string;
  flag: string;
  /** The value as written; undefined when it is not printable text of bounded length. */
  value: string | undefined;
}

export interface Registry {
  url: string;
  isDefault: boolean;
  /** user/password (or the ECR plugin) are set: they go into registries.yaml's configs, never into a report. */
  credentials: boolean;
}

export interface RkeSource {
  /** Where these settings were read: the cluster.yml itself, or only what a plan or Terraform reader kept. */
  from: 'cluster-yml' | 'plan' | 'terraform';
  networkPlugin?: string;
  /** network.options keys (flannel_iface, calico_cloud_provider…). */
  networkOptions: string[];
  ingressProvider?: string;
  /** ingress keys besides provider (options, extra_args, node_selector…). */
  ingressSettings: string[];
  kubernetesVersion?: string;
  /** authentication.sans that are addresses or DNS names; `unusableSans` the others, as written. */
  sans: string[];
  unusableSans: string[];
  /** The authorized cluster endpoint, when the file turns it on (authorized_cluster_endpoint / local_cluster_auth_endpoint). */
  ace?: { fqdn?: string };
  registries: Registry[];
  extraArgs: ExtraArg[];
  /** services.<svc>.extra_binds, extra_env, win_extra_args…: settings with no sourced RKE2 key. */
  serviceExtras: { service: string; key: string }[];
  /** Service keys with an RKE2 key of their own (cluster_domain → cluster-domain, …): service, key, value. */
  serviceKeys: { service: string; key: string; value: string | undefined }[];
  /** The older etcd snapshot keys (services.etcd.snapshot, creation, retention). */
  legacySnapshot?: Record<string, string | undefined>;
  /** backup_config.s3backupconfig, without its credentials. */
  s3?: { bucket?: string; endpoint?: string; region?: string; folder?: string; customCa: boolean };
  /** Per-node settings counted: how many nodes set each. */
  nodeSettings: { internalAddress: number; labels: number; taints: number; ssh: number; dockerSocket: number };
  /** Top-level keys the move cannot carry as they are (addons, system_images, cloud_provider…), as written. */
  uncarried: string[];
}

export function emptySource(from: RkeSource['from']): RkeSource {
  return {
    from,
    networkOptions: [],
    ingressSettings: [],
    sans: [],
    unusableSans: [],
    registries: [],
    extraArgs: [],
    serviceExtras: [],
    serviceKeys: [],
    nodeSettings: { internalAddress: 0, labels: 0, taints: 0, ssh: 0, dockerSocket: 0 },
    uncarried: [],
  };
}

/** What a plan alone tells about its RKE cluster (a plan file, or Terraform's rke_cluster as read). */
export function sourceFromPlan(cluster: Cluster, from: 'plan' | 'terraform'): RkeSource {
  const source = emptySource(from);
  if (cluster.network !== undefined) source.networkPlugin = cluster.network;
  if (cluster.kubernetesVersion !== undefined) source.kubernetesVersion = cluster.kubernetesVersion;
  if (cluster.authorizedEndpoint !== undefined) source.ace = cluster.authorizedEndpoint.fqdn === undefined ? {} : { fqdn: cluster.authorizedEndpoint.fqdn };
  return source;
}

/** Service keys that RKE2 takes under a key of its own (server_config.md), beyond the address ranges the plan holds. */
export const SERVICE_KEYS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  kubelet: { cluster_domain: 'cluster-domain', cluster_dns_server: 'cluster-dns' },
};
/** Service keys the plan already carries (address ranges, external etcd, snapshots). */
const SERVICE_KEYS_IN_PLAN: Readonly<Record<string, readonly string[]>> = {
  'kube-api': ['service_cluster_ip_range'],
  'kube-controller': ['cluster_cidr', 'service_cluster_ip_range'],
  etcd: ['backup_config', 'external_urls', 'ca_cert', 'cert', 'key', 'path', 'snapshot', 'creation', 'retention'],
};
/** Top-level keys whose content is carried elsewhere in the report, or needs nothing on RKE2. */
const HANDLED_TOP_LEVEL = new Set([
  'nodes',
  'services',
  'network',
  'ingress',
  'authentication',
  'kubernetes_version',
  'private_registries',
  'cluster_name',
  'authorized_cluster_endpoint',
  'local_cluster_auth_endpoint',
  // SSH and Docker settings: RKE2 is installed on each node and runs containerd (the runtime item).
  'ssh_key_path',
  'ssh_cert_path',
  'ssh_agent_auth',
  'ignore_docker_version',
  'enable_cri_dockerd',
  // One-off actions of `rke up`, nothing to carry.
  'restore',
  'rotate_certificates',
  'rotate_encryption_key',
]);

/** A parsed cluster.yml → the settings beyond the plan. The file has passed the cluster.yml reader. */
export function sourceFromClusterYml(data: unknown): RkeSource {
  const source = emptySource('cluster-yml');
  if (!isRecord(data)) return source;
  const network = isRecord(data.network) ? data.network : {};
  const plugin = shownValue(network.plugin);
  if (plugin !== undefined) source.networkPlugin = plugin.toLowerCase();
  if (isRecord(network.options)) source.networkOptions = keysOf(network.options);
  const ingress = isRecord(data.ingress) ? data.ingress : {};
  const provider = shownValue(ingress.provider);
  if (provider !== undefined) source.ingressProvider = provider.toLowerCase();
  source.ingressSettings = keysOf(ingress).filter((k) => k !== 'provider' && ingress[k] !== null && !isEmpty(ingress[k]));
  const version = shownValue(data.kubernetes_version);
  if (version !== undefined) source.kubernetesVersion = version;

  const authentication = isRecord(data.authentication) ? data.authentication : {};
  for (const san of Array.isArray(authentication.sans) ? authentication.sans.slice(0, MAX_ITEMS) : []) {
    const text = shownValue(san);
    if (text === undefined) continue;
    if (addressProblem(text) === undefined) source.sans.push(text);
    else source.unusableSans.push(text);
  }
  for (const key of ['authorized_cluster_endpoint', 'local_cluster_auth_endpoint']) {
    const ace = data[key];
    if (isRecord(ace) && ace.enabled === true) {
      const fqdn = shownValue(ace.fqdn);
      source.ace = fqdn === undefined ? {} : { fqdn };
    }
  }

  for (const raw of Array.isArray(data.private_registries) ? data.private_registries.slice(0, MAX_ITEMS) : []) {
    if (!isRecord(raw)) continue;
    const url = shownValue(raw.url);
    if (url === undefined) continue;
    source.registries.push({
      url,
      isDefault: raw.is_default === true,
      credentials: scalarText(raw.user) !== undefined || scalarText(raw.password) !== undefined || isRecord(raw.ecr_credential_plugin),
    });
  }

  const services = isRecord(data.services) ? data.services : {};
  for (const service of keysOf(services)) {
    const settings = services[service];
    if (!isRecord(settings)) continue;
    for (const key of keysOf(settings)) {
      const value = settings[key];
      if (value === null || value === undefined || isEmpty(value)) continue;
      if (key === 'extra_args' && isRecord(value)) {
        for (const flag of keysOf(value).slice(0, MAX_ITEMS)) source.extraArgs.push({ service, flag, value: shownValue(value[flag]) });
      } else if (SERVICE_KEYS[service]?.[key] !== undefined) source.serviceKeys.push({ service, key, value: shownValue(value) });
      else if (!SERVICE_KEYS_IN_PLAN[service]?.includes(key)) source.serviceExtras.push({ service, key });
    }
  }
  const etcd = isRecord(services.etcd) ? services.etcd : {};
  const legacy = ['snapshot', 'creation', 'retention'].filter((k) => etcd[k] !== undefined && etcd[k] !== null);
  if (legacy.length > 0) source.legacySnapshot = Object.fromEntries(legacy.map((k) => [k, shownValue(etcd[k])]));
  const backup = isRecord(etcd.backup_config) ? etcd.backup_config : {};
  const s3 = backup.s3backupconfig;
  if (isRecord(s3) && scalarText(s3.bucket_name) !== undefined) {
    source.s3 = { customCa: scalarText(s3.custom_ca) !== undefined };
    for (const [field, key] of [
      ['bucket', 'bucket_name'],
      ['endpoint', 'endpoint'],
      ['region', 'region'],
      ['folder', 'folder'],
    ] as const) {
      const text = shownValue(s3[key]);
      if (text !== undefined) source.s3[field] = text;
    }
  }

  for (const node of Array.isArray(data.nodes) ? data.nodes : []) {
    if (!isRecord(node)) continue;
    if (scalarText(node.internal_address) !== undefined) source.nodeSettings.internalAddress++;
    if (isRecord(node.labels) && Object.keys(node.labels).length > 0) source.nodeSettings.labels++;
    if (Array.isArray(node.taints) && node.taints.length > 0) source.nodeSettings.taints++;
    if (['user', 'port', 'ssh_key', 'ssh_key_path', 'ssh_cert', 'ssh_cert_path'].some((k) => scalarText(node[k]) !== undefined)) source.nodeSettings.ssh++;
    if (scalarText(node.docker_socket) !== undefined) source.nodeSettings.dockerSocket++;
  }
  source.uncarried = keysOf(data).filter((k) => !HANDLED_TOP_LEVEL.has(k) && data[k] !== null && !isEmpty(data[k]));
  return source;
}

/** The keys of a mapping that can be shown, in file order, bounded. */
function keysOf(record: Record<string, unknown>): string[] {
  return Object.keys(record)
    .map(shownKey)
    .filter((k): k is string => k !== undefined)
    .slice(0, MAX_ITEMS);
}

/** "", [], {} and objects of only empty values say nothing (rke config writes them everywhere). */
function isEmpty(value: unknown): boolean {
  if (value === '' || value === false || value === 0) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isRecord(value)) return Object.values(value).every((v) => v === null || v === undefined || isEmpty(v));
  return false;
}
