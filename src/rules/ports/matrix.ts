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
  isRancherBuilt,
  isRancherCluster,
  isWorkerCapable,
  usesServerRoles,
} from '../cluster-facts.ts';
import { nodesInsideClusterNetworks } from '../cluster-networks.ts';
import { readKey } from '../keys.ts';
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
  type PortSourceId,
} from './tables.ts';
import { Groups, type Group } from './groups.ts';
import { ingressNodes, listenersFor, type Listener } from './listeners.ts';

// The matrix's public face stays here, whichever module holds each part: the writers, the
// pages and the CLI import these from matrix.ts.
/** @public */
export type { Group, Member } from './groups.ts';
/** @public */
export { ingressNodes, type Listener } from './listeners.ts';

export interface InboundRule {
  id: string;
  protocol: Protocol;
  /** "6443", "2379-2380"; empty for ICMP and "any". */
  ports: string;
  range?: [number, number];
  /** Keys into PortMatrix.groups. */
  from: string[];
  why: string;
  source: PortSourceId;
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

export interface PortMatrix {
  rancherVersion: string;
  clusters: ClusterPorts[];
  docker?: NodePorts;
  listeners: Listener[];
  groups: Record<string, Group>;
  notes: string[];
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
function rancherSource(cluster: Cluster): PortSourceId {
  if (cluster.distribution === 'rke') return 'ports-rke';
  if (cluster.distribution === 'k3s') return 'ports-k3s';
  return 'ports-rke2';
}

function family(cluster: Cluster): 'rke' | 'rke2' | 'k3s' | undefined {
  return isRancherBuilt(cluster.distribution) ? cluster.distribution : undefined;
}

/** The network plugin a cluster uses: the plan's, or its distribution's default. */
export function networkOf(cluster: Cluster): { network?: NetworkPlugin; defaulted: boolean } {
  const fam = family(cluster);
  if (cluster.network !== undefined) return { network: cluster.network, defaulted: false };
  return fam ? { network: DEFAULT_NETWORK[fam], defaulted: true } : { defaulted: true };
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
  return sortRules(rules);
}

/** Required rules by port, then the optional ones, then ours. */
function sortRules(rules: InboundRule[]): InboundRule[] {
  const rank = (r: InboundRule) => (r.ours ? 2 : r.optional ? 1 : 0);
  return rules.sort((a, b) => rank(a) - rank(b) || (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0) || a.protocol.localeCompare(b.protocol));
}

/**
 * What a load balancer forwards to a node, that node's firewall admits from the load balancer: one
 * rule per listener target port (the tables name the cluster's own nodes as senders of 6443 and
 * 9345, not the balancer in front of them). Rules the tables already give the balancer are merged
 * away by withForwarded.
 */
function forwardedTo(listeners: readonly Listener[], node: PlanNode): PortSpec[] {
  const specs: PortSpec[] = [];
  for (const l of listeners)
    if (l.targets.includes(node.name) && !specs.some((s) => s.port === l.targetPort))
      specs.push({
        id: `load-balancer-${l.targetPort}`,
        protocol: 'tcp',
        port: l.targetPort,
        on: ['all'],
        from: ['load-balancer'],
        why: `The load balancer forwards ${l.purpose} here (its port ${l.port}).`,
        source: l.source,
      });
  return specs;
}

/** Add the forwarded ports a node's rules do not already take from the load balancer, in port order before ours. */
function withForwarded(rules: InboundRule[], forwarded: readonly PortSpec[], resolve: (peer: Peer) => string | undefined): InboundRule[] {
  const lb = resolve('load-balancer');
  if (lb === undefined) return rules;
  const covered = (port: number) =>
    rules.some((r) => r.protocol === 'tcp' && !r.optional && r.range && r.range[0] <= port && port <= r.range[1] && r.from.includes(lb));
  const added: InboundRule[] = forwarded
    .filter((spec) => spec.port !== undefined && !covered(spec.port))
    .map((spec) => ({ id: spec.id, protocol: spec.protocol, ...portsOf(spec), from: [lb], why: spec.why, source: spec.source }));
  return added.length === 0 ? rules : sortRules([...rules, ...added]);
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
    const clusterListeners = listenersFor(plan, cluster);
    const nodes: NodePorts[] = cluster.nodes.map((node) => {
      const podCidr = inPodNetwork.get(node);
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
        rules: withForwarded(
          buildRules(nodeSpecs, managed ? [] : OURS, facts, network, resolve, splitServer(cluster, node)),
          forwardedTo(clusterListeners, node),
          resolve,
        ),
        ...(podCidr === undefined
          ? {}
          : { warnings: [`This node's address lies inside the pod network ${podCidr}, so the rule for pods lets that whole range in on every port.`] }),
      };
    });
    if (inPodNetwork.size > 0)
      notes.push(
        `${listNames([...inPodNetwork.keys()].map((n) => n.name))} ${verb(inPodNetwork.size, 'lies', 'lie')} inside the pod network: the rule for pods lets that whole range in on every port. Move the pod network (cluster-cidr) off the node addresses.`,
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
    listeners.push(...clusterListeners);
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
  const all = allNodes(matrix);
  const key = readKey(ref);
  if (key?.kind === 'node') return all.filter((n) => n.cluster === key.cluster && n.node === key.node);
  return all.filter((n) => n.node === ref || (n.address !== undefined && n.address.toLowerCase() === ref.toLowerCase()));
}

/** Every node with its rules, the Docker host last. */
export function allNodes(matrix: PortMatrix): NodePorts[] {
  return [...matrix.clusters.flatMap((c) => c.nodes), ...(matrix.docker ? [matrix.docker] : [])];
}
