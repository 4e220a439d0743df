// A cluster's own address ranges: the pod network (cluster-cidr) and the service network
// (service-cidr). RKE, RKE2 and K3s share the same defaults; a plan states its own when the
// cluster file does. Address arithmetic is ipaddr.js's, not ours.
import ipaddr from 'ipaddr.js';
import { isRancherBuilt } from './cluster-facts.ts';
import type { Cluster, PlanNode } from './vocabulary.ts';

/** RKE's cluster_cidr, RKE2's and K3s' cluster-cidr when none is set (rke cluster/defaults.go, rke2 server_config.md, K3s server docs). */
export const DEFAULT_POD_CIDR = '10.42.0.0/16';
/** RKE's service_cluster_ip_range, RKE2's and K3s' service-cidr when none is set (same sources). */
export const DEFAULT_SERVICE_CIDR = '10.43.0.0/16';
/** kube-controller-manager's --node-cidr-mask-size defaults: each node gets a /24 (IPv4) or /64 (IPv6) of the pod network. */
const NODE_MASK = { ipv4: 24, ipv6: 64 } as const;

/** Why `text` is not one network in CIDR form ("10.42.0.0/16", "fd00:42::/56"), or undefined. */
export function cidrProblem(text: string): string | undefined {
  const form = 'is not a network in CIDR form, such as 10.42.0.0/16';
  // Four-part decimal only for IPv4: ipaddr.js also takes old forms such as 10.1/8, which Kubernetes does not.
  const valid = text.includes(':') ? ipaddr.IPv6.isValidCIDR(text) : ipaddr.IPv4.isValidCIDRFourPartDecimal(text);
  if (!/^[0-9A-Fa-f.:]+\/\d{1,3}$/.test(text) || !valid) return form;
  const [address, bits] = ipaddr.parseCIDR(text);
  // Host bits set (10.42.1.0/16) is refused by kube-controller-manager as well.
  const network = address.kind() === 'ipv4' ? ipaddr.IPv4.networkAddressFromCIDR(text) : ipaddr.IPv6.networkAddressFromCIDR(text);
  if (network.toString() !== address.toString()) return `has host bits set; the network is ${network.toString()}/${bits}`;
  return undefined;
}

/** RKE2, K3s and RKE write dual-stack ranges as one comma-separated value. */
export function splitCidrs(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** An IP address rather than a DNS name, asked by family (ipaddr.isValid tries IPv6's slower parser first on every address). */
const isIpAddress = (address: string) => (address.includes(':') ? ipaddr.IPv6.isValid(address) : ipaddr.IPv4.isValidFourPartDecimal(address));

/** Distributions whose defaults we know (RKE, RKE2, K3s); others state their ranges or have none. */
const hasDefaults = (cluster: Pick<Cluster, 'distribution'>) => isRancherBuilt(cluster.distribution);

export interface ClusterNetwork {
  cidrs: string[];
  /** The plan states none: the distribution's default is assumed. */
  defaulted: boolean;
}

/** The pod network of a cluster: stated, the distribution's default, or undefined (EKS, other). */
export function podNetworkOf(cluster: Pick<Cluster, 'distribution' | 'podCidrs'>): ClusterNetwork | undefined {
  if (cluster.podCidrs !== undefined && cluster.podCidrs.length > 0) return { cidrs: cluster.podCidrs, defaulted: false };
  return hasDefaults(cluster) ? { cidrs: [DEFAULT_POD_CIDR], defaulted: true } : undefined;
}

/** The service network of a cluster, likewise. */
export function serviceNetworkOf(cluster: Pick<Cluster, 'distribution' | 'serviceCidrs'>): ClusterNetwork | undefined {
  if (cluster.serviceCidrs !== undefined && cluster.serviceCidrs.length > 0) return { cidrs: cluster.serviceCidrs, defaulted: false };
  return hasDefaults(cluster) ? { cidrs: [DEFAULT_SERVICE_CIDR], defaulted: true } : undefined;
}

/** How many nodes the pod network has room for, one node-sized block each; undefined for IPv6-only. */
export function podNetworkRoom(network: ClusterNetwork): number | undefined {
  const v4 = network.cidrs.map((c) => ipaddr.parseCIDR(c)).find(([a]) => a.kind() === 'ipv4');
  if (!v4) return undefined;
  return 2 ** Math.max(0, NODE_MASK.ipv4 - v4[1]);
}

export interface NodeInClusterNetwork {
  /** The node entry itself, so a finding points at it even where another entry shares its name. */
  node: PlanNode;
  address: string;
  network: 'pod' | 'service';
  cidr: string;
  defaulted: boolean;
}

/**
 * A matcher for a set of ranges, each parsed once: the range an address lies in, if any. Clusters
 * hold up to 5,000 nodes, so a range is never parsed again per node.
 */
export function rangeMatcher(cidrs: readonly string[]): (address: string | undefined) => string | undefined {
  const parsed = cidrs.map((c) => [c, ipaddr.parseCIDR(c)] as const);
  return (address) => {
    if (address === undefined || !isIpAddress(address)) return undefined;
    const ip = ipaddr.process(address);
    return parsed.find(([, r]) => ip.kind() === r[0].kind() && ip.match(r))?.[0];
  };
}

/** Nodes whose own address lies inside their cluster's pod or service network. */
export function nodesInsideClusterNetworks(cluster: Pick<Cluster, 'distribution' | 'podCidrs' | 'serviceCidrs' | 'nodes'>): NodeInClusterNetwork[] {
  const found: NodeInClusterNetwork[] = [];
  for (const [network, range] of [
    ['pod', podNetworkOf(cluster)],
    ['service', serviceNetworkOf(cluster)],
  ] as const) {
    if (range === undefined) continue;
    const inside = rangeMatcher(range.cidrs);
    for (const node of cluster.nodes) {
      const cidr = inside(node.address);
      if (node.address !== undefined && cidr !== undefined) found.push({ node, address: node.address, network, cidr, defaulted: range.defaulted });
    }
  }
  return found;
}
