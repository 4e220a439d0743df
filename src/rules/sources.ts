// One shape for every citation in the project, and the documents more than one table cites. Each
// table of sources (rule-sources.ts for the rules and the version notes, PORT_SOURCES in
// ports/tables.ts, sizing/sources.ts, migrate/sources.ts) holds `Source`s and imports a shared
// document from here rather than writing it out again; the tables stay apart so a page ships only
// the sources it shows. Every renderer (pages, islands, CLI text, JSON, SARIF, CSV, Markdown) goes
// through `sourceText` and `sourceHref`, so a source reads and links the same way everywhere.

export interface Source {
  /** What the document is and what we take from it, in our words. */
  readonly title: string;
  /**
   * Where to read it: an https address, or for a document read from a repository rather than a web
   * page, `owner/repo@commit path` (the commit may be left out where the file was read at its head).
   */
  readonly where: string;
}

const REPOSITORY_WHERE = /^[A-Za-z0-9][\w.-]*\/[\w.-]+(@[0-9a-f]{7,40})? \S/;

/** Whether `where` is an https address or a repository reference, the two forms a source may take. */
export function isSourceWhere(where: string): boolean {
  return /^https:\/\/[^\s/]+\.[^\s]+$/.test(where) || REPOSITORY_WHERE.test(where);
}

/** The address to link a source to, or undefined for a repository reference (plain text). */
export function sourceHref(source: Source): string | undefined {
  return source.where.startsWith('https://') ? source.where : undefined;
}

/** A source as one line of text: "title (where)". The CLI, CSV, Markdown and the catalogue use it. */
export function sourceText(source: Source): string {
  return `${source.title} (${source.where})`;
}

// ---- documents several tables cite -----------------------------------------------------------
// Each is its own export so a page ships only those it shows.

/** Rancher's documentation site (v2.5 and later), its older home (v2.0–v2.6), and RKE2's docs as read. */
/** A table's citer: the sources behind a list of its ids (rules and the migration each cite from their own table). */
export function citerOf<T extends Record<string, Source>>(table: T): (...ids: (keyof T)[]) => Source[] {
  return (...ids) => ids.map((id) => table[id]);
}

export const RANCHER_DOCS = 'https://ranchermanager.docs.rancher.com';
export const OLD_RANCHER_DOCS = 'https://rancher.com/docs/rancher';
export const RKE2_DOCS = 'https://github.com/rancher/rke2-docs/blob/9477b7b';

