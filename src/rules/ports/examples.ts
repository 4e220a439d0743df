// Plans that stand for each distribution on the ports page: the static matrix (no JavaScript) is
// these plans' matrices, described by kind of node rather than by name.
import type { NodeRole, PlanInput } from '../vocabulary.ts';

type ExampleNode = { name: string; roles: NodeRole[] };

const server = ['server'] as const;

/** A node per Kubernetes role (RKE, and RKE2 in machine pools), or a server and an agent. */
const ONE_PER_ROLE: ExampleNode[] = [
  { name: 'etcd-1', roles: ['etcd'] },
  { name: 'cp-1', roles: ['controlplane'] },
  { name: 'worker-1', roles: ['worker'] },
];
const SERVER_AND_AGENT: ExampleNode[] = [
  { name: 'server-1', roles: [...server] },
  { name: 'agent-1', roles: ['agent'] },
];

/** A downstream cluster of one distribution, with nothing else in the plan. */
function downstream(title: string, version: string, distribution: 'rke' | 'rke2' | 'k3s', nodes: ExampleNode[]): { title: string; plan: PlanInput } {
  return { title, plan: { rancher: { version, install: 'kubernetes' }, clusters: [{ name: 'downstream', distribution, nodes }] } };
}

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
  'downstream-rke': downstream('Downstream RKE', '2.11', 'rke', ONE_PER_ROLE),
  'downstream-rke2': downstream('Downstream RKE2, servers and agents', '2.15', 'rke2', SERVER_AND_AGENT),
  'downstream-rke2-pools': downstream('Downstream RKE2 in machine pools', '2.15', 'rke2', ONE_PER_ROLE),
  'downstream-k3s': downstream('Downstream K3s', '2.15', 'k3s', SERVER_AND_AGENT),
} as const satisfies Record<string, { title: string; plan: PlanInput }>;

export type PortExampleId = keyof typeof PORT_EXAMPLES;
