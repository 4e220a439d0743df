// An even etcd member count buys no extra fault tolerance.
import { downstream, minimumDownstreamNodes, nodes } from '../example-plans.ts';
import { etcdQuorum, failuresTolerated } from '../quorum.ts';
import { isEtcdMember, usesServerRoles } from '../cluster-facts.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { plural } from '../words.ts';

export const about: RuleAboutEntry = {
  rationale:
    "Quorum is floor(n/2)+1, so an even count tolerates no more failures than the odd count below it while adding one more machine that can fail. On RKE this is advice; K3s' and RKE2's HA pages make an odd number of embedded-etcd servers a requirement (K3s warns that an even number can split the cluster), so there it is an error.",
  sources: ['k3sEmbeddedEtcd', 'rke2Ha'],
};

export const rule = defineRule({
  id: 'etcd-odd-members',
  severity: 'warning',
  category: 'etcd',
  title: 'etcd has an odd number of members',
  docs: { page: 'node-roles', heading: 'Odd etcd member counts', anchor: 'odd-etcd-member-counts' },
  check(ctx) {
    for (const { cluster, etcdMembers: n } of ctx.clusters) {
      if (n < 2 || n % 2 !== 0) continue;
      ctx.report({
        cluster: cluster.name,
        // The members themselves, so a report points at the pool or nodes that make the count.
        nodes: cluster.nodes.filter((node) => isEtcdMember(cluster, node)),
        // Stated by K3s and RKE2 for their servers; advice for RKE's etcd role.
        severity: usesServerRoles(cluster) ? 'error' : 'warning',
        message: `Cluster "${cluster.name}" has ${n} etcd members: quorum is ${etcdQuorum(n)}, so it survives ${plural(failuresTolerated(n), 'failure')}, the same as ${plural(n - 1, 'member')}. Go to ${n + 1} members (or back to ${n - 1}).`,
      });
    }
  },
});

const k3s = (datastore: 'embedded' | 'external') => ({ clusters: [{ name: 'k', distribution: 'k3s' as const, datastore, nodes: nodes('s', 2, ['server']) }] });

export const examples: RuleExamples = {
  fires: [
    { plan: downstream([...minimumDownstreamNodes(), { name: 'e4', roles: ['etcd'] }]), severity: 'warning', note: 'RKE: advice' },
    { plan: k3s('embedded'), severity: 'error', note: 'K3s servers on embedded etcd are members, and K3s requires an odd number' },
  ],
  quiet: [
    { plan: downstream([...minimumDownstreamNodes(), { name: 'e4', roles: ['etcd'] }, { name: 'e5', roles: ['etcd'] }]) },
    { plan: k3s('external'), note: 'servers on an external datastore hold no etcd member' },
  ],
};
