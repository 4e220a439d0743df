// Rancher's, K3s' and RKE2's inbound port tables as data. A rule says which port (or range) and
// protocol, which nodes of a cluster receive it (`on`), who may send it (`from`), why, and where
// the fact comes from. Conditions that the plan cannot know (a node driver, monitoring, WireGuard)
// are kept as `optional`; mappings that are our reading rather than Rancher's are marked
// `inference`. The words are ours; the numbers are the projects'.
import { ARCHITECTURE_212, K3S_CLUSTER_LB, K3S_REQUIREMENTS, RKE2_HA, RKE2_REQUIREMENTS, sourceText, type Source } from '../sources.ts';
import type { NetworkPlugin } from '../vocabulary.ts';

export type Protocol = 'tcp' | 'udp' | 'icmp' | 'any';

/** Who sends the traffic. Cluster-level peers mean the node's own cluster. */
export type Peer =
  | 'cluster-nodes'
  | 'etcd'
  | 'controlplane'
  | 'servers'
  | 'rancher-nodes'
  | 'downstream-nodes'
  | 'load-balancer'
  | 'api-clients'
  | 'service-clients'
  | 'admin'
  | 'pod-network'
  | 'self';

/** Which nodes of a cluster receive the rule. */
export type Facet = 'all' | 'etcd' | 'controlplane' | 'server' | 'worker' | 'ingress';

export interface PortSpec {
  id: string;
  protocol: Protocol;
  /** The port, or the first of a range; absent for ICMP and "any". */
  port?: number;
  /** The last port of a range. */
  to?: number;
  on: readonly Facet[];
  from: readonly Peer[];
  why: string;
  source: PortSourceId;
  /** Only with these network plugins. */
  networks?: readonly NetworkPlugin[];
  /** Only from this Rancher version on. */
  since?: string;
  /** Listed but left to the reader: the plan cannot tell whether it applies. */
  optional?: string;
  /** Our reading, not a statement in the sources. */
  inference?: string;
  /** Added by this guide so a default-drop ruleset still works; not in Rancher's tables. */
  ours?: true;
}

const PORT_REQUIREMENTS = 'https://ranchermanager.docs.rancher.com/getting-started/installation-and-upgrade/installation-requirements/port-requirements';

/** What the port rules rest on. Rules the guide adds itself say `ours` instead (see `portSources`). */
export const PORT_SOURCES = {
  'ports-rke': {
    title: 'Rancher port requirements, Rancher server nodes on RKE (the same on the v2.0–v2.4 page; 8443 from 2.6)',
    where: 'https://ranchermanager.docs.rancher.com/v2.11/getting-started/installation-and-upgrade/installation-requirements/port-requirements',
  },
  'ports-k3s': { title: 'Rancher port requirements, Rancher server nodes on K3s (unchanged from 2.4 to 2.15)', where: PORT_REQUIREMENTS },
  'ports-rke2': { title: 'Rancher port requirements, Rancher server nodes on RKE2 (2.6–2.15, corrected after rancher-docs #266)', where: PORT_REQUIREMENTS },
  'ports-docker': { title: 'Rancher port requirements, Rancher in Docker (every version)', where: PORT_REQUIREMENTS },
  'ports-rke-roles': {
    title: 'Rancher port requirements for RKE downstream nodes, by role (the matrix on the RKE node requirements page)',
    where: 'rancher/rancher-docs src/components/PortsCustomNodes.js',
  },
  'common-ports': {
    title: 'Rancher common ports table, all cluster types (2.13–2.15)',
    where: 'rancher/rancher-docs shared-files/_common-ports-table.md',
  },
  'k3s-requirements': K3S_REQUIREMENTS,
  'rke2-requirements': RKE2_REQUIREMENTS,
  'kubernetes-ports': {
    title: 'Kubernetes ports and protocols: NodePort services on 30000–32767 on every node',
    where: 'https://github.com/kubernetes/website/blob/31a8f95e/content/en/docs/reference/networking/ports-and-protocols.md',
  },
  'lb-rancher': ARCHITECTURE_212,
  'lb-rke2': RKE2_HA,
  'lb-k3s': K3S_CLUSTER_LB,
  ace: {
    title: 'rancher #43612: the authorized cluster endpoint, kubectl straight to a downstream cluster on 6443',
    where: 'https://github.com/rancher/rancher/issues/43612',
  },
} as const satisfies Record<string, Source>;

