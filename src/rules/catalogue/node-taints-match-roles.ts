// A node's taints and its roles tell the same story: workers without role taints, etcd and
// control-plane-only nodes with them.
import { downstream, minimumDownstreamNodes } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { expectedRoleTaints, keepsWorkloadsOff, parseTaint, ROLE_TAINT_KEYS } from '../taints.ts';
import type { PlanNode } from '../vocabulary.ts';
import { listNames, verb } from '../words.ts';

export const about: RuleAboutEntry = {
  rationale:
    'RKE and Rancher keep ordinary workloads off etcd-only and controlplane-only nodes with a NoExecute or NoSchedule taint, and put no role taint on a node that has the worker role. A worker carrying a role taint takes no ordinary pods, so the cluster has less room than its plan shows (a warning); an etcd-only or controlplane-only node without any such taint lets pods in next to etcd or the API server, which RKE and Rancher would not have allowed (a note: someone removed the taint, or another tool built the node).',
  sources: ['taintsRkeWorkerplane', 'taintsRancherPlanner', 'etcdTaintCombined', 'k3sTaintsFixed', 'rke2Ha'],
};

export const rule = defineRule({
  id: 'node-taints-match-roles',
  severity: 'warning',
  category: 'node-roles',
  title: "A node's taints agree with its roles",
  docs: { page: 'node-roles', heading: 'Taints by role', anchor: 'taints-by-role' },
  check(ctx) {
    for (const { cluster } of ctx.clusters) {
      const blocked: { node: PlanNode; taints: string[] }[] = [];
      const open = new Map<string, PlanNode[]>();
      for (const node of cluster.nodes) {
        if (node.taints === undefined) continue;
        const taints = node.taints.map((t) => ({ text: t, taint: parseTaint(t) }));
        const isWorker = node.roles.includes('worker') || node.roles.includes('agent');
        if (isWorker) {
          const roleTaints = taints
            .filter(({ taint }) => taint !== undefined && ROLE_TAINT_KEYS.has(taint.key) && keepsWorkloadsOff(taint))
            .map(({ text }) => text);
          if (roleTaints.length > 0) blocked.push({ node, taints: roleTaints });
          continue;
        }
        const expected = expectedRoleTaints(cluster.distribution, node.roles);
        if (expected === undefined || expected.length === 0) continue;
        if (taints.some(({ taint }) => taint !== undefined && keepsWorkloadsOff(taint))) continue;
        const key = expected.join(' and ');
        open.set(key, [...(open.get(key) ?? []), node]);
      }
      if (blocked.length > 0) {
        const names = blocked.map((b) => b.node.name);
        const shown = [...new Set(blocked.flatMap((b) => b.taints))].join(', ');
        ctx.report({
          cluster: cluster.name,
          nodes: blocked.map((b) => b.node),
          message: `In cluster "${cluster.name}", ${listNames(names)} ${verb(names.length, 'has', 'have')} the worker role but ${verb(names.length, 'carries', 'carry')} ${shown}, which keeps ordinary workloads off. Remove the taint (kubectl taint nodes <node> <key>-) or take the worker role away, so the plan counts only the workers that exist.`,
        });
      }
      for (const [expected, bare] of open) {
        const names = bare.map((n) => n.name);
        ctx.report({
          cluster: cluster.name,
          nodes: bare,
          severity: 'info',
          message: `In cluster "${cluster.name}", ${listNames(names)} ${verb(names.length, 'runs', 'run')} no worker role but ${verb(names.length, 'carries', 'carry')} no NoSchedule or NoExecute taint, so ordinary pods can land next to etcd or the API server. ${cluster.distribution === 'rke' ? 'RKE' : 'Rancher'} would put ${expected} there; put it back.`,
        });
      }
    }
  },
});

const tainted = (taints: Record<string, string[]>) =>
  downstream(
    minimumDownstreamNodes().map((n) => ({
      ...n,
      taints:
        taints[n.name] ??
        (n.roles?.includes('etcd')
          ? ['node-role.kubernetes.io/etcd=true:NoExecute']
          : n.roles?.includes('controlplane')
            ? ['node-role.kubernetes.io/controlplane=true:NoSchedule']
            : []),
    })),
  );

export const examples: RuleExamples = {
  fires: [
    {
      plan: tainted({ w1: ['node-role.kubernetes.io/controlplane=true:NoSchedule'] }),
      nodes: ['w1'],
      severity: 'warning',
      note: 'a worker with the controlplane taint',
    },
    {
      plan: tainted({ e2: [], e3: ['dedicated=infra:PreferNoSchedule'] }),
      nodes: ['e2', 'e3'],
      severity: 'info',
      note: 'etcd-only nodes without a taint that keeps pods off',
    },
  ],
  quiet: [
    { plan: tainted({}), note: 'the taints RKE puts there' },
    { plan: tainted({ w1: ['dedicated=gpu:NoSchedule'] }), note: 'a taint of your own on a worker is not a role taint' },
    { plan: downstream(), note: 'taints not stated' },
  ],
};
