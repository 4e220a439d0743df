// The Rancher cluster's nodes against the hardware row the managed scale needs, by version.
import { ALL_ROLES, rancherOn } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { planScale } from '../sizing/plan.ts';
import { compareMachine, describeAsk, describeMachine, describeRow, isShort, sizeFor, type SizingResult } from '../sizing/size.ts';
import { ERA_LABEL } from '../sizing/tables.ts';
import { DISTRIBUTION_LABEL, type PlanInput } from '../vocabulary.ts';
import { plural } from '../words.ts';

function replacedBy(sizing: SizingResult): string {
  const revised = sizing.revised;
  if (!revised) return '';
  const judged = sizing.table.laterJudgedTooOptimistic ? 'Rancher later judged that table too optimistic' : 'Rancher replaced that table';
  if (!revised.row) return ` ${judged}; its October 2023 revision stops below this scale and asks you to contact Rancher.`;
  return ` ${judged}; its October 2023 revision asks for ${describeAsk(revised.row)} at this scale.`;
}

export const about: RuleAboutEntry = {
  rationale:
    'Rancher prints, per version and distribution, the vCPUs and memory each node of its cluster needs for a number of downstream clusters and nodes. A node below its row runs out of room as the fleet grows; past the largest row the tables stop and Rancher asks to be consulted. Nodes without cpu or memoryGiB in the plan are not judged.',
  sources: ['requirements24', 'requirementsLatest', 'scale', 'tablesTooOptimistic'],
};

export const rule = defineRule({
  id: 'rancher-node-size',
  severity: 'warning',
  category: 'sizing',
  title: 'Rancher server nodes meet the hardware row for the clusters and nodes they manage',
  docs: { page: 'sizing', heading: 'Rancher server nodes by scale', anchor: 'rancher-server-nodes-by-scale' },
  versions: { since: '2.0' },
  check(ctx) {
    const r = ctx.rancher;
    if (!r) return;
    const scale = planScale(ctx.plan);
    const sizing = sizeFor({ version: ctx.rancherVersion, target: r.cluster.distribution, ...scale });
    const where = `${plural(scale.clusters, 'downstream cluster')} with ${plural(scale.nodes, 'node')}`;
    const table = `the ${DISTRIBUTION_LABEL[r.cluster.distribution]} table for Rancher ${ctx.rancherVersion} (${ERA_LABEL[sizing.era]})`;
    const row = sizing.row;
    if (!row) {
      const stop = sizing.table.contactStated
        ? 'The table sends anything larger to Rancher for advice'
        : 'The table stops there; rather than extrapolating, ask Rancher (SUSE) for sizing';
      const revised = sizing.revised?.row ? ` The October 2023 revision covers this scale with ${describeAsk(sizing.revised.row)} per node.` : '';
      ctx.report({
        cluster: r.cluster.name,
        message: `The plan manages ${where}, past the largest row of ${table}: ${describeRow(sizing.largest)}. ${stop}.${revised}`,
      });
      return;
    }
    for (const node of r.cluster.nodes) {
      const short = compareMachine(node, row);
      if (short === undefined) continue;
      const has = describeMachine(node);
      if (isShort(short)) {
        ctx.report({
          cluster: r.cluster.name,
          nodes: [node],
          message: `Node "${node.name}" of the Rancher cluster "${r.cluster.name}" has ${has}; for ${where}, ${table} asks for ${describeAsk(row)} per node (${describeRow(row)}).${replacedBy(sizing)}`,
        });
        continue;
      }
      const revised = sizing.revised?.row;
      if (revised && isShort(compareMachine(node, revised)))
        ctx.report({
          cluster: r.cluster.name,
          nodes: [node],
          severity: 'info',
          message: `Node "${node.name}" of the Rancher cluster "${r.cluster.name}" has ${has}, enough for the ${row.size} row of ${table}.${replacedBy(sizing)}`,
        });
    }
  },
});

