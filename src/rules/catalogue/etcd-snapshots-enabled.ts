// Scheduled etcd snapshots are what a cluster is rebuilt from when its etcd members are lost.
import { datastoreOf } from '../cluster-facts.ts';
import { downstream, minimumDownstreamNodes, rancherRke } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';

export const about: RuleAboutEntry = {
  rationale:
    "RKE, RKE2 and K3s take etcd snapshots on a schedule unless told not to, and Rancher recommends recurring snapshots for every production cluster: without them, losing the etcd members loses the cluster's state. For the cluster that runs Rancher, whose etcd holds every user, permission and downstream cluster record, this guide reports it as an error.",
  sources: ['rancherDownstreamSnapshots', 'rkeSnapshots', 'rke2BackupRestore', 'k3sBackupRestore'],
};

export const rule = defineRule({
  id: 'etcd-snapshots-enabled',
  severity: 'warning',
  category: 'etcd',
  title: 'Scheduled etcd snapshots stay on',
  docs: { page: 'backups', heading: 'Keep scheduled snapshots on', anchor: 'keep-scheduled-snapshots-on' },
  check(ctx) {
    for (const { cluster, purpose } of ctx.clusters) {
      if (datastoreOf(cluster) !== 'etcd' || cluster.etcdSnapshots?.enabled !== false) continue;
      const rancher = purpose === 'rancher';
      ctx.report({
        cluster: cluster.name,
        severity: rancher ? 'error' : 'warning',
        message: `${rancher ? 'The Rancher cluster' : 'Cluster'} "${cluster.name}" has its scheduled etcd snapshots turned off, so nothing recent is left to restore if its etcd members are lost. Turn them back on (${cluster.distribution === 'rke' ? 'services.etcd.backup_config.enabled: true' : 'remove etcd-disable-snapshots, or disableSnapshots in Rancher'}).`,
      });
    }
  },
});

const off = { enabled: false };

export const examples: RuleExamples = {
  fires: [
    {
      plan: downstream(minimumDownstreamNodes(), { etcdSnapshots: off }),
      severity: 'warning',
      note: 'a downstream RKE cluster with backup_config.enabled: false',
    },
    {
      plan: { rancher: { version: '2.8.5', cluster: 'rancher' }, clusters: [rancherRke({ etcdSnapshots: off })] },
      severity: 'error',
      note: "the Rancher cluster's own etcd",
    },
  ],
  quiet: [
    { plan: downstream(minimumDownstreamNodes(), { etcdSnapshots: {} }), note: "stated, with the distribution's defaults: on" },
    { plan: downstream(minimumDownstreamNodes()), note: 'not stated: nothing to judge' },
    {
      plan: downstream(minimumDownstreamNodes(), { datastore: 'external', etcdSnapshots: off }),
      note: 'an external datastore is backed up where it lives',
    },
  ],
};
