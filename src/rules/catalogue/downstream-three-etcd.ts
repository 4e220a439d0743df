// Downstream etcd survives losing a member.
import { followsRoleLayout } from '../cluster-facts.ts';
import { downstream, minimumDownstreamNodes } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { plural } from '../words.ts';

export const about: RuleAboutEntry = {
  rationale:
    'Three etcd members keep quorum when one is lost; with one or two, any single loss stops the cluster from accepting changes. The production checklist asks for three in every version; from 2.6 it applies to RKE2 and K3s clusters Rancher builds from machine pools too.',
  sources: ['arch24', 'checklist', 'machinePools'],
};

export const rule = defineRule({
  id: 'downstream-three-etcd',
  severity: 'warning',
  category: 'etcd',
  title: 'A downstream cluster has at least three etcd nodes',
  docs: { page: 'node-roles', heading: 'The minimum downstream layout', anchor: 'the-minimum-downstream-layout' },
  check(ctx) {
    for (const { cluster, etcdMembers: n, datastore } of ctx.downstream) {
      if (!followsRoleLayout(cluster, ctx.rancherVersion) || datastore !== 'etcd') continue;
      if (n >= 3 || n === 0) continue; // none at all is rke-each-role's (or machine-pools-each-role's) error
      ctx.report({
        cluster: cluster.name,
        message: `Downstream cluster "${cluster.name}" has ${plural(n, 'etcd node')}, so losing one stops it. Use at least three etcd-only nodes.`,
      });
    }
  },
});

const pools = (version: string) =>
  downstream(
    minimumDownstreamNodes().filter((n) => n.name !== 'e3'),
    { distribution: 'rke2' },
    version,
  );

export const examples: RuleExamples = {
  fires: [
    { plan: downstream(minimumDownstreamNodes().filter((n) => n.name !== 'e3')) },
    { plan: pools('2.6.0'), note: '2.6.0: RKE2 machine pools with two etcd nodes' },
  ],
  quiet: [{ plan: downstream() }, { plan: pools('2.5.9'), note: 'before 2.6 Rancher built no RKE2 machine pools' }],
};
