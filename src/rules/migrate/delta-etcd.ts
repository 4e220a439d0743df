// etcd snapshots in the delta report: RKE's backup_config (and its older keys) as RKE2's
// etcd-snapshot-* and etcd-s3 settings, with the defaults that differ written out.
import type { DeltaInput, DeltaItem } from './delta-item.ts';
import { cite } from './sources.ts';

export function snapshotItems({ source, targetCluster, settings }: DeltaInput): DeltaItem[] {
  const from = source.etcdSnapshots;
  const to = targetCluster.etcdSnapshots;
  if (source.datastore === 'external' || to === undefined) return [];
  const items: DeltaItem[] = [];
  const snapshotSources = cite('rke2ServerConfig', 'rke2Backup', 'rkeDefaults');
  if (to.enabled === false)
    items.push({ topic: 'snapshots', change: 'keep', text: 'backup_config.enabled: false → etcd-disable-snapshots: true.', sources: snapshotSources });
  else {
    const interval = from?.intervalHours;
    items.push({
      topic: 'snapshots',
      change: 'change',
      text:
        interval === undefined
          ? `Every 12 hours (RKE’s default) → etcd-snapshot-schedule-cron: "0 */12 * * *" (RKE2’s default).`
          : `interval_hours: ${interval} → etcd-snapshot-schedule-cron: "${to.cron ?? ''}".`,
      sources: snapshotSources,
    });
    items.push({
      topic: 'snapshots',
      change: 'change',
      text:
        from?.retention === undefined
          ? `Keep 6 (RKE’s default) → etcd-snapshot-retention: ${to.retention ?? 6}, written because RKE2 keeps 5 by default.`
          : `retention: ${from.retention} → etcd-snapshot-retention: ${to.retention ?? from.retention}.`,
      sources: snapshotSources,
    });
  }
  if (settings.s3 !== undefined) {
    const values = (
      [
        ['bucket_name', 'etcd-s3-bucket', settings.s3.bucket],
        ['endpoint', 'etcd-s3-endpoint', settings.s3.endpoint],
        ['region', 'etcd-s3-region', settings.s3.region],
        ['folder', 'etcd-s3-folder', settings.s3.folder],
      ] as const
    )
      .filter(([, , v]) => v !== undefined)
      .map(([rke, rke2, v]) => `${rke} → ${rke2}: ${v}`);
    items.push({
      topic: 'snapshots',
      change: 'change',
      text: `s3backupconfig → etcd-s3: true with ${values.join(', ')}; access_key and secret_key → etcd-s3-access-key and etcd-s3-secret-key${settings.s3.customCa ? '; custom_ca → etcd-s3-endpoint-ca' : ''} (in Rancher: spec.rkeConfig.etcd.s3 with a cloud credential). The files written here hold a placeholder bucket to replace.`,
      sources: cite('rke2ServerConfig', 'rke2Backup'),
    });
  } else if (from?.offNode === 's3')
    items.push({
      topic: 'snapshots',
      change: 'by-hand',
      text: 'The source copies snapshots to S3: set etcd-s3 and its bucket, endpoint and credentials on the servers.',
      sources: cite('rke2ServerConfig'),
    });
  if (settings.legacySnapshot !== undefined)
    items.push({
      topic: 'snapshots',
      change: 'by-hand',
      text: `services.etcd ${Object.entries(settings.legacySnapshot)
        .map(([k, v]) => `${k}: ${v ?? '(not shown)'}`)
        .join(
          ', ',
        )} are RKE’s older snapshot keys (before backup_config); how they map to RKE2 is not documented. Set etcd-snapshot-schedule-cron and etcd-snapshot-retention to the schedule you want.`,
      sources: [],
    });
  return items;
}
