// The plan's vocabulary: roles, distributions, hostings, datastores, network plugins. Kept free of
// zod so code that only checks plans (the calculators in the browser) does not ship the schema
// library; plan.ts builds the schema from these lists and re-exports them.

// The model's types, for modules that import only from here (type-only: erased at run time).
export type { AuthorizedEndpoint, Cluster, EtcdSnapshots, LoadBalancer, Plan, PlanInput, PlanNode, Rancher } from './plan.ts';

/** The three Kubernetes roles RKE assigns per node; Rancher's machine pools use them for RKE2/K3s too. */
export const KUBERNETES_ROLES = ['etcd', 'controlplane', 'worker'] as const;
/** How standalone K3s and RKE2 installs describe a node. */
export const SERVER_ROLES = ['server', 'agent'] as const;
export const NODE_ROLES = [...KUBERNETES_ROLES, ...SERVER_ROLES] as const;

export const DISTRIBUTIONS = ['rke', 'rke2', 'k3s', 'eks', 'gke', 'aks', 'other'] as const;
export const MANAGED_DISTRIBUTIONS = ['eks', 'gke', 'aks'] as const;
export const HOSTINGS = ['ec2', 'gce', 'azure', 'on-premises', 'other'] as const;
/**
 * Where a cluster keeps its data. `embedded` is etcd on the nodes (the default); `external` is a
 * datastore outside them (K3s datastore-endpoint, RKE external etcd); `sqlite` is a lone K3s server
 * keeping its data in a local SQLite file, which has no quorum and no second copy.
 */
export const DATASTORES = ['embedded', 'external', 'sqlite'] as const;
/** Network plugins whose port needs differ (canal = flannel VXLAN + calico policy, RKE's default). */
export const NETWORK_PLUGINS = ['canal', 'flannel', 'calico', 'cilium', 'weave', 'none', 'other'] as const;

export type KubernetesRole = (typeof KUBERNETES_ROLES)[number];
export type NodeRole = (typeof NODE_ROLES)[number];
export type Distribution = (typeof DISTRIBUTIONS)[number];
export type Hosting = (typeof HOSTINGS)[number];
export type Datastore = (typeof DATASTORES)[number];
export type NetworkPlugin = (typeof NETWORK_PLUGINS)[number];

/**
 * Each role in words, the one table for every page, diagram and message: `name` in sentences and
 * lists, `legend` where a diagram's legend also says which family uses it, `letter` drawn on each
 * node box so roles never depend on colour alone, `header` over the checker's role column (in two
 * words where the name is one long word, so a narrow column can break it over two lines).
 */
export const ROLE_TEXT: Record<NodeRole, { name: string; legend: string; letter: string; header: string }> = {
  etcd: { name: 'etcd', legend: 'etcd', letter: 'E', header: 'etcd' },
  controlplane: { name: 'controlplane', legend: 'controlplane', letter: 'C', header: 'control plane' },
  worker: { name: 'worker', legend: 'worker', letter: 'W', header: 'worker' },
  server: { name: 'server', legend: 'server (K3s, RKE2)', letter: 'S', header: 'server' },
  agent: { name: 'agent', legend: 'agent (K3s, RKE2)', letter: 'A', header: 'agent' },
};

/** Names as their projects spell them, for every message and label. */
export const DISTRIBUTION_LABEL: Record<Distribution, string> = {
  rke: 'RKE',
  rke2: 'RKE2',
  k3s: 'K3s',
  eks: 'EKS',
  gke: 'GKE',
  aks: 'AKS',
  other: 'Kubernetes',
};

export const HOSTING_LABEL: Record<Hosting, string> = {
  ec2: 'Amazon EC2',
  gce: 'Google Compute Engine',
  azure: 'Azure virtual machines',
  'on-premises': 'on-premises machines',
  other: 'other infrastructure',
};
