// Roles per node: what RKE needs at minimum, and the layout suggested for downstream clusters.
import { RULE_DOCS } from '../docs-links.ts';
import { RKE_ROLES } from '../vocabulary.ts';
import { etcdQuorum, failuresTolerated } from '../quorum.ts';
import { listNames, plural, type Rule } from '../rule.ts';

export const rkeEachRole: Rule = {
  id: 'rke-each-role',
  severity: 'error',
  title: 'An RKE cluster has at least one node with each of etcd, controlplane and worker',
  docs: RULE_DOCS['rke-each-role'],
  rationale: 'RKE will not build a cluster without an etcd node (unless etcd is external), and a cluster without a controlplane or a worker cannot run anything.',
  check(ctx) {
    for (const { cluster, roles } of ctx.clusters) {
      if (cluster.distribution !== 'rke') continue;
      const external = cluster.datastore === 'external';
      for (const role of RKE_ROLES) {
        if ((roles[role] ?? 0) > 0) {
          if (role === 'etcd' && external)
            ctx.report({
              cluster: cluster.name,
              nodes: cluster.nodes.filter((n) => n.roles.includes('etcd')).map((n) => n.name),
              message: `Cluster "${cluster.name}" uses external etcd and also has etcd nodes; RKE refuses that mix. Drop the etcd role or the external datastore.`,
            });
          continue;
        }
        if (role === 'etcd' && external) continue;
        ctx.report({
          cluster: cluster.name,
          message: `RKE cluster "${cluster.name}" has no node with the ${role} role. Give at least one node the ${role} role.`,
        });
      }
    }
  },
};

export const etcdOddMembers: Rule = {
  id: 'etcd-odd-members',
  severity: 'warning',
  title: 'etcd has an odd number of members',
  docs: RULE_DOCS['etcd-odd-members'],
  rationale: 'Quorum is floor(n/2)+1, so an even count tolerates no more failures than the odd count below it while adding one more machine that can fail.',
  check(ctx) {
    for (const { cluster, etcdMembers: n } of ctx.clusters) {
      if (n < 2 || n % 2 !== 0) continue;
      ctx.report({
        cluster: cluster.name,
        message: `Cluster "${cluster.name}" has ${n} etcd members: quorum is ${etcdQuorum(n)}, so it survives ${plural(failuresTolerated(n), 'failure')}, the same as ${plural(n - 1, 'member')}. Go to ${n + 1} members (or back to ${n - 1}).`,
      });
    }
  },
};

export const etcdMaxMembers: Rule = {
  id: 'etcd-max-members',
  severity: 'warning',
  title: 'etcd has no more than seven members',
  docs: RULE_DOCS['etcd-max-members'],
  rationale: 'Every write must reach a quorum, so each extra member slows writes; about seven is the practical ceiling and five suits most clusters.',
  check(ctx) {
    for (const { cluster, etcdMembers: n } of ctx.clusters) {
      if (n <= 7) continue;
      ctx.report({
        cluster: cluster.name,
        message: `Cluster "${cluster.name}" has ${n} etcd members. Beyond seven, writes get slower without a useful gain in safety; five is enough for most clusters.`,
      });
    }
  },
};

export const downstreamSingleRole: Rule = {
  id: 'downstream-single-role',
  severity: 'warning',
  title: 'Each node of a downstream RKE cluster has a single role',
  docs: RULE_DOCS['downstream-single-role'],
  rationale: 'On clusters that run apps, separate roles keep busy workloads from starving etcd or the API server as the cluster grows.',
  check(ctx) {
    for (const { cluster } of ctx.downstream) {
      if (cluster.distribution !== 'rke') continue;
      const mixed = cluster.nodes.filter((n) => new Set(n.roles).size > 1).map((n) => n.name);
      if (mixed.length === 0) continue;
      ctx.report({
        cluster: cluster.name,
        nodes: mixed,
        message: `${listNames(mixed)} in downstream cluster "${cluster.name}" ${mixed.length === 1 ? 'combines' : 'combine'} roles. Give each node just one of etcd, controlplane or worker.`,
      });
    }
  },
};

export const downstreamThreeEtcd: Rule = {
  id: 'downstream-three-etcd',
  severity: 'warning',
  title: 'A downstream RKE cluster has at least three etcd nodes',
  docs: RULE_DOCS['downstream-three-etcd'],
  rationale: 'Three etcd members keep quorum when one is lost; with one or two, any single loss stops the cluster from accepting changes.',
  check(ctx) {
    for (const { cluster, roles } of ctx.downstream) {
      if (cluster.distribution !== 'rke' || cluster.datastore === 'external') continue;
      const n = roles.etcd ?? 0;
      if (n >= 3 || n === 0) continue; // none at all is rke-each-role's error
      ctx.report({
        cluster: cluster.name,
        message: `Downstream cluster "${cluster.name}" has ${plural(n, 'etcd node')}, so losing one stops it. Use at least three etcd-only nodes.`,
      });
    }
  },
};

export const downstreamTwoControlplane: Rule = {
  id: 'downstream-two-controlplane',
  severity: 'warning',
  title: 'A downstream RKE cluster has at least two controlplane nodes',
  docs: RULE_DOCS['downstream-two-controlplane'],
  rationale: 'With two controlplane nodes the API server and controllers keep running when one of them fails.',
  check(ctx) {
    for (const { cluster, roles } of ctx.downstream) {
      if (cluster.distribution !== 'rke') continue;
      const n = roles.controlplane ?? 0;
      if (n !== 1) continue; // none at all is rke-each-role's error
      ctx.report({
        cluster: cluster.name,
        message: `Downstream cluster "${cluster.name}" has one controlplane node, so its API goes away with that node. Add a second controlplane-only node.`,
      });
    }
  },
};
