// K3s and RKE2 nodes join through one address; when that is one server's own, that server carries every join.
import { isControlPlane, isEtcdMember, resolveTarget, usesServerRoles } from '../cluster-facts.ts';
import { nodes } from '../example-plans.ts';
import { parseRegistrationUrl } from '../identifiers.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import type { PlanInput } from '../vocabulary.ts';

export const about: RuleAboutEntry = {
  rationale:
    "A joining K3s or RKE2 node contacts the address in its server: setting first. RKE2's HA guide asks for a fixed registration address in front of the servers (a layer-4 load balancer, round-robin DNS or a virtual IP); when every joiner names one server's own address instead, that server going down stops every node from joining or being replaced, however many servers the cluster has.",
  sources: ['rke2Ha', 'k3sEmbeddedEtcd', 'k3sMultipleServers'],
};

export const rule = defineRule({
  id: 'registration-address-fixed',
  severity: 'warning',
  category: 'load-balancer',
  title: 'K3s and RKE2 nodes join through an address that outlives any one server',
  docs: { page: 'load-balancer', heading: 'The fixed registration address', anchor: 'the-fixed-registration-address' },
  check(ctx) {
    for (const { cluster } of ctx.clusters) {
      if (!usesServerRoles(cluster)) continue;
      const servers = cluster.nodes.filter((n) => isControlPlane(cluster, n) || isEtcdMember(cluster, n));
      if (servers.length < 3) continue;
      const hosts = new Set(
        cluster.nodes.flatMap((n) => {
          const host = n.server === undefined ? undefined : parseRegistrationUrl(n.server)?.host.toLowerCase();
          return host === undefined ? [] : [host];
        }),
      );
      if (hosts.size !== 1) continue;
      const host = [...hosts][0] as string;
      if (cluster.loadBalancer?.address?.toLowerCase() === host) continue;
      const target = resolveTarget(cluster, host);
      if (target === undefined || !servers.includes(target)) continue;
      ctx.report({
        cluster: cluster.name,
        nodes: [target],
        message: `Every node of cluster "${cluster.name}" that names a server joins through "${target.name}" (${host}), one of its ${servers.length} servers: while it is down, no node can join or be replaced. Give the servers a fixed registration address (a layer-4 load balancer, a DNS name or a virtual IP in front of all of them), point server: there and add it to tls-san.`,
      });
    }
  },
});

/** Three servers and two agents; every node after the first joins through `via`. */
const cluster = (distribution: 'k3s' | 'rke2', via: string, loadBalancer?: { address: string; targets: string[] }): PlanInput => {
  const port = distribution === 'rke2' ? 9345 : 6443;
  const all = [...nodes('s', 3, ['server'], '192.0.2.'), ...nodes('a', 2, ['agent'], '192.0.2.10')];
  return {
    clusters: [
      {
        name: 'edge',
        distribution,
        datastore: 'embedded',
        nodes: all.map((n, i) => (i === 0 ? n : { ...n, server: `https://${via}:${port}` })),
        ...(loadBalancer ? { loadBalancer } : {}),
      },
    ],
  };
};

export const examples: RuleExamples = {
  fires: [
    { plan: cluster('rke2', '192.0.2.1'), nodes: ['s1'], note: "every joiner names the first server's address" },
    { plan: cluster('k3s', 's1'), nodes: ['s1'], note: 'by node name' },
  ],
  quiet: [
    { plan: cluster('rke2', 'rke2.example.com'), note: 'a DNS name that is no node: the fixed address' },
    { plan: cluster('rke2', '192.0.2.50', { address: '192.0.2.50', targets: ['s1', 's2', 's3'] }), note: 'the load balancer' },
    {
      plan: {
        clusters: [
          {
            name: 'small',
            distribution: 'k3s',
            datastore: 'embedded',
            nodes: [
              { name: 's1', address: '192.0.2.1', roles: ['server'] },
              { name: 'a1', address: '192.0.2.9', roles: ['agent'], server: 'https://192.0.2.1:6443' },
            ],
          },
        ],
      },
      note: 'a single server: there is nothing else to join through',
    },
  ],
};
