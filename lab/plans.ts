// The plans the lab builds: every preset that has addresses, and a few generated ones. The
// generator draws realistic clusters (RKE, RKE2, K3s; role pools, standalone servers and agents,
// or every role on every node), at most two clusters of at most eight nodes with at most five etcd
// members, all with IPv4 addresses. Each generated plan is asked for a few features so that a run
// always covers them: zones (for the zone what-if), a Rancher cluster with a load balancer (for
// nginx) and node addresses inside 10.42.0.0/16, the pods' default range, with the cluster's own
// cluster-cidr moved elsewhere: a ruleset that trusted 10.42.0.0/16 whatever the plan said would
// let every node past every rule. (Nodes inside the pod range the cluster really uses are an error
// the checker reports, node-outside-cluster-networks; no ruleset can keep them apart.)
import fc from 'fast-check';
import { isEtcdMember } from '../src/rules/cluster-facts.ts';
import { planSchema, type Plan, type PlanInput } from '../src/rules/plan.ts';
import { PRESETS } from '../src/rules/presets.ts';

export const SEED = Number(process.env.LAB_SEED ?? 20_260_601);

export interface LabPlan {
  /** For test names: the preset id, or "generated #i (seed …)". */
  name: string;
  plan: Plan;
}

/** A plan the lab can build: every node of every cluster (and the Docker host) has an IPv4 address. */
export function buildable(plan: Plan): boolean {
  const addresses = plan.clusters.flatMap((c) => c.nodes.map((n) => n.address));
  const host = plan.rancher?.install === 'docker' ? plan.rancher.host : undefined;
  if (host !== undefined) addresses.push(host);
  return addresses.length > 0 && addresses.every((a) => a !== undefined && /^\d+\.\d+\.\d+\.\d+$/.test(a));
}

export const presetPlans = (): LabPlan[] => Object.entries(PRESETS).map(([id, { plan }]) => ({ name: `preset ${id}`, plan }));

interface Features {
  podRange: boolean;
  zones: boolean;
  rancher: boolean;
  clusters: 1 | 2;
}

/** One plan per entry: together they cover every feature the lab needs. */
const FEATURES: Features[] = [
  { podRange: true, zones: true, rancher: true, clusters: 1 },
  { podRange: false, zones: true, rancher: false, clusters: 2 },
  { podRange: false, zones: false, rancher: true, clusters: 2 },
  { podRange: false, zones: true, rancher: true, clusters: 1 },
];

type ClusterInput = NonNullable<PlanInput['clusters']>[number];
type NodeInput = NonNullable<ClusterInput['nodes']>[number];

const layoutArb = fc.oneof(
  fc.record({
    kind: fc.constant('pools' as const),
    etcd: fc.integer({ min: 1, max: 5 }),
    cp: fc.integer({ min: 1, max: 2 }),
    workers: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ kind: fc.constant('servers' as const), servers: fc.integer({ min: 1, max: 5 }), agents: fc.integer({ min: 0, max: 3 }) }),
  fc.record({ kind: fc.constant('all-roles' as const), nodes: fc.integer({ min: 1, max: 5 }) }),
);

