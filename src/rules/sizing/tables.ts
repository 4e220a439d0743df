// Rancher's hardware tables as data: the Rancher server tables version by version and
// distribution by distribution, the K3s and RKE2 server-versus-agents tables, the K3s database
// table, and the etcd disk figures. Numbers are Rancher's (and K3s', RKE2's, etcd's); every table
// names where it comes from (sizing/sources.ts). The words around them are ours. Framework-free and zod-free, so the
// sizing calculator in the browser ships only this and size.ts; where each table comes from is in
// sources.ts beside it, which only the page (at build time) and the CLI read.
/** The three stretches of Rancher's server tables. */
export type Era = 'before-2.4' | '2.4-2.7' | 'revised-2023';

export const ERA_LABEL: Record<Era, string> = {
  'before-2.4': 'the table for Rancher before 2.4',
  '2.4-2.7': 'the 2.4–2.7 tables',
  'revised-2023': 'the October 2023 revision in the current docs',
};

/** What a server table is for: a distribution of the Rancher cluster, or the Docker install. */
export type TableTarget = 'rke' | 'k3s' | 'rke2' | 'hosted' | 'docker';

export interface DatabaseHost {
  cpu: number;
  memoryGB: number;
  iops: number;
}

/** One row: up to `maxClusters` downstream clusters and `maxNodes` nodes → per-node vCPUs and RAM. */
export interface SizeRow {
  size: string;
  maxClusters: number;
  maxNodes: number;
  cpu: number;
  memoryGB: number;
  /** K3s: the external database host the row asks for. */
  database?: DatabaseHost;
  /** A condition the table attaches to the row, in our words. */
  note?: string;
}

export interface RancherSizeTable {
  id: string;
  /** The stretch of releases the table belongs to; the Docker table spans all of them. */
  era: Era | 'every';
  /** Our words: what this table is. */
  title: string;
  target: TableTarget;
  /** Releases whose docs print this table (the range the calculator uses it for may be narrower). */
  printedFor: string;
  rows: readonly SizeRow[];
  /** Past the largest row: does the table itself say to ask Rancher (true), or just end (false)? */
  contactStated: boolean;
  /** Rancher later judged the table too optimistic (replaced by the revision). */
  laterJudgedTooOptimistic?: boolean;
  /** Why the table was replaced or what to keep in mind, in our words. */
  caveat?: string;
}

// ---- sources ---------------------------------------------------------------------------------

// ---- the Rancher server tables ----------------------------------------------------------------

const up = (size: string, maxClusters: number, maxNodes: number, cpu: number, memoryGB: number, more: Partial<SizeRow> = {}): SizeRow => ({
  size,
  maxClusters,
  maxNodes,
  cpu,
  memoryGB,
  ...more,
});

const ROWS_24: readonly SizeRow[] = [
  up('Small', 150, 1500, 2, 8),
  up('Medium', 300, 3000, 4, 16),
  up('Large', 500, 5000, 8, 32),
  up('X-Large', 1000, 10_000, 16, 64),
  up('XX-Large', 2000, 20_000, 32, 128),
];

const DOCKER_ROWS: readonly SizeRow[] = [up('Small', 5, 50, 1, 4), up('Medium', 15, 200, 2, 8)];

const BEST_PRACTICES = 'Rancher asks large installs to follow its at-scale tuning practices.';

const REVISED_ROWS: readonly SizeRow[] = [
  up('Small', 150, 1500, 4, 16),
  up('Medium', 300, 3000, 8, 32),
  up('Large', 500, 5000, 16, 64, { note: BEST_PRACTICES }),
];

const OPTIMISTIC_CAVEAT =
  'Users reported trouble far below the Small row (a K3s install on two 2 vCPU / 8 GB servers struggled at 6 clusters and 70 nodes), and Rancher replaced these figures in October 2023 with tables that ask for twice the CPU and memory and stop at 500 clusters.';

