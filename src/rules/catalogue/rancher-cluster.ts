// The shape of the cluster that runs Rancher, and where it runs.
import { RULE_DOCS } from '../docs-links.ts';
import { compareVersions, RKE_ROLES } from '../vocabulary.ts';
import { listNames, plural, type Rule } from '../rule.ts';

export const rancherRkeThreeNodes: Rule = {
  id: 'rancher-rke-three-nodes',
  severity: 'warning',
  title: 'An RKE cluster for Rancher has exactly three nodes',
  docs: RULE_DOCS['rancher-rke-three-nodes'],
  rationale: 'Three nodes with every role give three etcd members (one loss survivable) and several control planes, which is all Rancher needs; more nodes add cost, fewer lose HA.',
  check(ctx) {
    const r = ctx.rancher;
    if (!r || r.cluster.distribution !== 'rke' || r.cluster.nodes.length === 3) return;
    const n = r.cluster.nodes.length;
    ctx.report({
      cluster: r.cluster.name,
      message: `The Rancher RKE cluster "${r.cluster.name}" has ${plural(n, 'node')}. The recommended layout is three nodes, each with etcd, controlplane and worker.`,
    });
  },
};

export const rancherRkeAllRoles: Rule = {
  id: 'rancher-rke-all-roles',
  severity: 'warning',
  title: 'Every node of the Rancher RKE cluster has etcd, controlplane and worker',
  docs: RULE_DOCS['rancher-rke-all-roles'],
  rationale: 'On the Rancher cluster, giving every node all three roles is safe (nothing else runs there) and keeps etcd and the control plane replicated on every node.',
  check(ctx) {
    const r = ctx.rancher;
    if (!r || r.cluster.distribution !== 'rke') return;
    const lacking = r.cluster.nodes.filter((n) => RKE_ROLES.some((role) => !n.roles.includes(role))).map((n) => n.name);
    if (lacking.length === 0) return;
    ctx.report({
      cluster: r.cluster.name,
      nodes: lacking,
      message: `${listNames(lacking)} in the Rancher cluster "${r.cluster.name}" ${lacking.length === 1 ? 'lacks' : 'lack'} some of etcd, controlplane and worker. Give each node of this cluster all three roles.`,
    });
  },
};

export const rancherK3sExternalDatastore: Rule = {
  id: 'rancher-k3s-external-datastore',
  severity: 'warning',
  title: 'A K3s cluster for Rancher keeps its data in an external datastore',
  docs: RULE_DOCS['rancher-k3s-external-datastore'],
  rationale: 'With the data outside the servers, the two K3s servers become replaceable; with an embedded datastore the servers themselves hold the only copies.',
  check(ctx) {
    const r = ctx.rancher;
    if (!r || r.cluster.distribution !== 'k3s' || r.cluster.datastore === 'external') return;
    ctx.report({
      cluster: r.cluster.name,
      message: `The Rancher K3s cluster "${r.cluster.name}" keeps its data on its own servers. Point the servers at an external datastore (datastore-endpoint) so any server can be replaced.`,
    });
  },
};

export const rancherNotManagedKubernetes: Rule = {
  id: 'rancher-not-managed-kubernetes',
  severity: 'warning',
  title: 'Rancher does not run on a managed Kubernetes service (EKS, GKE, AKS)',
  docs: RULE_DOCS['rancher-not-managed-kubernetes'],
  rationale: 'Managed services hide etcd from Rancher and add their own changes, which can get in the way of Rancher managing the cluster. Applies up to Rancher 2.4.x: from 2.5 installing on hosted Kubernetes is documented.',
  check(ctx) {
    const r = ctx.rancher;
    const d = r?.cluster.distribution;
    if (!r || (d !== 'eks' && d !== 'gke' && d !== 'aks') || compareVersions(ctx.rancherVersion, '2.5') >= 0) return;
    ctx.report({
      cluster: r.cluster.name,
      message: `The Rancher cluster "${r.cluster.name}" is a managed ${d.toUpperCase()} cluster. Run Rancher on an RKE or K3s cluster on virtual machines you control instead.`,
    });
  },
};

export const rancherHostedInfrastructure: Rule = {
  id: 'rancher-hosted-infrastructure',
  severity: 'info',
  title: 'Hosted infrastructure (such as EC2 or Compute Engine) is recommended for the Rancher cluster',
  docs: RULE_DOCS['rancher-hosted-infrastructure'],
  rationale: 'Cloud virtual machines make replacing a failed Rancher node quick and predictable.',
  check(ctx) {
    const r = ctx.rancher;
    const h = r?.cluster.hosting;
    if (!r || (h !== 'on-premises' && h !== 'other')) return;
    ctx.report({
      cluster: r.cluster.name,
      message: `The Rancher cluster "${r.cluster.name}" runs on ${h === 'other' ? 'other' : 'on-premises'} infrastructure. That works; hosted virtual machines (EC2, Compute Engine, Azure) are the suggested home because failed nodes are easy to replace.`,
    });
  },
};