type Machine = { name: string; address?: string; roles: ('etcd' | 'controlplane' | 'worker' | 'server')[]; cpu?: number; memoryGiB?: number };

const sized = (cpu: number, memoryGiB: number, count = 3, first = 1): Machine[] =>
  Array.from({ length: count }, (_, i) => ({ name: `r${first + i}`, address: `10.0.0.${first + i}`, roles: [...ALL_ROLES], cpu, memoryGiB }));

/** Rancher on `distribution` at `version`, managing `clusters` downstream clusters of `nodesEach` workers. */
function fleet(version: string, distribution: 'rke' | 'rke2' | 'k3s', machines: Machine[], clusters: number, nodesEach = 1): PlanInput {
  const rancherNodes = distribution === 'rke' ? machines : machines.map((m) => ({ ...m, roles: ['server' as const] }));
  const downstream = Array.from({ length: clusters }, (_, i) => ({
    name: `d${i + 1}`,
    distribution: 'rke' as const,
    nodes: Array.from({ length: nodesEach }, (_, j) => ({ name: `w${j + 1}`, roles: ['worker' as const] })),
  }));
  return rancherOn({ name: 'rancher', distribution, nodes: rancherNodes, loadBalancer: { targets: rancherNodes.map((n) => n.name) } }, version, downstream);
}

export const examples: RuleExamples = {
  fires: [
    { plan: fleet('2.8.3', 'rke2', [...sized(4, 16, 2), ...sized(2, 8, 1, 3)], 2), nodes: ['r3'], note: 'one node below the Small row of the current table' },
    { plan: fleet('2.3.9', 'rke', sized(2, 8), 6), nodes: ['r1'], severity: 'warning', note: 'before 2.4, six clusters need the Medium row' },
    { plan: fleet('2.4.0', 'rke', sized(2, 8), 151), severity: 'warning', note: '151 clusters need the Medium row' },
    { plan: fleet('2.4.8', 'rke', sized(2, 8), 1, 1501), severity: 'warning', note: '1,501 nodes need the Medium row' },
    { plan: fleet('2.5.8', 'k3s', sized(2, 8), 3), severity: 'info', note: 'meets the 2.5 table, below the October 2023 revision' },
    { plan: fleet('2.6.0', 'k3s', sized(2, 8), 3), severity: 'warning', note: 'from 2.6 the revised table applies' },
    { plan: fleet('2.5.6', 'rke2', sized(8, 32), 16), severity: 'warning', note: 'past the 2.5 RKE2 table (15 clusters)' },
    { plan: fleet('2.3.9', 'rke', [{ name: 'r1', roles: [...ALL_ROLES] }], 101), severity: 'warning', note: 'past the table before 2.4, even without figures' },
  ],
  quiet: [
    { plan: fleet('2.8.3', 'rke2', sized(4, 16), 2) },
    { plan: fleet('2.8.3', 'rke2', [{ name: 'r1', roles: ['server'] }], 2), note: 'no cpu or memory given: not judged' },
    { plan: fleet('2.3.9', 'rke', sized(2, 8), 5), note: 'five clusters fit the Small row before 2.4' },
    { plan: fleet('2.4.0', 'rke', sized(4, 16), 6), note: 'from 2.4 six clusters fit the Small row' },
    { plan: fleet('2.4.0', 'rke', sized(4, 16), 150), note: '150 clusters still fit the Small row' },
    { plan: fleet('2.4.8', 'rke', sized(4, 16), 1, 1500), note: '1,500 nodes still fit the Small row' },
    { plan: fleet('2.5.6', 'rke2', sized(8, 32), 15), note: '15 clusters: the Medium row of the 2.5 RKE2 table' },
    { plan: fleet('2.3.9', 'rke', [{ name: 'r1', roles: [...ALL_ROLES] }], 100), note: '100 clusters: the largest row before 2.4' },
  ],
};
