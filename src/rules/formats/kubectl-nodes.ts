// `kubectl get nodes -o json` (or -o yaml): a NodeList, a List of Nodes, or one Node.
// Roles come from node-role.kubernetes.io/* labels; the distribution from labels and the kubelet
// version suffix (+k3s1, +rke2r1, -eks-, -gke.).
import { planSchema, type Distribution, type Hosting, type NodeRole, type PlanInput } from '../plan.ts';
import { formatPath, InputError } from './input-error.ts';
import { isRecord, singleClusterPlan, type ImportResult, type SingleClusterOptions } from './rke-cluster-yml.ts';
import type { ParsedText } from './text.ts';

const ROLE_LABEL = 'node-role.kubernetes.io/';

export function looksLikeKubectlNodes(data: unknown): boolean {
  if (!isRecord(data)) return false;
  if (data.kind === 'Node') return true;
  return (data.kind === 'NodeList' || data.kind === 'List') && Array.isArray(data.items);
}

interface NodeFacts {
  name: string;
  address?: string;
  labels: Record<string, unknown>;
  kubelet: string;
  providerID: string;
  nodeArgs: string;
}

function facts(raw: unknown, i: number, file?: string): NodeFacts {
  if (!isRecord(raw) || !isRecord(raw.metadata) || typeof raw.metadata.name !== 'string')
    throw new InputError('expected a Node with metadata.name', { file, path: formatPath(['items', i]) });
  if (raw.kind !== undefined && raw.kind !== 'Node')
    throw new InputError(`expected a Node, got kind ${JSON.stringify(raw.kind)}`, { file, path: formatPath(['items', i, 'kind']) });
  const status = isRecord(raw.status) ? raw.status : {};
  const addresses = Array.isArray(status.addresses) ? status.addresses.filter(isRecord) : [];
  const pick = (type: string) => addresses.find((a) => a.type === type && typeof a.address === 'string')?.address as string | undefined;
  const info = isRecord(status.nodeInfo) ? status.nodeInfo : {};
  const annotations = isRecord(raw.metadata.annotations) ? raw.metadata.annotations : {};
  const spec = isRecord(raw.spec) ? raw.spec : {};
  const node: NodeFacts = {
    name: raw.metadata.name,
    labels: isRecord(raw.metadata.labels) ? raw.metadata.labels : {},
    kubelet: typeof info.kubeletVersion === 'string' ? info.kubeletVersion : '',
    providerID: typeof spec.providerID === 'string' ? spec.providerID : '',
    nodeArgs: [annotations['k3s.io/node-args'], annotations['rke2.io/node-args']].filter((a) => typeof a === 'string').join(' '),
  };
  const address = pick('InternalIP') ?? pick('ExternalIP') ?? pick('Hostname');
  if (address) node.address = address;
  return node;
}

function distributionOf(nodes: NodeFacts[]): Distribution {
  const has = (label: string) => nodes.some((n) => `${ROLE_LABEL}${label}` in n.labels);
  if (nodes.some((n) => /\+k3s/.test(n.kubelet))) return 'k3s';
  if (nodes.some((n) => /\+rke2/.test(n.kubelet))) return 'rke2';
  if (has('controlplane') || has('worker')) return 'rke';
  if (nodes.some((n) => /-eks-/.test(n.kubelet) || 'eks.amazonaws.com/nodegroup' in n.labels)) return 'eks';
  if (nodes.some((n) => /-gke\./.test(n.kubelet) || 'cloud.google.com/gke-nodepool' in n.labels)) return 'gke';
  if (nodes.some((n) => 'kubernetes.azure.com/cluster' in n.labels)) return 'aks';
  return 'other';
}

function hostingOf(nodes: NodeFacts[]): Hosting | undefined {
  const ids = nodes.map((n) => n.providerID.split('://')[0]);
  if (ids.length === 0 || !ids.every((id) => id === ids[0])) return undefined;
  return ({ aws: 'ec2', gce: 'gce', azure: 'azure' } as Record<string, Hosting>)[ids[0] ?? ''];
}

export function readKubectlNodes(parsed: ParsedText, options: SingleClusterOptions = {}): ImportResult {
  const data = parsed.data as Record<string, unknown>;
  const items = data.kind === 'Node' ? [data] : (data.items as unknown[]);
  const nodes = items.map((raw, i) => facts(raw, i, options.filename));
  const distribution = distributionOf(nodes);
  const serverStyle = distribution === 'k3s' || distribution === 'rke2';
  const role = (n: NodeFacts, label: string) => `${ROLE_LABEL}${label}` in n.labels;
  const planNodes = nodes.map((n) => {
    let roles: NodeRole[];
    if (serverStyle) roles = role(n, 'control-plane') || role(n, 'master') || role(n, 'etcd') ? ['server'] : ['agent'];
    else if (distribution === 'eks' || distribution === 'gke' || distribution === 'aks') roles = [];
    else {
      roles = [];
      if (role(n, 'etcd')) roles.push('etcd');
      if (role(n, 'controlplane') || role(n, 'control-plane') || role(n, 'master')) roles.push('controlplane');
      if (role(n, 'worker') || (distribution === 'other' && roles.length === 0)) roles.push('worker');
    }
    return n.address ? { name: n.name, address: n.address, roles } : { name: n.name, roles };
  });
  const cluster: NonNullable<PlanInput['clusters']>[number] = { name: 'cluster', distribution, nodes: planNodes };
  const hosting = distribution === 'eks' || distribution === 'gke' || distribution === 'aks' ? undefined : hostingOf(nodes);
  if (hosting) cluster.hosting = hosting;
  if (serverStyle) {
    // etcd labels mean embedded etcd; --datastore-endpoint in the node args means external;
    // otherwise the single server keeps its data locally (SQLite), which counts as embedded.
    const external = nodes.some((n) => /datastore-endpoint/.test(n.nodeArgs)) && !nodes.some((n) => role(n, 'etcd'));
    cluster.datastore = external ? 'external' : 'embedded';
  }
  return { plan: planSchema.parse(singleClusterPlan([cluster], options)), findings: [] };
}
