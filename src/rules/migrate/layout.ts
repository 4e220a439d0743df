// The layout of the new cluster: the RKE cluster's hosts with RKE2 (or K3s) roles. Nodes holding
// etcd or the control plane become servers and the rest agents, described with Rancher's machine
// pool roles (etcd, controlplane, worker) so split roles survive; nodes with the same roles share a
// pool. What RKE2 cannot take as it is (an even etcd count, external etcd, no etcd or control
// plane at all) is changed, and each change says what and why.
import { isRancherCluster } from '../cluster-facts.ts';
import { DEFAULT_POD_CIDR, DEFAULT_SERVICE_CIDR, rangeMatcher } from '../cluster-networks.ts';
import { isDns1123Subdomain, nameProblem } from '../identifiers.ts';
import { KUBERNETES_ROLES, type Cluster, type KubernetesRole, type Plan, type PlanInput, type PlanNode } from '../vocabulary.ts';
import { listNames, plural } from '../words.ts';
import type { Source } from '../sources.ts';
import { cite } from './sources.ts';

export type Target = 'rke2' | 'k3s';

export interface LayoutChange {
  what: string;
  why: string;
  sources: Source[];
}

type ClusterInput = NonNullable<PlanInput['clusters']>[number];

/** The ports the fixed registration address forwards: RKE2 registers on 9345 and serves the API on 6443; K3s does both on 6443. */
export const REGISTRATION_PORTS: Record<Target, number[]> = { rke2: [9345, 6443], k3s: [6443] };

/** RKE network plugins RKE2's cni takes as they are; any other becomes canal, RKE's own default. */
export const RKE2_CNI: ReadonlySet<string> = new Set(['canal', 'calico', 'flannel', 'cilium', 'none']);

/** A node of the new cluster that runs as a server: it holds etcd or the control plane. */
export const isServer = (node: { roles: readonly string[] }): boolean => node.roles.includes('etcd') || node.roles.includes('controlplane');

/** The pool a role set goes into: the roles joined, in RKE's order (etcd-controlplane, worker). */
export function poolName(roles: readonly KubernetesRole[]): string {
  return KUBERNETES_ROLES.filter((r) => roles.includes(r)).join('-') || 'no-roles';
}

const kubeRoles = (node: PlanNode): KubernetesRole[] => KUBERNETES_ROLES.filter((r) => node.roles.includes(r));

/** The new cluster's name: the old one's with the target appended, since both live in Rancher while workloads move. */
export function targetName(name: string, to: Target): string {
  const candidate = `${name}-${to}`;
  return nameProblem(candidate) === undefined && candidate.length <= 63 ? candidate : `${to}-cluster`;
}

export interface LayoutResult {
  cluster: ClusterInput;
  changes: LayoutChange[];
  /** The server that starts the cluster (first etcd node), by name. */
  firstServer?: string;
}

/**
 * The new cluster's nodes, pools, load balancer and TLS names. `registration` is the fixed
 * address nodes join through, when known; `sans` the cluster.yml's authentication.sans.
 */
