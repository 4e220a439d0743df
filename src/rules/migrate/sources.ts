// The documents the move from RKE to RKE2 or K3s rests on, each once: a title in our words and
// where to read it (documents other tables cite too live in ../sources.ts). The facts themselves
// are in docs/ (the guide's migration reference); every delta item and step cites from this
// table, and an item with no entry here says "not documented".
import {
  citerOf,
  KDM,
  MIGRATE_RANCHER,
  RANCHER_DOCS,
  RANCHER_RKE2_CONFIG,
  RKE1_UPGRADE_GATE,
  RKE2_BACKUP_RESTORE,
  RKE2_DOCS,
  RKE2_HA,
  RKE2_NO_IN_PLACE,
  RKE2_REQUIREMENTS,
  RKE2_SERVER_CONFIG,
  RKE2_SERVER_ROLES,
  RKE_DEFAULTS,
  type Source,
} from '../sources.ts';

export const MIGRATION_SOURCES = {
  rke2ServerConfig: RKE2_SERVER_CONFIG,
  rke2Requirements: RKE2_REQUIREMENTS,
  rke2Ha: RKE2_HA,
  rke2ExternalDatastore: { title: 'RKE2 external datastore: datastore-endpoint for a standalone cluster', where: `${RKE2_DOCS}/docs/datastore/external.md` },
  rke2ServerRoles: RKE2_SERVER_ROLES,
  rke2Networking: { title: 'RKE2 networking services: the ingress controller it deploys', where: `${RKE2_DOCS}/docs/networking/networking_services.md` },
  rke2V136: { title: 'RKE2 v1.36 release notes: Traefik becomes the default ingress for new clusters', where: `${RKE2_DOCS}/docs/release-notes/v1.36.X.md` },
  rke2IngressMigration: { title: 'RKE2: moving from ingress-nginx to Traefik', where: `${RKE2_DOCS}/docs/reference/ingress_migration.md` },
  rke2Backup: RKE2_BACKUP_RESTORE,
  rke2Migration: { title: 'RKE2 docs: the RKE1 migration page, marked work in progress (no supported in-place path)', where: `${RKE2_DOCS}/docs/migration.md` },
  rke2NoInPlace: RKE2_NO_IN_PLACE,
  rkeDefaults: RKE_DEFAULTS,
  rancherPlanner: {
    title: "Rancher's planner for RKE2 and K3s nodes (cni: calico by default, system-default-registry, node addresses, ACE flags)",
    where: 'https://github.com/rancher/rancher/blob/6154f58/pkg/capr/planner/config.go',
  },
  rancherRke2Config: RANCHER_RKE2_CONFIG,
  rke1VsRke2: {
    title: 'Rancher: differences between RKE1 and RKE2 (containerd, static pods, machine pools)',
    where: `${RANCHER_DOCS}/how-to-guides/new-user-guides/launch-kubernetes-with-rancher/rke1-vs-rke2-differences`,
  },
  tfClusterV2: {
    title: 'Terraform provider rancher2: rancher2_cluster_v2 (machine_pools, local_auth_endpoint defaults to off)',
    where: 'https://registry.terraform.io/providers/rancher/rancher2/latest/docs/resources/cluster_v2',
  },
  kdm: KDM,
  cattleDrive: {
    title: 'cattle-drive: moves Rancher objects (projects, namespaces, role bindings, apps) between clusters',
    where: 'https://github.com/rancherlabs/cattle-drive',
  },
  rancherBackupMigrate: MIGRATE_RANCHER,
  velero: { title: 'Velero: cluster migration (workloads and persistent volumes)', where: 'https://velero.io/docs/main/migration-case/' },
  rancher50286: {
    title: 'rancher #50286: Rancher 2.12 refuses to upgrade while RKE1 clusters or templates remain',
    where: 'https://github.com/rancher/rancher/issues/50286',
  },
  preUpgradeHook: {
    title: "Rancher chart's pre-upgrade hook: fails on RKE1 clusters, node templates and cluster templates",
    where: 'https://github.com/rancher/rancher/blob/f1383f3/chart/scripts/pre-upgrade-hook.sh',
  },
  rancherDocs1879: RKE1_UPGRADE_GATE,
} as const satisfies Record<string, Source>;

export const cite = citerOf(MIGRATION_SOURCES);
