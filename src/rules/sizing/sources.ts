// Where each sizing table comes from. Kept apart from tables.ts so the calculators and the checker,
// which ship the tables, do not ship these: the sizing page renders them at build time and the CLI
// prints them. Documents other tables cite too are imported from ../sources.ts.
import {
  ETCD_FAQ,
  HARDWARE_REVISION,
  K3S_REQUIREMENTS,
  REQUIREMENTS_24,
  REQUIREMENTS_25,
  REQUIREMENTS_LATEST,
  RKE2_REQUIREMENTS,
  TABLES_TOO_OPTIMISTIC,
  type Source,
} from '../sources.ts';
import type { SERVER_SIZE_TABLES, SERVER_TABLES } from './tables.ts';

const INSTALL_OVERVIEW_24: Source = {
  title: 'Installing Rancher, v2.0–v2.4 (the Docker install is for development and testing)',
  where: 'https://rancher.com/docs/rancher/v2.0-v2.4/en/installation/',
};
const REQ_26_PRE: Source = {
  title: 'Installation requirements, Rancher v2.6, as they stood before the October 2023 revision (the parent of commit 5257b01)',
  where: 'rancher/rancher-docs versioned_docs/version-2.6/pages-for-subheaders/installation-requirements.md',
};
const RANCHER_DOCS_3153: Source = {
  title: 'rancher/docs #3153 (31 March 2021): trouble at 6 clusters and 70 nodes on the Small row',
  where: 'https://github.com/rancher/docs/issues/3153',
};
const SCALE: Source = {
  title: 'Tuning Rancher for large installations (2.7 and later)',
  where: 'https://ranchermanager.docs.rancher.com/reference-guides/best-practices/rancher-server/tuning-and-best-practices-for-rancher-at-scale',
};
const ETCD_HARDWARE: Source = {
  title: 'etcd documentation v3.5: hardware recommendations (disks, IOPS, a dedicated disk for large clusters)',
  where: 'https://github.com/etcd-io/website/blob/cb192bf8/content/en/docs/v3.5/op-guide/hardware.md',
};
const REQ_REVISED = [REQUIREMENTS_LATEST, HARDWARE_REVISION];

/** The Rancher server tables' sources, by table id. */
export const RANCHER_TABLE_SOURCES: Record<(typeof SERVER_TABLES)[keyof typeof SERVER_TABLES]['id'], readonly Source[]> = {
  'rke-before-2.4': [REQUIREMENTS_24],
  'rke-2.4': [REQUIREMENTS_24, REQUIREMENTS_25, REQ_26_PRE, TABLES_TOO_OPTIMISTIC, RANCHER_DOCS_3153],
  'k3s-2.4': [REQUIREMENTS_24, REQUIREMENTS_25, REQ_26_PRE, TABLES_TOO_OPTIMISTIC, RANCHER_DOCS_3153],
  'rke2-2.5': [REQUIREMENTS_25, REQ_26_PRE, TABLES_TOO_OPTIMISTIC],
  docker: [REQUIREMENTS_24, REQUIREMENTS_25, ...REQ_REVISED, INSTALL_OVERVIEW_24],
  'rke2-2023': [...REQ_REVISED, SCALE],
  'k3s-2023': REQ_REVISED,
  'hosted-2023': [...REQ_REVISED, SCALE],
  'rke-2023': REQ_REVISED,
};

/** The K3s and RKE2 server-versus-agents tables' sources. */
export const SERVER_SIZE_SOURCES: Record<keyof typeof SERVER_SIZE_TABLES, readonly Source[]> = { k3s: [K3S_REQUIREMENTS], rke2: [RKE2_REQUIREMENTS] };

export const K3S_DATABASE_SOURCES: readonly Source[] = [K3S_REQUIREMENTS];

export const ETCD_DISK_SOURCES: readonly Source[] = [ETCD_HARDWARE, ETCD_FAQ, ...REQ_REVISED];

/** A Rancher server table's sources (none for an id that is not a table). */
export function rancherTableSources(id: string): readonly Source[] {
  return (RANCHER_TABLE_SOURCES as Record<string, readonly Source[] | undefined>)[id] ?? [];
}
