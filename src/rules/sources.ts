// The documents the version-specific rules and the site's "later versions" notes rest on, each
// once: a short title in our words and where to read it. Rules cite them with `cite`, the site
// links them; a source that moves is fixed here and nowhere else.

export interface Source {
  /** What the document is and which Rancher version it belongs to. */
  title: string;
  url: string;
}

const RANCHER = 'https://ranchermanager.docs.rancher.com';
const OLD_RANCHER = 'https://rancher.com/docs/rancher';

export const SOURCES = {
  arch24: {
    title: 'Architecture recommendations, Rancher v2.0–v2.4',
    url: `${RANCHER}/v2.0-v2.4/reference-guides/rancher-manager-architecture/architecture-recommendations`,
  },
  arch25: { title: 'Architecture recommendations, Rancher v2.5', url: `${OLD_RANCHER}/v2.5/en/overview/architecture-recommendations/` },
  arch26: { title: 'Architecture recommendations, Rancher v2.6', url: `${OLD_RANCHER}/v2.6/en/overview/architecture-recommendations/` },
  arch212: {
    title: 'Architecture recommendations, Rancher v2.12',
    url: `${RANCHER}/v2.12/reference-guides/rancher-manager-architecture/architecture-recommendations`,
  },
  install25: { title: 'Installing Rancher on a Kubernetes cluster, Rancher v2.5', url: `${OLD_RANCHER}/v2.5/en/installation/install-rancher-on-k8s/` },
  requirements25: { title: 'Installation requirements, Rancher v2.5 (RKE2 from v2.5.6)', url: `${OLD_RANCHER}/v2.5/en/installation/requirements/` },
  install26: {
    title: 'Installing Rancher on a Kubernetes cluster, Rancher v2.6 (no GKE Autopilot)',
    url: `${RANCHER}/v2.6/getting-started/installation-and-upgrade/install-upgrade-on-a-kubernetes-cluster`,
  },
  install212: {
    title: 'Installing Rancher on a Kubernetes cluster, Rancher v2.12',
    url: `${RANCHER}/v2.12/getting-started/installation-and-upgrade/install-upgrade-on-a-kubernetes-cluster`,
  },
  requirements29: {
    title: 'Installation requirements, Rancher v2.9',
    url: `${RANCHER}/v2.9/getting-started/installation-and-upgrade/installation-requirements`,
  },
  requirementsLatest: {
    title: 'Installation requirements, current Rancher (hardware: three nodes for production)',
    url: `${RANCHER}/getting-started/installation-and-upgrade/installation-requirements`,
  },
  requirements24: {
    title: 'Installation requirements, Rancher v2.0–v2.4 (CPU and memory before and from v2.4.0)',
    url: `${OLD_RANCHER}/v2.0-v2.4/en/installation/requirements/`,
  },
  tablesTooOptimistic: { title: 'rancher-docs #103: the 2.4–2.7 hardware tables were unrealistic', url: 'https://github.com/rancher/rancher-docs/issues/103' },
  k3sRequirements: { title: 'K3s documentation: requirements and server sizing', url: 'https://docs.k3s.io/installation/requirements' },
  rke2Requirements: { title: 'RKE2 documentation: requirements and server sizing', url: 'https://docs.rke2.io/install/requirements' },
  scale: {
    title: 'rancher-docs #896: revised hardware tables and a new guide for Rancher at large scale (October 2023)',
    url: 'https://github.com/rancher/rancher-docs/pull/896',
  },
  separation25: {
    title: 'rancher/docs #3042: apps on the Rancher cluster when it manages no other cluster (v2.5)',
    url: 'https://github.com/rancher/docs/pull/3042',
  },
  dockerWarning: { title: 'rancher-docs #1166: Docker installs are not supported in production', url: 'https://github.com/rancher/rancher-docs/pull/1166' },
  rke2ForRancher: {
    title: 'Setting up an RKE2 cluster for Rancher, Rancher v2.14',
    url: `${RANCHER}/v2.14/how-to-guides/new-user-guides/kubernetes-cluster-setup/rke2-for-rancher`,
  },
  k3sExternalDb24: {
    title: 'Installing Rancher on a K3s cluster with an external database, Rancher v2.0–v2.4 (kubectl through the load balancer on 6443)',
    url: `${OLD_RANCHER}/v2.0-v2.4/en/installation/resources/k8s-tutorials/infrastructure-tutorials/infra-for-ha-with-external-db/`,
  },
  k3sForRancher: {
    title: 'Setting up a K3s cluster for Rancher, Rancher v2.14',
    url: `${RANCHER}/v2.14/how-to-guides/new-user-guides/kubernetes-cluster-setup/k3s-for-rancher`,
  },
  rkeNetworkDefaults: {
    title: "RKE's defaults: pod network 10.42.0.0/16, service network 10.43.0.0/16 (rke cluster/defaults.go)",
    url: 'https://github.com/rancher/rke/blob/master/cluster/defaults.go',
  },
  rke2ServerConfig: {
    title: 'RKE2 documentation: server configuration reference (cluster-cidr, service-cidr and their defaults)',
    url: 'https://docs.rke2.io/reference/server_config',
  },
  k3sServerConfig: { title: 'K3s documentation: k3s server flags (cluster-cidr, service-cidr and their defaults)', url: 'https://docs.k3s.io/cli/server' },
  kubeServiceIps: {
    title: 'Kubernetes documentation: Service ClusterIP allocation (the range is virtual, handled by kube-proxy on every node)',
    url: 'https://kubernetes.io/docs/concepts/services-networking/cluster-ip-allocation/',
  },
  kubeNodeCidrMask: {
    title: 'Kubernetes documentation: kube-controller-manager --node-cidr-mask-size (a /24 per node on IPv4)',
    url: 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/',
  },
  rke2Ha: { title: 'RKE2 documentation: high availability (ports 9345 and 6443)', url: 'https://docs.rke2.io/install/ha' },
  rke2ServerRoles: { title: 'RKE2 documentation: server roles', url: 'https://docs.rke2.io/install/server_roles' },
  rke2Configuration: { title: 'RKE2 documentation: configuration file', url: 'https://docs.rke2.io/install/configuration' },
  k3sEmbeddedEtcd: { title: 'K3s documentation: HA with embedded etcd', url: 'https://docs.k3s.io/datastore/ha-embedded' },
  k3sExternalDb: { title: 'K3s documentation: HA with an external datastore', url: 'https://docs.k3s.io/datastore/ha' },
  rke1Eol: {
    title: 'RKE1 end-of-life notice on the RKE1 pages, Rancher v2.11',
    url: `${RANCHER}/v2.11/how-to-guides/new-user-guides/kubernetes-cluster-setup/rke1-for-rancher`,
  },
  rke1UpgradeGate: {
    title: 'rancher-docs #1879: the upgrade to v2.12 is blocked while RKE1 resources exist',
    url: 'https://github.com/rancher/rancher-docs/pull/1879',
  },
  rke2Migration: { title: 'rancher/rke2 #562: no in-place conversion from RKE to RKE2', url: 'https://github.com/rancher/rke2/issues/562' },
  migrateRancher: {
    title: 'Migrating Rancher to a new cluster with rancher-backup, Rancher v2.13',
    url: `${RANCHER}/v2.13/how-to-guides/new-user-guides/backup-restore-and-disaster-recovery/migrate-rancher-to-new-cluster`,
  },
  checklist: {
    title: 'Recommended cluster architecture (production checklist), Rancher v2.13',
    url: `${RANCHER}/v2.13/how-to-guides/new-user-guides/kubernetes-clusters-in-rancher-setup/checklist-for-production-ready-clusters/recommended-cluster-architecture`,
  },
  machinePools: {
    title: 'Launching clusters on new nodes (machine pools per role), Rancher v2.14',
    url: `${RANCHER}/v2.14/how-to-guides/new-user-guides/launch-kubernetes-with-rancher/use-new-nodes-in-an-infra-provider`,
  },
  provisioningCluster: {
    title: 'RKE2 cluster configuration reference (provisioning.cattle.io/v1 Cluster), Rancher v2.14',
    url: `${RANCHER}/v2.14/reference-guides/cluster-configuration/rancher-server-configuration/rke2-cluster-configuration`,
  },
  aceComm211: {
    title: 'Communicating with downstream clusters (where the ACE works), Rancher v2.11',
    url: `${RANCHER}/v2.11/reference-guides/rancher-manager-architecture/communicating-with-downstream-user-clusters`,
  },
  aceComm212: {
    title: 'Communicating with downstream clusters (ACE on RKE2 and K3s only), Rancher v2.12',
    url: `${RANCHER}/v2.12/reference-guides/rancher-manager-architecture/communicating-with-downstream-user-clusters`,
  },
  aceRegistered: {
    title: 'Registering existing clusters (ACE steps for RKE2 and K3s), Rancher v2.13',
    url: `${RANCHER}/v2.13/how-to-guides/new-user-guides/kubernetes-clusters-in-rancher-setup/register-existing-clusters`,
  },
  rkeSnapshots: {
    title: 'RKE documentation: recurring etcd snapshots (backup_config: on by default, every 12 hours, keep 6; s3backupconfig)',
    url: 'https://rke.docs.rancher.com/etcd-snapshots/recurring-snapshots',
  },
  rkeRestore: {
    title: 'RKE documentation: restoring from an etcd snapshot (rke etcd snapshot-restore with cluster.rkestate)',
    url: 'https://rke.docs.rancher.com/etcd-snapshots/restoring-from-backup',
  },
  rkeDefaults: {
    title: "RKE's defaults in cluster/defaults.go (snapshots on, interval_hours 12, retention 6)",
    url: 'https://github.com/rancher/rke/blob/master/cluster/defaults.go',
  },
  rke2BackupRestore: {
    title: 'RKE2 documentation: etcd backup and restore (snapshots every 12 hours, keep 5, S3, cluster-reset restore)',
    url: 'https://docs.rke2.io/datastore/backup_restore',
  },
  k3sBackupRestore: { title: 'K3s documentation: etcd snapshots and restore', url: 'https://docs.k3s.io/datastore/backup-restore' },
  rancherBackup: {
    title: 'Backing up Rancher with the rancher-backup operator (Rancher resources only, not etcd)',
    url: `${RANCHER}/how-to-guides/new-user-guides/backup-restore-and-disaster-recovery/back-up-rancher`,
  },
  rancherDownstreamSnapshots: {
    title: 'Backing up a cluster Rancher launched: recurring etcd snapshots for production clusters, S3 when every etcd node is lost',
    url: `${RANCHER}/how-to-guides/new-user-guides/backup-restore-and-disaster-recovery/back-up-rancher-launched-kubernetes-clusters`,
  },
  rke2ProvisioningEtcd: {
    title: 'RKE2 cluster configuration in Rancher (spec.rkeConfig.etcd: snapshotScheduleCron, snapshotRetention, s3)',
    url: `${RANCHER}/reference-guides/cluster-configuration/rancher-server-configuration/rke2-cluster-configuration`,
  },
  allEtcdLost: { title: 'rancher #41080: recovering a cluster after every etcd node is lost', url: 'https://github.com/rancher/rancher/issues/41080' },
  rke2TokenRestore: {
    title: 'RKE2 v1.19.13+rke2r2 release notes: the server token encrypts bootstrap data and is needed to restore',
    url: 'https://github.com/rancher/rke2/releases/tag/v1.19.13%2Brke2r2',
  },
  restoreFromS3: { title: 'rke2 #6281: restoring a snapshot from S3 onto new nodes', url: 'https://github.com/rancher/rke2/issues/6281' },
  k3sClusterLb: {
    title: 'K3s documentation: a load balancer in front of the servers (HAProxy, nginx, kube-vip examples on 6443)',
    url: 'https://docs.k3s.io/datastore/cluster-loadbalancer',
  },
  k3sMultipleServers: {
    title: 'k3s #7325: a fixed registration address or DNS name for joins; Rancher points new nodes at its first server',
    url: 'https://github.com/k3s-io/k3s/issues/7325',
  },
  joinItself: {
    title: 'k3s #9661: a server in the load balancer pool before it has joined can join itself',
    url: 'https://github.com/k3s-io/k3s/issues/9661',
  },
  rke2JoinItself: { title: 'rke2 #5557: a joining server reached itself through the load balancer', url: 'https://github.com/rancher/rke2/issues/5557' },
  rke2HealthCheck: {
    title: 'rke2-docs #231 (closed, not merged): health-check 6443 as well as 9345, since 9345 answers before the server can serve joins',
    url: 'https://github.com/rancher/rke2-docs/pull/231',
  },
  taintsRkeWorkerplane: {
    title: 'rke services/workerplane.go: etcd=true:NoExecute and controlplane=true:NoSchedule on nodes without the worker role',
    url: 'https://github.com/rancher/rke/blob/master/services/workerplane.go',
  },
  taintsRancherPlanner: {
    title: "Rancher's planner (pkg/capr/planner): RKE2 and K3s machines without the worker role get the etcd and control-plane taints, empty value",
    url: 'https://github.com/rancher/rancher/blob/main/pkg/capr/planner/planner.go',
  },
  etcdTaintCombined: {
    title: 'rancher #49889: the etcd taint on Rancher-provisioned nodes that also run the control plane (a request to drop it there; closed as stale)',
    url: 'https://github.com/rancher/rancher/issues/49889',
  },
  k3sTaintsFixed: {
    title: 'rancher #38681: K3s clusters provisioned by Rancher 2.6.7 had no etcd or control-plane taints (fixed later)',
    url: 'https://github.com/rancher/rancher/issues/38681',
  },
  rke2CriticalAddons: {
    title: 'rke2 #7742: add-ons left pending when every server carries CriticalAddonsOnly=true:NoExecute',
    url: 'https://github.com/rancher/rke2/issues/7742',
  },
  kdm: {
    title: "Rancher's channel data, rancher/kontainer-driver-metadata (channels-rke2.yaml, channels.yaml: min/maxChannelServerVersion per release)",
    url: 'https://github.com/rancher/kontainer-driver-metadata',
  },
  supportMatrix: {
    title: 'SUSE Rancher support matrix (all supported versions)',
    url: 'https://www.suse.com/suse-rancher/support-matrix/all-supported-versions/',
  },
  k8sMultipleZones: {
    title: 'Kubernetes documentation: running in multiple zones (control plane and etcd across at least three zones)',
    url: 'https://kubernetes.io/docs/setup/best-practices/multiple-zones/',
  },
  k8sLargeClusters: {
    title: 'Kubernetes documentation: considerations for large clusters (at least one control-plane instance per failure zone)',
    url: 'https://kubernetes.io/docs/setup/best-practices/cluster-large/',
  },
  etcdTuning: {
    title: 'etcd documentation v3.5: tuning (heartbeat interval and election timeout against round-trip time, disk latency)',
    url: 'https://etcd.io/docs/v3.5/tuning/',
  },
  etcdFaultTolerance: {
    title: 'etcd documentation v3.5: FAQ, cluster size and failure tolerance (quorum is a majority of members)',
    url: 'https://etcd.io/docs/v3.5/faq/',
  },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;

/** Sources as the rule catalogue lists them: "title (url)". */
/* @__NO_SIDE_EFFECTS__ */
export function cite(...ids: SourceId[]): string[] {
  return ids.map((id) => `${SOURCES[id].title} (${SOURCES[id].url})`);
}