export const REQUIREMENTS_24: Source = {
  title:
    'Installation requirements, Rancher v2.0–v2.4 (CPU and memory before and from v2.4.0; the RKE and K3s tabs send more than 2,000 clusters or 20,000 nodes to Rancher)',
  where: `${OLD_RANCHER_DOCS}/v2.0-v2.4/en/installation/requirements/`,
};
export const REQUIREMENTS_25: Source = {
  title: 'Installation requirements, Rancher v2.5 (RKE2 from v2.5.6)',
  where: `${OLD_RANCHER_DOCS}/v2.5/en/installation/requirements/`,
};
export const REQUIREMENTS_LATEST: Source = {
  title: 'Installation requirements, current Rancher (the hardware tables as revised in October 2023; three nodes for production)',
  where: `${RANCHER_DOCS}/getting-started/installation-and-upgrade/installation-requirements`,
};
export const HARDWARE_REVISION: Source = {
  title: 'rancher-docs #896: revised hardware tables and a new guide for Rancher at large scale (October 2023)',
  where: 'https://github.com/rancher/rancher-docs/pull/896',
};
export const TABLES_TOO_OPTIMISTIC: Source = {
  title: 'rancher-docs #103: the 2.4–2.7 hardware tables were unrealistic, and the RKE2 and K3s tables disagreed',
  where: 'https://github.com/rancher/rancher-docs/issues/103',
};
export const K3S_REQUIREMENTS: Source = {
  title: 'K3s requirements: inbound rules, server sizing by agent count, and the database host for large clusters',
  where: 'https://github.com/k3s-io/docs/blob/005d2954/docs/installation/requirements.md',
};
export const RKE2_REQUIREMENTS: Source = {
  title: 'RKE2 requirements: inbound ports with those of each CNI, and server sizing (measured on v1.27.4+rke2r1, AWS, 20 GiB gp3)',
  where: `${RKE2_DOCS}/docs/install/requirements.md`,
};
export const RKE2_HA: Source = {
  title: 'RKE2 high availability: a fixed registration address on 9345 and 6443, joining servers',
  where: `${RKE2_DOCS}/docs/install/ha.md`,
};
export const RKE2_SERVER_CONFIG: Source = {
  title: 'RKE2 server configuration reference (every config.yaml key and its default, cluster-cidr and service-cidr among them)',
  where: `${RKE2_DOCS}/docs/reference/server_config.md`,
};
export const RKE2_SERVER_ROLES: Source = {
  title: 'RKE2 server roles: etcd-only and control-plane-only servers',
  where: `${RKE2_DOCS}/docs/install/server_roles.md`,
};
export const RKE2_BACKUP_RESTORE: Source = {
  title: 'RKE2 etcd backup and restore (snapshots every 12 hours, keep 5, S3, cluster-reset restore)',
  where: `${RKE2_DOCS}/docs/datastore/backup_restore.md`,
};
export const RKE2_NO_IN_PLACE: Source = {
  title: 'rke2 #562: no in-place conversion of an RKE cluster to RKE2',
  where: 'https://github.com/rancher/rke2/issues/562',
};
export const RKE1_UPGRADE_GATE: Source = {
  title: 'rancher-docs #1879: the upgrade to v2.12 is blocked while RKE1 resources exist; remove them first',
  where: 'https://github.com/rancher/rancher-docs/pull/1879',
};
export const KDM: Source = {
  title: "Rancher's channel data, rancher/kontainer-driver-metadata: which RKE, RKE2 and K3s releases each Rancher line offers (min/maxChannelServerVersion)",
  where: 'https://github.com/rancher/kontainer-driver-metadata',
};
export const RKE_DEFAULTS: Source = {
  title:
    "RKE's defaults in cluster/defaults.go (canal, ingress nginx, pod network 10.42.0.0/16, service network 10.43.0.0/16, snapshots every 12 hours keeping 6)",
  where: 'https://github.com/rancher/rke/blob/40c5dd4/cluster/defaults.go',
};
export const RANCHER_RKE2_CONFIG: Source = {
  title:
    'RKE2 cluster configuration in Rancher (provisioning.cattle.io/v1 Cluster: CNI fixed at launch, ACE, machineGlobalConfig, spec.rkeConfig.etcd snapshots and S3)',
  where: `${RANCHER_DOCS}/reference-guides/cluster-configuration/rancher-server-configuration/rke2-cluster-configuration`,
};
export const MIGRATE_RANCHER: Source = {
  title: 'Migrating Rancher to a new cluster with the rancher-backup operator',
  where: `${RANCHER_DOCS}/how-to-guides/new-user-guides/backup-restore-and-disaster-recovery/migrate-rancher-to-new-cluster`,
};
export const ARCHITECTURE_212: Source = {
  title: 'Architecture recommendations, Rancher v2.12 (a layer-4 load balancer in front of the Rancher nodes on 80 and 443)',
  where: `${RANCHER_DOCS}/v2.12/reference-guides/rancher-manager-architecture/architecture-recommendations`,
};
export const K3S_CLUSTER_LB: Source = {
  title: 'K3s documentation: a load balancer in front of the servers (HAProxy, nginx, kube-vip examples on 6443)',
  where: 'https://docs.k3s.io/datastore/cluster-loadbalancer',
};
export const ETCD_FAQ: Source = {
  title: 'etcd documentation v3.5: FAQ (quorum is a majority of members; the disk latencies to watch)',
  where: 'https://etcd.io/docs/v3.5/faq/',
};
