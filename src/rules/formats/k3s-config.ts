// /etc/rancher/k3s/config.yaml: one node's K3s settings (flag names as keys). It becomes a
// one-node K3s cluster: a server unless only agent settings are present, with the datastore taken
// from datastore-endpoint (external) or cluster-init/server (embedded etcd).
import { planSchema, type PlanInput } from '../plan.ts';
import type { InputWarning } from './input-error.ts';
import { isRecord, singleClusterPlan, type ImportResult, type SingleClusterOptions } from './rke-cluster-yml.ts';
import type { ParsedText } from './text.ts';

const K3S_KEYS = new Set([
  'server', 'token', 'token-file', 'agent-token', 'cluster-init', 'cluster-reset', 'datastore-endpoint', 'node-name', 'node-ip',
  'node-external-ip', 'advertise-address', 'tls-san', 'write-kubeconfig-mode', 'write-kubeconfig', 'node-label', 'node-taint',
  'flannel-backend', 'flannel-iface', 'data-dir', 'disable', 'cluster-cidr', 'service-cidr', 'cluster-dns', 'kubelet-arg',
  'kube-apiserver-arg', 'kube-controller-manager-arg', 'kube-proxy-arg', 'secrets-encryption', 'etcd-snapshot-schedule-cron',
  'etcd-snapshot-dir', 'etcd-snapshot-retention', 'with-node-id', 'selinux', 'protect-kernel-defaults', 'embedded-registry',
  'disable-network-policy', 'https-listen-port', 'bind-address', 'etcd-expose-metrics', 'private-registry',
]);

const SERVER_ONLY = /^(cluster-init|cluster-reset|datastore-|tls-san|advertise-address|write-kubeconfig|disable|cluster-cidr|service-cidr|cluster-dns|kube-apiserver-arg|kube-controller-manager-arg|secrets-encryption|etcd-|agent-token|flannel-backend|https-listen-port|embedded-registry)/;

export function looksLikeK3sConfig(data: unknown): boolean {
  if (!isRecord(data)) return false;
  const keys = Object.keys(data);
  return keys.length > 0 && keys.some((k) => K3S_KEYS.has(k)) && keys.every((k) => /^[a-z][a-z0-9-]*$/.test(k));
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

export function readK3sConfig(parsed: ParsedText, options: SingleClusterOptions = {}): ImportResult & { warnings: InputWarning[] } {
  const data = parsed.data as Record<string, unknown>;
  const keys = Object.keys(data);
  const isServer = keys.some((k) => SERVER_ONLY.test(k)) || data.server === undefined;
  const address = str(data['node-ip']) ?? str(data['advertise-address']) ?? str(data['node-external-ip']);
  const role = isServer ? 'server' : 'agent';
  const name = (str(data['node-name']) ?? address ?? `${role}-1`).toLowerCase();
  const cluster: NonNullable<PlanInput['clusters']>[number] = {
    name: 'k3s',
    distribution: 'k3s',
    nodes: [address ? { name, address, roles: [role] } : { name, roles: [role] }],
  };
  if (isServer) cluster.datastore = str(data['datastore-endpoint']) ? 'external' : 'embedded';
  const joining = typeof data.server === 'string';
  const warnings: InputWarning[] = [
    {
      place: options.filename ?? '',
      message: `a K3s config file describes one ${role}${joining ? ` joining ${data.server as string}` : ''}; the plan holds just that node. Write a plan listing every server to check the whole cluster.`,
    },
  ];
  return { plan: planSchema.parse(singleClusterPlan([cluster], options)), findings: [], warnings };
}