/** A port rule's source, or `ours` for a rule this guide adds so a default-drop ruleset keeps working. */
export type PortSourceId = keyof typeof PORT_SOURCES | 'ours';

/** The sources of a port rule: none for the guide's own. */
export function portSources(id: PortSourceId): readonly Source[] {
  return id === 'ours' ? [] : [PORT_SOURCES[id]];
}

/** A port rule's source as one line of text (CSV, Markdown); empty for the guide's own, which say so. */
export function portSourceText(id: PortSourceId): string {
  return portSources(id).map(sourceText).join('; ');
}

const INGRESS_PROBES = 'Ingress controller health probes.';
const KUBELET = 'kubelet API: the metrics server and the control plane read it.';
const NODEPORT = 'NodePort services.';

// ---- Rancher itself ---------------------------------------------------------------------------

/** On every node that runs Rancher's ingress (the load balancer's targets), whatever the distribution. */
export const RANCHER_INGRESS: readonly PortSpec[] = [
  {
    id: 'rancher-http',
    protocol: 'tcp',
    port: 80,
    on: ['ingress'],
    from: ['load-balancer'],
    why: 'HTTP to the ingress controller, which redirects to HTTPS (and serves Rancher when the load balancer ends TLS).',
    source: 'ports-rke2',
  },
  {
    id: 'rancher-https',
    protocol: 'tcp',
    port: 443,
    on: ['ingress'],
    from: ['load-balancer', 'cluster-nodes', 'downstream-nodes', 'api-clients'],
    why: 'Rancher UI and API, and the agents of every managed cluster, through the ingress controller.',
    source: 'ports-rke2',
  },
];

/** K3s and RKE2 Rancher clusters: the people who install and run Rancher reach the API too. */
export const RANCHER_KUBECTL: PortSpec = {
  id: 'rancher-kubectl',
  protocol: 'tcp',
  port: 6443,
  on: ['controlplane'],
  from: ['api-clients'],
  why: 'kubectl and helm against the Rancher cluster.',
  source: 'ports-rke',
  inference:
    "Rancher's K3s and RKE2 tabs name only the cluster's own nodes for 6443; whoever installs Rancher with helm needs it as well, as the RKE tab says.",
};

/** Rancher in a Docker container: the host. */
export const DOCKER_HOST: readonly PortSpec[] = [
  {
    id: 'docker-http',
    protocol: 'tcp',
    port: 80,
    on: ['all'],
    from: ['load-balancer'],
    why: 'HTTP, for a load balancer or proxy that ends TLS.',
    source: 'ports-docker',
  },
  {
    id: 'docker-https',
    protocol: 'tcp',
    port: 443,
    on: ['all'],
    from: ['load-balancer', 'downstream-nodes', 'api-clients'],
    why: 'Rancher UI and API, and the agents of every managed cluster.',
    source: 'ports-docker',
  },
];

/** The Rancher cluster on RKE: every node holds every role, and they all talk to each other. */
export const RANCHER_ON_RKE: readonly PortSpec[] = [
  { id: 'rke-ssh', protocol: 'tcp', port: 22, on: ['all'], from: ['admin'], why: 'rke up reaches each node over SSH.', source: 'ports-rke' },
  { id: 'rke-etcd', protocol: 'tcp', port: 2379, to: 2380, on: ['all'], from: ['cluster-nodes'], why: 'etcd clients and peers.', source: 'ports-rke' },
  { id: 'rke-apiserver', protocol: 'tcp', port: 6443, on: ['all'], from: ['cluster-nodes', 'api-clients'], why: 'Kubernetes API.', source: 'ports-rke' },
  {
    id: 'rke-ingress-webhook',
    protocol: 'tcp',
    port: 8443,
    on: ['all'],
    from: ['cluster-nodes'],
    why: 'Validating webhook of the NGINX ingress controller.',
    source: 'ports-rke',
    since: '2.6',
  },
  {
    id: 'rke-cni-probes',
    protocol: 'tcp',
    port: 9099,
    on: ['all'],
    from: ['cluster-nodes'],
    why: 'Canal and Flannel health probes.',
    source: 'ports-rke',
    networks: ['canal', 'flannel'],
  },
  { id: 'rke-kubelet', protocol: 'tcp', port: 10250, on: ['all'], from: ['cluster-nodes'], why: KUBELET, source: 'ports-rke' },
  { id: 'rke-ingress-probes', protocol: 'tcp', port: 10254, on: ['all'], from: ['cluster-nodes'], why: INGRESS_PROBES, source: 'ports-rke' },
];

