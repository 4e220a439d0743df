// Kubernetes' large-cluster advice: a control-plane instance in every zone that runs workloads.
import { isControlPlane, isManaged, isWorkerCapable } from '../cluster-facts.ts';
import { clusterZones } from '../zones.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { listNames, plural } from '../words.ts';
import type { PlanInput } from '../vocabulary.ts';

export const about: RuleAboutEntry = {
  rationale:
    "Kubernetes' guidance for large clusters runs at least one control-plane instance in each failure zone, so that the nodes of a zone do not depend on another zone to reach the API. It is written for large clusters and the cost is one more controlplane node per zone, so the guide reports a zone with workers but no controlplane node as a note.",
  sources: ['k8sLargeClusters', 'k8sMultipleZones'],
};

export const rule = defineRule({
  id: 'zones-controlplane-with-workers',
  severity: 'info',
  category: 'node-roles',
  title: 'Every zone with workers also has a controlplane node',
  docs: { page: 'high-availability', heading: 'Control plane and workers across zones', anchor: 'control-plane-and-workers-across-zones' },
  check(ctx) {
    for (const { cluster } of ctx.clusters) {
      if (isManaged(cluster) || clusterZones(cluster).length < 2) continue;
      const cpZones = new Set(cluster.nodes.filter((n) => isControlPlane(cluster, n) && n.zone !== undefined).map((n) => n.zone));
      if (cpZones.size === 0) continue;
      const workers = cluster.nodes.filter((n) => isWorkerCapable(cluster, n) && n.zone !== undefined && !cpZones.has(n.zone));
      if (workers.length === 0) continue;
      const zones = [...new Set(workers.map((n) => n.zone as string))].sort();
      ctx.report({
        cluster: cluster.name,
        nodes: workers,
        message: `In cluster "${cluster.name}", ${plural(zones.length, 'zone')} ${listNames(zones)} ${zones.length === 1 ? 'runs' : 'run'} workloads but ${zones.length === 1 ? 'has' : 'have'} no controlplane node, so ${zones.length === 1 ? 'its' : 'their'} nodes reach the API in another zone. For a large cluster, add a controlplane node there.`,
      });
    }
  },
});

const cluster = (cpZones: string[], workerZones: string[]): PlanInput => ({
  clusters: [
    {
      name: 'prod',
      distribution: 'rke',
      nodes: [
        ...['a', 'b', 'c'].map((zone, i) => ({ name: `e${i + 1}`, roles: ['etcd' as const], zone })),
        ...cpZones.map((zone, i) => ({ name: `c${i + 1}`, roles: ['controlplane' as const], zone })),
        ...workerZones.map((zone, i) => ({ name: `w${i + 1}`, roles: ['worker' as const], zone })),
      ],
    },
  ],
});

export const examples: RuleExamples = {
  fires: [{ plan: cluster(['a', 'b'], ['a', 'b', 'c']), nodes: ['w3'], note: 'zone c has a worker and no controlplane node' }],
  quiet: [{ plan: cluster(['a', 'b', 'c'], ['a', 'b', 'c']) }, { plan: cluster(['a', 'b'], ['a', 'b']), note: 'workers only where the control plane is' }],
};
