// Clusters whose size the source leaves open (a `${VAR}` replica count in a Cluster API template, a
// Terraform variable without a default): the plan lists the nodes it knows and names the open
// counts in `nodesUnknown`. A rule that counts nodes would judge a guess, so the engine drops its
// findings for such a cluster, and plan-counts-unknown says which rules were not judged and why.
import type { Cluster } from './vocabulary.ts';

/** Rules whose verdict depends on how many nodes (of a role) a cluster has. */
export const COUNT_RULES: ReadonlySet<string> = new Set([
  'cluster-cidr-room',
  'downstream-survives-node-loss',
  'downstream-three-etcd',
  'downstream-two-controlplane',
  'downstream-two-workers',
  'etcd-odd-members',
  'lb-all-nodes',
  'lb-present',
  'machine-pools-each-role',
  'rancher-cluster-ha',
  'rancher-k3s-external-datastore',
  'rancher-node-size',
  'rancher-rke-three-nodes',
  'registration-address-fixed',
  'rke-each-role',
  'server-node-size',
  'zones-controlplane-with-workers',
  'zones-etcd-quorum',
  'zones-workers-spread',
]);

/** Does the source leave some of this cluster's node counts open? */
export function hasUnknownCounts(cluster: Pick<Cluster, 'nodesUnknown'>): boolean {
  return (cluster.nodesUnknown?.length ?? 0) > 0;
}
