// Problems the rke tool itself would refuse in a cluster.yml. A plan cannot carry them (an unknown
// role has no place in the schema), so the cluster.yml reader reports them while reading; this
// module gives them a catalogue entry so `rancher-arch explain` and the docs link work.
import { RULE_DOCS } from '../docs-links.ts';
import type { Rule } from '../rule.ts';

export const rkeConfigValid: Rule = {
  id: 'rke-config-valid',
  severity: 'error',
  title: 'A cluster.yml passes the checks the rke tool itself makes (reported while reading a cluster.yml)',
  docs: RULE_DOCS['rke-config-valid'],
  rationale: 'rke stops before touching any host when a node has no address or user, an empty or unknown role, a hostname_override that is not a DNS-1123 name, or a duplicate address or hostname.',
  check() {
    // Reported by the cluster.yml reader, not from a plan.
  },
};
