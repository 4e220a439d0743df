// The firewall matrix of a plan: for every node, the inbound rules it needs (port, protocol, who
// sends, why, source), plus the load balancers' listeners. Peers are named groups (the etcd nodes
// of a cluster, the Rancher nodes, the load balancer…) kept once in `groups`, so a 5,000-node
// cluster does not repeat 5,000 addresses per rule. Facts about nodes come from cluster-facts.ts.
import {
  effectiveRoles,
  hostFromText,
  isControlPlane,
  isEtcdMember,
  isManaged,
  isRancherCluster,
  isWorkerCapable,
  rancherCluster,
  resolveTarget,
  usesServerRoles,
} from '../cluster-facts.ts';
import { nodesInsideClusterNetworks, podNetworkOf } from '../cluster-networks.ts';
import { listNames, verb } from '../words.ts';
import { compareVersions, DEFAULT_RANCHER_VERSION } from '../versions.ts';
import { DISTRIBUTION_LABEL, type Cluster, type NetworkPlugin, type Plan, type PlanNode } from '../vocabulary.ts';
import {
  DEFAULT_NETWORK,
  DOCKER_HOST,
  K3S_PORTS,
  MONITORING,
  NETWORK_PORTS,
  NODE_DRIVER_SSH,
  OURS,
  RANCHER_INGRESS,
  RANCHER_KUBECTL,
  RANCHER_ON_RKE,
  RKE2_PORTS,
  RKE_BY_ROLE,
  SPLIT_ROLE_INFERENCE,
  type Facet,
  type Peer,
  type PortSpec,
  type Protocol,
  type SourceId,
} from './tables.ts';

export interface Member {
  cluster?: string;
  name: string;
  address?: string;
}

/** A named set of senders: nodes of the plan, or something outside it that the reader fills in. */
export interface Group {
  key: string;
  peer: Peer;
  /** The cluster a node group belongs to. */
  cluster?: string;
  /** With the cluster's name ("etcd nodes of production"). */
  label: string;
  /** Without it ("etcd nodes of this cluster"), for tables that describe a kind of node. */
  generic: string;
  /** Nodes of the plan; undefined for outside groups (load balancer, clients, admins, pod network). */
  members?: Member[];
  /** Networks an outside group holds from the start (a cluster's pod network). */
  defaults?: string[];
}

export interface InboundRule {
  id: string;
  protocol: Protocol;
  /** "6443", "2379-2380"; empty for ICMP and "any". */
  ports: string;
  range?: [number, number];
  /** Keys into PortMatrix.groups. */
  from: string[];
  why: string;
  source: SourceId;
  /** Only the node itself sends this: loopback covers it. */
  local?: true;
  optional?: string;
  inference?: string;
  ours?: true;
}

export interface NodePorts {
  /** Absent for the Docker host. */
  cluster?: string;
  node: string;
  address?: string;
  /** What the node is, in words: "etcd", "controlplane + worker", "etcd-only server", "Docker host". */
  kind: string;
  rules: InboundRule[];
  /** What makes this node's ruleset weaker than it looks (its address inside the pod network). */
  warnings?: string[];
}

export interface ClusterPorts {
  name: string;
  distribution: Cluster['distribution'];
  purpose: 'rancher' | 'downstream';
  network?: NetworkPlugin;
  /** The network plugin was not in the plan: the distribution's default was used. */
  networkDefaulted: boolean;
  notes: string[];
  nodes: NodePorts[];
}

export interface Listener {
  cluster: string;
  /** What the listener is for, in words. */
  purpose: string;
  /** Where the load balancer listens. */
  port: number;
  /** Where it forwards to on the targets: the same port, except for the authorized endpoint (443 → 6443). */
  targetPort: number;
  protocol: 'tcp';
  /** Node names the listener forwards to. */
  targets: string[];
  fqdn?: string;
  why: string;
  source: SourceId;
  note?: string;
}

