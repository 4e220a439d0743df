// What K3s and RKE2 config files share: /etc/rancher/{k3s,rke2}/config.yaml holds one node's
// command-line flags as keys. Both readers (k3s-config.ts, rke2-config.ts) use this module to tell
// the two apart and to turn the file into a one-node cluster.
import { splitCidrs } from '../cluster-networks.ts';
import { DISTRIBUTION_LABEL, type Distribution, type NetworkPlugin } from '../vocabulary.ts';
import type { InputWarning } from './input-error.ts';
import type { ReaderOutput, SingleClusterOptions } from './format.ts';
import { fromServerConfig } from './etcd-snapshots.ts';
import { isRecord, scalarText, singleClusterPlan, type ClusterInput, type NodeInput } from './single-cluster.ts';
import type { ParsedText } from './text.ts';

/** Flags either distribution accepts in its config file (a sample large enough to recognise one). */
const SHARED_KEYS = new Set([
  'server',
  'token',
  'token-file',
  'agent-token',
  'agent-token-file',
  'cluster-reset',
  'datastore-endpoint',
  'node-name',
  'node-ip',
  'node-external-ip',
  'advertise-address',
  'tls-san',
  'write-kubeconfig-mode',
  'write-kubeconfig',
  'node-label',
  'node-taint',
  'data-dir',
  'disable',
  'cluster-cidr',
  'service-cidr',
  'cluster-dns',
  'cluster-domain',
  'kubelet-arg',
  'kube-apiserver-arg',
  'kube-controller-manager-arg',
  'kube-scheduler-arg',
  'kube-proxy-arg',
  'etcd-arg',
  'secrets-encryption',
  'etcd-snapshot-schedule-cron',
  'etcd-snapshot-dir',
  'etcd-snapshot-retention',
  'etcd-expose-metrics',
  'with-node-id',
  'selinux',
  'protect-kernel-defaults',
  'embedded-registry',
  'disable-network-policy',
  'bind-address',
  'private-registry',
  'disable-kube-proxy',
  'disable-cloud-controller',
  'disable-etcd',
  'disable-apiserver',
  'disable-controller-manager',
  'disable-scheduler',
  'system-default-registry',
  'egress-selector-mode',
]);
/** Only K3s has these. */
const K3S_ONLY_KEYS = new Set(['cluster-init', 'flannel-backend', 'flannel-iface', 'https-listen-port', 'disable-helm-controller']);
/** Only RKE2 has these. */
const RKE2_ONLY_KEYS = new Set(['cni', 'profile', 'ingress-controller', 'enable-servicelb', 'audit-policy-file', 'pod-security-admission-config-file']);
/** Components K3s lets you disable; RKE2's are named rke2-… */
const K3S_COMPONENTS = new Set(['traefik', 'servicelb', 'local-storage', 'metrics-server', 'coredns']);
/** Settings that only a server reads. */
const SERVER_ONLY =
  /^(cluster-init|cluster-reset|datastore-|tls-san|advertise-address|write-kubeconfig|disable|cluster-cidr|service-cidr|cluster-dns|cluster-domain|kube-apiserver-arg|kube-controller-manager-arg|kube-scheduler-arg|secrets-encryption|etcd-|agent-token|flannel-backend|https-listen-port|embedded-registry|cni|profile|ingress-controller)/;

function list(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(scalarText).filter((s): s is string => s !== undefined);
  const one = scalarText(v);
  return one === undefined
    ? []
    : one
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
}

/** Does this document look like a K3s or RKE2 config file at all? */
export function looksLikeServerConfig(data: unknown): boolean {
  if (!isRecord(data)) return false;
  const keys = Object.keys(data);
  const known = (k: string) => SHARED_KEYS.has(k) || K3S_ONLY_KEYS.has(k) || RKE2_ONLY_KEYS.has(k);
  return keys.length > 0 && keys.some(known) && keys.every((k) => /^[a-z][a-z0-9-]*\+?$/.test(k));
}

export interface Evidence {
  k3s: string[];
  rke2: string[];
}

/** What in the file points at K3s, and what at RKE2, in words for the warning. */
export function evidence(data: Record<string, unknown>): Evidence {
  const found: Evidence = { k3s: [], rke2: [] };
  for (const key of Object.keys(data)) {
    if (K3S_ONLY_KEYS.has(key)) found.k3s.push(`the K3s-only setting ${key}`);
    if (RKE2_ONLY_KEYS.has(key)) found.rke2.push(`the RKE2-only setting ${key}`);
  }
  for (const item of list(data.disable)) {
    if (item.startsWith('rke2-')) found.rke2.push(`disable: ${item}`);
    else if (K3S_COMPONENTS.has(item)) found.k3s.push(`disable: ${item}`);
  }
  const server = scalarText(data.server);
  const port = server ? /:(\d+)\/?$/.exec(server)?.[1] : undefined;
  // RKE2 servers and agents register on the supervisor port 9345; K3s joins on 6443.
  if (port === '9345') found.rke2.push(`server: …:9345`);
  else if (port === '6443') found.k3s.push(`server: …:6443`);
  return found;
}

/** K3s or RKE2, as far as the file tells; undefined when it does not. */
export function distributionFrom(data: Record<string, unknown>): 'k3s' | 'rke2' | undefined {
  const { k3s, rke2 } = evidence(data);
  if (rke2.length > k3s.length) return 'rke2';
  if (k3s.length > rke2.length) return 'k3s';
  return undefined;
}

