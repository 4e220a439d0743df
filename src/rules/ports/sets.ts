// The address sets one node's ruleset needs, shared by the nftables and firewalld writers. Set
// names come from a fixed vocabulary (never from a user's names): the node's own cluster's groups
// are cluster_*, the Rancher nodes rancher_nodes, everything outside the plan by what it is.
// Addresses the plan gives as IPs fill the sets; nodes given by DNS name or without an address
// are listed for the reader to add, and outside groups start empty (or with a known default).
import { isIPv4, isIPv6 } from '../identifiers.ts';
import { nodeKey } from '../keys.ts';
import type { Group, InboundRule, NodePorts, PortMatrix } from './matrix.ts';

export type Family = 'v4' | 'v6';

export interface AddressSet {
  /** Base name; the family suffix makes the full name (cluster_etcd_v4). */
  base: string;
  group: Group;
  /** Elements per family; a family absent here gets no set. */
  families: Partial<Record<Family, string[]>>;
  /** Networks (CIDRs) may be added: outside groups. */
  interval: boolean;
  /** Nodes of the group the plan gives no IP address for. */
  unresolved: string[];
  /** What the set holds, as seen from this node. */
  label: string;
}

const OUTSIDE_BASE: Record<string, string> = {
  'load-balancer': 'load_balancer',
  'api-clients': 'api_clients',
  'service-clients': 'service_clients',
  admin: 'admin',
  'rancher-nodes': 'rancher_nodes',
  'downstream-nodes': 'downstream_nodes',
};

const CLUSTER_BASE: Record<string, string> = {
  'cluster-nodes': 'cluster_nodes',
  etcd: 'cluster_etcd',
  controlplane: 'cluster_controlplane',
  servers: 'cluster_servers',
  'pod-network': 'pod_network',
};

/** The set name a group takes in the ruleset of `node`. */
export function setBase(group: Group, node: NodePorts): string {
  if (group.cluster !== undefined && group.cluster === node.cluster) return CLUSTER_BASE[group.peer] ?? 'cluster_nodes';
  // Another cluster's whole-cluster group is the Rancher cluster, reached as the Rancher nodes.
  if (group.cluster !== undefined) return 'rancher_nodes';
  return OUTSIDE_BASE[group.key] ?? 'outside';
}

/** Rules that become firewall lines (not loopback-only ones). */
export const activeRules = (node: NodePorts): InboundRule[] => node.rules.filter((r) => !r.local);

/** The sets a node's ruleset refers to, in first-use order. */
export function setsFor(matrix: PortMatrix, node: NodePorts): Map<string, AddressSet> {
  const sets = new Map<string, AddressSet>();
  const bases = new Set<string>();
  for (const rule of activeRules(node))
    for (const key of rule.from) {
      const group = matrix.groups[key];
      if (!group || sets.has(group.key)) continue;
      let base = setBase(group, node);
      for (let i = 2; bases.has(base); i++) base = `${setBase(group, node)}_${i}`;
      bases.add(base);
      if (group.members === undefined) {
        const v4 = (group.defaults ?? []).filter((d) => !d.includes(':'));
        const v6 = (group.defaults ?? []).filter((d) => d.includes(':'));
        sets.set(group.key, { base, group, families: { v4, v6 }, interval: true, unresolved: [], label: group.label });
        continue;
      }
      const v4 = new Set<string>();
      const v6 = new Set<string>();
      const unresolved: string[] = [];
      for (const m of group.members) {
        if (m.address !== undefined && isIPv4(m.address)) v4.add(m.address);
        else if (m.address !== undefined && isIPv6(m.address)) v6.add(m.address.toLowerCase());
        else unresolved.push(m.cluster === undefined || m.cluster === node.cluster ? m.name : nodeKey(m.cluster, m.name));
      }
      const families: AddressSet['families'] = {};
      // A family gets a set when it has addresses, or when some nodes still need theirs written in.
      if (v4.size > 0 || unresolved.length > 0 || v6.size === 0) families.v4 = [...v4];
      if (v6.size > 0 || unresolved.length > 0) families.v6 = [...v6];
      const label = base.startsWith('rancher_nodes') && group.cluster !== undefined ? `the Rancher server nodes (cluster ${group.cluster})` : group.label;
      sets.set(group.key, { base, group, families, interval: false, unresolved, label });
    }
  return sets;
}
