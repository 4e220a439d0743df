// Rancher 2.4's K3s layout keeps the cluster data outside the servers.
import { nodes, rancherOn } from '../example-plans.ts';
import { defineRule, type RuleExamples } from '../rule.ts';

export const rule = defineRule({
  id: 'rancher-k3s-external-datastore',
  severity: 'warning',
  category: 'rancher-cluster',
  title: 'A K3s cluster for Rancher keeps its data in an external datastore',
  docs: { page: 'k3s-cluster', heading: 'Two servers and an external datastore', anchor: 'two-servers-and-an-external-datastore' },
  rationale:
    'With the data outside the servers, the two K3s servers become replaceable; with an embedded datastore the servers themselves hold the only copies.',
  check(ctx) {
    const r = ctx.rancher;
    if (!r || r.cluster.distribution !== 'k3s' || r.datastore === 'external') return;
    ctx.report({
      cluster: r.cluster.name,
      message: `The Rancher K3s cluster "${r.cluster.name}" keeps its data on its own servers. Point the servers at an external datastore (datastore-endpoint) so any server can be replaced.`,
    });
  },
});

export const examples: RuleExamples = {
  fires: [
    {
      plan: rancherOn({
        name: 'rancher',
        distribution: 'k3s',
        datastore: 'embedded',
        nodes: nodes('s', 3, ['server']),
        loadBalancer: { targets: ['s1', 's2', 's3'] },
      }),
    },
  ],
  quiet: [
    {
      plan: rancherOn({
        name: 'rancher',
        distribution: 'k3s',
        datastore: 'external',
        nodes: nodes('s', 2, ['server']),
        loadBalancer: { targets: ['s1', 's2'] },
      }),
    },
  ],
};
