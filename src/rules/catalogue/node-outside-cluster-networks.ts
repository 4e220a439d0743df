// A node whose own address lies inside its cluster's pod or service network cannot be reached
// reliably: the CNI routes the pod range between nodes, and kube-proxy claims the service range.
import { nodesInsideClusterNetworks } from '../cluster-networks.ts';
import { downstream, minimumDownstreamNodes } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { DISTRIBUTION_LABEL } from '../vocabulary.ts';
import { listNames, verb } from '../words.ts';

const RANGE_WORDS = { pod: 'pod network (cluster-cidr)', service: 'service network (service-cidr)' } as const;

export const about: RuleAboutEntry = {
  rationale:
    'The pod network is routed between the nodes by the network plugin and the service network is answered by kube-proxy on every node, so a node whose own address falls in either range is shadowed: traffic meant for it goes to pods or services instead. The firewall exports would also let the whole pod range in on every port of such a node. RKE, RKE2 and K3s use 10.42.0.0/16 for pods and 10.43.0.0/16 for services unless the cluster file sets other ranges.',
  sources: ['rkeDefaults', 'rke2ServerConfig', 'k3sServerConfig', 'kubeServiceIps'],
};

export const rule = defineRule({
  id: 'node-outside-cluster-networks',
  severity: 'error',
  category: 'validity',
  title: "Node addresses lie outside the cluster's pod and service networks",
  docs: { page: 'cluster-networks', heading: 'Keep node addresses out of both ranges', anchor: 'keep-node-addresses-out-of-both-ranges' },
  check(ctx) {
    for (const { cluster } of ctx.clusters) {
      const inside = nodesInsideClusterNetworks(cluster);
      for (const network of ['pod', 'service'] as const) {
        const hits = inside.filter((n) => n.network === network);
        const first = hits[0];
        if (first === undefined) continue;
        const cidrs = [...new Set(hits.map((n) => n.cidr))].join(' and ');
        const range = first.defaulted
          ? `${DISTRIBUTION_LABEL[cluster.distribution]}'s default ${RANGE_WORDS[network]}, ${cidrs} (the plan sets none)`
          : `the ${RANGE_WORDS[network]} ${cidrs}`;
        ctx.report({
          cluster: cluster.name,
          nodes: hits.map((n) => n.node),
          message: `${listNames(hits.map((n) => `${n.node.name} (${n.address})`))} in cluster "${cluster.name}" ${verb(hits.length, 'lies', 'lie')} inside ${range}. Choose a ${network === 'pod' ? 'cluster-cidr' : 'service-cidr'} that no node address falls in, before the cluster is built: it cannot be changed afterwards.`,
        });
      }
    }
  },
});

export const examples: RuleExamples = {
  fires: [
    {
      plan: downstream(minimumDownstreamNodes().map((n, i) => ({ ...n, address: `10.43.0.${i + 1}` }))),
      nodes: ['e1', 'e2', 'e3', 'c1', 'c2', 'w1', 'w2'],
      note: "every node inside RKE's default service network",
    },
    {
      plan: downstream(minimumDownstreamNodes(), { podCidrs: ['10.1.0.0/16'] }),
      nodes: ['e1', 'e2', 'e3', 'c1', 'c2', 'w1', 'w2'],
      note: 'a stated pod network that holds the nodes',
    },
  ],
  quiet: [
    { plan: downstream(), note: '10.1.0.x is outside 10.42.0.0/16 and 10.43.0.0/16' },
    {
      plan: downstream(
        minimumDownstreamNodes().map((n, i) => ({ ...n, address: `10.43.0.${i + 1}` })),
        { podCidrs: ['172.16.0.0/16'], serviceCidrs: ['172.17.0.0/16'] },
      ),
      note: 'ranges moved off the nodes',
    },
    {
      plan: { clusters: [{ name: 'eks', distribution: 'eks', nodes: [{ name: 'n1', address: '10.42.0.5', roles: ['worker'] }] }] },
      note: 'EKS: the plan does not know its ranges',
    },
  ],
};
