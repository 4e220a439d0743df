// The documents the rules and the guidance pages' "later versions" notes rest on, each once: rules
// name them by id in their `about` and `aboutRule` resolves them with `cite`; the pages link them.
// Kept apart from ./sources.ts (the shape and the documents several tables share), and reached
// only by type from the rule modules, so the browser, which runs the rules but never shows their
// sources, does not ship this table or the documents it shares. A document another table cites is imported, not repeated.
import {
  ARCHITECTURE_212,
  citerOf,
  ETCD_FAQ,
  HARDWARE_REVISION,
  K3S_CLUSTER_LB,
  K3S_REQUIREMENTS,
  KDM,
  MIGRATE_RANCHER,
  OLD_RANCHER_DOCS,
  RANCHER_DOCS,
  RANCHER_RKE2_CONFIG,
  REQUIREMENTS_24,
  REQUIREMENTS_25,
  REQUIREMENTS_LATEST,
  RKE1_UPGRADE_GATE,
  RKE2_BACKUP_RESTORE,
  RKE2_HA,
  RKE2_NO_IN_PLACE,
  RKE2_REQUIREMENTS,
  RKE2_SERVER_CONFIG,
  RKE2_SERVER_ROLES,
  RKE_DEFAULTS,
  TABLES_TOO_OPTIMISTIC,
  type Source,
} from './sources.ts';