export interface PortMatrix {
  rancherVersion: string;
  clusters: ClusterPorts[];
  docker?: NodePorts;
  listeners: Listener[];
  groups: Record<string, Group>;
  notes: string[];
}

// ---- groups -------------------------------------------------------------------------------------

const OUTSIDE: Record<'load-balancer' | 'api-clients' | 'service-clients' | 'admin' | 'self', Omit<Group, 'key' | 'peer'>> = {
  'load-balancer': { label: 'the load balancer', generic: 'the load balancer' },
  'api-clients': { label: 'UI, API and kubectl users', generic: 'UI, API and kubectl users' },
  'service-clients': { label: 'users of the published applications', generic: 'users of the published applications' },
  admin: { label: 'administrators (and the host running rke up)', generic: 'administrators (and the host running rke up)' },
  self: { label: 'the node itself', generic: 'the node itself' },
};

const CLUSTER_GROUP_WORDS: Record<'cluster-nodes' | 'etcd' | 'controlplane' | 'servers', string> = {
  'cluster-nodes': 'every node',
  etcd: 'etcd nodes',
  controlplane: 'controlplane nodes',
  servers: 'servers',
};

const member = (cluster: string | undefined, node: Pick<PlanNode, 'name' | 'address'>): Member => ({
  ...(cluster === undefined ? {} : { cluster }),
  name: node.name,
  ...(node.address === undefined ? {} : { address: node.address }),
});

class Groups {
  readonly all: Record<string, Group> = {};
  private readonly plan: Plan;
  constructor(plan: Plan) {
    this.plan = plan;
  }

  outside(peer: keyof typeof OUTSIDE): string {
    if (!this.all[peer]) this.all[peer] = { key: peer, peer, ...OUTSIDE[peer] };
    return peer;
  }

  /** The key of a group of the cluster's nodes, or undefined when it has no members. */
  ofCluster(cluster: Cluster, peer: keyof typeof CLUSTER_GROUP_WORDS): string | undefined {
    const pick: Record<typeof peer, (n: PlanNode) => boolean> = {
      'cluster-nodes': () => true,
      etcd: (n) => isEtcdMember(cluster, n),
      controlplane: (n) => isControlPlane(cluster, n),
      servers: (n) => {
        const roles = effectiveRoles(cluster, n);
        return roles.has('etcd') || roles.has('controlplane');
      },
    };
    const nodes = cluster.nodes.filter(pick[peer]);
    if (nodes.length === 0) return undefined;
    // A group with the same nodes as the whole cluster is the whole cluster: one set, not two.
    if (peer !== 'cluster-nodes' && nodes.length === cluster.nodes.length) return this.ofCluster(cluster, 'cluster-nodes');
    const key = `${cluster.name}:${peer}`;
    if (!this.all[key])
      this.all[key] = {
        key,
        peer,
        cluster: cluster.name,
        label: `${CLUSTER_GROUP_WORDS[peer]} of ${cluster.name}`,
        generic: `${CLUSTER_GROUP_WORDS[peer]} of this cluster`,
        members: nodes.map((n) => member(cluster.name, n)),
      };
    return key;
  }

  /** The cluster's pod network (its cluster-cidr, stated or the distribution's default), as a group of networks. */
  podNetwork(cluster: Cluster): string {
    const key = `${cluster.name}:pod-network`;
    if (!this.all[key]) {
      const network = podNetworkOf(cluster);
      const words =
        network === undefined
          ? 'pods (the plan states no cluster-cidr: add yours)'
          : `pods (${network.defaulted ? 'default ' : ''}cluster-cidr ${network.cidrs.join(', ')})`;
      this.all[key] = { key, peer: 'pod-network', cluster: cluster.name, label: words, generic: words, defaults: network?.cidrs ?? [] };
    }
    return key;
  }