// ---- downstream RKE, by role ------------------------------------------------------------------

export const RKE_BY_ROLE: readonly PortSpec[] = [
  {
    id: 'rke-etcd',
    protocol: 'tcp',
    port: 2379,
    to: 2380,
    on: ['etcd'],
    from: ['etcd', 'controlplane'],
    why: 'etcd clients and peers.',
    source: 'ports-rke-roles',
  },
  { id: 'rke-apiserver', protocol: 'tcp', port: 6443, on: ['controlplane'], from: ['cluster-nodes'], why: 'Kubernetes API.', source: 'ports-rke-roles' },
  { id: 'rke-worker-ssh', protocol: 'tcp', port: 22, on: ['worker'], from: ['admin'], why: 'SSH for administrators.', source: 'ports-rke-roles' },
  {
    id: 'rke-ingress-http',
    protocol: 'tcp',
    port: 80,
    on: ['controlplane', 'worker'],
    from: ['service-clients'],
    why: 'Applications published through the ingress controller.',
    source: 'ports-rke-roles',
  },
  {
    id: 'rke-ingress-https',
    protocol: 'tcp',
    port: 443,
    on: ['controlplane', 'worker'],
    from: ['service-clients'],
    why: 'Applications published through the ingress controller, over TLS.',
    source: 'ports-rke-roles',
  },
  {
    id: 'rke-cni-probes',
    protocol: 'tcp',
    port: 9099,
    on: ['all'],
    from: ['self'],
    why: 'Canal and Flannel health probes, from the node itself.',
    source: 'ports-rke-roles',
    networks: ['canal', 'flannel'],
  },
  { id: 'rke-kubelet', protocol: 'tcp', port: 10250, on: ['all'], from: ['cluster-nodes'], why: KUBELET, source: 'ports-rke-roles' },
  {
    id: 'rke-ingress-probes',
    protocol: 'tcp',
    port: 10254,
    on: ['controlplane', 'worker'],
    from: ['self'],
    why: 'Ingress controller health probes, from the node itself.',
    source: 'ports-rke-roles',
  },
  {
    id: 'nodeport-tcp',
    protocol: 'tcp',
    port: 30000,
    to: 32767,
    on: ['controlplane', 'worker'],
    from: ['service-clients'],
    why: NODEPORT,
    source: 'ports-rke-roles',
  },
  {
    id: 'nodeport-udp',
    protocol: 'udp',
    port: 30000,
    to: 32767,
    on: ['controlplane', 'worker'],
    from: ['service-clients'],
    why: NODEPORT,
    source: 'ports-rke-roles',
  },
  {
    id: 'node-driver-docker',
    protocol: 'tcp',
    port: 2376,
    on: ['all'],
    from: ['rancher-nodes'],
    why: 'Docker daemon TLS, for Rancher creating the machine.',
    source: 'ports-rke-roles',
    optional: 'only when Rancher creates the machines through a node driver',
  },
];

// ---- K3s and RKE2 -----------------------------------------------------------------------------

const SPLIT =
  "Which ports an etcd-only or control-plane-only server needs is our reading: the K3s and RKE2 docs list ports for servers as a whole, and Rancher's docs have no RKE2 role matrix.";

