// K3s and RKE2 servers against their distributions' server-size-per-agents tables.
import { isServerRoleDistribution } from '../cluster-facts.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { serversAndAgents } from '../sizing/plan.ts';
import { compareMachine, describeAgents, describeAsk, describeMachine, isShort, serverRowFor } from '../sizing/size.ts';
import { DISTRIBUTION_LABEL, type PlanInput } from '../vocabulary.ts';
import { plural } from '../words.ts';

// No version range: these tables come from K3s and RKE2 themselves and hold whichever Rancher
// release manages (or runs on) the cluster.
export const about: RuleAboutEntry = {
  rationale:
    'K3s and RKE2 publish how many vCPUs and how much memory a server needs for a given number of agents; servers below their row struggle as agents join. K3s lets three or more servers carry about half as many agents again. Nodes without cpu or memoryGiB in the plan are not judged.',
  sources: ['k3sRequirements', 'rke2Requirements'],
};

export const rule = defineRule({
  id: 'server-node-size',
  severity: 'warning',
  category: 'sizing',
  title: 'K3s and RKE2 servers are sized for the number of agents they serve',
  docs: { page: 'sizing', heading: 'K3s and RKE2 servers by agent count', anchor: 'k3s-and-rke2-servers-by-agent-count' },
  check(ctx) {
    for (const { cluster } of ctx.clusters) {
      const distribution = cluster.distribution;
      if (!isServerRoleDistribution(distribution)) continue;
      const { servers, agents } = serversAndAgents(cluster);
      if (servers.length === 0) continue;
      const sizing = serverRowFor(distribution, agents.length, servers.length);
      const bonus = sizing.haBonus ? `; with ${plural(servers.length, 'server')} each row carries about half as many agents again` : '';
      for (const node of servers) {
        const short = compareMachine(node, sizing.row);
        if (!isShort(short)) continue;
        ctx.report({
          cluster: cluster.name,
          nodes: [node],
          message: `Server "${node.name}" of the ${DISTRIBUTION_LABEL[distribution]} cluster "${cluster.name}" has ${describeMachine(node)}; with ${plural(agents.length, 'agent')}, the ${DISTRIBUTION_LABEL[distribution]} sizing guide asks for ${describeAsk(sizing.row)} per server (the row for ${describeAgents(sizing.minAgents, sizing.maxAgents)}${bonus}).`,
        });
      }
    }
  },
});

function standalone(distribution: 'k3s' | 'rke2', servers: number, agents: number, cpu: number, memoryGiB: number, datastore?: 'external'): PlanInput {
  return {
    clusters: [
      {
        name: 'edge',
        distribution,
        ...(datastore ? { datastore } : {}),
        nodes: [
          ...Array.from({ length: servers }, (_, i) => ({ name: `s${i + 1}`, roles: ['server' as const], cpu, memoryGiB })),
          ...Array.from({ length: agents }, (_, i) => ({ name: `a${i + 1}`, roles: ['agent' as const] })),
        ],
      },
    ],
  };
}

export const examples: RuleExamples = {
  fires: [
    { plan: standalone('rke2', 3, 226, 2, 4), nodes: ['s1'], note: 'RKE2: 226 agents need 4 vCPUs and 8 GB' },
    { plan: standalone('rke2', 3, 451, 4, 8), note: 'RKE2: 451 agents need 8 vCPUs and 16 GB' },
    { plan: standalone('k3s', 2, 351, 2, 4, 'external'), note: 'K3s with two servers: 351 agents need the second row' },
    { plan: standalone('k3s', 3, 526, 2, 4), note: 'K3s with three servers: the first row reaches 525 agents' },
    { plan: standalone('rke2', 3, 1301, 8, 16), note: 'RKE2: past 1,300 agents, 16 vCPUs and 32 GB' },
    {
      plan: {
        clusters: [
          {
            name: 'pools',
            distribution: 'rke2',
            nodes: [
              { name: 'etcd-1', roles: ['etcd'], cpu: 2, memoryGiB: 4 },
              { name: 'cp-1', roles: ['controlplane'], cpu: 2, memoryGiB: 4 },
              ...Array.from({ length: 226 }, (_, i) => ({ name: `w${i + 1}`, roles: ['worker' as const] })),
            ],
          },
        ],
      },
      nodes: ['etcd-1'],
      note: 'machine pools: etcd and controlplane nodes are servers, workers are agents',
    },
  ],
  quiet: [
    { plan: standalone('rke2', 3, 225, 2, 4), note: 'RKE2: up to 225 agents on 2 vCPUs and 4 GB' },
    { plan: standalone('k3s', 2, 350, 2, 4, 'external'), note: 'K3s: up to 350 agents on 2 vCPUs and 4 GB' },
    { plan: standalone('k3s', 3, 525, 2, 4), note: 'K3s with three servers: 525 agents on the first row' },
    { plan: standalone('rke2', 3, 226, 4, 8) },
    { plan: { clusters: [{ name: 'edge', distribution: 'rke2', nodes: [{ name: 's1', roles: ['server'] }] }] }, note: 'no figures: not judged' },
  ],
};