export const SOURCES = {
  arch24: {
    title: 'Architecture recommendations, Rancher v2.0–v2.4',
    where: `${RANCHER_DOCS}/v2.0-v2.4/reference-guides/rancher-manager-architecture/architecture-recommendations`,
  },
  arch25: { title: 'Architecture recommendations, Rancher v2.5', where: `${OLD_RANCHER_DOCS}/v2.5/en/overview/architecture-recommendations/` },
  arch26: { title: 'Architecture recommendations, Rancher v2.6', where: `${OLD_RANCHER_DOCS}/v2.6/en/overview/architecture-recommendations/` },
  arch212: ARCHITECTURE_212,
  install25: { title: 'Installing Rancher on a Kubernetes cluster, Rancher v2.5', where: `${OLD_RANCHER_DOCS}/v2.5/en/installation/install-rancher-on-k8s/` },
  requirements25: REQUIREMENTS_25,
  install26: {
    title: 'Installing Rancher on a Kubernetes cluster, Rancher v2.6 (no GKE Autopilot)',
    where: `${RANCHER_DOCS}/v2.6/getting-started/installation-and-upgrade/install-upgrade-on-a-kubernetes-cluster`,
  },
  install212: {
    title: 'Installing Rancher on a Kubernetes cluster, Rancher v2.12',
    where: `${RANCHER_DOCS}/v2.12/getting-started/installation-and-upgrade/install-upgrade-on-a-kubernetes-cluster`,
  },
  requirements29: {
    title: 'Installation requirements, Rancher v2.9',
    where: `${RANCHER_DOCS}/v2.9/getting-started/installation-and-upgrade/installation-requirements`,
  },
  requirementsLatest: REQUIREMENTS_LATEST,
  requirements24: REQUIREMENTS_24,
  tablesTooOptimistic: TABLES_TOO_OPTIMISTIC,
  k3sRequirements: K3S_REQUIREMENTS,
  rke2Requirements: RKE2_REQUIREMENTS,
  scale: HARDWARE_REVISION,
  separation25: {
    title: 'rancher/docs #3042: apps on the Rancher cluster when it manages no other cluster (v2.5)',
    where: 'https://github.com/rancher/docs/pull/3042',
  },
  dockerWarning: { title: 'rancher-docs #1166: Docker installs are not supported in production', where: 'https://github.com/rancher/rancher-docs/pull/1166' },
  rke2ForRancher: {
    title: 'Setting up an RKE2 cluster for Rancher, Rancher v2.14',
    where: `${RANCHER_DOCS}/v2.14/how-to-guides/new-user-guides/kubernetes-cluster-setup/rke2-for-rancher`,
  },
  k3sExternalDb24: {
    title: 'Installing Rancher on a K3s cluster with an external database, Rancher v2.0–v2.4 (kubectl through the load balancer on 6443)',
    where: `${OLD_RANCHER_DOCS}/v2.0-v2.4/en/installation/resources/k8s-tutorials/infrastructure-tutorials/infra-for-ha-with-external-db/`,
  },
  k3sForRancher: {
    title: 'Setting up a K3s cluster for Rancher, Rancher v2.14',
    where: `${RANCHER_DOCS}/v2.14/how-to-guides/new-user-guides/kubernetes-cluster-setup/k3s-for-rancher`,
  },
  rke2ServerConfig: RKE2_SERVER_CONFIG,
  k3sServerConfig: { title: 'K3s documentation: k3s server flags (cluster-cidr, service-cidr and their defaults)', where: 'https://docs.k3s.io/cli/server' },
  kubeServiceIps: {
    title: 'Kubernetes documentation: Service ClusterIP allocation (the range is virtual, handled by kube-proxy on every node)',
    where: 'https://kubernetes.io/docs/concepts/services-networking/cluster-ip-allocation/',
  },
  kubeNodeCidrMask: {
    title: 'Kubernetes documentation: kube-controller-manager --node-cidr-mask-size (a /24 per node on IPv4)',
    where: 'https://kubernetes.io/docs/reference/command-line-tools-reference/kube-controller-manager/',
  },
  rke2Ha: RKE2_HA,
  rke2ServerRoles: RKE2_SERVER_ROLES,
  rke2Configuration: { title: 'RKE2 documentation: configuration file', where: 'https://docs.rke2.io/install/configuration' },
  k3sEmbeddedEtcd: { title: 'K3s documentation: HA with embedded etcd', where: 'https://docs.k3s.io/datastore/ha-embedded' },
  k3sExternalDb: { title: 'K3s documentation: HA with an external datastore', where: 'https://docs.k3s.io/datastore/ha' },
  rke1Eol: {
    title: 'RKE1 end-of-life notice on the RKE1 pages, Rancher v2.11',
    where: `${RANCHER_DOCS}/v2.11/how-to-guides/new-user-guides/kubernetes-cluster-setup/rke1-for-rancher`,
  },
  rke1UpgradeGate: RKE1_UPGRADE_GATE,
  rke2Migration: RKE2_NO_IN_PLACE,
  migrateRancher: MIGRATE_RANCHER,
  checklist: {
    title: 'Recommended cluster architecture (production checklist), Rancher v2.13',
    where: `${RANCHER_DOCS}/v2.13/how-to-guides/new-user-guides/kubernetes-clusters-in-rancher-setup/checklist-for-production-ready-clusters/recommended-cluster-architecture`,
  },
  machinePools: {
    title: 'Launching clusters on new nodes (machine pools per role), Rancher v2.14',
    where: `${RANCHER_DOCS}/v2.14/how-to-guides/new-user-guides/launch-kubernetes-with-rancher/use-new-nodes-in-an-infra-provider`,
  },
  aceComm211: {
    title: 'Communicating with downstream clusters (where the ACE works), Rancher v2.11',
    where: `${RANCHER_DOCS}/v2.11/reference-guides/rancher-manager-architecture/communicating-with-downstream-user-clusters`,
  },
  aceComm212: {
    title: 'Communicating with downstream clusters (ACE on RKE2 and K3s only), Rancher v2.12',
    where: `${RANCHER_DOCS}/v2.12/reference-guides/rancher-manager-architecture/communicating-with-downstream-user-clusters`,
  },
  aceRegistered: {
    title: 'Registering existing clusters (ACE steps for RKE2 and K3s), Rancher v2.13',
    where: `${RANCHER_DOCS}/v2.13/how-to-guides/new-user-guides/kubernetes-clusters-in-rancher-setup/register-existing-clusters`,
  },
  rkeSnapshots: {
    title: 'RKE documentation: recurring etcd snapshots (backup_config: on by default, every 12 hours, keep 6; s3backupconfig)',
    where: 'https://rke.docs.rancher.com/etcd-snapshots/recurring-snapshots',
  },
  rkeRestore: {
    title: 'RKE documentation: restoring from an etcd snapshot (rke etcd snapshot-restore with cluster.rkestate)',
    where: 'https://rke.docs.rancher.com/etcd-snapshots/restoring-from-backup',
  },
  rkeValidation: {
    title: "rke's cluster.yml validation (cluster/validation.go): nodes without an address, a user or a role, and names it refuses",
    where: 'https://github.com/rancher/rke/blob/40c5dd4/cluster/validation.go',
  },
  rkeDefaults: RKE_DEFAULTS,
  rke2BackupRestore: RKE2_BACKUP_RESTORE,
  k3sBackupRestore: { title: 'K3s documentation: etcd snapshots and restore', where: 'https://docs.k3s.io/datastore/backup-restore' },
  rancherBackup: {
    title: 'Backing up Rancher with the rancher-backup operator (Rancher resources only, not etcd)',
    where: `${RANCHER_DOCS}/how-to-guides/new-user-guides/backup-restore-and-disaster-recovery/back-up-rancher`,
  },
  rancherDownstreamSnapshots: {
    title: 'Backing up a cluster Rancher launched: recurring etcd snapshots for production clusters, S3 when every etcd node is lost',
    where: `${RANCHER_DOCS}/how-to-guides/new-user-guides/backup-restore-and-disaster-recovery/back-up-rancher-launched-kubernetes-clusters`,
  },
  rancherRke2Config: RANCHER_RKE2_CONFIG,
  allEtcdLost: { title: 'rancher #41080: recovering a cluster after every etcd node is lost', where: 'https://github.com/rancher/rancher/issues/41080' },
  rke2TokenRestore: {
    title: 'RKE2 v1.19.13+rke2r2 release notes: the server token encrypts bootstrap data and is needed to restore',
    where: 'https://github.com/rancher/rke2/releases/tag/v1.19.13%2Brke2r2',
  },
  restoreFromS3: { title: 'rke2 #6281: restoring a snapshot from S3 onto new nodes', where: 'https://github.com/rancher/rke2/issues/6281' },
  k3sClusterLb: K3S_CLUSTER_LB,
  k3sMultipleServers: {
    title: 'k3s #7325: a fixed registration address or DNS name for joins; Rancher points new nodes at its first server',
    where: 'https://github.com/k3s-io/k3s/issues/7325',
  },
  joinItself: {
    title: 'k3s #9661: a server in the load balancer pool before it has joined can join itself',
    where: 'https://github.com/k3s-io/k3s/issues/9661',
  },
  rke2JoinItself: { title: 'rke2 #5557: a joining server reached itself through the load balancer', where: 'https://github.com/rancher/rke2/issues/5557' },
  rke2HealthCheck: {
    title: 'rke2-docs #231 (closed, not merged): health-check 6443 as well as 9345, since 9345 answers before the server can serve joins',
    where: 'https://github.com/rancher/rke2-docs/pull/231',
  },
  taintsRkeWorkerplane: {
    title: 'rke services/workerplane.go: etcd=true:NoExecute and controlplane=true:NoSchedule on nodes without the worker role',
    where: 'https://github.com/rancher/rke/blob/master/services/workerplane.go',
  },
  taintsRancherPlanner: {
    title: "Rancher's planner (pkg/capr/planner): RKE2 and K3s machines without the worker role get the etcd and control-plane taints, empty value",
    where: 'https://github.com/rancher/rancher/blob/main/pkg/capr/planner/planner.go',
  },
  etcdTaintCombined: {
    title: 'rancher #49889: the etcd taint on Rancher-provisioned nodes that also run the control plane (a request to drop it there; closed as stale)',
    where: 'https://github.com/rancher/rancher/issues/49889',
  },
  k3sTaintsFixed: {
    title: 'rancher #38681: K3s clusters provisioned by Rancher 2.6.7 had no etcd or control-plane taints (fixed later)',
    where: 'https://github.com/rancher/rancher/issues/38681',
  },
  rke2CriticalAddons: {
    title: 'rke2 #7742: add-ons left pending when every server carries CriticalAddonsOnly=true:NoExecute',
    where: 'https://github.com/rancher/rke2/issues/7742',
  },
  kdm: KDM,
  supportMatrix: {
    title: 'SUSE Rancher support matrix (all supported versions)',
    where: 'https://www.suse.com/suse-rancher/support-matrix/all-supported-versions/',
  },
  k8sMultipleZones: {
    title: 'Kubernetes documentation: running in multiple zones (control plane and etcd across at least three zones)',
    where: 'https://kubernetes.io/docs/setup/best-practices/multiple-zones/',
  },
  k8sLargeClusters: {
    title: 'Kubernetes documentation: considerations for large clusters (at least one control-plane instance per failure zone)',
    where: 'https://kubernetes.io/docs/setup/best-practices/cluster-large/',
  },
  etcdTuning: {
    title: 'etcd documentation v3.5: tuning (heartbeat interval and election timeout against round-trip time, disk latency)',
    where: 'https://etcd.io/docs/v3.5/tuning/',
  },
  etcdFaultTolerance: ETCD_FAQ,
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;

/** The sources a rule rests on, by their ids in `SOURCES`. */
export const cite = citerOf(SOURCES);