  rancherNodes(): string | undefined {
    const r = rancherCluster(this.plan);
    if (r) return this.ofCluster(r, 'cluster-nodes');
    const host = this.plan.rancher?.install === 'docker' ? this.plan.rancher.host : undefined;
    if (host === undefined) {
      // Rancher is not in the plan: the reader fills its addresses in.
      if (!this.all['rancher-nodes'])
        this.all['rancher-nodes'] = {
          key: 'rancher-nodes',
          peer: 'rancher-nodes',
          label: 'the Rancher server nodes (not in this plan)',
          generic: 'the Rancher server nodes',
        };
      return 'rancher-nodes';
    }
    if (!this.all['rancher-nodes']) {
      const ref = hostFromText(host);
      this.all['rancher-nodes'] = {
        key: 'rancher-nodes',
        peer: 'rancher-nodes',
        label: 'the Rancher Docker host',
        generic: 'the Rancher server nodes',
        members: [{ name: host, ...(ref.address === undefined ? {} : { address: ref.address }) }],
      };
    }
    return 'rancher-nodes';
  }

  downstreamNodes(): string | undefined {
    if (this.all['downstream-nodes']) return 'downstream-nodes';
    const members = this.plan.clusters.filter((c) => !isRancherCluster(this.plan, c)).flatMap((c) => c.nodes.map((n) => member(c.name, n)));
    if (members.length === 0) return undefined;
    this.all['downstream-nodes'] = {
      key: 'downstream-nodes',
      peer: 'downstream-nodes',
      label: 'nodes of the downstream clusters',
      generic: 'nodes of the downstream clusters',
      members,
    };
    return 'downstream-nodes';
  }

  resolve(peer: Peer, cluster: Cluster | undefined, serverStyle: boolean): string | undefined {
    switch (peer) {
      case 'cluster-nodes':
        return cluster && this.ofCluster(cluster, 'cluster-nodes');
      case 'etcd':
      case 'controlplane':
        // Standalone servers are both: name them as servers.
        return cluster && this.ofCluster(cluster, serverStyle ? 'servers' : peer);
      case 'servers':
        return cluster && this.ofCluster(cluster, 'servers');
      case 'rancher-nodes':
        return this.rancherNodes();
      case 'downstream-nodes':
        return this.downstreamNodes();
      case 'pod-network':
        return cluster && this.podNetwork(cluster);
      default:
        return this.outside(peer);
    }
  }
}

// ---- which rules a node gets ----------------------------------------------------------------------

interface NodeFacts {
  etcd: boolean;
  controlplane: boolean;
  worker: boolean;
  ingress: boolean;
}

function has(facet: Facet, facts: NodeFacts): boolean {
  switch (facet) {
    case 'all':
      return true;
    case 'server':
      return facts.etcd || facts.controlplane;
    case 'etcd':
      return facts.etcd;
    case 'controlplane':
      return facts.controlplane;
    case 'worker':
      return facts.worker;
    case 'ingress':
      return facts.ingress;
  }
}

function portsOf(spec: PortSpec): { ports: string; range?: [number, number] } {
  if (spec.port === undefined) return { ports: '' };
  const to = spec.to ?? spec.port;
  return { ports: to === spec.port ? String(spec.port) : `${spec.port}-${to}`, range: [spec.port, to] };
}

/** Where the Rancher cluster's own 80/443 rules come from, by the distribution it runs. */
function rancherSource(cluster: Cluster): SourceId {
  if (cluster.distribution === 'rke') return 'ports-rke';
  if (cluster.distribution === 'k3s') return 'ports-k3s';
  return 'ports-rke2';
}

function family(cluster: Cluster): 'rke' | 'rke2' | 'k3s' | undefined {
  const d = cluster.distribution;
  return d === 'rke' || d === 'rke2' || d === 'k3s' ? d : undefined;
}

/** The network plugin a cluster uses: the plan's, or its distribution's default. */
export function networkOf(cluster: Cluster): { network?: NetworkPlugin; defaulted: boolean } {
  const fam = family(cluster);
  if (cluster.network !== undefined) return { network: cluster.network, defaulted: false };
  return fam ? { network: DEFAULT_NETWORK[fam], defaulted: true } : { defaulted: true };
}

