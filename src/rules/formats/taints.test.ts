// Node taints as the readers take them (kubectl's spec.taints, node-taint in K3s and RKE2 config
// files, a plan's key[=value]:Effect) and what rule node-taints-match-roles says of them.
import { expect, it } from 'vitest';
import { checkPlan } from '../check.ts';
import { readFixture } from '../testing/fixtures.ts';
import { readInput } from './read.ts';

const taintFindings = (plan: Parameters<typeof checkPlan>[0]) =>
  checkPlan(plan)
    .findings.filter((f) => f.rule === 'node-taints-match-roles')
    .map((f) => `${f.severity}:${f.nodes?.join(',')}`);

it('kubectl: spec.taints as key[=value]:Effect, an empty value written without =, none as []', () => {
  const r = readFixture('kubectl-nodes-rke2-taints.json');
  expect(r.plan.clusters[0]!.nodes.map((n) => `${n.name}:${n.roles.join('+')}:${n.taints?.join(' ')}`)).toEqual([
    'srv-1:server:CriticalAddonsOnly=true:NoExecute',
    'agent-1:agent:node-role.kubernetes.io/control-plane:NoSchedule',
    'agent-2:agent:dedicated=gpu:NoSchedule node.kubernetes.io/unschedulable:NoSchedule',
    'agent-3:agent:',
  ]);
  // The agent with the control-plane taint takes no ordinary pods; a taint of one's own and a cordon are not role taints.
  expect(taintFindings(r.plan)).toEqual(['warning:agent-1']);
});

it('kubectl on RKE: etcd+controlplane nodes whose taints were removed are noted; the tainted one is not', () => {
  const r = readFixture('kubectl-nodes-rke-labels.json');
  expect(r.plan.clusters[0]!.nodes[0]!.taints).toEqual(['node-role.kubernetes.io/controlplane=true:NoSchedule', 'node-role.kubernetes.io/etcd=true:NoExecute']);
  expect(taintFindings(r.plan)).toEqual(['info:rke-cp-2,rke-cp-3']);
});

it("K3s and RKE2 config: node-taint is the node's taints; an agent kept free of workloads is a contradiction", () => {
  expect(readFixture('k3s-server-taint-comments.config.yaml').plan.clusters[0]!.nodes[0]!.taints).toEqual(['CriticalAddonsOnly=true:NoExecute']);
  const agent = readInput('server: https://192.0.2.10:9345\ntoken: x\nnode-taint: ["node-role.kubernetes.io/control-plane:NoSchedule"]\n', {
    filename: 'a.yaml',
  });
  expect(taintFindings(agent)).toEqual(['warning:agent-1']);
  expect(() => readInput('cni: canal\nnode-taint: [CriticalAddonsOnly]\n', { filename: 'c.yaml' })).toThrow(/node-taint/);
});

it('a plan taint that is not key[=value]:Effect is refused', () => {
  const plan = 'clusters:\n  - name: a\n    nodes:\n      - name: n1\n        roles: [worker]\n        taints: ["gpu:Sometimes"]\n';
  expect(() => readInput(plan, { filename: 'p.yaml' })).toThrow(/taint/);
});
