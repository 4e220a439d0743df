// rke reaches every node over SSH, so every node of an RKE cluster needs an address.
import { downstream, minimumDownstreamNodes } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { listNames, verb } from '../words.ts';

export const about: RuleAboutEntry = {
  rationale: 'rke connects to each node by its address and refuses a node without one; the load-balancer and firewall exports need the addresses too.',
  sources: ['rkeValidation'],
};

export const rule = defineRule({
  id: 'node-address-valid',
  severity: 'error',
  category: 'validity',
  title: 'Every node of an RKE cluster has an address',
  docs: { page: 'rke-cluster', heading: 'What RKE itself requires', anchor: 'what-rke-itself-requires' },
  check(ctx) {
    for (const { cluster } of ctx.clusters) {
      if (cluster.distribution !== 'rke') continue;
      // A node whose address the file leaves to Terraform (addressFrom) has one; the reader says it was not judged.
      // The entries themselves, so a report points at the one without an address even where another shares its name.
      const missing = cluster.nodes.filter((n) => n.address === undefined && n.addressFrom === undefined);
      if (missing.length === 0) continue;
      ctx.report({
        cluster: cluster.name,
        nodes: missing,
        message: `${listNames(missing.map((n) => n.name))} in RKE cluster "${cluster.name}" ${verb(missing.length, 'has', 'have')} no address; rke refuses a node without one. Add the IP address or DNS name rke reaches ${verb(missing.length, 'it', 'them')} by.`,
      });
    }
  },
});

export const examples: RuleExamples = {
  fires: [{ plan: downstream([...minimumDownstreamNodes(), { name: 'w3', roles: ['worker'] }]), nodes: ['w3'] }],
  quiet: [
    { plan: downstream() },
    {
      plan: downstream([...minimumDownstreamNodes(), { name: 'w3', roles: ['worker'], addressFrom: 'aws_instance.worker[2].private_ip' }]),
      note: 'an address only Terraform knows is not a missing one',
    },
    { plan: { clusters: [{ name: 'k', distribution: 'k3s', nodes: [{ name: 's1', roles: ['server'] }] }] }, note: 'not RKE' },
  ],
};
