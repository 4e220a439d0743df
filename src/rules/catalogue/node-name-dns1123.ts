// Node names become hostnames and Kubernetes node names, which are DNS-1123 subdomains.
import { downstream, minimumDownstreamNodes } from '../example-plans.ts';
import { isDns1123Subdomain } from '../identifiers.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { listNames, verb } from '../words.ts';

export const about: RuleAboutEntry = {
  rationale:
    'A node name is the hostname rke gives the node (hostname_override, else the address, lower-cased) and its Kubernetes node name; rke and Kubernetes refuse anything that is not a DNS-1123 subdomain once lower-cased, such as a name with "_" or a label longer than 63 characters.',
  sources: ['rkeValidation'],
};

export const rule = defineRule({
  id: 'node-name-dns1123',
  severity: 'error',
  category: 'validity',
  title: 'Node names are valid DNS-1123 hostnames (letters, digits, "-" and ".")',
  docs: { page: 'rke-cluster', heading: 'What RKE itself requires', anchor: 'what-rke-itself-requires' },
  check(ctx) {
    for (const { cluster } of ctx.clusters) {
      // rke and K3s lower-case the name first, so upper case alone is not a problem.
      // The finding is about the name, so every entry bearing a bad name is one of these.
      const bad = cluster.nodes.filter((n) => !isDns1123Subdomain(n.name.toLowerCase()));
      if (bad.length === 0) continue;
      const who = cluster.distribution === 'rke' ? 'rke refuses' : 'Kubernetes refuses';
      ctx.report({
        cluster: cluster.name,
        nodes: bad,
        message: `${listNames(bad.map((b) => `"${b.name}"`))} in cluster "${cluster.name}" ${verb(bad.length, 'is not a valid hostname', 'are not valid hostnames')}, which ${who}. Use letters, digits, "-" and "." (in a cluster.yml, set hostname_override when the address does not qualify).`,
      });
    }
  },
});

export const examples: RuleExamples = {
  fires: [
    { plan: downstream([...minimumDownstreamNodes(), { name: 'Worker_3', address: '10.1.0.23', roles: ['worker'] }]), nodes: ['Worker_3'] },
    {
      text: 'nodes:\n  - address: node_1.lab.example\n    user: rke\n    role: [etcd, controlplane, worker]\n',
      nodes: ['node_1.lab.example'],
      note: 'defaulted from the address',
    },
  ],
  quiet: [{ plan: downstream() }],
};
