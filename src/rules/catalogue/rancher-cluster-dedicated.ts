// The Rancher cluster runs Rancher, not apps (from 2.5: as long as Rancher manages other clusters).
import { minimumDownstreamNodes, rancherOn, rancherRke } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { compareVersions } from '../versions.ts';
import { listNames, plural } from '../words.ts';

export const about: RuleAboutEntry = {
  rationale:
    'A cluster that only hosts Rancher keeps its resources and its attack surface small; apps belong in downstream clusters that Rancher manages. Up to 2.4 the guidance makes no exception. From 2.5 a Rancher that manages only its own cluster may share it with apps, so the rule then applies only when the plan lists downstream clusters.',
  sources: ['arch24', 'arch25', 'separation25'],
};

export const rule = defineRule({
  id: 'rancher-cluster-dedicated',
  severity: 'warning',
  category: 'separation',
  title: 'The Rancher cluster runs no user workloads (from 2.5: when Rancher manages downstream clusters)',
  docs: { page: 'separation', heading: 'Keep user workloads off the Rancher cluster', anchor: 'keep-user-workloads-off-the-rancher-cluster' },
  check(ctx) {
    const r = ctx.rancher;
    if (!r?.cluster.userWorkloads) return;
    const name = r.cluster.name;
    if (compareVersions(ctx.rancherVersion, '2.5') < 0) {
      ctx.report({
        cluster: name,
        message: `The Rancher cluster "${name}" also runs user workloads. Move those apps to a downstream cluster and keep this one for Rancher.`,
      });
      return;
    }
    // A plan that lists no other cluster is read as a Rancher that manages none.
    const managed = ctx.downstream.map((d) => d.cluster.name);
    if (managed.length === 0) return;
    ctx.report({
      cluster: name,
      message: `The Rancher cluster "${name}" also runs user workloads while Rancher manages ${plural(managed.length, 'downstream cluster')} (${listNames(managed)}). From Rancher 2.5, apps may share Rancher's cluster only when it manages no other cluster: move them to a downstream cluster.`,
    });
  },
});

const withApps = (version: string, downstreamToo: boolean) =>
  rancherOn(rancherRke({ userWorkloads: true }), version, downstreamToo ? [{ name: 'prod', nodes: minimumDownstreamNodes() }] : []);

export const examples: RuleExamples = {
  fires: [
    { plan: withApps('2.4.8', false), note: 'up to 2.4: no exception' },
    { plan: withApps('2.5.0', true), note: '2.5.0: Rancher manages a downstream cluster' },
  ],
  quiet: [{ plan: rancherOn(rancherRke()) }, { plan: withApps('2.5.0', false), note: '2.5.0: Rancher manages no other cluster, so apps may share it' }],
};