export const K3S_PORTS: readonly PortSpec[] = [
  {
    id: 'k3s-supervisor',
    protocol: 'tcp',
    port: 6443,
    on: ['server'],
    from: ['cluster-nodes'],
    why: 'K3s supervisor (nodes join here) and Kubernetes API.',
    source: 'k3s-requirements',
  },
  {
    id: 'k3s-etcd',
    protocol: 'tcp',
    port: 2379,
    to: 2380,
    on: ['etcd'],
    from: ['etcd', 'controlplane'],
    why: 'Embedded etcd clients and peers (highly available K3s on embedded etcd).',
    source: 'k3s-requirements',
  },
  { id: 'k3s-kubelet', protocol: 'tcp', port: 10250, on: ['all'], from: ['cluster-nodes'], why: KUBELET, source: 'k3s-requirements' },
  {
    id: 'nodeport-tcp',
    protocol: 'tcp',
    port: 30000,
    to: 32767,
    on: ['worker'],
    from: ['cluster-nodes', 'service-clients'],
    why: NODEPORT,
    source: 'kubernetes-ports',
  },
];

export const RKE2_PORTS: readonly PortSpec[] = [
  {
    id: 'rke2-supervisor',
    protocol: 'tcp',
    port: 9345,
    on: ['server'],
    from: ['cluster-nodes'],
    why: 'RKE2 supervisor: nodes register here, so every server listens for every node.',
    source: 'rke2-requirements',
  },
  { id: 'rke2-apiserver', protocol: 'tcp', port: 6443, on: ['controlplane'], from: ['cluster-nodes'], why: 'Kubernetes API.', source: 'rke2-requirements' },
  {
    id: 'rke2-etcd',
    protocol: 'tcp',
    port: 2379,
    to: 2381,
    on: ['etcd'],
    from: ['etcd', 'controlplane'],
    why: 'etcd clients and peers, and etcd metrics on 2381.',
    source: 'rke2-requirements',
  },
  { id: 'rke2-kubelet', protocol: 'tcp', port: 10250, on: ['all'], from: ['cluster-nodes'], why: KUBELET, source: 'rke2-requirements' },
  {
    id: 'nodeport-tcp',
    protocol: 'tcp',
    port: 30000,
    to: 32767,
    on: ['worker'],
    from: ['cluster-nodes', 'service-clients'],
    why: NODEPORT,
    source: 'rke2-requirements',
  },
];

/** Marked on every K3s/RKE2 rule a split-role server (etcd-only, control-plane-only) receives. */
export const SPLIT_ROLE_INFERENCE = SPLIT;

/** Node-driver SSH, for every distribution Rancher can create machines for. */
export const NODE_DRIVER_SSH: PortSpec = {
  id: 'node-driver-ssh',
  protocol: 'tcp',
  port: 22,
  on: ['all'],
  from: ['rancher-nodes'],
  why: 'SSH, for Rancher creating and configuring the machine.',
  source: 'common-ports',
  optional: 'only when Rancher creates the machines through a node driver',
};

/** Rancher's monitoring scrapes node-exporter on every node. */
export const MONITORING: PortSpec = {
  id: 'node-exporter',
  protocol: 'tcp',
  port: 9796,
  on: ['all'],
  from: ['cluster-nodes'],
  why: 'node-exporter, scraped by Rancher monitoring.',
  source: 'common-ports',
  optional: 'only with Rancher monitoring installed',
};

// ---- network plugins ----------------------------------------------------------------------------

/** The plugin each distribution installs when none is chosen. */
export const DEFAULT_NETWORK: Record<'rke' | 'rke2' | 'k3s', NetworkPlugin> = { rke: 'canal', rke2: 'canal', k3s: 'flannel' };

