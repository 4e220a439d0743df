// RKE (RKE1) reached its end of life on 2025-07-31; from Rancher 2.12 it is unsupported.
import { downstream, rancherOn, rancherRke } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { compareVersions } from '../versions.ts';

/** The first release without RKE1. */
const REMOVED_IN = '2.12';

export const about: RuleAboutEntry = {
  rationale:
    "RKE1 went out of support on 31 July 2025. From 2.12 Rancher no longer supports RKE1: it neither provisions nor manages RKE1 clusters, its docs stop describing RKE1 as a home for Rancher itself (so a Rancher cluster on RKE1 is unsupported), and the upgrade to 2.12 is refused while Rancher still holds RKE1 clusters it provisioned (those carrying an RKE configuration), node templates or cluster templates. There is no in-place conversion: the way out is new RKE2 clusters and a move of the workloads, and a rancher-backup restore for Rancher. For Rancher 2.9 to 2.11, whose docs carry RKE1's end-of-life notice, this guide warns ahead of 2.12.",
  sources: ['rke1Eol', 'rke1UpgradeGate', 'arch212', 'rke2Migration', 'migrateRancher'],
};

export const rule = defineRule({
  id: 'rke1-end-of-life',
  severity: 'error',
  category: 'installation',
  title: 'No RKE (RKE1) cluster with Rancher 2.12 or later (a warning from 2.9)',
  docs: { page: 'versions', heading: 'RKE1 end of life', anchor: 'rke1-end-of-life' },
  versions: { since: '2.9' },
  check(ctx) {
    const v = ctx.rancherVersion;
    const removed = compareVersions(v, REMOVED_IN) >= 0;
    const severity = removed ? 'error' : 'warning';
    for (const { cluster, purpose } of ctx.clusters) {
      if (cluster.distribution !== 'rke') continue;
      const name = cluster.name;
      let message: string;
      if (purpose === 'rancher')
        message = removed
          ? `Rancher ${v} is not supported on RKE1, and the Rancher cluster "${name}" is RKE1, which reached its end of life on 31 July 2025. Build a new RKE2 (or K3s) cluster and move Rancher onto it with a rancher-backup backup and restore.`
          : `The Rancher cluster "${name}" is RKE1, which reached its end of life on 31 July 2025; from 2.12 Rancher does not support RKE1, for its own cluster as for downstream ones. Before upgrading to 2.12, build an RKE2 (or K3s) cluster and move Rancher onto it with a rancher-backup backup and restore.`;
      else
        message = removed
          ? `Rancher ${v} no longer manages RKE1 clusters, and "${name}" is RKE1 (end of life on 31 July 2025). If Rancher provisioned it, the upgrade to 2.12 is blocked until it is removed, along with any node templates and cluster templates. Build a new RKE2 cluster, move the workloads onto it and retire "${name}": RKE1 cannot be converted in place.`
          : `"${name}" is an RKE1 cluster, which reached its end of life on 31 July 2025. Rancher 2.12 stops provisioning and managing RKE1 clusters, and if Rancher provisioned this one, the upgrade to 2.12 is refused until it is gone, along with any node templates and cluster templates. Build a new RKE2 cluster and move the workloads before that upgrade, as RKE1 cannot be converted in place.`;
      ctx.report({ cluster: name, severity, message });
    }
  },
});

const withRke2Rancher = (version: string) =>
  rancherOn({ name: 'rancher', distribution: 'rke2', nodes: [1, 2, 3].map((i) => ({ name: `s${i}`, roles: ['server' as const] })) }, version, [
    { name: 'prod', distribution: 'rke', nodes: downstream().clusters?.[0]?.nodes },
  ]);

export const examples: RuleExamples = {
  fires: [
    { plan: withRke2Rancher('2.12.0'), severity: 'error', note: '2.12.0: an RKE1 downstream cluster' },
    { plan: rancherOn(rancherRke(), '2.12.3'), severity: 'error', note: '2.12: an RKE1 Rancher cluster' },
    { plan: withRke2Rancher('2.11.9'), severity: 'warning', note: '2.11.x: the end-of-life notice' },
    { plan: rancherOn(rancherRke(), '2.9.0'), severity: 'warning', note: '2.9.0: first version warned' },
  ],
  quiet: [
    { plan: rancherOn(rancherRke(), '2.8.9'), note: 'before 2.9' },
    { plan: downstream(undefined, { distribution: 'rke' }, '2.4.8'), note: 'the seed versions' },
    { plan: rancherOn({ name: 'rancher', distribution: 'rke2', nodes: [{ name: 's1', roles: ['server'] }] }, '2.12.0'), note: 'RKE2 only' },
  ],
};
