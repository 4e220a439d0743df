// What the rke tool refuses in a cluster.yml and a plan cannot hold (no user, a role rke does not
// know). The cluster.yml reader reports it while reading; this module describes it.
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';

export const about: RuleAboutEntry = {
  rationale:
    'rke stops before touching any host when a node has no address or user, an empty or unknown role, a hostname that is not a DNS-1123 name, or a duplicate address or hostname.',
};

export const rule = defineRule({
  id: 'rke-config-valid',
  severity: 'error',
  category: 'validity',
  title: 'A cluster.yml passes the checks the rke tool itself makes',
  docs: { page: 'rke-cluster', heading: 'What RKE itself requires', anchor: 'what-rke-itself-requires' },
  readBy: 'the RKE cluster.yml reader',
});

export const examples: RuleExamples = {
  fires: [
    { text: 'nodes:\n  - address: 192.0.2.1\n    role: [etcd, controlplane, worker]\n', nodes: ['192.0.2.1'], note: 'no user' },
    { text: 'nodes:\n  - address: 192.0.2.1\n    user: rke\n    role: [etcd, controlplane, master]\n', nodes: ['192.0.2.1'], note: 'unknown role' },
  ],
  quiet: [{ text: 'nodes:\n  - address: 192.0.2.1\n    user: rke\n    role: [etcd, controlplane, worker]\n' }],
};
