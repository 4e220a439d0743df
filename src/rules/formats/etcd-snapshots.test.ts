// Scheduled etcd snapshots as each format states them (backup_config, etcd-snapshot-* keys,
// spec.rkeConfig.etcd), what is left to the distribution's defaults, and the rules on the result.
import { expect, it } from 'vitest';
import { checkPlan } from '../check.ts';
import { readFixture } from '../testing/fixtures.ts';
import { readInput } from './read.ts';
import { toClusterYml } from './rke-cluster-yml.ts';

const snapshotRules = (plan: Parameters<typeof checkPlan>[0]) =>
  checkPlan(plan)
    .findings.filter((f) => f.rule.startsWith('etcd-snapshots-'))
    .map((f) => `${f.rule}:${f.severity}`);

it('cluster.yml: backup_config with an S3 copy is read as written; nothing to report', () => {
  const r = readFixture('rke-backup-config-s3.cluster.yml');
  expect(r.plan.clusters[0]!.etcdSnapshots).toEqual({ enabled: true, intervalHours: 6, retention: 24, offNode: 's3' });
  expect(snapshotRules(r.plan)).toEqual([]);
});

it('cluster.yml: backup_config goes back out as written, S3 with placeholders to fill in, and reads back the same', () => {
  const plan = readFixture('rke-backup-config-s3.cluster.yml').plan;
  const text = toClusterYml(plan);
  expect(text).toMatch(/backup_config:\n\s+enabled: true\n\s+interval_hours: 6\n\s+retention: 24\n\s+s3backupconfig:\n\s+bucket_name: REPLACE-WITH-BUCKET/);
  expect(readInput(text, { filename: 'back.yml' }).clusters[0]!.etcdSnapshots).toEqual({ enabled: true, intervalHours: 6, retention: 24, offNode: 's3' });
});

it('cluster.yml: external etcd has no snapshots of its own to judge', () => {
  expect(readFixture('rke-external-etcd.cluster.yml').plan.clusters[0]!.etcdSnapshots).toBeUndefined();
});

it('RKE2 config: etcd-disable-snapshots as text turns them off: a warning downstream, an error on the Rancher cluster', () => {
  const r = readFixture('rke2-server-snapshots-off.config.yaml');
  expect(r.format).toBe('rke2-config');
  expect(r.plan.clusters[0]!.etcdSnapshots).toEqual({ enabled: false, retention: 3 });
  expect(snapshotRules(r.plan)).toEqual(['etcd-snapshots-enabled:warning']);
  const asRancher = readFixture('rke2-server-snapshots-off.config.yaml', { as: 'rancher', rancherVersion: '2.9.2' });
  expect(snapshotRules(asRancher.plan)).toEqual(['etcd-snapshots-enabled:error']);
});

it('K3s config: schedule, retention and etcd-s3 are read; the S3 copy keeps the rules quiet', () => {
  const r = readFixture('k3s-server-snapshots-s3.config.yaml');
  expect(r.plan.clusters[0]!.etcdSnapshots).toEqual({ cron: '0 */6 * * *', retention: 8, offNode: 's3' });
  expect(snapshotRules(r.plan)).toEqual([]);
});

it("K3s config: a server without snapshot keys on embedded etcd takes K3s' defaults, on and local only", () => {
  const join = readFixture('k3s-server-join.config.yaml').plan.clusters[0]!;
  expect(join.etcdSnapshots).toEqual({});
  expect(snapshotRules({ clusters: [join] })).toEqual(['etcd-snapshots-off-node:warning']);
  // The first server of k3s-server-cluster-init.config.yaml sets its own schedule and retention.
  expect(readFixture('k3s-server-cluster-init.config.yaml').plan.clusters[0]!.etcdSnapshots).toEqual({ cron: '0 */4 * * *', retention: 10 });
});

it('not stated: SQLite, an external datastore, an agent, a control-plane-only server, kubectl output', () => {
  expect(readFixture('k3s-server-external-db.config.yaml').plan.clusters[0]!.etcdSnapshots).toBeUndefined();
  expect(readFixture('k3s-disable-only.config.yaml').plan.clusters[0]!.etcdSnapshots).toBeUndefined(); // a lone K3s server on SQLite
  expect(readInput('server: https://192.0.2.10:9345\ntoken: x\n', { filename: 'agent.yaml' }).clusters[0]!.etcdSnapshots).toBeUndefined();
  expect(readInput('cni: canal\nserver: https://192.0.2.10:9345\ndisable-etcd: true\n', { filename: 'cp.yaml' }).clusters[0]!.etcdSnapshots).toBeUndefined();
  expect(readFixture('kubectl-nodes-rke2-list.yaml').plan.clusters[0]!.etcdSnapshots).toBeUndefined();
});

it('a config value that is not a count is refused at its own key', () => {
  expect(() => readInput('cni: canal\netcd-snapshot-retention: many\n', { filename: 'c.yaml' })).toThrow(/etcd-snapshot-retention/);
  expect(() => readInput('cni: canal\netcd-snapshot-schedule-cron: "every day"\n', { filename: 'c.yaml' })).toThrow(/etcd-snapshot-schedule-cron/);
});

it('provisioning Cluster: spec.rkeConfig.etcd with disableSnapshots and s3; a retention of 0 is left to the distribution', () => {
  const text = (etcd: string) =>
    [
      'apiVersion: provisioning.cattle.io/v1',
      'kind: Cluster',
      'metadata: {name: apps}',
      'spec:',
      '  kubernetesVersion: v1.30.8+k3s1',
      '  rkeConfig:',
      `    etcd: ${etcd}`,
      '    machinePools: [{name: all, quantity: 3, etcdRole: true, controlPlaneRole: true, workerRole: true}]',
    ].join('\n');
  expect(readInput(text('{disableSnapshots: true}'), { filename: 'p.yaml' }).clusters[0]!.etcdSnapshots).toEqual({ enabled: false });
  const s3 = readInput(text('{snapshotRetention: 0, s3: {bucket: snaps, cloudCredentialName: cc-1}}'), { filename: 'p.yaml' });
  expect(s3.clusters[0]!.etcdSnapshots).toEqual({ offNode: 's3' });
  expect(snapshotRules(s3)).toEqual([]);
  expect(readInput(text('{}'), { filename: 'p.yaml' }).clusters[0]!.etcdSnapshots).toEqual({});
});