const clusterArb = (index: number, features: Features) =>
  fc
    .record({
      distribution: fc.constantFrom('rke' as const, 'rke2' as const, 'k3s' as const),
      layout: layoutArb,
      network: fc.option(fc.constantFrom('canal' as const, 'flannel' as const, 'calico' as const, 'cilium' as const), { nil: undefined }),
      externalDatastore: fc.boolean(),
      second: fc.integer({ min: 0, max: 3 }),
      zoneOffset: fc.integer({ min: 0, max: 2 }),
      zoneCount: fc.integer({ min: 2, max: 3 }),
      lbPorts: fc.subarray([6443, 9345]),
      lbTargets: fc.integer({ min: 0, max: 3 }),
    })
    .map((d): ClusterInput => {
      const name = index === 0 ? 'mgmt' : 'apps';
      // Addresses: 10.42.x.y when the plan asks for the pod range, else another 10.x range; the
      // lab's own hosts (outsider, load balancer) use 10.250.0.0/16, which no plan uses.
      const base = `10.${features.podRange && index === 0 ? 42 : [1, 3, 7, 100][d.second]}.${index + 1}`;
      const nodes: NodeInput[] = [];
      const add = (prefix: string, roles: NodeInput['roles']) => {
        const i = nodes.length;
        nodes.push({ name: `${prefix}-${i + 1}`, address: `${base}.${10 + i}`, roles });
      };
      const layout = d.distribution === 'rke' && d.layout.kind === 'servers' ? { kind: 'all-roles' as const, nodes: d.layout.servers } : d.layout;
      if (layout.kind === 'pools') {
        for (let i = 0; i < layout.etcd; i++) add('etcd', ['etcd']);
        for (let i = 0; i < layout.cp; i++) add('cp', ['controlplane']);
        for (let i = 0; i < Math.min(layout.workers, 8 - layout.etcd - layout.cp); i++) add('worker', ['worker']);
      } else if (layout.kind === 'servers') {
        for (let i = 0; i < layout.servers; i++) add('server', ['server']);
        for (let i = 0; i < layout.agents; i++) add('agent', ['agent']);
      } else for (let i = 0; i < layout.nodes; i++) add('node', ['etcd', 'controlplane', 'worker']);
      const zones = ['za', 'zb', 'zc'].slice(0, d.zoneCount);
      if (features.zones) nodes.forEach((n, i) => (n.zone = zones[(i + d.zoneOffset) % zones.length]));
      const cluster: ClusterInput = { name, distribution: d.distribution, nodes, ...(d.network ? { network: d.network } : {}) };
      if (features.podRange && index === 0) cluster.podCidrs = ['10.200.0.0/16'];
      // K3s servers with an external datastore: a cluster without etcd, which the lab must handle too.
      if (d.distribution === 'k3s' && layout.kind === 'servers' && d.externalDatastore) cluster.datastore = 'external';
      if (features.rancher && index === 0) {
        const serverPorts = d.distribution === 'rke' ? [] : d.lbPorts.filter((p) => p !== 9345 || d.distribution === 'rke2');
        cluster.loadBalancer = { layer: 4, ports: [80, 443, ...serverPorts], targets: nodes.slice(0, d.lbTargets).map((n) => n.name) };
      }
      return cluster;
    });

const planArb = (features: Features) =>
  fc
    .tuple(fc.constantFrom('2.4.8', '2.6.9', '2.12.3'), ...Array.from({ length: features.clusters }, (_, i) => clusterArb(i, features)))
    .map(([version, ...clusters]) =>
      planSchema.parse({ rancher: features.rancher ? { version, install: 'kubernetes', cluster: 'mgmt' } : { version, install: 'kubernetes' }, clusters }),
    );

/** The generated plans of this run: one per entry of FEATURES, from the fixed seed. */
export function generatedPlans(seed = SEED): LabPlan[] {
  return FEATURES.map((features, i) => {
    const [plan] = fc.sample(planArb(features), { seed: seed + i, numRuns: 1 });
    if (!plan) throw new Error('fast-check gave no plan');
    return { name: `generated #${i + 1} (seed ${seed + i})`, plan };
  });
}

export const describePlan = (plan: Plan): string =>
  plan.clusters
    .map((c) => {
      const members = c.nodes.filter((n) => isEtcdMember(c, n)).length;
      return `${c.name}: ${c.distribution}, ${c.nodes.length} nodes (${c.nodes.map((n) => `${n.name}=${n.address ?? '?'}[${n.roles.join('+')}${n.zone ? `@${n.zone}` : ''}]`).join(' ')}), ${members} etcd`;
    })
    .join('; ') || `Docker host ${plan.rancher?.host ?? '?'}`;
