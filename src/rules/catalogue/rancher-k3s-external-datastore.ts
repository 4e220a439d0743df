// Rancher 2.4's K3s layout keeps the cluster data outside the servers.
import { nodes, rancherOn } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';

export const about: RuleAboutEntry = {
  rationale:
    "Rancher 2.4's only K3s layout is two servers in front of an external datastore, which makes the servers replaceable. From 2.5 the documents part ways: Rancher's architecture page still describes two servers and a database, its hardware page asks for three nodes in production, and K3s documents embedded etcd on an odd number of servers, three or more. This guide reads both K3s layouts as sound from 2.5 (two or more servers on an external datastore, or three or more, odd, on embedded etcd), so this rule stops there; rancher-cluster-ha and etcd-odd-members judge the server count.",
  sources: ['arch24', 'arch212', 'requirementsLatest', 'k3sEmbeddedEtcd', 'k3sExternalDb'],
};

export const rule = defineRule({
  id: 'rancher-k3s-external-datastore',
  severity: 'warning',
  category: 'rancher-cluster',
  title: 'A K3s cluster for Rancher 2.4 keeps its data in an external datastore',
  docs: { page: 'k3s-cluster', heading: 'Two servers and an external datastore', anchor: 'two-servers-and-an-external-datastore' },
  versions: { since: '2.4', until: '2.5' },
  check(ctx) {
    const r = ctx.rancher;
    if (!r || r.cluster.distribution !== 'k3s' || r.datastore === 'external') return;
    ctx.report({
      cluster: r.cluster.name,
      message: `The Rancher K3s cluster "${r.cluster.name}" keeps its data on its own servers. For Rancher ${ctx.rancherVersion}, point the servers at an external datastore (datastore-endpoint) so any server can be replaced.`,
    });
  },
});

const k3s = (count: number, datastore: 'embedded' | 'external', version: string) =>
  rancherOn(
    {
      name: 'rancher',
      distribution: 'k3s',
      datastore,
      nodes: nodes('s', count, ['server']),
      loadBalancer: { targets: nodes('s', count, []).map((n) => n.name) },
    },
    version,
  );

export const examples: RuleExamples = {
  fires: [
    { plan: k3s(3, 'embedded', '2.4.0'), note: '2.4.0: the external datastore is the advice' },
    { plan: k3s(3, 'embedded', '2.4.17'), note: '2.4.x' },
  ],
  quiet: [
    { plan: k3s(2, 'external', '2.4.8') },
    { plan: k3s(3, 'embedded', '2.3.9'), note: '2.3.x: K3s cannot host Rancher at all (rancher-distribution-supported says so)' },
    { plan: k3s(3, 'embedded', '2.5.0'), note: '2.5.0: three embedded-etcd servers are fine' },
    { plan: k3s(3, 'embedded', '2.8.5'), note: 'the issue: a 2.8 plan with three embedded-etcd servers' },
  ],
};