const vxlan = (source: PortSourceId, id = 'vxlan'): PortSpec => ({
  id,
  protocol: 'udp',
  port: 8472,
  on: ['all'],
  from: ['cluster-nodes'],
  why: 'VXLAN overlay between the nodes; keep it closed to the rest of the world.',
  source,
});
const wireguard = (source: PortSourceId, ports: [number, number] | [number], id: string): PortSpec => ({
  id,
  protocol: 'udp',
  port: ports[0],
  ...(ports[1] === undefined ? {} : { to: ports[1] }),
  on: ['all'],
  from: ['cluster-nodes'],
  why: 'WireGuard tunnel between the nodes.',
  source,
  optional: 'only with WireGuard encryption switched on',
});
const weave: readonly PortSpec[] = [
  { id: 'weave-tcp', protocol: 'tcp', port: 6783, on: ['all'], from: ['cluster-nodes'], why: 'Weave control traffic.', source: 'common-ports' },
  { id: 'weave-udp', protocol: 'udp', port: 6783, to: 6784, on: ['all'], from: ['cluster-nodes'], why: 'Weave data traffic.', source: 'common-ports' },
];
const CALICO: readonly PortSpec[] = [
  { id: 'calico-bgp', protocol: 'tcp', port: 179, on: ['all'], from: ['cluster-nodes'], why: 'Calico BGP between the nodes.', source: 'rke2-requirements' },
  { id: 'calico-vxlan', protocol: 'udp', port: 4789, on: ['all'], from: ['cluster-nodes'], why: 'Calico VXLAN overlay.', source: 'rke2-requirements' },
  { id: 'calico-typha', protocol: 'tcp', port: 5473, on: ['all'], from: ['cluster-nodes'], why: 'calico-node talking to Typha.', source: 'rke2-requirements' },
  { id: 'calico-health', protocol: 'tcp', port: 9098, on: ['all'], from: ['cluster-nodes'], why: 'Calico Typha health checks.', source: 'rke2-requirements' },
  { id: 'calico-felix-health', protocol: 'tcp', port: 9099, on: ['all'], from: ['cluster-nodes'], why: 'Calico health checks.', source: 'rke2-requirements' },
];
const CILIUM: readonly PortSpec[] = [
  {
    id: 'cilium-icmp',
    protocol: 'icmp',
    on: ['all'],
    from: ['cluster-nodes'],
    why: 'Cilium health checks (echo request and reply).',
    source: 'rke2-requirements',
  },
  { id: 'cilium-health', protocol: 'tcp', port: 4240, on: ['all'], from: ['cluster-nodes'], why: 'Cilium health checks.', source: 'rke2-requirements' },
  vxlan('rke2-requirements'),
  wireguard('rke2-requirements', [51871], 'cilium-wireguard'),
];

/** Ports of each network plugin, per distribution family; where a family's docs list none, the closest source is used and said. */
export const NETWORK_PORTS: Record<'rke' | 'rke2' | 'k3s', Partial<Record<NetworkPlugin, readonly PortSpec[]>>> = {
  rke: {
    canal: [vxlan('ports-rke-roles')],
    flannel: [vxlan('ports-rke-roles')],
    calico: [{ ...(CALICO[0] as PortSpec), source: 'common-ports' }],
    weave,
    cilium: CILIUM,
  },
  rke2: {
    canal: [
      vxlan('rke2-requirements'),
      { id: 'canal-health', protocol: 'tcp', port: 9099, on: ['all'], from: ['cluster-nodes'], why: 'Canal health checks.', source: 'rke2-requirements' },
      wireguard('rke2-requirements', [51820, 51821], 'canal-wireguard'),
    ],
    flannel: [
      { id: 'flannel-vxlan', protocol: 'udp', port: 4789, on: ['all'], from: ['cluster-nodes'], why: 'Flannel VXLAN overlay.', source: 'rke2-requirements' },
    ],
    calico: CALICO,
    cilium: CILIUM,
    weave,
  },
  k3s: {
    flannel: [vxlan('k3s-requirements'), wireguard('k3s-requirements', [51820, 51821], 'flannel-wireguard')],
    canal: [
      vxlan('rke2-requirements'),
      { id: 'canal-health', protocol: 'tcp', port: 9099, on: ['all'], from: ['cluster-nodes'], why: 'Canal health checks.', source: 'rke2-requirements' },
    ],
    calico: CALICO,
    cilium: CILIUM,
    weave,
  },
};

// ---- what this guide adds ---------------------------------------------------------------------

export const OURS: readonly PortSpec[] = [
  {
    id: 'admin-ssh',
    protocol: 'tcp',
    port: 22,
    on: ['all'],
    from: ['admin'],
    why: 'SSH from your administrators, so a default-drop ruleset does not lock you out.',
    source: 'ours',
    ours: true,
  },
  {
    id: 'pod-network',
    protocol: 'any',
    on: ['all'],
    from: ['pod-network'],
    why: 'Pods reaching the node: the API through its service address, kubelet, DNS. Use your own cluster-cidr.',
    source: 'ours',
    ours: true,
  },
];
