// Each Rancher version installs on the distributions its documentation names.
import { nodes, rancherOn, rancherRke } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { compareVersions } from '../versions.ts';
import { DISTRIBUTION_LABEL, type Distribution } from '../vocabulary.ts';
import { listNames } from '../words.ts';

/** Where each stretch of releases may run Rancher (RKE from 2.12 is rke1-end-of-life's to report). */
function supported(version: string): { allowed: readonly Distribution[]; when: string } {
  const at = (v: string) => compareVersions(version, v) >= 0;
  if (!at('2.4')) return { allowed: ['rke'], when: 'Before 2.4, Rancher' };
  if (!at('2.5')) return { allowed: ['rke', 'k3s'], when: 'Rancher 2.4' };
  if (!at('2.5.6')) return { allowed: ['rke', 'k3s', 'eks', 'aks', 'gke', 'other'], when: 'Before 2.5.6, Rancher' };
  return { allowed: ['rke', 'k3s', 'rke2', 'eks', 'aks', 'gke', 'other'], when: 'Rancher' };
}

export const about: RuleAboutEntry = {
  rationale:
    'Rancher before v2.4 installs only on RKE, and v2.4 adds K3s. From v2.5 Rancher may run on any conformant Kubernetes cluster, hosted EKS, AKS and GKE included; RKE2 joins in v2.5.6. From v2.12 RKE is gone, which rke1-end-of-life reports.',
  sources: ['arch24', 'install25', 'requirements25', 'install212'],
};

export const rule = defineRule({
  id: 'rancher-distribution-supported',
  severity: 'error',
  category: 'installation',
  title: "The Rancher version supports the cluster's distribution (before 2.4: RKE; 2.4: RKE or K3s; 2.5: any conformant Kubernetes, RKE2 from 2.5.6)",
  docs: { page: 'high-availability', heading: 'Which distribution for which Rancher version', anchor: 'which-distribution-for-which-rancher-version' },
  check(ctx) {
    const r = ctx.rancher;
    if (!r) return;
    const d = r.cluster.distribution;
    const v = ctx.rancherVersion;
    // From 2.12 an RKE Rancher cluster is an RKE1 end-of-life error; saying it twice helps nobody.
    if (d === 'rke' && compareVersions(v, '2.12') >= 0) return;
    const { allowed, when } = supported(v);
    if (allowed.includes(d)) return;
    const name = r.cluster.name;
    const label = DISTRIBUTION_LABEL[d];
    let message: string;
    if (d === 'rke2' && compareVersions(v, '2.5') >= 0)
      message = `Rancher ${v} does not install on RKE2, but the Rancher cluster "${name}" is RKE2. RKE2 can host Rancher from 2.5.6: plan Rancher 2.5.6 or later, or use RKE or K3s.`;
    else if (allowed.length === 1)
      message = `Rancher ${v} runs only on RKE, but the Rancher cluster "${name}" is ${label}. Build it with RKE, or plan Rancher 2.4 or later.`;
    else
      message = `${when} runs on ${listNames(allowed.map((a) => DISTRIBUTION_LABEL[a]))}, but the Rancher cluster "${name}" is ${label}. Use one of those, or plan Rancher 2.5 or later, which installs on any conformant Kubernetes cluster.`;
    ctx.report({ cluster: name, message });
  },
});

const k3s = (version: string) => rancherOn({ name: 'rancher', distribution: 'k3s', datastore: 'external', nodes: nodes('s', 2, ['server']) }, version);
const rke2 = (version: string) => rancherOn({ name: 'rancher', distribution: 'rke2', nodes: nodes('s', 3, ['server']) }, version);
const eks = (version: string) => rancherOn({ name: 'rancher', distribution: 'eks', nodes: [] }, version);

export const examples: RuleExamples = {
  fires: [
    { plan: k3s('2.3.9'), note: '2.3.x: RKE only' },
    { plan: rke2('2.4.3'), note: '2.4: RKE or K3s' },
    { plan: eks('2.4.9'), note: '2.4.x: not on hosted Kubernetes' },
    { plan: rke2('2.5.5'), note: '2.5.5: RKE2 not yet' },
  ],
  quiet: [
    { plan: rancherOn(rancherRke(), '2.3.9') },
    { plan: k3s('2.4.0'), note: '2.4.0: K3s allowed' },
    { plan: eks('2.5.0'), note: '2.5.0: hosted Kubernetes allowed' },
    { plan: rke2('2.5.6'), note: '2.5.6: RKE2 allowed' },
    {
      plan: rancherOn({ name: 'rancher', distribution: 'other', nodes: nodes('n', 3, ['etcd', 'controlplane', 'worker']) }, '2.11.4'),
      note: 'any conformant Kubernetes',
    },
    { plan: rancherOn(rancherRke(), '2.12.0'), note: 'RKE from 2.12 is reported by rke1-end-of-life' },
  ],
};
