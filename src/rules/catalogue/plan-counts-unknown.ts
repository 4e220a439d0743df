// A count the source leaves open is said out loud, never judged as 0 or 1 node.
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { COUNT_RULES, hasUnknownCounts } from '../unknown-counts.ts';
import { listNames, plural } from '../words.ts';

export const about: RuleAboutEntry = {
  rationale:
    'A replica count written as ${WORKER_MACHINE_COUNT} or a Terraform variable without a default is only known at install time. Reading it as 0 or 1 would report a missing quorum that may not exist, or pass a layout that may fail; the checker names the open count instead.',
};

export const rule = defineRule({
  id: 'plan-counts-unknown',
  severity: 'info',
  category: 'plan',
  title: 'Node counts the source leaves open are named, and the rules that count nodes are not judged on a guess',
  docs: { page: 'plan-format', heading: 'Counts the file leaves open', anchor: 'counts-the-file-leaves-open' },
  check(ctx) {
    for (const { cluster } of ctx.clusters) {
      if (!hasUnknownCounts(cluster)) continue;
      const open = cluster.nodesUnknown ?? [];
      ctx.report({
        cluster: cluster.name,
        message: `Cluster "${cluster.name}" has ${plural(open.length, 'node count')} the file does not settle (${listNames(open)}), so quorum, role and size rules were not judged for it (${COUNT_RULES.size} rules). Give the count a value (a default, a .tfvars entry, an exported variable) to have them checked.`,
      });
    }
  },
});

const open = {
  clusters: [
    {
      name: 'capi',
      distribution: 'rke2' as const,
      nodes: [1, 2, 3].map((i) => ({ name: `cp-${i}`, pool: 'cp', roles: ['etcd' as const, 'controlplane' as const, 'worker' as const] })),
      nodesUnknown: ['${WORKER_MACHINE_COUNT}'],
    },
  ],
};

export const examples: RuleExamples = {
  fires: [{ plan: open }],
  quiet: [{ plan: { clusters: [{ ...open.clusters[0]!, nodesUnknown: undefined }] }, note: 'every count known' }],
};
