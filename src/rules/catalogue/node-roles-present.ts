// Every node has a job; a node with no role is refused by rke and does nothing anywhere else.
import { isManaged } from '../cluster-facts.ts';
import { downstream, minimumDownstreamNodes } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { listNames, verb } from '../words.ts';

export const about: RuleAboutEntry = {
  rationale: 'rke refuses a node whose role list is empty ("Role for host … is not provided"), and in any cluster a node without a role is counted nowhere.',
  sources: ['rkeValidation'],
};

export const rule = defineRule({
  id: 'node-roles-present',
  severity: 'error',
  category: 'validity',
  title: 'Every node has at least one role',
  docs: { page: 'rke-cluster', heading: 'What RKE itself requires', anchor: 'what-rke-itself-requires' },
  check(ctx) {
    for (const { cluster } of ctx.clusters) {
      if (isManaged(cluster)) continue; // the provider decides; nodes are workers
      // The entries themselves, so a report points at the one without roles even where another shares its name.
      const bare = cluster.nodes.filter((n) => n.roles.length === 0);
      if (bare.length === 0) continue;
      ctx.report({
        cluster: cluster.name,
        nodes: bare,
        message: `${listNames(bare.map((n) => n.name))} in cluster "${cluster.name}" ${verb(bare.length, 'has', 'have')} no role${cluster.distribution === 'rke' ? ', and rke refuses a node without one' : ''}. Give each node at least one role.`,
      });
    }
  },
});

export const examples: RuleExamples = {
  fires: [{ plan: downstream([...minimumDownstreamNodes(), { name: 'idle', address: '10.1.0.30', roles: [] }]), nodes: ['idle'] }],
  quiet: [{ plan: downstream() }, { plan: { clusters: [{ name: 'eks', distribution: 'eks', nodes: [{ name: 'n1', roles: [] }] }] }, note: 'managed nodes' }],
};
