// A plan's network with its firewalls: one namespace per node (and for the Docker host) holding
// the plan's address, the outsider and the load balancer, and on every node the nftables ruleset
// rancher-arch exports for it, with the sets an operator fills in filled in.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { allNodes, portMatrix, type NodePorts, type PortMatrix } from '../src/rules/ports/matrix.ts';
import { NFT_TABLE, toNftables } from '../src/rules/ports/nftables.ts';
import type { Plan } from '../src/rules/plan.ts';
import { Net, type Host } from './netns.ts';
import type { Sender } from './expect.ts';

/** Outside every plan the lab builds (and outside 10.42.0.0/16), so neither belongs to a group by accident. */
export const OUTSIDER_ADDRESS = '10.250.0.250';
export const LOAD_BALANCER_ADDRESS = '10.250.0.1';

export interface Topology {
  net: Net;
  plan: Plan;
  matrix: PortMatrix;
  /** Each node of the matrix with its host. */
  nodes: { node: NodePorts; host: Host }[];
  outsider: Host;
  loadBalancer: Host;
  /** The exported ruleset of each node, by host label. */
  rulesets: Map<string, string>;
}

export const nodeLabel = (n: Pick<NodePorts, 'cluster' | 'node'>): string => (n.cluster === undefined ? `docker-host ${n.node}` : `${n.cluster}/${n.node}`);

export const senderOf = (t: Topology, host: Host): Sender => ({ label: host.label, address: host.address, loadBalancer: host === t.loadBalancer });

/**
 * Builds the network of a plan and loads every node's exported ruleset. `only` limits the nodes to
 * those it accepts (the nginx lab needs the Rancher cluster alone).
 */
export async function buildTopology(plan: Plan, tmp: string, only: (n: NodePorts) => boolean = () => true): Promise<Topology> {
  const matrix = portMatrix(plan);
  const net = await Net.create();
  const t: Topology = { net, plan, matrix, nodes: [], outsider: undefined as unknown as Host, loadBalancer: undefined as unknown as Host, rulesets: new Map() };
  try {
    for (const node of allNodes(matrix).filter(only)) {
      if (node.address === undefined) throw new Error(`${nodeLabel(node)} has no address: the lab cannot place it.`);
      t.nodes.push({ node, host: await net.addHost(nodeLabel(node), node.address) });
    }
    t.outsider = await net.addHost('outsider', OUTSIDER_ADDRESS);
    t.loadBalancer = await net.addHost('load balancer', LOAD_BALANCER_ADDRESS);
    for (const { node, host } of t.nodes) await applyRuleset(t, node, host, tmp);
  } catch (error) {
    await net.destroy();
    throw error;
  }
  return t;
}

async function applyRuleset(t: Topology, node: NodePorts, host: Host, tmp: string): Promise<void> {
  const ruleset = toNftables(t.matrix, node);
  t.rulesets.set(host.label, ruleset);
  const file = join(tmp, `${host.ns}.nft`);
  await writeFile(file, ruleset);
  const loaded = await t.net.exec(host, 'nft', ['-f', file]);
  if (loaded.code !== 0) throw new Error(`nft refused the ruleset exported for ${host.label}:\n${loaded.stderr}\n--- ruleset ---\n${ruleset}`);
  // The operator's part: the load balancer's address goes in its set. admin_v4 stays empty, so
  // the lab also proves that SSH is shut to everyone not written in.
  if (/\bset load_balancer_v4 \{/.test(ruleset)) {
    const added = await t.net.exec(host, 'nft', ['add', 'element', 'inet', NFT_TABLE, 'load_balancer_v4', `{ ${t.loadBalancer.address} }`]);
    if (added.code !== 0) throw new Error(`Could not add the load balancer to load_balancer_v4 on ${host.label}: ${added.stderr}`);
  }
}
