// Roles and datastores that the cluster's distribution can actually have.
import { usesServerRoles } from '../cluster-facts.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { DISTRIBUTION_LABEL } from '../vocabulary.ts';
import { listNames, verb } from '../words.ts';

export const about: RuleAboutEntry = {
  rationale:
    'RKE assigns the three Kubernetes roles per node; K3s and RKE2 installs are described by servers and agents (or by Rancher machine pools with the three roles). A server on RKE, or SQLite on anything but K3s, describes something that cannot be built.',
};

export const rule = defineRule({
  id: 'plan-role-distribution',
  severity: 'error',
  category: 'plan',
  title: 'Node roles match the distribution (etcd/controlplane/worker everywhere, server/agent only on K3s and RKE2)',
  docs: { page: 'plan-format', heading: 'Node names and addresses', anchor: 'node-names-and-addresses' },
  check(ctx) {
    for (const { cluster } of ctx.clusters) {
      const label = DISTRIBUTION_LABEL[cluster.distribution];
      if (!usesServerRoles(cluster)) {
        const wrong = cluster.nodes.filter((n) => n.roles.some((r) => r === 'server' || r === 'agent'));
        if (wrong.length > 0)
          ctx.report({
            cluster: cluster.name,
            nodes: wrong,
            message: `Cluster "${cluster.name}" is ${label}, but ${listNames(wrong.map((n) => n.name))} ${verb(wrong.length, 'has', 'have')} the role server or agent, which only K3s and RKE2 use. Use etcd, controlplane and worker here.`,
          });
      } else {
        // A node is described one way or the other: mixing server/agent with the three roles is ambiguous.
        const mixed = cluster.nodes.filter(
          (n) => n.roles.some((r) => r === 'server' || r === 'agent') && n.roles.some((r) => r === 'etcd' || r === 'controlplane' || r === 'worker'),
        );
        const both = cluster.nodes.filter((n) => n.roles.includes('server') && n.roles.includes('agent'));
        const odd = [...new Set([...mixed, ...both])];
        if (odd.length > 0)
          ctx.report({
            cluster: cluster.name,
            nodes: odd,
            message: `${listNames(odd.map((n) => n.name))} in ${label} cluster "${cluster.name}" ${verb(odd.length, 'mixes', 'mix')} the two ways of describing a node. Give each node either server or agent (a standalone install), or etcd, controlplane and worker (Rancher machine pools).`,
          });
      }
      if (cluster.datastore === 'sqlite' && cluster.distribution !== 'k3s')
        ctx.report({
          cluster: cluster.name,
          message: `Cluster "${cluster.name}" is ${label}, but only K3s keeps its data in SQLite. Use embedded (etcd) or external.`,
        });
    }
  },
});

const k3s = (roles: string[][], datastore = 'external') => ({
  clusters: [
    { name: 'k', distribution: 'k3s' as const, datastore: datastore as 'external', nodes: roles.map((r, i) => ({ name: `n${i + 1}`, roles: r as never })) },
  ],
});

export const examples: RuleExamples = {
  fires: [
    { plan: { clusters: [{ name: 'r', distribution: 'rke', nodes: [{ name: 'n1', roles: ['server'] }] }] }, nodes: ['n1'] },
    { plan: k3s([['server'], ['server', 'worker']]), nodes: ['n2'] },
    { plan: { clusters: [{ name: 'r', distribution: 'rke2', datastore: 'sqlite', nodes: [{ name: 'n1', roles: ['server'] }] }] } },
  ],
  quiet: [
    { plan: k3s([['server'], ['agent']]) },
    { plan: k3s([['etcd'], ['controlplane'], ['worker']], 'embedded'), note: 'machine pools on K3s' },
    { plan: k3s([['server']], 'sqlite') },
  ],
};
