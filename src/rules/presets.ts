// Plans that mirror the guidance. The checker starts from them and the guidance pages draw them.
// Their defaults are filled without the schema library (plan-defaults.ts), so drawing or loading a
// preset never loads zod; plan-defaults.test.ts checks each against the schema.
import type { Plan, PlanInput } from './vocabulary.ts';
import { withPlanDefaults } from './plan-defaults.ts';

const allRoles = ['etcd', 'controlplane', 'worker'] as const;

const definitions = {
  'rancher-rke': {
    label: 'Rancher on RKE (3 nodes, all roles, layer-4 load balancer)',
    plan: {
      rancher: { version: '2.4.8', install: 'kubernetes', cluster: 'rancher' },
      clusters: [
        {
          name: 'rancher',
          distribution: 'rke',
          hosting: 'ec2',
          nodes: [1, 2, 3].map((i) => ({ name: `rancher-${i}`, address: `10.0.0.${i}`, roles: [...allRoles] })),
          loadBalancer: { layer: 4, ports: [80, 443], targets: ['rancher-1', 'rancher-2', 'rancher-3'], tlsTermination: 'ingress' },
        },
      ],
    },
  },
  'rancher-k3s': {
    label: 'Rancher on K3s (2 servers, external datastore, load balancer with 80, 443 and 6443)',
    plan: {
      rancher: { version: '2.4.8', install: 'kubernetes', cluster: 'rancher' },
      clusters: [
        {
          name: 'rancher',
          distribution: 'k3s',
          hosting: 'ec2',
          datastore: 'external',
          nodes: [1, 2].map((i) => ({ name: `server-${i}`, address: `10.0.0.${i}`, roles: ['server' as const] })),
          loadBalancer: { layer: 4, ports: [80, 443, 6443], targets: ['server-1', 'server-2'], tlsTermination: 'ingress' },
        },
      ],
    },
  },
  'rancher-rke2': {
    label: 'Rancher 2.12 on RKE2 (3 servers, load balancer with 80, 443, 9345 and 6443)',
    plan: {
      rancher: { version: '2.12.3', install: 'kubernetes', cluster: 'rancher' },
      clusters: [
        {
          name: 'rancher',
          distribution: 'rke2',
          hosting: 'ec2',
          nodes: [1, 2, 3].map((i) => ({ name: `server-${i}`, address: `10.0.0.${i}`, roles: ['server' as const] })),
          loadBalancer: {
            address: 'rancher.example.com',
            layer: 4,
            ports: [80, 443, 9345, 6443],
            targets: ['server-1', 'server-2', 'server-3'],
            tlsTermination: 'ingress',
          },
        },
      ],
    },
  },
  'rancher-k3s-etcd': {
    label: 'Rancher 2.12 on K3s with embedded etcd (3 servers)',
    plan: {
      rancher: { version: '2.12.3', install: 'kubernetes', cluster: 'rancher' },
      clusters: [
        {
          name: 'rancher',
          distribution: 'k3s',
          hosting: 'ec2',
          datastore: 'embedded',
          nodes: [1, 2, 3].map((i) => ({ name: `server-${i}`, address: `10.0.0.${i}`, roles: ['server' as const] })),
          loadBalancer: { layer: 4, ports: [80, 443, 6443], targets: ['server-1', 'server-2', 'server-3'], tlsTermination: 'ingress' },
        },
      ],
    },
  },
  'downstream-rke2-pools': {
    label: 'RKE2 downstream cluster from machine pools (3 etcd, 2 controlplane, 2 workers)',
    plan: {
      rancher: { version: '2.12.3', install: 'kubernetes' },
      clusters: [
        {
          name: 'apps',
          distribution: 'rke2',
          hosting: 'ec2',
          userWorkloads: true,
          nodes: [
            ...[1, 2, 3].map((i) => ({ name: `etcd-${i}`, address: `10.2.0.${i}`, roles: ['etcd' as const] })),
            ...[1, 2].map((i) => ({ name: `cp-${i}`, address: `10.2.0.${10 + i}`, roles: ['controlplane' as const] })),
            ...[1, 2].map((i) => ({ name: `worker-${i}`, address: `10.2.0.${20 + i}`, roles: ['worker' as const] })),
          ],
          authorizedEndpoint: { fqdn: 'api.apps.example.com', targets: ['cp-1', 'cp-2'], privateCA: false },
        },
      ],
    },
  },
  'downstream-production': {
    label: 'Production downstream cluster (3 etcd, 2 controlplane, 3 workers)',
    plan: {
      clusters: [
        {
          name: 'production',
          distribution: 'rke',
          hosting: 'ec2',
          userWorkloads: true,
          nodes: [
            ...[1, 2, 3].map((i) => ({ name: `etcd-${i}`, address: `10.1.0.${i}`, roles: ['etcd' as const] })),
            ...[1, 2].map((i) => ({ name: `cp-${i}`, address: `10.1.0.${10 + i}`, roles: ['controlplane' as const] })),
            ...[1, 2, 3].map((i) => ({ name: `worker-${i}`, address: `10.1.0.${20 + i}`, roles: ['worker' as const] })),
          ],
          authorizedEndpoint: { fqdn: 'api.production.example.com', targets: ['cp-1', 'cp-2'], privateCA: false },
        },
      ],
    },
  },
  'docker-single': {
    label: 'Single Docker install (trying Rancher out)',
    plan: {
      rancher: { version: '2.4.8', install: 'docker', host: '10.0.0.9' },
      clusters: [],
    },
  },
  empty: {
    label: 'Empty plan',
    plan: { clusters: [] },
  },
} satisfies Record<string, { label: string; plan: PlanInput }>;

export type PresetId = keyof typeof definitions;

export const PRESETS: Record<PresetId, { label: string; plan: Plan }> = Object.fromEntries(
  Object.entries(definitions).map(([id, { label, plan }]) => [id, { label, plan: withPlanDefaults(plan) }]),
) as Record<PresetId, { label: string; plan: Plan }>;

/** The whole recommended picture: Rancher on RKE plus one production downstream cluster. */
export const RECOMMENDED_PLAN: Plan = withPlanDefaults({
  rancher: PRESETS['rancher-rke'].plan.rancher,
  clusters: [...PRESETS['rancher-rke'].plan.clusters, ...PRESETS['downstream-production'].plan.clusters],
});
