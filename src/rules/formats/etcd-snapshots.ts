// Scheduled etcd snapshots as each file states them: RKE's services.etcd.backup_config, the
// etcd-snapshot-* and etcd-s3* keys of a K3s or RKE2 config.yaml, and spec.rkeConfig.etcd of
// Rancher's provisioning Cluster. Each reader returns the plan's etcdSnapshots: fields the file
// leaves out stay out (the distribution's default applies), values the file gets wrong are passed
// on as written so the plan's validation names them.
import type { ClusterInput } from './single-cluster.ts';
import { isRecord, scalarText } from './single-cluster.ts';

type SnapshotsInput = NonNullable<ClusterInput['etcdSnapshots']>;

/** A YAML number, or a number written as text ("5"); anything else as written. */
function count(v: unknown): unknown {
  if (typeof v === 'string' && /^\s*\d+\s*$/.test(v)) return Number(v);
  return v;
}

/** true/false, also as the text a flag file may hold ("true"); anything else as written. */
function flag(v: unknown): unknown {
  if (v === 'true') return true;
  if (v === 'false') return false;
  return v;
}

/**
 * RKE cluster.yml: `services.etcd.backup_config` (enabled, interval_hours, retention,
 * s3backupconfig). Without the block rke takes its defaults (on, every 12 hours, keep 6), so the
 * answer is the empty object: stated, defaults apply.
 */
export function fromBackupConfig(etcdService: Record<string, unknown>): SnapshotsInput {
  const found: SnapshotsInput = {};
  const backup = etcdService.backup_config;
  if (!isRecord(backup)) return found;
  if (backup.enabled !== undefined && backup.enabled !== null) found.enabled = flag(backup.enabled) as boolean;
  if (backup.interval_hours !== undefined && backup.interval_hours !== null) found.intervalHours = count(backup.interval_hours) as number;
  if (backup.retention !== undefined && backup.retention !== null) found.retention = count(backup.retention) as number;
  const s3 = backup.s3backupconfig;
  if (isRecord(s3) && scalarText(s3.bucket_name) !== undefined) found.offNode = 's3';
  return found;
}

/**
 * A K3s or RKE2 server's config.yaml on embedded etcd: etcd-disable-snapshots,
 * etcd-snapshot-schedule-cron, etcd-snapshot-retention and etcd-s3. Keys left out mean the
 * distribution's defaults (on, 0 *\/12 * * *, keep 5, no S3).
 */
export function fromServerConfig(data: Record<string, unknown>): SnapshotsInput {
  const found: SnapshotsInput = {};
  if (data['etcd-disable-snapshots'] !== undefined) found.enabled = !(flag(data['etcd-disable-snapshots']) === true);
  const cron = scalarText(data['etcd-snapshot-schedule-cron']);
  if (cron !== undefined) found.cron = cron;
  if (data['etcd-snapshot-retention'] !== undefined) found.retention = count(data['etcd-snapshot-retention']) as number;
  if (flag(data['etcd-s3']) === true) found.offNode = 's3';
  return found;
}

/**
 * Rancher's provisioning Cluster: spec.rkeConfig.etcd (disableSnapshots, snapshotScheduleCron,
 * snapshotRetention, s3). Rancher passes what is left out to RKE2 or K3s, whose defaults apply.
 */
export function fromRkeConfigEtcd(etcd: unknown): SnapshotsInput {
  const found: SnapshotsInput = {};
  if (!isRecord(etcd)) return found;
  if (etcd.disableSnapshots !== undefined && etcd.disableSnapshots !== null) found.enabled = !(flag(etcd.disableSnapshots) === true);
  const cron = scalarText(etcd.snapshotScheduleCron);
  if (cron !== undefined) found.cron = cron;
  // Rancher writes the retention into the node's config only when it is above zero.
  const retention = count(etcd.snapshotRetention);
  if (retention !== undefined && retention !== null && retention !== 0) found.retention = retention as number;
  if (isRecord(etcd.s3) && Object.keys(etcd.s3).length > 0) found.offNode = 's3';
  return found;
}
