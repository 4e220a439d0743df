// References inside a plan (load-balancer and endpoint targets, rancher.cluster) resolve.
import { resolveTarget } from '../cluster-facts.ts';
import { rancherOn, rancherRke } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { listNames, verb } from '../words.ts';

export const about: RuleAboutEntry = {
  rationale: 'A reference to a node or cluster that is not in the plan is usually a typo, and every check that follows it would be guessing.',
};

export const rule = defineRule({
  id: 'plan-target-known',
  severity: 'error',
  category: 'plan',
  title: 'Load-balancer targets, endpoint targets and rancher.cluster name things that exist',
  docs: { page: 'plan-format', heading: 'References between sections', anchor: 'references-between-sections' },
  check(ctx) {
    const rancher = ctx.plan.rancher;
    // Without rancher.cluster the Rancher cluster is simply not part of the plan (a plan of
    // downstream clusters only); a name that matches no cluster is a mistake.
    if (rancher?.install === 'kubernetes' && rancher.cluster !== undefined && !ctx.rancher) {
      ctx.report({
        message: `rancher.cluster names "${rancher.cluster}", but the plan has no cluster with that name. Add it or correct the name.`,
      });
    }
    for (const { cluster } of ctx.clusters) {
      for (const [what, targets] of [
        ['load balancer', cluster.loadBalancer?.targets ?? []],
        ['authorized endpoint', cluster.authorizedEndpoint?.targets ?? []],
      ] as const) {
        const unknown = targets.filter((t) => resolveTarget(cluster, t) === undefined);
        if (unknown.length === 0) continue;
        ctx.report({
          cluster: cluster.name,
          // Targets that name no entry: printed as written, pointing at none.
          unmatchedNames: unknown,
          message: `The ${what} of cluster "${cluster.name}" targets ${listNames(unknown.map((t) => `"${t}"`))}, which ${verb(unknown.length, 'is not a node', 'are not nodes')} of that cluster. Name its nodes by name or address.`,
        });
      }
    }
  },
});

export const examples: RuleExamples = {
  fires: [
    { plan: rancherOn(rancherRke({ loadBalancer: { targets: ['r1', 'r2', 'r3', 'r9'] } })), nodes: ['r9'] },
    { plan: { rancher: { version: '2.4.8', cluster: 'nope' }, clusters: [rancherRke()] }, note: 'rancher.cluster names nothing' },
  ],
  quiet: [
    { plan: rancherOn(rancherRke()) },
    { plan: rancherOn(rancherRke({ loadBalancer: { targets: ['10.0.0.1', '10.0.0.2', 'r3'] } })), note: 'targets by address' },
    { plan: { rancher: { version: '2.6.0' }, clusters: [rancherRke({ name: 'apps' })] }, note: 'the Rancher cluster is not in the plan' },
  ],
};
