// Which Rancher server table applies to a version and distribution, which row a scale needs, and
// whether a machine meets it; the K3s/RKE2 server-versus-agents rows. Pure functions over
// tables.ts: the rules, the CLI and the calculator island all answer from here.
import { compareVersions } from '../versions.ts';
import { DISTRIBUTION_LABEL, MANAGED_DISTRIBUTIONS, type Distribution } from '../vocabulary.ts';
import {
  SERVER_SIZE_TABLES,
  SERVER_TABLES,
  type Era,
  type RancherSizeTable,
  type ServerRow,
  type ServerSizeTable,
  type ServerTableId,
  type SizeRow,
} from './tables.ts';

/** What Rancher runs on: a distribution of its cluster, or a single Docker container. */
export type SizingTarget = Distribution | 'docker';

export const SIZING_TARGETS: readonly SizingTarget[] = ['rke', 'rke2', 'k3s', 'eks', 'aks', 'gke', 'other', 'docker'];

export interface Scale {
  /** Downstream clusters Rancher manages. */
  clusters: number;
  /** Nodes of those clusters, all together. */
  nodes: number;
}

export interface SizingQuery extends Scale {
  /** Rancher version, "2.8" or "2.5.6". */
  version: string;
  target: SizingTarget;
}

/** A table and the row a scale needs in it (no row: past the largest one). */
export interface TableRow {
  table: RancherSizeTable;
  row?: SizeRow;
}

export interface SizingResult extends TableRow {
  query: SizingQuery;
  era: Era;
  /** The scale is past the largest row: the figures stop here and Rancher should be asked. */
  beyond: boolean;
  largest: SizeRow;
  /** 2.4 and 2.5, whose table was later judged too optimistic: what the October 2023 revision asks at this scale. */
  revised?: TableRow;
  /** 2.6 and 2.7: the table these releases shipped with, before the revision was written back into their docs. */
  shippedWith?: TableRow;
  /** Things to know about this answer, in our words. */
  notes: string[];
}

const MANAGED: readonly SizingTarget[] = MANAGED_DISTRIBUTIONS;

export function eraOf(version: string): Era {
  if (compareVersions(version, '2.4') < 0) return 'before-2.4';
  if (compareVersions(version, '2.6') < 0) return '2.4-2.7';
  return 'revised-2023';
}

function tableId(era: Era, target: SizingTarget): ServerTableId {
  if (target === 'docker') return 'docker';
  if (era === 'before-2.4') return 'rke-before-2.4';
  if (era === '2.4-2.7') return target === 'k3s' ? 'k3s-2.4' : target === 'rke2' ? 'rke2-2.5' : 'rke-2.4';
  if (target === 'k3s') return 'k3s-2023';
  if (target === 'rke2') return 'rke2-2023';
  return target === 'rke' ? 'rke-2023' : 'hosted-2023';
}

/** The row a scale needs: the first whose cluster and node limits both hold it. */
export function rowFor(table: RancherSizeTable, scale: Scale): SizeRow | undefined {
  return table.rows.find((row) => scale.clusters <= row.maxClusters && scale.nodes <= row.maxNodes);
}

const tableRow = (id: ServerTableId, scale: Scale): TableRow => {
  const table: RancherSizeTable = SERVER_TABLES[id];
  const row = rowFor(table, scale);
  return row ? { table, row } : { table };
};

function notesFor(query: SizingQuery, era: Era): string[] {
  const { version, target } = query;
  const at = (v: string) => compareVersions(version, v) >= 0;
  const notes: string[] = [];
  if (target === 'docker') {
    if (at('2.12')) notes.push('The 2.12 requirements page dropped the Docker table; these are the figures it printed up to 2.11.');
    notes.push('A Docker install is for trying Rancher out: the docs call it fit for development and testing only.');
    return notes;
  }
  if (era === 'before-2.4' && target !== 'rke') notes.push('Before 2.4 Rancher ran only on RKE, so this is the RKE table.');
  if (target === 'rke2' && !at('2.5.6')) notes.push('Rancher runs on RKE2 from 2.5.6; earlier releases have no RKE2 table.');
  if (MANAGED.includes(target) && era === '2.4-2.7' && !at('2.5'))
    notes.push('Rancher 2.4 advised against hosted Kubernetes for its cluster; from 2.5 hosted clusters share the RKE table.');
  if (target === 'other' && era !== 'before-2.4')
    notes.push('Rancher prints no table for other Kubernetes distributions; this is the table for RKE and hosted Kubernetes.');
  if (target === 'rke' && at('2.12')) notes.push('RKE left Rancher in 2.12 (end of life July 2025); these are the figures the docs printed up to 2.11.');
  if (MANAGED.includes(target) && era === 'revised-2023')
    notes.push('Since October 2023 Rancher discourages hosted Kubernetes for the Rancher cluster at high scale.');
  if (era === 'revised-2023' && !at('2.8'))
    notes.push('Rancher 2.6 and 2.7 shipped with the 2.4–2.7 tables; the October 2023 revision was later written into their docs, and this answer uses it.');
  if (era === 'revised-2023') notes.push('Each figure is per node, and production needs at least three nodes.');
  else notes.push('Each figure is per node of the Rancher cluster.');
  return notes;
}