/** The nodes behind the Rancher load balancer: its targets, else every node that takes workloads. */
export function ingressNodes(cluster: Cluster): PlanNode[] {
  const targets = cluster.loadBalancer?.targets ?? [];
  const resolved = targets.map((t) => resolveTarget(cluster, t)).filter((n): n is PlanNode => n !== undefined);
  if (resolved.length > 0) return [...new Set(resolved)];
  return cluster.nodes.filter((n) => isWorkerCapable(cluster, n));
}

function nodeKind(cluster: Cluster, node: PlanNode): string {
  const roles = effectiveRoles(cluster, node);
  if (isManaged(cluster)) return 'worker (managed cluster)';
  if (roles.size === 0) return 'no role';
  if (usesServerRoles(cluster)) {
    const etcd = roles.has('etcd');
    const cp = roles.has('controlplane');
    const worker = roles.has('worker');
    if (!etcd && !cp) return 'agent';
    if (etcd && !cp) return worker ? 'etcd + worker' : 'etcd-only server';
    if (cp && !etcd) {
      if (cluster.datastore === 'external' || cluster.datastore === 'sqlite') return 'server (data outside the nodes)';
      return worker ? 'control-plane server + worker' : 'control-plane-only server';
    }
    return worker ? 'server' : 'server (no workloads)';
  }
  return ['etcd', 'controlplane', 'worker'].filter((r) => roles.has(r as 'etcd')).join(' + ');
}

/** Is this K3s/RKE2 node a server split by role (etcd-only or control-plane-only) on embedded etcd? */
function splitServer(cluster: Cluster, node: PlanNode): boolean {
  if (!usesServerRoles(cluster) || cluster.datastore === 'external' || cluster.datastore === 'sqlite') return false;
  const roles = effectiveRoles(cluster, node);
  return roles.has('etcd') !== roles.has('controlplane');
}

function specsFor(plan: Plan, cluster: Cluster, version: string): { specs: PortSpec[]; notes: string[] } {
  const notes: string[] = [];
  const rancher = isRancherCluster(plan, cluster);
  const specs: PortSpec[] = [];
  const fam = family(cluster);
  if (rancher && cluster.distribution === 'rke') specs.push(...RANCHER_ON_RKE);
  else if (cluster.distribution === 'rke') specs.push(...RKE_BY_ROLE);
  else if (cluster.distribution === 'k3s') specs.push(...K3S_PORTS);
  else if (cluster.distribution === 'rke2') specs.push(...RKE2_PORTS);
  if (fam && !rancher) specs.push(NODE_DRIVER_SSH);
  if (rancher) {
    const source = rancherSource(cluster);
    specs.push(...RANCHER_INGRESS.map((s) => ({ ...s, source })));
    if (usesServerRoles(cluster)) specs.push(RANCHER_KUBECTL);
  }
  if (fam) {
    const { network, defaulted } = networkOf(cluster);
    const cni = network ? NETWORK_PORTS[fam][network] : undefined;
    // On the Rancher RKE cluster the overlay port comes from Rancher's own server-node table.
    if (cni) specs.push(...cni.map((s) => (rancher && s.source === 'ports-rke-roles' ? { ...s, source: 'ports-rke' as const } : s)));
    if (network === 'none' || network === 'other')
      notes.push(`The plan names ${network === 'none' ? 'no network plugin' : 'another network plugin'}: add the ports your plugin needs.`);
    if (network === 'cilium' && fam === 'rke') notes.push('RKE offers no Cilium option; the Cilium ports come from the RKE2 docs.');
    if (fam === 'k3s' && network !== undefined && network !== 'flannel' && network !== 'none' && network !== 'other')
      notes.push(`The K3s docs list Flannel's ports only; the ${network} ports come from the RKE2 docs.`);
    if (defaulted && network) notes.push(`No network plugin in the plan: ${DISTRIBUTION_LABEL[fam]}'s default, ${network}, is assumed.`);
    specs.push(MONITORING);
  } else if (isManaged(cluster)) {
    notes.push(
      `The provider runs the control plane of ${DISTRIBUTION_LABEL[cluster.distribution]} clusters: open what its own security-group guidance asks for.`,
    );
  } else {
    notes.push('Rancher, K3s and RKE2 publish no port table for other distributions: only the rules Rancher itself needs are listed.');
  }
  if (cluster.authorizedEndpoint && (fam !== undefined || cluster.distribution === 'other'))
    specs.push({
      id: 'ace-apiserver',
      protocol: 'tcp',
      port: 6443,
      on: ['controlplane'],
      from: ['load-balancer', 'api-clients'],
      why: 'Authorized cluster endpoint: kubectl straight to this cluster, without Rancher in between.',
      source: 'ace',
    });
  if (cluster.distribution === 'rke' && compareVersions(version, '2.12') >= 0)
    notes.push('Rancher 2.12 and later no longer manage RKE clusters; these are the ports the 2.11 docs list.');
  return { specs: specs.filter((s) => s.since === undefined || compareVersions(version, s.since) >= 0), notes };
}

