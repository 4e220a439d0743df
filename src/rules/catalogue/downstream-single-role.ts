// Downstream, a node does one job; above all, workers never share a node with etcd or the control plane.
import { followsRoleLayout } from '../cluster-facts.ts';
import { downstream, minimumDownstreamNodes } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { compareVersions } from '../versions.ts';
import type { PlanNode } from '../vocabulary.ts';
import { listNames, verb } from '../words.ts';

/** The last releases whose architecture page asks for one role per downstream node. */
const ARCHITECTURE_PAGE_UNTIL = '2.12';

export const about: RuleAboutEntry = {
  rationale:
    'On clusters that run apps, separate roles keep busy workloads from starving etcd or the API server as the cluster grows. Every version of the production checklist forbids the worker role beside etcd or controlplane but allows etcd and controlplane together; the architecture page (up to 2.11) asks for one role per node. Up to 2.11 this guide follows the architecture page; from 2.12, where only the checklist is left, etcd with controlplane passes.',
  sources: ['arch24', 'checklist', 'arch212', 'machinePools'],
};

export const rule = defineRule({
  id: 'downstream-single-role',
  severity: 'warning',
  category: 'node-roles',
  title: 'Each node of a downstream cluster has a single role (never worker with etcd or controlplane)',
  docs: { page: 'node-roles', heading: 'One role per node downstream', anchor: 'one-role-per-node-downstream' },
  check(ctx) {
    const pairAllowed = compareVersions(ctx.rancherVersion, ARCHITECTURE_PAGE_UNTIL) >= 0;
    for (const { cluster } of ctx.downstream) {
      if (!followsRoleLayout(cluster, ctx.rancherVersion)) continue;
      const withWorker: PlanNode[] = [];
      const controlPair: PlanNode[] = [];
      for (const n of cluster.nodes) {
        const roles = new Set(n.roles);
        if (roles.size < 2) continue;
        if (roles.has('worker')) withWorker.push(n);
        else if (!pairAllowed) controlPair.push(n);
      }
      if (withWorker.length > 0)
        ctx.report({
          cluster: cluster.name,
          nodes: withWorker,
          message: `${listNames(withWorker.map((n) => n.name))} in downstream cluster "${cluster.name}" ${verb(withWorker.length, 'runs', 'run')} workloads beside etcd or the control plane. Give the worker role to nodes of their own.`,
        });
      if (controlPair.length > 0)
        ctx.report({
          cluster: cluster.name,
          nodes: controlPair,
          message: `${listNames(controlPair.map((n) => n.name))} in downstream cluster "${cluster.name}" ${verb(controlPair.length, 'combines', 'combine')} etcd and controlplane. The architecture recommendations ask for one role per node (the production checklist allows this pair): give etcd and controlplane nodes of their own.`,
        });
    }
  },
});

const pair = () =>
  downstream([
    ...minimumDownstreamNodes().filter((n) => !n.name.startsWith('c')),
    ...[1, 2, 3].map((i) => ({ name: `m${i}`, roles: ['etcd' as const, 'controlplane' as const] })),
  ]);
const at = (version: string, plan = pair()) => ({ ...plan, rancher: { version, install: 'kubernetes' as const } });

export const examples: RuleExamples = {
  fires: [
    { plan: downstream([...minimumDownstreamNodes(), { name: 'mixed', roles: ['controlplane', 'worker'] }]), nodes: ['mixed'] },
    { plan: at('2.11.9'), nodes: ['m1', 'm2', 'm3'], note: 'up to 2.11: etcd with controlplane is reported' },
    {
      plan: at('2.12.0', downstream([...minimumDownstreamNodes(), { name: 'mixed', roles: ['etcd', 'worker'] }])),
      nodes: ['mixed'],
      note: '2.12: a worker beside etcd still is',
    },
    {
      plan: at('2.6.0', {
        clusters: [{ name: 'pools', distribution: 'rke2', nodes: [...minimumDownstreamNodes(), { name: 'all', roles: ['etcd', 'controlplane', 'worker'] }] }],
      }),
      nodes: ['all'],
      note: '2.6: RKE2 machine pools',
    },
  ],
  quiet: [
    { plan: downstream() },
    { plan: at('2.12.0'), note: '2.12: the checklist allows etcd with controlplane' },
    {
      plan: at('2.5.9', {
        clusters: [{ name: 'pools', distribution: 'rke2', nodes: [...minimumDownstreamNodes(), { name: 'all', roles: ['etcd', 'controlplane', 'worker'] }] }],
      }),
      note: 'before 2.6 Rancher did not provision RKE2 machine pools',
    },
  ],
};