export function targetLayout(plan: Plan, source: Cluster, to: Target, registration: string | undefined, sans: readonly string[]): LayoutResult {
  const changes: LayoutChange[] = [];
  const nodes = source.nodes.map((n) => ({ node: n, name: n.name, roles: kubeRoles(n) }));
  const has = (role: KubernetesRole) => nodes.filter((n) => n.roles.includes(role));

  // Kubernetes refuses node names that are not DNS-1123 (rke let some through as addresses).
  const taken = new Set(nodes.map((n) => n.name));
  const renamed: string[] = [];
  for (const n of nodes) {
    if (isDns1123Subdomain(n.name)) continue;
    const base =
      n.name
        .toLowerCase()
        .replace(/[^a-z0-9.-]+/g, '-')
        .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '')
        .slice(0, 200) || 'node';
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}-${i}`;
    taken.add(name);
    renamed.push(`"${n.name}" → "${name}"`);
    n.name = name;
  }
  if (renamed.length > 0)
    changes.push({
      what: `Renamed ${renamed.length === 1 ? 'a node' : `${renamed.length} nodes`}: ${renamed.slice(0, 8).join(', ')}${renamed.length > 8 ? ', …' : ''} (node-name in its config.yaml).`,
      why: 'Kubernetes takes node names that are DNS-1123 subdomains only: lower-case letters, digits, "-" and ".".',
      sources: cite('rke2ServerConfig'),
    });

  // A node without a role rke accepts (rke refuses such a file) joins as an agent.
  const roleless = nodes.filter((n) => n.roles.length === 0);
  for (const n of roleless) n.roles = ['worker'];
  if (roleless.length > 0)
    changes.push({
      what: `${listNames(roleless.map((n) => n.name))} had no role rke accepts; ${roleless.length === 1 ? 'it joins' : 'they join'} as ${roleless.length === 1 ? 'an agent' : 'agents'} (workers).`,
      why: 'Every RKE2 or K3s node is a server or an agent; a node with no role of its own takes workloads.',
      sources: cite('rke2ServerRoles'),
    });

  // External etcd: Rancher-provisioned RKE2 documents embedded etcd only; the control-plane nodes take it.
  if (source.datastore === 'external') {
    const cp = has('controlplane');
    const takers = cp.length > 0 ? cp : nodes.slice(0, 1);
    for (const n of takers) if (!n.roles.includes('etcd')) n.roles.unshift('etcd');
    changes.push({
      what: `The external etcd is not carried: ${listNames(takers.map((n) => n.name))} hold${takers.length === 1 ? 's' : ''} embedded etcd instead.`,
      why:
        to === 'rke2'
          ? 'Standalone RKE2 can name an external etcd (datastore-endpoint), but Rancher documents no such option for the clusters it provisions, so the plan keeps etcd on the servers.'
          : 'The plan keeps K3s on embedded etcd like RKE2; K3s could point at an external datastore, which this plan does not write.',
      sources: cite('rke2ExternalDatastore', 'rancherRke2Config'),
    });
  }

  // No etcd at all (a file rke itself refuses): servers are needed to start the cluster.
  if (has('etcd').length === 0) {
    const cp = has('controlplane');
    const pool = cp.length > 0 ? cp : nodes;
    const takers = pool.slice(0, pool.length >= 3 ? 3 : 1);
    for (const n of takers) n.roles.unshift('etcd');
    if (takers.length > 0)
      changes.push({
        what: `No node held etcd: ${listNames(takers.map((n) => n.name))} now do${takers.length === 1 ? 'es' : ''}.`,
        why: 'An RKE2 or K3s cluster starts from a server that holds etcd; without one there is no first server and no cluster.',
        sources: cite('rke2ServerRoles', 'rke2Ha'),
      });
  }

  // No API server: the etcd nodes take the control plane too.
  if (has('controlplane').length === 0 && has('etcd').length > 0) {
    const takers = has('etcd');
    for (const n of takers) n.roles.splice(1, 0, 'controlplane');
    changes.push({
      what: `No node ran the control plane: ${listNames(takers.map((n) => n.name))} now do${takers.length === 1 ? 'es' : ''}.`,
      why: 'A cluster needs at least one server running the Kubernetes API; the etcd nodes are servers already.',
      sources: cite('rke2ServerRoles'),
    });
  }

  // An even etcd count tolerates no more failures than one fewer member: make it odd.
  const etcd = has('etcd');
  if (etcd.length % 2 === 0 && etcd.length > 0) {
    const promotable = [...has('controlplane'), ...has('worker')].filter((n, i, all) => !n.roles.includes('etcd') && all.indexOf(n) === i);
    const down = etcd.length - 1;
    if (down < 3 && promotable.length > 0) {
      const taker = promotable[0] as (typeof nodes)[number];
      taker.roles.unshift('etcd');
      changes.push({
        what: `${etcd.length} etcd members become ${etcd.length + 1}: "${taker.name}" takes the etcd role too.`,
        why: `An even count is not copied: ${etcd.length} members tolerate ${plural(Math.floor((etcd.length - 1) / 2), 'failure')}, like ${etcd.length - 1}; ${etcd.length + 1} tolerate ${Math.floor(etcd.length / 2)}.`,
        sources: cite('rke2Ha'),
      });
    } else {
      // Drop the member whose node keeps another job, preferring the last one listed.
      // etcd is not empty here (an even count above zero), so a member is always found.
      const dropped = [...etcd].reverse().find((n) => n.roles.length > 1) ?? etcd[etcd.length - 1];
      if (dropped === undefined) throw new Error('an even etcd count with no member');
      dropped.roles = dropped.roles.filter((r) => r !== 'etcd');
      const agent = dropped.roles.length === 0;
      if (agent) dropped.roles = ['worker'];
      changes.push({
        what: `${etcd.length} etcd members become ${down}: "${dropped.name}" ${agent ? 'joins as an agent (worker) instead' : `keeps ${dropped.roles.join(' and ')} without etcd`}.`,
        why: `An even count is not copied: ${etcd.length} members tolerate no more failures than ${down} and have one more member to agree.`,
        sources: cite('rke2Ha'),
      });
    }
  }

  const servers = nodes.filter(isServer);
  const first = nodes.find((n) => n.roles.includes('etcd'));
  // The name clients and joining nodes use must be on the API certificate: the fixed registration
  // address (or the first server, which the files join when there is none), then the file's SANs.
  const shared = registration ?? (nodes.length > 1 ? first?.node.address : undefined);
  const tlsSan = [...new Set([...(shared === undefined ? [] : [shared]), ...sans])].slice(0, 64);

  const clusterName = targetName(source.name, to);
  const cluster: ClusterInput = {
    name: clusterName,
    distribution: to,
    userWorkloads: source.userWorkloads,
    nodes: nodes.map(({ node, name, roles }) => ({
      name,
      ...(node.address === undefined ? {} : { address: node.address }),
      ...(node.addressFrom === undefined ? {} : { addressFrom: node.addressFrom }),
      roles,
      pool: poolName(roles),
      ...(node.zone === undefined ? {} : { zone: node.zone }),
      ...(node.cpu === undefined ? {} : { cpu: node.cpu }),
      ...(node.memoryGiB === undefined ? {} : { memoryGiB: node.memoryGiB }),
      ...(tlsSan.length > 0 && servers.some((s) => s.node === node) ? { tlsSan } : {}),
    })),
  };
  if (source.hosting !== undefined) cluster.hosting = source.hosting;
  // The address ranges are carried, unless a node's own address lies inside one: Kubernetes
  // would route it into the cluster. Then the distribution's default is taken, if no node is in it.
  for (const [field, fallback, key] of [
    ['podCidrs', DEFAULT_POD_CIDR, 'cluster-cidr'],
    ['serviceCidrs', DEFAULT_SERVICE_CIDR, 'service-cidr'],
  ] as const) {
    const ranges = source[field];
    if (ranges === undefined) continue;
    const inside = (cidrs: readonly string[]) => {
      const within = rangeMatcher(cidrs);
      return (cluster.nodes ?? []).filter((n) => within(n.address) !== undefined).map((n) => n.name);
    };
    const clash = inside(ranges);
    if (clash.length > 0 && ranges.length === 1 && inside([fallback]).length === 0) {
      changes.push({
        what: `${key} ${ranges.join(',')} is not carried: ${listNames(clash)} lie${clash.length === 1 ? 's' : ''} inside it; the new cluster takes ${fallback}.`,
        why: 'A node address inside the pod or service network is routed into the cluster instead of to the node, and the ranges cannot be changed once the cluster is built.',
        sources: cite('rke2ServerConfig', 'rke2Ha'),
      });
      continue;
    }
    cluster[field] = ranges;
  }
  if (source.nodesUnknown !== undefined) cluster.nodesUnknown = source.nodesUnknown;

  // The load balancer: the Rancher cluster keeps its 80/443 and gains the registration ports;
  // any other cluster gets one listening on the registration ports when its address is known.
  const ports = REGISTRATION_PORTS[to];
  const rancher = isRancherCluster(plan, source);
  const lb = source.loadBalancer;
  if (rancher && lb !== undefined) {
    const address = registration ?? lb.address;
    cluster.loadBalancer = {
      ...lb,
      ...(address === undefined ? {} : { address }),
      ports: [...new Set([...lb.ports, ...ports])],
    };
  } else if (registration !== undefined)
    cluster.loadBalancer = { address: registration, layer: 4, ports, targets: servers.map((s) => s.name), tlsTermination: 'ingress' };
  if (source.loadBalancer !== undefined && !rancher)
    changes.push({
      what: 'The load balancer is written for the registration ports only.',
      why: 'A downstream cluster’s load balancer in front of the servers carries registration and the API; ingress traffic is the workloads’ own design.',
      sources: cite('rke2Ha'),
    });
  return { cluster, changes, ...(first === undefined ? {} : { firstServer: first.name }) };
}
