// Clusters are found by name, so each name is used once.
import { minimumDownstreamNodes } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';

export const about: RuleAboutEntry = {
  rationale: 'Load balancers, the rancher.cluster field and failure simulation find clusters by name, so a repeated name is ambiguous.',
};

export const rule = defineRule({
  id: 'plan-cluster-unique',
  severity: 'error',
  category: 'plan',
  title: 'Cluster names are unique within a plan',
  docs: { page: 'plan-format', heading: 'Node names and addresses', anchor: 'node-names-and-addresses' },
  check(ctx) {
    const seen = new Set<string>();
    const reported = new Set<string>();
    for (const { cluster } of ctx.clusters) {
      if (seen.has(cluster.name) && !reported.has(cluster.name)) {
        reported.add(cluster.name);
        ctx.report({
          cluster: cluster.name,
          message: `More than one cluster is called "${cluster.name}". Rename one so references to it are unambiguous.`,
        });
      }
      seen.add(cluster.name);
    }
  },
});

export const examples: RuleExamples = {
  fires: [
    {
      plan: {
        clusters: [
          { name: 'a', nodes: minimumDownstreamNodes() },
          { name: 'a', nodes: minimumDownstreamNodes() },
        ],
      },
    },
  ],
  quiet: [
    {
      plan: {
        clusters: [
          { name: 'a', nodes: minimumDownstreamNodes() },
          { name: 'b', nodes: minimumDownstreamNodes() },
        ],
      },
    },
  ],
};
