// Plans that stand for each distribution on the ports page: the static matrix (no JavaScript) is
// these plans' matrices, described by kind of node rather than by name.
import type { PlanInput } from '../vocabulary.ts';

const server = ['server'] as const;

export const PORT_EXAMPLES = {
  'rancher-rke': {
    title: 'Rancher on RKE',
    plan: {
      rancher: { version: '2.11', install: 'kubernetes', cluster: 'rancher' },
      clusters: [
        {
          name: 'rancher',
          distribution: 'rke',
          nodes: [1, 2, 3].map((i) => ({ name: `rancher-${i}`, roles: ['etcd', 'controlplane', 'worker'] })),
          loadBalancer: { targets: ['rancher-1', 'rancher-2', 'rancher-3'] },
        },
      ],
    },
  },
  'rancher-rke2': {
    title: 'Rancher on RKE2',
    plan: {
      rancher: { version: '2.15', install: 'kubernetes', cluster: 'rancher' },
      clusters: [
        {
          name: 'rancher',
          distribution: 'rke2',
          nodes: [1, 2, 3].map((i) => ({ name: `rancher-${i}`, roles: [...server] })),
          loadBalancer: { targets: ['rancher-1', 'rancher-2', 'rancher-3'] },
        },
        { name: 'apps', distribution: 'rke2', nodes: [{ name: 'a1', roles: [...server] }] },
      ],
    },
  },
  'rancher-k3s': {
    title: 'Rancher on K3s',
    plan: {
      rancher: { version: '2.15', install: 'kubernetes', cluster: 'rancher' },
      clusters: [
        {
          name: 'rancher',
          distribution: 'k3s',
          datastore: 'embedded',
          nodes: [1, 2, 3].map((i) => ({ name: `rancher-${i}`, roles: [...server] })),
          loadBalancer: { targets: ['rancher-1', 'rancher-2', 'rancher-3'] },
        },
      ],
    },
  },
  docker: {
    title: 'Rancher in Docker',
    plan: { rancher: { version: '2.15', install: 'docker', host: 'rancher-host' }, clusters: [] },
  },
  'downstream-rke': {
    title: 'Downstream RKE',
    plan: {
      rancher: { version: '2.11', install: 'kubernetes' },
      clusters: [
        {
          name: 'downstream',
          distribution: 'rke',
          nodes: [
            { name: 'etcd-1', roles: ['etcd'] },
            { name: 'cp-1', roles: ['controlplane'] },
            { name: 'worker-1', roles: ['worker'] },
          ],
        },
      ],
    },
  },
  'downstream-rke2': {
    title: 'Downstream RKE2, servers and agents',
    plan: {
      rancher: { version: '2.15', install: 'kubernetes' },
      clusters: [
        {
          name: 'downstream',
          distribution: 'rke2',
          nodes: [
            { name: 'server-1', roles: [...server] },
            { name: 'agent-1', roles: ['agent'] },
          ],
        },
      ],
    },
  },
  'downstream-rke2-pools': {
    title: 'Downstream RKE2 in machine pools',
    plan: {
      rancher: { version: '2.15', install: 'kubernetes' },
      clusters: [
        {
          name: 'downstream',
          distribution: 'rke2',
          nodes: [
            { name: 'etcd-1', roles: ['etcd'] },
            { name: 'cp-1', roles: ['controlplane'] },
            { name: 'worker-1', roles: ['worker'] },
          ],
        },
      ],
    },
  },
  'downstream-k3s': {
    title: 'Downstream K3s',
    plan: {
      rancher: { version: '2.15', install: 'kubernetes' },
      clusters: [
        {
          name: 'downstream',
          distribution: 'k3s',
          nodes: [
            { name: 'server-1', roles: [...server] },
            { name: 'agent-1', roles: ['agent'] },
          ],
        },
      ],
    },
  },
} as const satisfies Record<string, { title: string; plan: PlanInput }>;

export type PortExampleId = keyof typeof PORT_EXAMPLES;