function networkOf(data: Record<string, unknown>, distribution: Distribution): NetworkPlugin | undefined {
  if (distribution === 'rke2') {
    const cni = list(data.cni).filter((c) => c !== 'multus');
    const first = cni[0];
    if (first === undefined) return undefined;
    return (['canal', 'calico', 'cilium', 'flannel', 'none'] as const).find((c) => c === first) ?? 'other';
  }
  const backend = scalarText(data['flannel-backend']);
  return backend === 'none' ? 'none' : undefined;
}

/** One node's config file as a one-node cluster of the given distribution. */
export function readServerConfig(doc: ParsedText, options: SingleClusterOptions, distribution: 'k3s' | 'rke2', assumed: boolean): ReaderOutput {
  const data = doc.data as Record<string, unknown>;
  const keys = Object.keys(data);
  const isServer = keys.some((k) => SERVER_ONLY.test(k)) || data.server === undefined;
  const address = scalarText(data['node-ip']) ?? scalarText(data['advertise-address']) ?? scalarText(data['node-external-ip']);
  const role = isServer ? 'server' : 'agent';
  // K3s and RKE2 lower-case the node name, as Kubernetes requires.
  const name = (scalarText(data['node-name']) ?? address ?? `${role}-1`).toLowerCase();
  const node: NodeInput = address ? { name, address, roles: [role] } : { name, roles: [role] };
  const cluster: ClusterInput = { name: distribution, distribution, nodes: [node] };
  if (isServer) {
    const external = scalarText(data['datastore-endpoint']) !== undefined;
    const etcd = data['cluster-init'] === true || data.server !== undefined || keys.some((k) => k.startsWith('etcd-'));
    // K3s keeps a lone server's data in SQLite unless it starts (cluster-init) or joins an etcd cluster.
    cluster.datastore = external ? 'external' : distribution === 'k3s' && !etcd ? 'sqlite' : 'embedded';
    // A NoSchedule or NoExecute taint (CriticalAddonsOnly=true:NoExecute, as the RKE2 and K3s docs
    // suggest) keeps ordinary workloads off the node: it is no worker.
    const tainted = list(data['node-taint']).some((t) => /:(NoSchedule|NoExecute)$/.test(t));
    const worker = tainted ? [] : (['worker'] as const);
    // Split server roles (RKE2 and K3s "server roles"): a server told not to run etcd is a
    // control-plane node, one told not to run the API server an etcd node.
    if (data['disable-etcd'] === true) node.roles = ['controlplane', ...worker];
    else if (data['disable-apiserver'] === true) node.roles = ['etcd', ...worker];
    // A tainted server on embedded etcd holds etcd and the control plane and nothing else; on
    // SQLite or an external datastore it stays a server (its data is not an etcd member).
    else if (tainted && cluster.datastore === 'embedded') node.roles = ['etcd', 'controlplane'];
    // A server that holds an etcd member takes scheduled snapshots unless told not to: the file's
    // snapshot keys, or the distribution's defaults where it has none.
    if (cluster.datastore === 'embedded' && data['disable-etcd'] !== true) cluster.etcdSnapshots = fromServerConfig(data);
  }
  const network = networkOf(data, distribution);
  if (network) cluster.network = network;
  // What a joining node needs to stay a joining node when the plan is written out again.
  const joining = scalarText(data.server);
  if (joining !== undefined) node.server = joining.replace(/\/$/, '');
  // The taints the node registers with (node-taint), as written: absent when the file sets none.
  const taints = list(data['node-taint']);
  if (taints.length > 0) node.taints = taints;
  const sans = list(data['tls-san']);
  if (isServer && sans.length > 0) node.tlsSan = sans;
  for (const [field, key] of [
    ['podCidrs', 'cluster-cidr'],
    ['serviceCidrs', 'service-cidr'],
  ] as const) {
    const text = scalarText(data[key]);
    if (text !== undefined) cluster[field] = splitCidrs(text);
  }
  const product = DISTRIBUTION_LABEL[distribution];
  const warnings: InputWarning[] = [
    {
      place: options.filename ?? '',
      message: `a ${product} config file describes one ${role}${joining ? ` joining ${joining}` : ''}; the plan holds just that node. Write a plan listing every server to check the whole cluster.`,
    },
  ];
  if (assumed)
    warnings.push({
      place: options.filename ?? '',
      message: `nothing in this file tells K3s and RKE2 apart; it was read as ${product}. Choose with --distribution k3s or --distribution rke2.`,
    });
  const origin: Record<string, string> = { server: 'server', tlsSan: 'tls-san', taints: 'node-taint', podCidrs: 'cluster-cidr', serviceCidrs: 'service-cidr' };
  const snapshotOrigin: Record<string, string> = {
    enabled: 'etcd-disable-snapshots',
    cron: 'etcd-snapshot-schedule-cron',
    retention: 'etcd-snapshot-retention',
    offNode: 'etcd-s3',
  };
  return {
    plan: singleClusterPlan(cluster, options),
    warnings,
    // The file's keys, for errors in the values read from them (an unusable server: URL, a bad CIDR).
    origin: (path) => {
      if (path[2] === 'etcdSnapshots') {
        const key = snapshotOrigin[String(path[3])];
        return key === undefined ? [] : [key];
      }
      const key = origin[String(path[2] === 'nodes' ? path[4] : path[2])];
      return key === undefined ? [] : [key, ...(typeof path.at(-1) === 'number' && Array.isArray(data[key]) ? [path.at(-1) as number] : [])];
    },
  };
}
