// Workloads survive a zone only if workers exist outside it.
import { isWorkerCapable } from '../cluster-facts.ts';
import { clusterZones } from '../zones.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import type { PlanInput } from '../vocabulary.ts';

export const about: RuleAboutEntry = {
  rationale:
    'A cluster whose control plane spans zones but whose workers all sit in one zone keeps its API through a zone failure and loses every workload with it. Kubernetes spreads replicas over zones only when nodes exist in more than one.',
  sources: ['k8sMultipleZones'],
};

export const rule = defineRule({
  id: 'zones-workers-spread',
  severity: 'warning',
  category: 'node-roles',
  title: 'Workers run in two zones or more',
  docs: { page: 'high-availability', heading: 'Control plane and workers across zones', anchor: 'control-plane-and-workers-across-zones' },
  check(ctx) {
    for (const { cluster } of ctx.clusters) {
      if (clusterZones(cluster).length < 2) continue;
      const workers = cluster.nodes.filter((n) => isWorkerCapable(cluster, n));
      // A worker without a zone could be anywhere: the plan does not say, so nothing is judged.
      if (workers.length < 2 || workers.some((n) => n.zone === undefined)) continue;
      const zones = new Set(workers.map((n) => n.zone));
      if (zones.size > 1) continue;
      const zone = [...zones][0] as string;
      ctx.report({
        cluster: cluster.name,
        nodes: workers,
        message: `Every node that runs workloads in cluster "${cluster.name}" is in zone "${zone}": losing that zone stops all workloads even though the rest of the cluster survives. Put workers in a second zone.`,
      });
    }
  },
});

const cluster = (workerZones: string[]): PlanInput => ({
  clusters: [
    {
      name: 'prod',
      distribution: 'rke',
      nodes: [
        ...['a', 'b', 'c'].map((zone, i) => ({ name: `e${i + 1}`, roles: ['etcd' as const, 'controlplane' as const], zone })),
        ...workerZones.map((zone, i) => ({ name: `w${i + 1}`, roles: ['worker' as const], zone })),
      ],
    },
  ],
});

export const examples: RuleExamples = {
  fires: [{ plan: cluster(['a', 'a', 'a']), nodes: ['w1', 'w2', 'w3'] }],
  quiet: [{ plan: cluster(['a', 'b', 'a']) }, { plan: cluster(['a']), note: 'a single worker: downstream-two-workers speaks to that' }],
};
