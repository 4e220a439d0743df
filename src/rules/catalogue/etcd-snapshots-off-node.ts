// Snapshots written only to the etcd nodes' own disks go down with those nodes.
import { datastoreOf, etcdMembers, usesServerRoles } from '../cluster-facts.ts';
import { downstream, minimumDownstreamNodes, nodes } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';

export const about: RuleAboutEntry = {
  rationale:
    "RKE, RKE2 and K3s write each scheduled snapshot to the disk of the etcd node that took it. When every etcd node is lost, those copies are lost with them; Rancher's documents name an S3-compatible target as the way to keep a snapshot that outlives the nodes.",
  sources: ['rancherDownstreamSnapshots', 'rkeSnapshots', 'rke2BackupRestore', 'allEtcdLost', 'restoreFromS3'],
};

export const rule = defineRule({
  id: 'etcd-snapshots-off-node',
  severity: 'warning',
  category: 'etcd',
  title: 'etcd snapshots are copied off the etcd nodes',
  docs: { page: 'backups', heading: 'A copy away from the etcd nodes', anchor: 'a-copy-away-from-the-etcd-nodes' },
  check(ctx) {
    for (const { cluster } of ctx.clusters) {
      const snapshots = cluster.etcdSnapshots;
      if (datastoreOf(cluster) !== 'etcd' || snapshots === undefined || snapshots.enabled === false || snapshots.offNode !== undefined) continue;
      const where =
        cluster.distribution === 'rke'
          ? 'services.etcd.backup_config.s3backupconfig'
          : usesServerRoles(cluster)
            ? 'etcd-s3 and its bucket, or spec.rkeConfig.etcd.s3 in Rancher'
            : 'an S3-compatible target';
      ctx.report({
        cluster: cluster.name,
        nodes: etcdMembers(cluster),
        message: `Cluster "${cluster.name}" keeps its etcd snapshots only on its etcd nodes: losing the etcd nodes loses the snapshots. Send a copy to S3-compatible storage (${where}).`,
      });
    }
  },
});

const k3s = (etcdSnapshots: { offNode?: 's3'; enabled?: boolean }) => ({
  clusters: [{ name: 'edge', distribution: 'k3s' as const, datastore: 'embedded' as const, etcdSnapshots, nodes: nodes('s', 3, ['server']) }],
});

export const examples: RuleExamples = {
  fires: [
    { plan: downstream(minimumDownstreamNodes(), { etcdSnapshots: {} }), nodes: ['e1', 'e2', 'e3'], note: 'an RKE cluster.yml without s3backupconfig' },
    { plan: k3s({}), nodes: ['s1', 's2', 's3'], note: 'K3s servers on their defaults: local snapshots only' },
  ],
  quiet: [
    { plan: downstream(minimumDownstreamNodes(), { etcdSnapshots: { offNode: 's3' } }) },
    { plan: k3s({ offNode: 's3' }) },
    { plan: downstream(minimumDownstreamNodes()), note: 'not stated: nothing to judge' },
    { plan: k3s({ enabled: false }), note: 'snapshots turned off: etcd-snapshots-enabled says so instead' },
  ],
};
