// Where each guidance page's advice differs by Rancher version: one row per change, with the
// releases it holds for, the rules that check it and the documents it rests on. Every guidance
// page shows its rows as a table (readable without JavaScript); the version choice highlights the
// rows for the reader's release and repeats them in an aside at the top of the page.
import type { RuleId } from '../rules/catalogue/index.ts';
import type { GuidePage } from '../rules/guide-pages.ts';
import type { SourceId } from '../rules/rule-sources.ts';
import type { VersionRange } from '../rules/versions.ts';

export interface VersionNote {
  versions: VersionRange;
  /** What is different for those releases, in a sentence or three. */
  text: string;
  /** The rules that check it, if any. */
  rules?: readonly RuleId[];
  sources: readonly SourceId[];
}

export const VERSION_NOTES: Partial<Record<GuidePage, readonly VersionNote[]>> = {
  separation: [
    {
      versions: { since: '2.5' },
      text: 'A Rancher that manages no cluster but its own may share that cluster with your apps. Once it manages downstream clusters, the apps move off, as before. Separate hosts stay the rule either way.',
      rules: ['rancher-cluster-dedicated'],
      sources: ['arch25', 'separation25'],
    },
  ],
  'high-availability': [
    {
      versions: { until: '2.4' },
      text: 'Only RKE can host Rancher; K3s arrives with 2.4.',
      rules: ['rancher-distribution-supported'],
      sources: ['arch24'],
    },
    {
      versions: { since: '2.5' },
      text: 'Any conformant Kubernetes cluster may host Rancher, hosted EKS, AKS and GKE included (from 2.6, not GKE in Autopilot mode). The docs stop preferring K3s for new installs, and the rancher-backup operator can move Rancher to another cluster, so the choice of distribution can be revisited later.',
      rules: ['rancher-distribution-supported', 'rancher-k3s-preferred'],
      sources: ['install25', 'install26', 'migrateRancher'],
    },
    {
      versions: { since: '2.5.6' },
      text: 'RKE2 can host Rancher: three server nodes on embedded etcd, with no agents needed.',
      rules: ['rancher-distribution-supported', 'rancher-cluster-ha'],
      sources: ['requirements25', 'rke2ForRancher'],
    },
    {
      versions: { since: '2.5', until: '2.9' },
      text: 'A Docker install can now be moved onto an HA cluster with rancher-backup, which v2.0–v2.4 could not do. The single Docker container stays what the docs have called it since v2.0: a development and testing setup.',
      rules: ['docker-install-not-production'],
      sources: ['migrateRancher'],
    },
    {
      versions: { since: '2.9' },
      text: 'The docs state plainly that Docker installs are not supported in production. The checker keeps this a warning.',
      rules: ['docker-install-not-production'],
      sources: ['dockerWarning'],
    },
    {
      versions: { since: '2.9', until: '2.12' },
      text: 'RKE1 reaches its end of life on 31 July 2025, and from Rancher 2.12 it is unsupported, for the Rancher cluster too. Plan the move of an RKE Rancher cluster to RKE2 or K3s before that upgrade.',
      rules: ['rke1-end-of-life'],
      sources: ['rke1Eol'],
    },
    {
      versions: { since: '2.12' },
      text: 'RKE is gone: Rancher runs on RKE2, K3s or hosted Kubernetes, and an RKE Rancher cluster is unsupported. The hardware pages ask for at least three nodes in production.',
      rules: ['rke1-end-of-life'],
      sources: ['arch212', 'install212', 'requirementsLatest'],
    },
  ],
  'k3s-cluster': [
    {
      versions: { until: '2.4' },
      text: 'K3s cannot host Rancher before 2.4.',
      rules: ['rancher-distribution-supported'],
      sources: ['arch24'],
    },
    {
      versions: { since: '2.5' },
      text: 'A second K3s layout counts as highly available: three or more servers, an odd number, on embedded etcd and without an external database. Rancher’s own pages still describe two servers and a database, its hardware page wants three nodes, and K3s documents both; the checker accepts either layout, and drops the external-datastore warning.',
      rules: ['rancher-k3s-external-datastore', 'rancher-cluster-ha', 'etcd-odd-members'],
      sources: ['k3sEmbeddedEtcd', 'k3sExternalDb', 'arch212', 'requirementsLatest'],
    },
  ],
  'rke-cluster': [
    {
      versions: { since: '2.5' },
      text: 'An RKE Rancher cluster is no longer a one-way choice: rancher-backup can restore Rancher onto another cluster.',
      sources: ['migrateRancher'],
    },
    {
      versions: { since: '2.9', until: '2.12' },
      text: 'RKE1 reaches its end of life on 31 July 2025, and the upgrade to Rancher 2.12 is refused while Rancher still holds RKE1 clusters it provisioned, or RKE1 node or cluster templates. Build RKE2 clusters and move workloads across (there is no in-place conversion); move Rancher itself with a backup and restore.',
      rules: ['rke1-end-of-life'],
      sources: ['rke1Eol', 'rke1UpgradeGate', 'rke2Migration'],
    },
    {
      versions: { since: '2.12' },
      text: 'RKE1 is no longer supported for the Rancher cluster or managed downstream, so this page describes a layout to migrate from. The checker reports any RKE cluster as an error.',
      rules: ['rke1-end-of-life'],
      sources: ['arch212', 'rke1UpgradeGate', 'migrateRancher'],
    },
  ],
  'load-balancer': [
    {
      versions: { since: '2.5.6' },
      text: 'For an RKE2 Rancher cluster the same load balancer also forwards TCP 9345, where nodes register, and TCP 6443, the Kubernetes API. K3s has no 9345; its nodes register on 6443.',
      rules: ['lb-rke2-registration-ports'],
      sources: ['rke2ForRancher', 'rke2Ha'],
    },
    {
      versions: { since: '2.9' },
      text: 'The requirements add that the load balancer should speak HTTP/2; Rancher Prime support depends on it.',
      sources: ['requirements29'],
    },
    {
      versions: { since: '2.14' },
      text: 'Rancher’s RKE2 guide serves Rancher through Traefik, the ingress RKE2 uses by default from v1.36. The ports do not change.',
      sources: ['rke2ForRancher'],
    },
  ],
  environment: [
    {
      versions: { since: '2.5' },
      text: 'Installing Rancher on a managed service (EKS, AKS, GKE) is documented and allowed, so the advice against it ends; from 2.6 a GKE cluster in Autopilot mode cannot host Rancher.',
      rules: ['rancher-not-managed-kubernetes', 'rancher-distribution-supported'],
      sources: ['install25', 'install26'],
    },
    {
      versions: { since: '2.8' },
      text: 'The scaling guidance added in October 2023 steers large installations away from managed services for the Rancher cluster and towards RKE2.',
      sources: ['scale'],
    },
  ],
  'node-roles': [
    {
      versions: { since: '2.5' },
      text: 'On the Rancher cluster, K3s may also run three or more servers on embedded etcd, and from 2.5.6 RKE2 runs three servers; both use server roles, not the three RKE roles.',
      rules: ['rancher-cluster-ha'],
      sources: ['k3sEmbeddedEtcd', 'rke2ForRancher'],
    },
    {
      versions: { since: '2.6' },
      text: 'Rancher builds RKE2 and K3s downstream clusters from machine pools, each with its own etcd, controlplane and worker roles. The same layout applies: three etcd, two controlplane and two worker nodes, workers on their own.',
      rules: ['downstream-three-etcd', 'downstream-two-controlplane', 'downstream-two-workers', 'downstream-single-role', 'machine-pools-each-role'],
      sources: ['machinePools', 'checklist'],
    },
    {
      versions: { since: '2.12' },
      text: 'The architecture page loses its downstream section; the production checklist remains, which allows etcd and controlplane on one node. The checker then accepts that pair, and still never a worker beside either.',
      rules: ['downstream-single-role'],
      sources: ['arch212', 'checklist'],
    },
  ],
  'authorized-endpoint': [
    {
      versions: { until: '2.2' },
      text: 'Rancher 2.0 and 2.1 have no authorized cluster endpoint.',
      rules: ['ace-distribution-supported'],
      sources: ['arch24'],
    },
    {
      versions: { since: '2.6' },
      text: 'The RKE2 and K3s clusters Rancher builds from machine pools can have the endpoint as well.',
      rules: ['ace-distribution-supported'],
      sources: ['aceComm211', 'machinePools'],
    },
    {
      versions: { since: '2.6.3' },
      text: 'Registered RKE2 and K3s clusters can have the endpoint too, after a webhook file and an API-server flag are added on each control-plane node. Hosted EKS, AKS and GKE clusters never can. Reports disagree on whether it starts switched on for RKE2; state it in the plan.',
      rules: ['ace-distribution-supported'],
      sources: ['arch26', 'aceComm211', 'aceRegistered'],
    },
    {
      versions: { since: '2.12' },
      text: 'With RKE1 gone, only RKE2 and K3s clusters have the endpoint.',
      rules: ['ace-distribution-supported'],
      sources: ['aceComm212'],
    },
  ],
};
