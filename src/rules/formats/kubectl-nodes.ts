// `kubectl get nodes -o json` (or -o yaml): a NodeList, a List of Nodes, one Node, or a bare array
// of Nodes (older support bundles). It becomes one cluster: the distribution from the kubelet
// version and labels, roles from node-role labels (and the legacy kubernetes.io/role label),
// workload nodes from taints, hosting from spec.providerID.
import { isServerRoleDistribution } from '../cluster-facts.ts';
import type { Distribution, Hosting, NodeRole } from '../vocabulary.ts';
import type { Format } from './format.ts';
import { isRecord, nodeOrigin, singleClusterPlan, type ClusterInput, type NodeInput } from './single-cluster.ts';

const ROLE_LABEL = 'node-role.kubernetes.io/';
/** The label kubectl's ROLES column showed before node-role labels (acs-engine, kops). */
const LEGACY_ROLE_LABEL = 'kubernetes.io/role';
/** Labels that mark a managed service's nodes. */
const EKS_LABEL = 'eks.amazonaws.com/nodegroup';
const GKE_LABEL = 'cloud.google.com/gke-nodepool';
const AKS_LABEL = 'kubernetes.azure.com/cluster';
/** Annotations where K3s and RKE2 record a node's arguments (an external datastore shows there). */
const NODE_ARGS = ['k3s.io/node-args', 'rke2.io/node-args'] as const;

export function isNode(v: unknown): boolean {
  return isRecord(v) && (v.kind === 'Node' || (v.kind === undefined && isRecord(v.metadata) && isRecord(v.status)));
}

function items(data: unknown): unknown[] | undefined {
  if (Array.isArray(data)) return data.length > 0 && data.every(isNode) ? data : undefined;
  if (!isRecord(data)) return undefined;
  if (data.kind === 'Node') return [data];
  if (data.kind === 'NodeList' && Array.isArray(data.items)) return data.items as unknown[];
  // A List holds any kinds (kubectl get clusters -o yaml is one too): only a List of Nodes is a node list.
  if (data.kind === 'List' && Array.isArray(data.items) && data.items.every(isNode)) return data.items as unknown[];
  return undefined;
}

interface NodeFacts {
  index: number;
  name: unknown;
  address?: string;
  labels: Record<string, unknown>;
  kubelet: string;
  providerID: string;
  nodeArgs: string;
  /** Has a NoSchedule or NoExecute taint: no ordinary workloads run there. */
  tainted: boolean;
  /** spec.taints as key[=value]:Effect (kubectl leaves the field out when there are none). */
  taints: string[];
}

/** One entry of spec.taints in kubectl's key[=value]:Effect form; odd entries are passed on as written, for the plan's check to name. */
function taintText(t: Record<string, unknown>): string {
  const key = typeof t.key === 'string' ? t.key : '';
  const value = typeof t.value === 'string' && t.value !== '' ? `=${t.value}` : '';
  const effect = typeof t.effect === 'string' ? t.effect : '';
  return `${key}${value}:${effect}`;
}

function facts(raw: unknown, index: number): NodeFacts {
  const node = isRecord(raw) ? raw : {};
  const metadata = isRecord(node.metadata) ? node.metadata : {};
  const status = isRecord(node.status) ? node.status : {};
  const spec = isRecord(node.spec) ? node.spec : {};
  const addresses = Array.isArray(status.addresses) ? status.addresses.filter(isRecord) : [];
  const pick = (type: string) => addresses.find((a) => a.type === type && typeof a.address === 'string')?.address as string | undefined;
  const info = isRecord(status.nodeInfo) ? status.nodeInfo : {};
  const annotations = isRecord(metadata.annotations) ? metadata.annotations : {};
  const taints = Array.isArray(spec.taints) ? spec.taints.filter(isRecord) : [];
  const result: NodeFacts = {
    index,
    name: metadata.name,
    labels: isRecord(metadata.labels) ? metadata.labels : {},
    kubelet: typeof info.kubeletVersion === 'string' ? info.kubeletVersion : '',
    providerID: typeof spec.providerID === 'string' ? spec.providerID : '',
    nodeArgs: NODE_ARGS.map((a) => annotations[a])
      .filter((a) => typeof a === 'string')
      .join(' '),
    tainted: taints.some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute'),
    taints: taints.slice(0, 64).map(taintText),
  };
  const address = pick('InternalIP') ?? pick('ExternalIP');
  if (address) result.address = address;
  return result;
}

const readLabel = (key: string) => key.startsWith(ROLE_LABEL) || key === LEGACY_ROLE_LABEL || key === EKS_LABEL || key === GKE_LABEL || key === AKS_LABEL;

/**
 * What of one Node this reader reads, and nothing else: a list streamed from a 100 MB file keeps
 * this much a node (status.images, managedFields, conditions and the other labels go). Reading the
 * slim node gives the same plan as reading the whole one.
 */
