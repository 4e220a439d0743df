// Each node takes a block of the pod network (a /24 by default), so the pod network caps how many
// nodes the cluster can have; K3s' docs say to raise cluster-cidr past 255 nodes.
import { podNetworkOf, podNetworkRoom } from '../cluster-networks.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import type { PlanInput } from '../vocabulary.ts';

/** K3s' docs count the default /16 as room for 255 nodes: one /24 block is held back from the 256. */
const HELD_BACK = 1;

export const about: RuleAboutEntry = {
  rationale:
    "The controller manager hands every node its own block of the pod network, a /24 unless told otherwise, so a /16 holds 256 blocks. K3s' requirements page puts the default's limit at 255 nodes and says to widen cluster-cidr beyond that; RKE and RKE2 hand out blocks the same way. The range is fixed when the cluster is built.",
  sources: ['k3sRequirements', 'kubeNodeCidrMask', 'rke2ServerConfig'],
};

export const rule = defineRule({
  id: 'cluster-cidr-room',
  severity: 'warning',
  category: 'plan',
  title: 'The pod network has room for every node',
  docs: { page: 'cluster-networks', heading: 'Room for every node', anchor: 'room-for-every-node' },
  check(ctx) {
    for (const { cluster } of ctx.clusters) {
      const network = podNetworkOf(cluster);
      const room = network === undefined ? undefined : podNetworkRoom(network);
      if (network === undefined || room === undefined || cluster.nodes.length <= room - HELD_BACK) continue;
      const cidr = network.cidrs.find((c) => !c.includes(':')) ?? network.cidrs[0];
      ctx.report({
        cluster: cluster.name,
        message: `Cluster "${cluster.name}" has ${cluster.nodes.length.toLocaleString('en')} nodes, but its ${network.defaulted ? 'default ' : ''}pod network ${cidr} has room for ${(room - HELD_BACK).toLocaleString('en')} at one /24 each. Set a wider cluster-cidr (a /15 for up to 511 nodes, a /14 for 1,023) before building the cluster.`,
      });
    }
  },
});

const wide = (count: number, podCidrs?: string[]): PlanInput => ({
  clusters: [
    {
      name: 'big',
      distribution: 'k3s',
      ...(podCidrs ? { podCidrs } : {}),
      nodes: [
        ...[1, 2, 3].map((i) => ({ name: `s${i}`, roles: ['server' as const] })),
        ...Array.from({ length: count - 3 }, (_, i) => ({ name: `a${i + 1}`, roles: ['agent' as const] })),
      ],
    },
  ],
});

export const examples: RuleExamples = {
  fires: [
    { plan: wide(256), note: '256 nodes on the default /16' },
    { plan: wide(70, ['10.42.0.0/18']), note: 'a /18 holds 63 nodes' },
  ],
  quiet: [
    { plan: wide(255), note: "K3s' documented limit for the default" },
    { plan: wide(600, ['10.40.0.0/14']), note: 'a /14 holds 1,023' },
  ],
};
