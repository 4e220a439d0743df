// The documents the move from RKE to RKE2 or K3s rests on, each once: a title in our words and
// where to read it. The facts themselves are in docs/ (the guide's migration reference); every
// delta item and step cites from this table, and an item with no entry here says "not documented".

export interface Cite {
  title: string;
  /** A web address, or for a port table the repository path it was read from. */
  where: string;
}

const RKE2_DOCS = 'https://github.com/rancher/rke2-docs/blob/9477b7b';
const RANCHER_DOCS = 'https://ranchermanager.docs.rancher.com';

export const MIGRATION_SOURCES = {
  rke2ServerConfig: {
    title: 'RKE2 server configuration reference (every config.yaml key and its default)',
    where: `${RKE2_DOCS}/docs/reference/server_config.md`,
  },
  rke2Requirements: { title: 'RKE2 requirements: inbound ports, with those of each CNI', where: `${RKE2_DOCS}/docs/install/requirements.md` },
  rke2Ha: { title: 'RKE2 high availability: fixed registration address on 9345 and 6443, joining servers', where: `${RKE2_DOCS}/docs/install/ha.md` },
  rke2ExternalDatastore: { title: 'RKE2 external datastore: datastore-endpoint for a standalone cluster', where: `${RKE2_DOCS}/docs/datastore/external.md` },
  rke2ServerRoles: { title: 'RKE2 server roles: etcd-only and control-plane-only servers', where: `${RKE2_DOCS}/docs/install/server_roles.md` },
  rke2Networking: { title: 'RKE2 networking services: the ingress controller it deploys', where: `${RKE2_DOCS}/docs/networking/networking_services.md` },
  rke2V136: { title: 'RKE2 v1.36 release notes: Traefik becomes the default ingress for new clusters', where: `${RKE2_DOCS}/docs/release-notes/v1.36.X.md` },
  rke2IngressMigration: { title: 'RKE2: moving from ingress-nginx to Traefik', where: `${RKE2_DOCS}/docs/reference/ingress_migration.md` },
  rke2Backup: { title: 'RKE2 etcd backup and restore (snapshot schedule, retention, S3)', where: `${RKE2_DOCS}/docs/datastore/backup_restore.md` },
  rke2Migration: { title: 'RKE2 docs: the RKE1 migration page, marked work in progress (no supported in-place path)', where: `${RKE2_DOCS}/docs/migration.md` },
  rke2NoInPlace: { title: 'rke2 #562: no in-place conversion of an RKE cluster', where: 'https://github.com/rancher/rke2/issues/562' },
  rkeDefaults: {
    title: "RKE's defaults (network plugin canal, ingress nginx, snapshots every 12 hours keeping 6)",
    where: 'https://github.com/rancher/rke/blob/40c5dd4/cluster/defaults.go',
  },
  rancherPlanner: {
    title: "Rancher's planner for RKE2 and K3s nodes (cni: calico by default, system-default-registry, node addresses, ACE flags)",
    where: 'https://github.com/rancher/rancher/blob/6154f58/pkg/capr/planner/config.go',
  },
  rancherRke2Config: {
    title: 'Rancher: RKE2 cluster configuration reference (CNI fixed at launch, ACE, machineGlobalConfig)',
    where: `${RANCHER_DOCS}/reference-guides/cluster-configuration/rancher-server-configuration/rke2-cluster-configuration`,
  },
  rke1VsRke2: {
    title: 'Rancher: differences between RKE1 and RKE2 (containerd, static pods, machine pools)',
    where: `${RANCHER_DOCS}/how-to-guides/new-user-guides/launch-kubernetes-with-rancher/rke1-vs-rke2-differences`,
  },
  tfClusterV2: {
    title: 'Terraform provider rancher2: rancher2_cluster_v2 (machine_pools, local_auth_endpoint defaults to off)',
    where: 'https://registry.terraform.io/providers/rancher/rancher2/latest/docs/resources/cluster_v2',
  },
  kdm: {
    title: "Rancher's channel data (which RKE2 and K3s releases each Rancher line offers)",
    where: 'https://github.com/rancher/kontainer-driver-metadata',
  },
  cattleDrive: {
    title: 'cattle-drive: moves Rancher objects (projects, namespaces, role bindings, apps) between clusters',
    where: 'https://github.com/rancherlabs/cattle-drive',
  },
  rancherBackupMigrate: {
    title: 'Rancher: moving Rancher to a new cluster with the rancher-backup operator',
    where: `${RANCHER_DOCS}/how-to-guides/new-user-guides/backup-restore-and-disaster-recovery/migrate-rancher-to-new-cluster`,
  },
  velero: { title: 'Velero: cluster migration (workloads and persistent volumes)', where: 'https://velero.io/docs/main/migration-case/' },
  rancher50286: {
    title: 'rancher #50286: Rancher 2.12 refuses to upgrade while RKE1 clusters or templates remain',
    where: 'https://github.com/rancher/rancher/issues/50286',
  },
  preUpgradeHook: {
    title: "Rancher chart's pre-upgrade hook: fails on RKE1 clusters, node templates and cluster templates",
    where: 'https://github.com/rancher/rancher/blob/f1383f3/chart/scripts/pre-upgrade-hook.sh',
  },
  rancherDocs1879: {
    title: 'rancher-docs #1879: removing RKE1 resources before upgrading to 2.12',
    where: 'https://github.com/rancher/rancher-docs/pull/1879',
  },
} as const satisfies Record<string, Cite>;

export type MigrationSourceId = keyof typeof MIGRATION_SOURCES;

export function cites(...ids: MigrationSourceId[]): Cite[] {
  return ids.map((id) => MIGRATION_SOURCES[id]);
}
