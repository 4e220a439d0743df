// What a cluster's datastore asks of its hosts beyond the server tables: K3s' own table for an
// external database host, and etcd's disk guidance. The sizing page and `rancher-arch size` show
// them; no rule reads them, so they stay out of the checker's code.

/** K3s' own table for an external database host, by the number of nodes in the cluster. */
export const K3S_DATABASE_ROWS: readonly { size: string; maxNodes?: number; cpu: number; memoryGB: number }[] = [
  { size: 'Small', maxNodes: 10, cpu: 1, memoryGB: 2 },
  { size: 'Medium', maxNodes: 100, cpu: 2, memoryGB: 8 },
  { size: 'Large', maxNodes: 250, cpu: 4, memoryGB: 16 },
  { size: 'X-Large', maxNodes: 500, cpu: 8, memoryGB: 32 },
  { size: 'XX-Large', cpu: 16, memoryGB: 64 },
];

// ---- etcd disks -------------------------------------------------------------------------------

/** What etcd needs from its disk; no plan field measures these, so they are shown as guidance. */
export const ETCD_DISK = {
  fsyncP99Ms: 10,
  commitP99Ms: 25,
  sequentialIops: 50,
  heavyLoadIops: 500,
  quotaDefaultGB: 2,
  quotaMaxGB: 8,
} as const;

/** The etcd disk guidance in our words, one point per line. */
export const ETCD_DISK_GUIDANCE: readonly string[] = [
  'Put etcd on SSDs. Rancher asks for SSDs on every version, sized for the most IOPS the volume type gives rather than for space.',
  `The write-ahead log must reach the disk quickly: the 99th percentile of wal_fsync_duration_seconds should stay under ${ETCD_DISK.fsyncP99Ms} ms, and backend commits under ${ETCD_DISK.commitP99Ms} ms.`,
  `etcd writes one record after another: ${ETCD_DISK.sequentialIops} sequential IOPS (a 7,200 rpm disk) is the floor, and ${ETCD_DISK.heavyLoadIops} (a local SSD) suits a busy cluster. Cloud volumes quote concurrent IOPS, which can be ten times the sequential figure.`,
  'In large clusters give etcd its own disk for its data and WAL directories.',
  `The keyspace is ${ETCD_DISK.quotaDefaultGB} GB by default and ${ETCD_DISK.quotaMaxGB} GB at most; the node's memory has to hold it.`,
];
