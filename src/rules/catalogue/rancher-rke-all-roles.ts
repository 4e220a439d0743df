// On the Rancher RKE cluster every node carries every role.
import { ALL_ROLES, rancherOn, rancherRke } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { KUBERNETES_ROLES } from '../vocabulary.ts';
import { listNames, verb } from '../words.ts';

export const about: RuleAboutEntry = {
  rationale:
    'On the Rancher cluster, giving every node all three roles is safe (nothing else runs there) and keeps etcd and the control plane replicated on every node.',
  sources: ['arch24', 'arch212'],
};

export const rule = defineRule({
  id: 'rancher-rke-all-roles',
  severity: 'warning',
  category: 'rancher-cluster',
  title: 'Every node of the Rancher RKE cluster has etcd, controlplane and worker',
  docs: { page: 'rke-cluster', heading: 'Three nodes, every role', anchor: 'three-nodes-every-role' },
  // From 2.12 RKE is gone: rke1-end-of-life reports an RKE Rancher cluster, and its layout no longer matters.
  versions: { until: '2.12' },
  check(ctx) {
    const r = ctx.rancher;
    // With external etcd no node may carry the etcd role (rke refuses it); rke-each-role says so.
    if (!r || r.cluster.distribution !== 'rke' || r.datastore === 'external') return;
    const lacking = r.cluster.nodes.filter((n) => KUBERNETES_ROLES.some((role) => !n.roles.includes(role)));
    if (lacking.length === 0) return;
    ctx.report({
      cluster: r.cluster.name,
      nodes: lacking,
      message: `${listNames(lacking.map((n) => n.name))} in the Rancher cluster "${r.cluster.name}" ${verb(lacking.length, 'lacks', 'lack')} some of etcd, controlplane and worker. Give each node of this cluster all three roles.`,
    });
  },
});

export const examples: RuleExamples = {
  fires: [
    {
      plan: rancherOn(
        rancherRke({
          nodes: [
            ...[1, 2].map((i) => ({ name: `r${i}`, address: `10.0.0.${i}`, roles: [...ALL_ROLES] })),
            { name: 'r3', address: '10.0.0.3', roles: ['worker', 'etcd'] },
          ],
        }),
      ),
      nodes: ['r3'],
    },
  ],
  quiet: [
    { plan: rancherOn(rancherRke()) },
    {
      plan: rancherOn(
        rancherRke({ datastore: 'external', nodes: [1, 2, 3].map((i) => ({ name: `r${i}`, address: `10.0.0.${i}`, roles: ['controlplane', 'worker'] })) }),
      ),
      note: 'external etcd: the etcd role is not allowed',
    },
    {
      plan: rancherOn(
        rancherRke({ nodes: [1, 2, 3].map((i) => ({ name: `r${i}`, address: `10.0.0.${i}`, roles: i === 3 ? ['worker', 'etcd'] : [...ALL_ROLES] })) }),
        '2.12.0',
      ),
      note: '2.12: RKE is end of life, reported by rke1-end-of-life',
    },
  ],
};