export const SERVER_TABLES = {
  'rke-before-2.4': {
    id: 'rke-before-2.4',
    era: 'before-2.4',
    title: 'Rancher before 2.4 on RKE',
    target: 'rke',
    printedFor: '2.0 – 2.3',
    rows: [up('Small', 5, 50, 2, 8), up('Medium', 15, 200, 4, 16), up('Large', 50, 500, 8, 32), up('X-Large', 100, 1000, 32, 128)],
    contactStated: true,
  },
  'rke-2.4': {
    id: 'rke-2.4',
    era: '2.4-2.7',
    title: 'RKE, and hosted Kubernetes from 2.5 (2.4 – 2.7 tables)',
    target: 'rke',
    printedFor: '2.4 – 2.7 (until the October 2023 revision)',
    rows: ROWS_24,
    contactStated: true,
    laterJudgedTooOptimistic: true,
    caveat: OPTIMISTIC_CAVEAT,
  },
  'k3s-2.4': {
    id: 'k3s-2.4',
    era: '2.4-2.7',
    title: 'K3s (2.4 – 2.7 tables)',
    target: 'k3s',
    printedFor: '2.4 – 2.7 (until the October 2023 revision)',
    rows: ROWS_24.map((row) => ({ ...row, database: { cpu: 2, memoryGB: 4, iops: 1000 } })),
    contactStated: true,
    laterJudgedTooOptimistic: true,
    caveat: OPTIMISTIC_CAVEAT,
  },
  'rke2-2.5': {
    id: 'rke2-2.5',
    era: '2.4-2.7',
    title: 'RKE2 and RancherD (2.5.6 – 2.7 tables)',
    target: 'rke2',
    printedFor: '2.5.6 – 2.7 (RancherD: 2.5.4 – 2.5.10), until the October 2023 revision',
    rows: [up('Small', 5, 50, 2, 5), up('Medium', 15, 200, 3, 9)],
    contactStated: false,
    caveat:
      'This table stopped at 15 clusters and 200 nodes while the RKE and K3s tables of the same releases promised 150 clusters on less hardware; users pointed out the contradiction, and the October 2023 revision replaced both.',
  },
  docker: {
    id: 'docker',
    era: 'every',
    title: 'Single-node Docker install (2.0 – 2.11)',
    target: 'docker',
    printedFor: '2.0 – 2.11 (removed from the requirements page in 2.12)',
    rows: DOCKER_ROWS,
    contactStated: false,
    caveat:
      'The docs have called a Docker install fit for development and testing only since the v2.0–v2.4 install overview; the October 2023 revision repeats that beside this table, and since March 2024 a banner says Docker installs are not supported in production.',
  },
  'rke2-2023': {
    id: 'rke2-2023',
    era: 'revised-2023',
    title: 'RKE2 (October 2023 revision)',
    target: 'rke2',
    printedFor: '2.6 and later (written back into the 2.6 and 2.7 docs)',
    rows: REVISED_ROWS,
    contactStated: true,
  },
  'k3s-2023': {
    id: 'k3s-2023',
    era: 'revised-2023',
    title: 'K3s (October 2023 revision)',
    target: 'k3s',
    printedFor: '2.6 and later (written back into the 2.6 and 2.7 docs)',
    rows: [
      up('Small', 150, 1500, 4, 16, { database: { cpu: 2, memoryGB: 8, iops: 1000 } }),
      up('Medium', 300, 3000, 8, 32, { database: { cpu: 4, memoryGB: 16, iops: 2000 } }),
      up('Large', 500, 5000, 16, 64, { database: { cpu: 8, memoryGB: 32, iops: 4000 }, note: BEST_PRACTICES }),
    ],
    contactStated: false,
    caveat: 'The external database host is optional: K3s may also keep its data in embedded etcd on the servers.',
  },
  'hosted-2023': {
    id: 'hosted-2023',
    era: 'revised-2023',
    title: 'Hosted Kubernetes: EKS, AKS, GKE (October 2023 revision)',
    target: 'hosted',
    printedFor: '2.6 and later (written back into the 2.6 and 2.7 docs)',
    rows: REVISED_ROWS,
    contactStated: false,
    caveat: 'Since the same revision Rancher discourages managed Kubernetes for the Rancher cluster at high scale.',
  },
  'rke-2023': {
    id: 'rke-2023',
    era: 'revised-2023',
    title: 'RKE (October 2023 revision, until 2.11)',
    target: 'rke',
    printedFor: '2.6 – 2.11 (RKE left the docs in 2.12)',
    rows: REVISED_ROWS,
    contactStated: false,
  },
} as const satisfies Record<string, RancherSizeTable>;

export type ServerTableId = keyof typeof SERVER_TABLES;

/** Every Rancher server table, oldest first, for pages that print them all. */
export const SERVER_TABLE_LIST: readonly RancherSizeTable[] = Object.values(SERVER_TABLES);

// ---- K3s and RKE2 server nodes against their agents -------------------------------------------

/** One row: a server of `cpu` vCPUs and `memoryGB` RAM serves up to `maxAgents` agents (undefined: no upper end). */
export interface ServerRow {
  cpu: number;
  memoryGB: number;
  minAgents: number;
  maxAgents?: number;
}

export interface ServerSizeTable {
  distribution: 'k3s' | 'rke2';
  rows: readonly ServerRow[];
  /** K3s: with this many servers or more, each row carries about this many more agents. */
  haBonus?: { servers: number; factor: number; example: { cpu: number; memoryGB: number; agents: number } };
  minimum: { server: { cpu: number; memoryGB: number }; agent?: { cpu: number; memoryGB: number } };
  /** Join agents in batches no larger than this. */
  joinBatch: number;
}

export const SERVER_SIZE_TABLES: Record<'k3s' | 'rke2', ServerSizeTable> = {
  k3s: {
    distribution: 'k3s',
    rows: [
      { cpu: 2, memoryGB: 4, minAgents: 0, maxAgents: 350 },
      { cpu: 4, memoryGB: 8, minAgents: 351, maxAgents: 900 },
      { cpu: 8, memoryGB: 16, minAgents: 901, maxAgents: 1800 },
      { cpu: 16, memoryGB: 32, minAgents: 1801 },
    ],
    haBonus: { servers: 3, factor: 1.5, example: { cpu: 4, memoryGB: 8, agents: 1200 } },
    minimum: { server: { cpu: 2, memoryGB: 2 }, agent: { cpu: 1, memoryGB: 0.5 } },
    joinBatch: 50,
  },
  rke2: {
    distribution: 'rke2',
    rows: [
      { cpu: 2, memoryGB: 4, minAgents: 0, maxAgents: 225 },
      { cpu: 4, memoryGB: 8, minAgents: 226, maxAgents: 450 },
      { cpu: 8, memoryGB: 16, minAgents: 451, maxAgents: 1300 },
      { cpu: 16, memoryGB: 32, minAgents: 1301 },
    ],
    minimum: { server: { cpu: 2, memoryGB: 4 } },
    joinBatch: 50,
  },
};
