// Rancher provisions and upgrades RKE2 and K3s clusters only to the releases its channel data lists.
import { isServerRoleDistribution } from '../cluster-facts.ts';
import { KDM_SOURCES } from '../kubernetes-versions-data.ts';
import { minorSpan, NEWEST_DATA_LINE, rancherOffers } from '../kubernetes-versions.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { DISTRIBUTION_LABEL, type PlanInput } from '../vocabulary.ts';

const newest = KDM_SOURCES.find((s) => s.line === NEWEST_DATA_LINE);

export const about: RuleAboutEntry = {
  rationale:
    'Each Rancher release reads channel data (rancher/kontainer-driver-metadata) that lists the RKE2 and K3s releases it may install, each with the first and last Rancher version allowed to offer it. A downstream cluster planned on a release outside that window cannot be created or upgraded to it by that Rancher. The guide derives the ranges per Rancher line from the data with scripts/kdm-versions.mjs; past the newest line it read, it says the answer is unknown.',
  sources: ['kdm', 'supportMatrix'],
};

export const rule = defineRule({
  id: 'kubernetes-version-offered',
  severity: 'warning',
  category: 'plan',
  title: "A downstream RKE2 or K3s cluster's Kubernetes release is one the plan's Rancher offers",
  docs: { page: 'versions', heading: 'Kubernetes releases each Rancher offers', anchor: 'kubernetes-releases-each-rancher-offers' },
  check(ctx) {
    if (!ctx.versionGiven) return;
    for (const { cluster } of ctx.downstream) {
      if (!isServerRoleDistribution(cluster.distribution) || cluster.kubernetesVersion === undefined) continue;
      const product = DISTRIBUTION_LABEL[cluster.distribution];
      const release = cluster.kubernetesVersion;
      const rancher = ctx.rancherVersion;
      const offer = rancherOffers(rancher, cluster.distribution, release);
      if (offer.answer === 'yes' || (offer.answer === 'unknown' && offer.why === 'unreadable')) continue;
      if (offer.answer === 'no') {
        ctx.report({
          cluster: cluster.name,
          message:
            offer.why === 'minor-not-offered'
              ? `Cluster "${cluster.name}" is planned on ${product} ${release}, but Rancher ${rancher} offers ${product} Kubernetes ${minorSpan(offer.offered)} only. Choose one of those, or upgrade Rancher first.`
              : `Cluster "${cluster.name}" is planned on ${product} ${release}, but Rancher's channel data lists Kubernetes v${offer.row[2]} for Rancher ${offer.row[4]} to ${offer.row[5]} only, not ${rancher}. Upgrade Rancher within its line, or choose an older Kubernetes release.`,
        });
        continue;
      }
      const reach = `the channel data this guide read stops at Rancher ${NEWEST_DATA_LINE}${newest ? ` (${newest.branch}, ${newest.date})` : ''}`;
      ctx.report({
        cluster: cluster.name,
        severity: 'info',
        message:
          offer.why === 'line-not-in-data'
            ? `Cluster "${cluster.name}" is planned on ${product} ${release}: Rancher's channel data lists no ${product} releases for Rancher ${rancher}, so whether it offers this one is not known here. Check the Rancher support matrix.`
            : `Cluster "${cluster.name}" is planned on ${product} ${release} with Rancher ${rancher}: ${reach}, so whether that Rancher offers this release is not known here. Check the Rancher support matrix for your version.`,
      });
    }
  },
});

const plan = (rancher: string, kubernetesVersion: string, distribution: 'rke2' | 'k3s' = 'rke2'): PlanInput => ({
  rancher: { version: rancher, install: 'kubernetes' },
  clusters: [
    {
      name: 'apps',
      distribution,
      kubernetesVersion,
      nodes: [
        ...['e1', 'e2', 'e3'].map((name) => ({ name, roles: ['etcd' as const] })),
        ...['c1', 'c2'].map((name) => ({ name, roles: ['controlplane' as const] })),
        ...['w1', 'w2'].map((name) => ({ name, roles: ['worker' as const] })),
      ],
    },
  ],
});

export const examples: RuleExamples = {
  fires: [
    { plan: plan('2.8.5', 'v1.31.4+rke2r1'), severity: 'warning', note: 'Rancher 2.8 stops at Kubernetes 1.28' },
    { plan: plan('2.8.1', 'v1.28.10+k3s1', 'k3s'), severity: 'warning', note: 'Kubernetes 1.28 comes with Rancher 2.8.3' },
    { plan: plan('2.12.1', 'v1.33.1+rke2r1'), severity: 'info', note: 'past the data: unknown, said as a note' },
  ],
  quiet: [
    { plan: plan('2.8.5', 'v1.28.10+rke2r1'), note: 'offered' },
    { plan: plan('2.8.3', 'v1.28.10+k3s1', 'k3s'), note: 'the first 2.8 release that offers 1.28' },
    { plan: plan('2.10.1', 'v1.31.1+rke2r1') },
    { plan: { clusters: plan('2.8.5', 'v1.31.4+rke2r1').clusters }, note: 'no Rancher version: nothing to compare with' },
  ],
};
