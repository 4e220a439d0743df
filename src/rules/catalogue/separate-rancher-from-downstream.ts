// Rancher's own hosts stay apart from the clusters that run people's apps.
import { HostIndex, hostFromText, type HostRef } from '../cluster-facts.ts';
import { downstream, minimumDownstreamNodes, rancherOn, rancherRke } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { listNames, verb } from '../words.ts';

export const about: RuleAboutEntry = {
  rationale:
    'When a machine runs Rancher and user workloads at once, trouble in one spills into the other, and losing that machine takes out management and apps together.',
};

export const rule = defineRule({
  id: 'separate-rancher-from-downstream',
  severity: 'warning',
  category: 'separation',
  title: 'No host serves both Rancher and a downstream cluster',
  docs: { page: 'separation', heading: 'One host, one job', anchor: 'one-host-one-job' },
  check(ctx) {
    const rancherHosts = new HostIndex<HostRef>(ctx.rancher?.cluster.nodes ?? []);
    const docker = ctx.plan.rancher?.install === 'docker' ? ctx.plan.rancher.host : undefined;
    if (docker) rancherHosts.add(hostFromText(docker));
    const where = docker && !ctx.rancher ? 'the Rancher Docker host' : 'a Rancher server node';
    for (const { cluster } of ctx.downstream) {
      const shared = cluster.nodes.filter((n) => rancherHosts.find(n) !== undefined);
      if (shared.length === 0) continue;
      ctx.report({
        cluster: cluster.name,
        nodes: shared,
        message: `${listNames(shared.map((n) => n.name))} in downstream cluster "${cluster.name}" ${verb(shared.length, 'is', 'are')} also ${where}. Move the downstream cluster to its own machines.`,
      });
    }
  },
});

const prod = (extra: object) => ({ name: 'prod', nodes: [...minimumDownstreamNodes(), extra as never] });

export const examples: RuleExamples = {
  fires: [
    { plan: rancherOn(rancherRke(), '2.4.8', [prod({ name: 'shared', address: '10.0.0.2', roles: ['worker'] })]), nodes: ['shared'], note: 'same address' },
    { plan: rancherOn(rancherRke(), '2.4.8', [prod({ name: 'r3', roles: ['worker'] })]), nodes: ['r3'], note: 'same name, no address downstream' },
    {
      plan: { rancher: { install: 'docker', host: '10.1.0.21' }, clusters: [{ name: 'prod', nodes: minimumDownstreamNodes() }] },
      nodes: ['w1'],
      note: 'the Docker host by address',
    },
    {
      plan: { rancher: { install: 'docker', host: 'w2' }, clusters: [{ name: 'prod', nodes: minimumDownstreamNodes() }] },
      nodes: ['w2'],
      note: 'the Docker host by name',
    },
  ],
  quiet: [
    { plan: rancherOn(rancherRke(), '2.4.8', [{ name: 'prod', nodes: minimumDownstreamNodes() }]) },
    {
      plan: rancherOn(rancherRke(), '2.4.8', [prod({ name: 'r3', address: '10.9.9.9', roles: ['worker'] })]),
      note: 'same name, different addresses: two machines',
    },
    { plan: downstream() },
  ],
};