export function slimNode(raw: unknown): Record<string, unknown> {
  const node = isRecord(raw) ? raw : {};
  const metadata = isRecord(node.metadata) ? node.metadata : {};
  const spec = isRecord(node.spec) ? node.spec : {};
  const status = isRecord(node.status) ? node.status : {};
  const labels = isRecord(metadata.labels) ? Object.fromEntries(Object.entries(metadata.labels).filter(([k]) => readLabel(k))) : {};
  const annotations = isRecord(metadata.annotations)
    ? Object.fromEntries(NODE_ARGS.flatMap((a) => (a in (metadata.annotations as object) ? [[a, (metadata.annotations as Record<string, unknown>)[a]]] : [])))
    : {};
  const info = isRecord(status.nodeInfo) ? { kubeletVersion: status.nodeInfo.kubeletVersion } : {};
  const slim: Record<string, unknown> = {
    kind: node.kind,
    metadata: { name: metadata.name, labels, annotations },
    spec: { providerID: spec.providerID, ...(Array.isArray(spec.taints) ? { taints: spec.taints } : {}) },
    // The first InternalIP and ExternalIP are the addresses the reader may take.
    status: {
      addresses: ['InternalIP', 'ExternalIP'].flatMap((type): unknown[] =>
        Array.isArray(status.addresses)
          ? (status.addresses as unknown[]).filter((a) => isRecord(a) && a.type === type && typeof a.address === 'string').slice(0, 1)
          : [],
      ),
      nodeInfo: info,
    },
  };
  return slim;
}

const hasRole = (n: NodeFacts, role: string) => `${ROLE_LABEL}${role}` in n.labels;
const legacyRole = (n: NodeFacts) => (typeof n.labels[LEGACY_ROLE_LABEL] === 'string' ? n.labels[LEGACY_ROLE_LABEL] : undefined);
/** A node that runs the control plane, by any of the labels clusters have used for it. */
const isMaster = (n: NodeFacts) => hasRole(n, 'control-plane') || hasRole(n, 'master') || legacyRole(n) === 'master';

function distributionOf(nodes: NodeFacts[]): Distribution {
  if (nodes.some((n) => /\+k3s/.test(n.kubelet))) return 'k3s';
  if (nodes.some((n) => /\+rke2/.test(n.kubelet))) return 'rke2';
  if (nodes.some((n) => hasRole(n, 'controlplane') || hasRole(n, 'worker'))) return 'rke';
  // A listed master means the control plane is ours to run: not a managed service, whatever the
  // cloud labels say (acs-engine on Azure carries AKS-like labels and lists its master).
  if (nodes.some(isMaster)) return 'other';
  if (nodes.some((n) => /-eks-/.test(n.kubelet) || EKS_LABEL in n.labels)) return 'eks';
  if (nodes.some((n) => /-gke\./.test(n.kubelet) || GKE_LABEL in n.labels)) return 'gke';
  if (nodes.some((n) => AKS_LABEL in n.labels)) return 'aks';
  return 'other';
}

function hostingOf(nodes: NodeFacts[]): Hosting | undefined {
  const schemes = new Set(nodes.map((n) => n.providerID.split('://')[0]));
  if (schemes.size !== 1) return undefined;
  return ({ aws: 'ec2', gce: 'gce', azure: 'azure' } as Record<string, Hosting>)[[...schemes][0] ?? ''];
}

function rolesOf(n: NodeFacts, distribution: Distribution): NodeRole[] {
  switch (distribution) {
    case 'k3s':
    case 'rke2':
      return isMaster(n) || hasRole(n, 'etcd') ? ['server'] : ['agent'];
    case 'eks':
    case 'gke':
    case 'aks':
      return ['worker'];
    case 'rke':
      return (['etcd', 'controlplane', 'worker'] as const).filter((r) => hasRole(n, r));
    default: {
      const master = isMaster(n);
      const roles: NodeRole[] = [];
      if (hasRole(n, 'etcd')) roles.push('etcd');
      if (master) roles.push('controlplane');
      const legacy = legacyRole(n);
      const labelledWorker = hasRole(n, 'worker') || hasRole(n, 'node') || legacy === 'agent' || legacy === 'node';
      // No role label at all means an ordinary node; a control-plane node without a NoSchedule or
      // NoExecute taint takes workloads too (kind and minikube's only node).
      if (labelledWorker || roles.length === 0 || (master && !n.tainted)) roles.push('worker');
      return roles;
    }
  }
}

export const kubectlNodesFormat: Format<'kubectl-nodes'> = {
  id: 'kubectl-nodes',
  label: 'kubectl get nodes output',
  detect: (doc) => items(doc.data) !== undefined,
  read(doc, options) {
    const list = items(doc.data) ?? [];
    const nodes = list.map(facts);
    const distribution = distributionOf(nodes);
    const planNodes: NodeInput[] = nodes.map((n) => {
      const node = { name: n.name, roles: rolesOf(n, distribution) } as NodeInput;
      if (n.address) node.address = n.address;
      node.taints = n.taints;
      return node;
    });
    const cluster: ClusterInput = { name: 'cluster', distribution, nodes: planNodes };
    const hosting = hostingOf(nodes);
    if (hosting) cluster.hosting = hosting;
    if (isServerRoleDistribution(distribution)) {
      const servers = nodes.filter((n) => isMaster(n) || hasRole(n, 'etcd'));
      const etcd = nodes.some((n) => hasRole(n, 'etcd'));
      const external = !etcd && (nodes.some((n) => /datastore-endpoint/.test(n.nodeArgs)) || (distribution === 'k3s' && servers.length > 1));
      // A lone K3s server without an etcd label keeps its data in SQLite, K3s's default.
      cluster.datastore = external ? 'external' : etcd || distribution === 'rke2' ? 'embedded' : 'sqlite';
    }
    const base = Array.isArray(doc.data) ? [] : isRecord(doc.data) && doc.data.kind === 'Node' ? undefined : ['items'];
    return {
      plan: singleClusterPlan(cluster, options),
      // Node i of the plan is items[i] (or the document itself for a single Node); its name is metadata.name.
      origin: nodeOrigin((i) => (base === undefined ? ['metadata', 'name'] : [...base, i, 'metadata', 'name'])),
    };
  },
};