const SERVER_FACETS: readonly Facet[] = ['server', 'etcd', 'controlplane'];

function buildRules(
  specs: readonly PortSpec[],
  ours: readonly PortSpec[],
  facts: NodeFacts,
  network: NetworkPlugin | undefined,
  resolve: (peer: Peer) => string | undefined,
  split: boolean,
): InboundRule[] {
  const rules: InboundRule[] = [];
  const seen = new Set<string>();
  const signature = (r: Pick<InboundRule, 'protocol' | 'ports' | 'from'>) => `${r.protocol} ${r.ports} ${[...r.from].sort().join(',')}`;
  const signatures = new Set<string>();
  for (const spec of [...specs, ...ours]) {
    if (seen.has(spec.id) || !spec.on.some((f) => has(f, facts))) continue;
    if (spec.networks && (network === undefined || !spec.networks.includes(network))) continue;
    const from = [...new Set(spec.from.map(resolve).filter((k): k is string => k !== undefined))];
    if (from.length === 0) continue;
    const rule: InboundRule = { id: spec.id, protocol: spec.protocol, ...portsOf(spec), from, why: spec.why, source: spec.source };
    // A rule of our own that repeats one from the tables adds nothing.
    if (spec.ours && signatures.has(signature(rule))) continue;
    seen.add(spec.id);
    signatures.add(signature(rule));
    if (spec.from.length === 1 && spec.from[0] === 'self') rule.local = true;
    if (spec.optional) rule.optional = spec.optional;
    if (spec.inference) rule.inference = spec.inference;
    else if (split && (spec.source === 'k3s-requirements' || spec.source === 'rke2-requirements') && spec.on.some((f) => SERVER_FACETS.includes(f)))
      rule.inference = SPLIT_ROLE_INFERENCE;
    if (spec.ours) rule.ours = true;
    rules.push(rule);
  }
  // Required rules by port, then the optional ones, then ours.
  const rank = (r: InboundRule) => (r.ours ? 2 : r.optional ? 1 : 0);
  return rules.sort((a, b) => rank(a) - rank(b) || (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0) || a.protocol.localeCompare(b.protocol));
}

// ---- listeners --------------------------------------------------------------------------------------

