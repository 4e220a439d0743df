// Past seven members, etcd only gets slower.
import { downstream, minimumDownstreamNodes } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';

export const about: RuleAboutEntry = {
  rationale: 'Every write must reach a quorum, so each extra member slows writes; about seven is the practical ceiling and five suits most clusters.',
};

export const rule = defineRule({
  id: 'etcd-max-members',
  severity: 'warning',
  category: 'etcd',
  title: 'etcd has no more than seven members',
  docs: { page: 'node-roles', heading: 'Odd etcd member counts', anchor: 'odd-etcd-member-counts' },
  check(ctx) {
    for (const { cluster, etcdMembers: n } of ctx.clusters) {
      if (n <= 7) continue;
      ctx.report({
        cluster: cluster.name,
        message: `Cluster "${cluster.name}" has ${n} etcd members. Beyond seven, writes get slower without a useful gain in safety; five is enough for most clusters.`,
      });
    }
  },
});

const etcd = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => ({ name: `e${from + i}`, roles: ['etcd' as const] }));

export const examples: RuleExamples = {
  fires: [{ plan: downstream([...minimumDownstreamNodes(), ...etcd(4, 9)]) }],
  quiet: [{ plan: downstream([...minimumDownstreamNodes(), ...etcd(4, 7)]) }],
};
