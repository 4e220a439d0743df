// What rke itself would refuse in a cluster.yml, apart from the writer: the checker decides which
// exports to offer on every edit, and this must not pull in the YAML library, which the page loads
// only when a file is first asked for.
import { listNames, verb } from '../words.ts';
import { checkPlan } from '../check.ts';
import type { Plan } from '../vocabulary.ts';

/** The plan rules whose errors mean rke itself would refuse the written file. */
export const RKE_REFUSALS = [
  'rke-each-role',
  'node-roles-present',
  'node-name-dns1123',
  'node-address-valid',
  'plan-node-unique',
  'plan-role-distribution',
] as const;
const RKE_REFUSES = new Set<string>(RKE_REFUSALS);

/** What rke would refuse in a cluster.yml written for this cluster: the messages of those findings. */
export function clusterYmlProblems(cluster: Plan['clusters'][number]): string[] {
  const problems = checkPlan({ clusters: [cluster] })
    .findings.filter((f) => f.severity === 'error' && RKE_REFUSES.has(f.rule))
    .map((f) => f.message);
  // An address only Terraform knows is not missing (no rule reports it), but a cluster.yml must hold the address itself.
  const unresolved = cluster.nodes.filter((n) => n.address === undefined && n.addressFrom !== undefined);
  if (unresolved.length > 0)
    problems.push(
      `${listNames(unresolved.map((n) => `${n.name} (${n.addressFrom ?? ''})`))} ${verb(unresolved.length, 'has an address', 'have addresses')} only Terraform knows; a cluster.yml needs the address itself.`,
    );
  return problems;
}