/** The table, row and caveats for a Rancher version, distribution and scale. */
export function sizeFor(query: SizingQuery): SizingResult {
  const era = eraOf(query.version);
  const id = tableId(era, query.target);
  const { table, row } = tableRow(id, query);
  const largest = table.rows[table.rows.length - 1] as SizeRow;
  const result: SizingResult = { query, era, table, beyond: row === undefined, largest, notes: notesFor(query, era) };
  if (row) result.row = row;
  if (query.target !== 'docker' && era === '2.4-2.7') result.revised = tableRow(tableId('revised-2023', query.target), query);
  if (query.target !== 'docker' && era === 'revised-2023' && compareVersions(query.version, '2.8') < 0)
    result.shippedWith = tableRow(tableId('2.4-2.7', query.target), query);
  return result;
}

// ---- judging a machine ------------------------------------------------------------------------

export interface Machine {
  cpu?: number;
  memoryGiB?: number;
}

export interface Shortfall {
  /** The machine's vCPUs are below the row (undefined: not given, so not judged). */
  cpu?: boolean;
  memory?: boolean;
}

/**
 * How a machine compares with what a row asks, dimension by dimension; undefined when the machine
 * gives neither figure. Tables print "GB" where clouds sell GiB-sized machines, so 16 GiB meets 16 GB.
 */
export function compareMachine(machine: Machine, asks: { cpu: number; memoryGB: number }): Shortfall | undefined {
  if (machine.cpu === undefined && machine.memoryGiB === undefined) return undefined;
  const result: Shortfall = {};
  if (machine.cpu !== undefined) result.cpu = machine.cpu < asks.cpu;
  if (machine.memoryGiB !== undefined) result.memory = machine.memoryGiB < asks.memoryGB;
  return result;
}

export const isShort = (s: Shortfall | undefined): boolean => s !== undefined && (s.cpu === true || s.memory === true);

/** A machine held against a row: the one verdict the sizing page and `rancher-arch size` both print. */
export type MachineVerdict = 'meets' | 'below' | 'not judged';
export function machineVerdict(machine: Machine, asks: { cpu: number; memoryGB: number }): MachineVerdict {
  const short = compareMachine(machine, asks);
  return short === undefined ? 'not judged' : isShort(short) ? 'below' : 'meets';
}

/** What Rancher runs on, in words: a distribution, or the Docker install. */
export const targetLabel = (t: SizingTarget): string => (t === 'docker' ? 'a Docker container' : t === 'other' ? 'other Kubernetes' : DISTRIBUTION_LABEL[t]);

// ---- K3s and RKE2 servers against their agents ------------------------------------------------

export interface ServerSizing {
  table: ServerSizeTable;
  row: ServerRow;
  /** The row's agent range after the K3s high-availability allowance (maxAgents undefined: open-ended). */
  minAgents: number;
  maxAgents?: number;
  /** The K3s allowance for three or more servers was applied. */
  haBonus: boolean;
}

/** The server row for a number of agents; K3s with three or more servers carries about half as many again. */
export function serverRowFor(distribution: 'k3s' | 'rke2', agents: number, servers: number): ServerSizing {
  const table = SERVER_SIZE_TABLES[distribution];
  const bonus = table.haBonus !== undefined && servers >= table.haBonus.servers;
  const factor = bonus && table.haBonus ? table.haBonus.factor : 1;
  const scaled = (row: ServerRow) => (row.maxAgents === undefined ? undefined : Math.floor(row.maxAgents * factor));
  const index = table.rows.findIndex((r) => {
    const max = scaled(r);
    return max === undefined || agents <= max;
  });
  const row = table.rows[index] as ServerRow;
  const previous = index > 0 ? scaled(table.rows[index - 1] as ServerRow) : undefined;
  const result: ServerSizing = { table, row, minAgents: previous === undefined ? row.minAgents : previous + 1, haBonus: bonus };
  const max = scaled(row);
  if (max !== undefined) result.maxAgents = max;
  return result;
}

// ---- words ------------------------------------------------------------------------------------

const count = (n: number) => n.toLocaleString('en');

/** "4 vCPUs and 16 GB". */
export function describeAsk(asks: { cpu: number; memoryGB: number }): string {
  return `${count(asks.cpu)} ${asks.cpu === 1 ? 'vCPU' : 'vCPUs'} and ${count(asks.memoryGB)} GB`;
}

/** "Small: up to 150 clusters and 1,500 nodes". */
export function describeRow(row: SizeRow): string {
  return `${row.size}: up to ${count(row.maxClusters)} clusters and ${count(row.maxNodes)} nodes`;
}

/** "2 vCPUs, 4 GB and 1,000 IOPS". */
export function describeDatabase(db: { cpu: number; memoryGB: number; iops: number }): string {
  return `${count(db.cpu)} ${db.cpu === 1 ? 'vCPU' : 'vCPUs'}, ${count(db.memoryGB)} GB and ${count(db.iops)} IOPS`;
}

/** "0–350 agents", "1,801 agents or more". */
export function describeAgents(min: number, max: number | undefined): string {
  return max === undefined ? `${count(min)} agents or more` : `${count(min)}–${count(max)} agents`;
}

/** "2 vCPUs and 8 GiB", "2 vCPUs (memory not given)". */
export function describeMachine(machine: Machine): string {
  const cpu = machine.cpu === undefined ? undefined : `${count(machine.cpu)} ${machine.cpu === 1 ? 'vCPU' : 'vCPUs'}`;
  const memory = machine.memoryGiB === undefined ? undefined : `${count(machine.memoryGiB)} GiB`;
  if (cpu && memory) return `${cpu} and ${memory}`;
  if (cpu) return `${cpu} (memory not given)`;
  return `${memory ?? 'no figures'} (vCPUs not given)`;
}
