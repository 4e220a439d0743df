// The RKE layout for Rancher: exactly three nodes.
import { ALL_ROLES, rancherOn, rancherRke } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { plural } from '../words.ts';

export const about: RuleAboutEntry = {
  rationale:
    'Three nodes with every role give three etcd members (one loss survivable) and several control planes, which is all Rancher needs; more nodes add cost, fewer lose HA.',
  sources: ['arch24', 'arch212'],
};

export const rule = defineRule({
  id: 'rancher-rke-three-nodes',
  severity: 'warning',
  category: 'rancher-cluster',
  title: 'An RKE cluster for Rancher has exactly three nodes',
  docs: { page: 'rke-cluster', heading: 'Three nodes, every role', anchor: 'three-nodes-every-role' },
  // From 2.12 RKE is gone: rke1-end-of-life reports an RKE Rancher cluster, and its layout no longer matters.
  versions: { until: '2.12' },
  check(ctx) {
    const r = ctx.rancher;
    if (!r || r.cluster.distribution !== 'rke' || r.cluster.nodes.length === 3) return;
    ctx.report({
      cluster: r.cluster.name,
      message: `The Rancher RKE cluster "${r.cluster.name}" has ${plural(r.cluster.nodes.length, 'node')}. The recommended layout is three nodes, each with etcd, controlplane and worker.`,
    });
  },
});

const four = (version?: string) =>
  rancherOn(
    rancherRke({
      nodes: [1, 2, 3, 4].map((i) => ({ name: `r${i}`, address: `10.0.0.${i}`, roles: [...ALL_ROLES] })),
      loadBalancer: { targets: ['r1', 'r2', 'r3', 'r4'] },
    }),
    version,
  );

export const examples: RuleExamples = {
  fires: [{ plan: four() }, { plan: four('2.11.9'), note: '2.11.x: the RKE layout still applies' }],
  quiet: [{ plan: rancherOn(rancherRke()) }, { plan: four('2.12.0'), note: '2.12: RKE is end of life, reported by rke1-end-of-life' }],
};