function listenersFor(plan: Plan, cluster: Cluster): Listener[] {
  const out: Listener[] = [];
  const names = (nodes: PlanNode[]) => nodes.map((n) => n.name);
  const servers = cluster.nodes.filter((n) => {
    const roles = effectiveRoles(cluster, n);
    return roles.has('etcd') || roles.has('controlplane');
  });
  const apiServers = cluster.nodes.filter((n) => isControlPlane(cluster, n));
  if (isRancherCluster(plan, cluster)) {
    const ingress = names(ingressNodes(cluster));
    for (const port of [80, 443])
      out.push({
        cluster: cluster.name,
        purpose: 'Rancher UI and API',
        port,
        targetPort: port,
        protocol: 'tcp',
        targets: ingress,
        why: port === 80 ? 'HTTP, redirected to HTTPS by the ingress controller.' : 'HTTPS to the ingress controller, passed through untouched (layer 4).',
        source: 'load-balancer',
      });
  }
  const standaloneHa = usesServerRoles(cluster) && cluster.nodes.some((n) => n.roles.includes('server')) && servers.length >= 2;
  if (usesServerRoles(cluster) && (isRancherCluster(plan, cluster) || standaloneHa)) {
    const purpose = 'fixed registration address';
    if (cluster.distribution === 'rke2') {
      out.push({
        cluster: cluster.name,
        purpose,
        port: 9345,
        targetPort: 9345,
        protocol: 'tcp',
        targets: names(servers),
        why: 'RKE2 supervisor: joining nodes register here.',
        source: 'load-balancer',
        note: 'A server opens 9345 before it can serve joins: health-check 6443 as well.',
      });
      out.push({
        cluster: cluster.name,
        purpose,
        port: 6443,
        targetPort: 6443,
        protocol: 'tcp',
        targets: names(apiServers),
        why: 'Kubernetes API.',
        source: 'load-balancer',
      });
    } else {
      out.push({
        cluster: cluster.name,
        purpose,
        port: 6443,
        targetPort: 6443,
        protocol: 'tcp',
        targets: names(apiServers),
        why: 'K3s supervisor and Kubernetes API share 6443; K3s has no 9345.',
        source: 'load-balancer',
      });
    }
  } else if (cluster.distribution === 'rke' && isRancherCluster(plan, cluster)) {
    out.push({
      cluster: cluster.name,
      purpose: 'kubectl to the Rancher cluster (optional)',
      port: 6443,
      targetPort: 6443,
      protocol: 'tcp',
      targets: names(apiServers),
      why: 'Kubernetes API through the load balancer.',
      source: 'load-balancer',
      note: "Add the load balancer's name to authentication.sans in cluster.yml.",
    });
  }
  const ace = cluster.authorizedEndpoint;
  if (ace && !isManaged(cluster)) {
    const targets = ace.targets.map((t) => resolveTarget(cluster, t)).filter((n): n is PlanNode => n !== undefined);
    out.push({
      cluster: cluster.name,
      purpose: 'authorized cluster endpoint',
      // Rancher writes the FQDN context as https://FQDN, so clients come on 443 unless the FQDN
      // names a port; the API servers answer on 6443 behind it.
      port: ace.port ?? 443,
      targetPort: 6443,
      protocol: 'tcp',
      targets: names(targets.length > 0 ? [...new Set(targets)] : apiServers),
      ...(ace.fqdn === undefined ? {} : { fqdn: ace.fqdn }),
      why: 'kubectl straight to the cluster through its FQDN.',
      source: 'ace',
      note:
        ace.port === undefined
          ? "Rancher's kubeconfig reaches the FQDN as https://FQDN, port 443: listen there and forward to 6443."
          : `The FQDN names port ${ace.port}: listen there and forward to 6443.`,
    });
  }
  return out;
}

// ---- the matrix ---------------------------------------------------------------------------------------

