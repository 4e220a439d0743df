// What the matrix says should happen on the wire, worked out from its rules and groups alone
// (never from the nftables text): a sender may open a TCP port on a node when one of the node's
// active rules covers the port and names a group the sender belongs to. Node groups hold the
// plan's nodes by address; of the groups outside the plan, only the load balancer gets a member,
// the way an operator would fill it. The pod network holds pods, and no host of the lab is a pod:
// a plan's node is never a sender of that group, whatever its address.
import type { InboundRule, NodePorts, PortMatrix } from '../src/rules/ports/matrix.ts';

export interface Sender {
  label: string;
  address: string;
  /** The lab's load balancer: the member an operator puts in the load_balancer set. */
  loadBalancer?: boolean;
}

/** Ports always probed on every node, listed or not: the ones a firewall most needs to keep shut. */
export const ALWAYS_PROBED = [22, 2379, 2380, 6443, 10250] as const;

const covers = (rule: InboundRule, port: number): boolean =>
  rule.protocol === 'any' || (rule.protocol === 'tcp' && rule.range !== undefined && rule.range[0] <= port && port <= rule.range[1]);

/** The rules that become live lines of the ruleset (optional ones are written commented out). */
export const liveRules = (node: NodePorts): InboundRule[] => node.rules.filter((r) => !r.local && r.optional === undefined);

export function inGroup(matrix: PortMatrix, key: string, sender: Sender): boolean {
  const group = matrix.groups[key];
  if (!group) return false;
  if (group.members !== undefined) return group.members.some((m) => m.address === sender.address);
  return key === 'load-balancer' && sender.loadBalancer === true;
}

/** The rule that lets the sender in, if any. */
export function allowedBy(matrix: PortMatrix, node: NodePorts, sender: Sender, port: number): InboundRule | undefined {
  return liveRules(node).find((r) => covers(r, port) && r.from.some((key) => inGroup(matrix, key, sender)));
}

/** Every TCP port worth probing on a node: its rules' ports (both ends of a range), optional ones included, and ALWAYS_PROBED. */
export function probedPorts(node: NodePorts): number[] {
  const ports = new Set<number>(ALWAYS_PROBED);
  for (const r of node.rules) if (r.protocol === 'tcp' && r.range) for (const p of r.range) ports.add(p);
  return [...ports].sort((a, b) => a - b);
}
