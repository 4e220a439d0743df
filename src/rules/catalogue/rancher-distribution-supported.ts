// Each Rancher version installs on the distributions its documentation names.
import { nodes, rancherOn } from '../example-plans.ts';
import { defineRule, type RuleExamples } from '../rule.ts';
import { compareVersions } from '../versions.ts';
import { DISTRIBUTION_LABEL } from '../vocabulary.ts';

export const rule = defineRule({
  id: 'rancher-distribution-supported',
  severity: 'error',
  category: 'installation',
  title: "The Rancher version supports the cluster's distribution (before 2.4: RKE; 2.4: RKE or K3s)",
  docs: { page: 'high-availability', heading: 'Which distribution for which Rancher version', anchor: 'which-distribution-for-which-rancher-version' },
  rationale: 'Rancher before v2.4 installs only on RKE; v2.4 adds K3s. Other distributions are outside what those versions support.',
  versions: { until: '2.5' },
  check(ctx) {
    const r = ctx.rancher;
    if (!r) return;
    const d = r.cluster.distribution;
    const v = ctx.rancherVersion;
    const allowed = compareVersions(v, '2.4') < 0 ? ['rke'] : ['rke', 'k3s'];
    if (allowed.includes(d)) return;
    ctx.report({
      cluster: r.cluster.name,
      message:
        allowed.length === 1
          ? `Rancher ${v} runs only on RKE, but the Rancher cluster "${r.cluster.name}" is ${DISTRIBUTION_LABEL[d]}. Build it with RKE, or plan Rancher 2.4 or later.`
          : `Rancher ${v} runs on RKE or K3s, but the Rancher cluster "${r.cluster.name}" is ${DISTRIBUTION_LABEL[d]}. Use one of those two.`,
    });
  },
});

const k3s = (version: string) => rancherOn({ name: 'rancher', distribution: 'k3s', datastore: 'external', nodes: nodes('s', 2, ['server']) }, version);
const rke2 = (version: string) => rancherOn({ name: 'rancher', distribution: 'rke2', nodes: nodes('s', 3, ['server']) }, version);

export const examples: RuleExamples = {
  fires: [{ plan: k3s('2.3.5') }, { plan: rke2('2.4.3') }],
  quiet: [{ plan: k3s('2.4.0') }, { plan: rke2('2.6.0'), note: 'from 2.5 other rules judge the distribution' }],
};