/** The firewall matrix of a plan. */
export function portMatrix(plan: Plan): PortMatrix {
  const version = plan.rancher?.version ?? DEFAULT_RANCHER_VERSION;
  const groups = new Groups(plan);
  const clusters: ClusterPorts[] = [];
  const listeners: Listener[] = [];
  for (const cluster of plan.clusters) {
    const rancher = isRancherCluster(plan, cluster);
    const { specs, notes } = specsFor(plan, cluster, version);
    const { network, defaulted } = networkOf(cluster);
    const ingress = new Set(rancher ? ingressNodes(cluster) : []);
    const serverStyle = usesServerRoles(cluster) && cluster.nodes.some((n) => n.roles.includes('server') || n.roles.includes('agent'));
    const resolve = (peer: Peer) => groups.resolve(peer, cluster, serverStyle);
    const inPodNetwork = new Map(
      nodesInsideClusterNetworks(cluster)
        .filter((n) => n.network === 'pod')
        .map((n) => [n.node, n.cidr]),
    );
    const nodes: NodePorts[] = cluster.nodes.map((node) => {
      const podCidr = inPodNetwork.get(node.name);
      const facts: NodeFacts = {
        etcd: isEtcdMember(cluster, node),
        controlplane: isControlPlane(cluster, node),
        worker: isWorkerCapable(cluster, node),
        ingress: ingress.has(node),
      };
      // Managed nodes: the provider's rules, plus what Rancher itself needs when it runs there.
      const managed = isManaged(cluster);
      const nodeSpecs = managed ? specs.filter((s) => s.on.includes('ingress')) : specs;
      return {
        cluster: cluster.name,
        node: node.name,
        ...(node.address === undefined ? {} : { address: node.address }),
        kind: nodeKind(cluster, node),
        rules: buildRules(nodeSpecs, managed ? [] : OURS, facts, network, resolve, splitServer(cluster, node)),
        ...(podCidr === undefined
          ? {}
          : { warnings: [`This node's address lies inside the pod network ${podCidr}, so the rule for pods lets that whole range in on every port.`] }),
      };
    });
    if (inPodNetwork.size > 0)
      notes.push(
        `${listNames([...inPodNetwork.keys()])} ${verb(inPodNetwork.size, 'lies', 'lie')} inside the pod network: the rule for pods lets that whole range in on every port. Move the pod network (cluster-cidr) off the node addresses.`,
      );
    clusters.push({
      name: cluster.name,
      distribution: cluster.distribution,
      purpose: rancher ? 'rancher' : 'downstream',
      ...(network === undefined ? {} : { network }),
      networkDefaulted: defaulted,
      notes,
      nodes,
    });
    listeners.push(...listenersFor(plan, cluster));
  }
  const matrix: PortMatrix = { rancherVersion: version, clusters, listeners, groups: groups.all, notes: [] };
  if (plan.rancher?.install === 'docker' && plan.rancher.host !== undefined) {
    const ref = hostFromText(plan.rancher.host);
    const facts: NodeFacts = { etcd: false, controlplane: false, worker: false, ingress: true };
    const ours = OURS.filter((s) => s.id !== 'pod-network');
    const rules = buildRules(DOCKER_HOST, ours, facts, undefined, (peer) => groups.resolve(peer, undefined, false), false);
    matrix.docker = { node: plan.rancher.host, ...(ref.address === undefined ? {} : { address: ref.address }), kind: 'Docker host', rules };
  }
  matrix.notes.push(
    'Inbound rules only: Rancher, K3s and RKE2 expect outbound traffic to be open (to the Rancher URL on 443, to nodes for provisioning, to registries).',
    'Ports Kubernetes forwards to pods (NodePorts, ingress on host ports) pass the forward path, not the input path: a node ruleset neither opens nor closes them for pods behind a NAT.',
  );
  return matrix;
}

/** The rules of one node, by "cluster/node" or, when unambiguous, the node's name alone. */
export function findNode(matrix: PortMatrix, ref: string): NodePorts[] {
  const all = [...matrix.clusters.flatMap((c) => c.nodes), ...(matrix.docker ? [matrix.docker] : [])];
  const slash = ref.indexOf('/');
  if (slash > 0) return all.filter((n) => n.cluster === ref.slice(0, slash) && n.node === ref.slice(slash + 1));
  return all.filter((n) => n.node === ref || (n.address !== undefined && n.address.toLowerCase() === ref.toLowerCase()));
}

/** Every node with its rules, the Docker host last. */
export function allNodes(matrix: PortMatrix): NodePorts[] {
  return [...matrix.clusters.flatMap((c) => c.nodes), ...(matrix.docker ? [matrix.docker] : [])];
}
