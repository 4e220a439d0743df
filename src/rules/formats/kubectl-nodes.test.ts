// `kubectl get nodes` output (NodeList, List, a single Node, a bare array) read from the fixtures:
// the distribution and hosting told by the nodes, roles from labels and taints.
import { expect, it } from 'vitest';
import { checkPlan } from '../check.ts';
import { nodesOf, readFixture } from '../testing/fixtures.ts';

it('kubectl NodeList from K3s: one server without an etcd label keeps its data in SQLite, not etcd', () => {
  const r = readFixture('kubectl-nodes-k3s-single-server.json');
  expect(r.format).toBe('kubectl-nodes');
  expect(r.plan.clusters[0]).toMatchObject({ name: 'cluster', distribution: 'k3s', datastore: 'sqlite' });
  expect(checkPlan(r.plan).clusters[0]).toMatchObject({ etcdMembers: 0, quorum: 0 });
  expect(r.plan.clusters[0]!.hosting).toBeUndefined(); // k3s:// is no cloud
  expect(r.plan.clusters[0]!.nodes).toEqual([{ name: 'k3s-solo', address: '192.0.2.41', roles: ['server'], taints: [] }]);
});

it('kubectl List YAML from RKE2: a server (etcd label) and an agent', () => {
  const r = readFixture('kubectl-nodes-rke2-list.yaml');
  expect(r.format).toBe('kubectl-nodes');
  expect(r.plan.clusters[0]).toMatchObject({ distribution: 'rke2', datastore: 'embedded' });
  expect(r.plan.clusters[0]!.nodes.map((n) => [n.name, n.roles])).toEqual([
    ['rke2-server-1', ['server']],
    ['rke2-agent-1', ['agent']],
  ]);
});

it('kubectl NodeList with RKE role labels', () => {
  const r = readFixture('kubectl-nodes-rke-labels.json');
  expect(r.plan.clusters[0]!.distribution).toBe('rke');
  expect(r.plan.clusters[0]!.datastore).toBeUndefined();
  expect(nodesOf('kubectl-nodes-rke-labels.json')).toEqual(
    ['rke-cp-1', 'rke-cp-2', 'rke-cp-3'].map((n) => `${n}:etcd+controlplane`).concat('rke-worker-1:worker'),
  );
});

it('kubectl NodeList from kubeadm: a tainted master and workers without role labels', () => {
  const r = readFixture('kubectl-nodes-kubeadm.json');
  expect(r.plan.clusters[0]).toMatchObject({ distribution: 'other' });
  expect(r.plan.clusters[0]!.hosting).toBeUndefined();
  expect(nodesOf('kubectl-nodes-kubeadm.json')).toEqual(['kadm-master:controlplane', 'kadm-worker1:worker', 'kadm-worker2:worker']);
});

it('kubectl List JSON from EKS: told by the -eks- kubelet', () => {
  const r = readFixture('kubectl-nodes-eks-list.json');
  expect(r.plan.clusters[0]!.distribution).toBe('eks');
  expect(r.plan.clusters[0]!.nodes.map((n) => n.address)).toEqual(['192.0.2.10', '192.0.2.47']);
  // Managed nodes are workers; aws:/// says where they run.
  expect(r.plan.clusters[0]!.nodes.map((n) => n.roles)).toEqual([['worker'], ['worker']]);
  expect(r.plan.clusters[0]!.hosting).toBe('ec2');
});

it('kubectl NodeList with legacy kubernetes.io/role labels on Azure VMs', () => {
  const r = readFixture('kubectl-nodes-legacy-role-azure.json');
  // A listed master means self-managed (acs-engine), whatever the Azure labels say.
  expect(r.plan.clusters[0]!.distribution).toBe('other');
  expect(nodesOf('kubectl-nodes-legacy-role-azure.json')).toEqual(['k8s-agentpool-0:worker', 'k8s-agentpool-1:worker', 'k8s-master-0:controlplane']);
  expect(r.plan.clusters[0]!.hosting).toBe('azure');
});

it('a single kind: Node (untainted control plane)', () => {
  const r = readFixture('kubectl-node-single.json');
  expect(r.format).toBe('kubectl-nodes');
  expect(r.plan.clusters[0]).toMatchObject({ name: 'cluster', distribution: 'other' });
  // A control-plane node without a NoSchedule/NoExecute taint takes workloads too.
  expect(nodesOf('kubectl-node-single.json')).toEqual(['devbox:controlplane+worker']);
});

it('a bare JSON array of Nodes', () => {
  const r = readFixture('nodes-bare-array.json');
  expect(r.format).toBe('kubectl-nodes');
  expect(r.plan.clusters[0]!.nodes.map((n) => n.name)).toEqual(['snapnode']);
});
