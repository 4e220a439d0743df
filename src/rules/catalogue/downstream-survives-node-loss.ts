// A downstream cluster keeps running when any one machine fails.
import { smallestBreakingNodes } from '../failure.ts';
import { downstream, minimumDownstreamNodes, nodes } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { DISTRIBUTION_LABEL, type PlanNode } from '../vocabulary.ts';

const WHY: Record<string, string> = {
  'etcd-quorum': 'etcd loses quorum',
  'no-api-server': 'no API server is left',
  'no-worker': 'no node is left to run workloads',
  'no-load-balancer-target': 'nothing behind the load balancer is left',
};

export const about: RuleAboutEntry = {
  rationale:
    'The production layout exists so that one failed machine does not stop a cluster: three etcd members, two control-plane nodes and two workers. A cluster that one failure stops, whatever its distribution, is a single point of failure for the apps on it.',
};

export const rule = defineRule({
  id: 'downstream-survives-node-loss',
  severity: 'warning',
  category: 'node-roles',
  title: 'A downstream cluster survives the loss of any one node',
  docs: { page: 'node-roles', heading: 'The minimum downstream layout', anchor: 'the-minimum-downstream-layout' },
  check(ctx) {
    for (const { cluster } of ctx.downstream) {
      if (cluster.nodes.length === 0) continue;
      const breaking = smallestBreakingNodes(ctx.plan, cluster);
      // Zero nodes means broken as planned, which the layout and validity rules already report.
      if (!breaking || breaking.nodes.length !== 1) continue;
      const node = breaking.nodes[0] as PlanNode;
      ctx.report({
        cluster: cluster.name,
        nodes: [node],
        message: `${DISTRIBUTION_LABEL[cluster.distribution]} cluster "${cluster.name}" does not survive losing one node: if ${node.name} fails, ${WHY[breaking.mode.reason] ?? 'the cluster stops'}. Add nodes so every role has a spare.`,
      });
    }
  },
});

export const examples: RuleExamples = {
  fires: [
    { plan: { clusters: [{ name: 'dev', distribution: 'k3s', datastore: 'sqlite', nodes: [{ name: 's1', roles: ['server'] }] }] }, nodes: ['s1'] },
    { plan: downstream(minimumDownstreamNodes().filter((n) => n.name !== 'w2')), nodes: ['w1'], note: 'one worker' },
  ],
  quiet: [
    { plan: downstream() },
    { plan: { clusters: [{ name: 'k', distribution: 'k3s', nodes: [...nodes('s', 3, ['server']), ...nodes('a', 2, ['agent'])] }] } },
  ],
};
