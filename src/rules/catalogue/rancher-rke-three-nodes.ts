// The RKE layout for Rancher: exactly three nodes.
import { ALL_ROLES, rancherOn, rancherRke } from '../example-plans.ts';
import { defineRule, type RuleExamples } from '../rule.ts';
import { plural } from '../words.ts';

export const rule = defineRule({
  id: 'rancher-rke-three-nodes',
  severity: 'warning',
  category: 'rancher-cluster',
  title: 'An RKE cluster for Rancher has exactly three nodes',
  docs: { page: 'rke-cluster', heading: 'Three nodes, every role', anchor: 'three-nodes-every-role' },
  rationale:
    'Three nodes with every role give three etcd members (one loss survivable) and several control planes, which is all Rancher needs; more nodes add cost, fewer lose HA.',
  check(ctx) {
    const r = ctx.rancher;
    if (!r || r.cluster.distribution !== 'rke' || r.cluster.nodes.length === 3) return;
    ctx.report({
      cluster: r.cluster.name,
      message: `The Rancher RKE cluster "${r.cluster.name}" has ${plural(r.cluster.nodes.length, 'node')}. The recommended layout is three nodes, each with etcd, controlplane and worker.`,
    });
  },
});

export const examples: RuleExamples = {
  fires: [
    {
      plan: rancherOn(
        rancherRke({
          nodes: [1, 2, 3, 4].map((i) => ({ name: `r${i}`, address: `10.0.0.${i}`, roles: [...ALL_ROLES] })),
          loadBalancer: { targets: ['r1', 'r2', 'r3', 'r4'] },
        }),
      ),
    },
  ],
  quiet: [{ plan: rancherOn(rancherRke()) }],
};
