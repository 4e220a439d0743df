// Every node of a cluster is one machine, named once.
import { downstream, minimumDownstreamNodes } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import type { PlanNode } from '../vocabulary.ts';

export const about: RuleAboutEntry = {
  rationale:
    'Two entries for one machine double-count it: etcd members, load-balancer targets and failure simulation would all be wrong. RKE itself refuses duplicate addresses and hostnames.',
};

export const rule = defineRule({
  id: 'plan-node-unique',
  severity: 'error',
  category: 'plan',
  title: 'Node names and addresses are unique within a cluster',
  docs: { page: 'plan-format', heading: 'Node names and addresses', anchor: 'node-names-and-addresses' },
  check(ctx) {
    for (const { cluster, nodesByName } of ctx.clusters) {
      for (const field of ['name', 'address'] as const) {
        // The facts already hold one entry per name: equal sizes mean no duplicate names.
        if (field === 'name' && nodesByName.size === cluster.nodes.length) continue;
        // One pass with first-seen names; lists are only built for the (rare) duplicates.
        const first = new Map<string, PlanNode>();
        const dupes = new Map<string, PlanNode[]>();
        for (const node of cluster.nodes) {
          const value = node[field];
          if (value === undefined) continue;
          const key = field === 'address' ? value.toLowerCase() : value;
          const seen = first.get(key);
          if (seen === undefined) first.set(key, node);
          else dupes.set(key, [...(dupes.get(key) ?? [seen]), node]);
        }
        for (const [key, sharing] of dupes) {
          ctx.report({
            cluster: cluster.name,
            // The entries that share the value. A shared name is about the name itself, so there
            // these are every entry bearing it, and the report rightly points at all of them.
            nodes: sharing,
            message: `${sharing.length} nodes in cluster "${cluster.name}" share the ${field} "${key}". Give every node its own ${field}.`,
          });
        }
      }
    }
  },
});

export const examples: RuleExamples = {
  fires: [
    { plan: downstream([...minimumDownstreamNodes(), { name: 'w1', address: '10.1.0.99', roles: ['worker'] }]), nodes: ['w1'] },
    { plan: downstream([...minimumDownstreamNodes(), { name: 'w9', address: '10.1.0.21', roles: ['worker'] }]), nodes: ['w1', 'w9'], note: 'same address' },
  ],
  quiet: [{ plan: downstream([...minimumDownstreamNodes(), { name: 'w9', address: '10.1.0.99', roles: ['worker'] }]) }],
};
