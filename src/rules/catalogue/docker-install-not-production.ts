// A single Docker container has been for development and testing since v2.0; the later docs say outright it is unsupported.
import { rancherOn, rancherRke } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { compareVersions } from '../versions.ts';

export const about: RuleAboutEntry = {
  rationale:
    "A Docker install keeps all of Rancher's data on one machine; when that machine is lost, so is the data. Rancher's docs have presented it as a development and testing setup since the v2.0–v2.4 installation overview, which also said it could not be moved to a highly available install later. From 2.5 the rancher-backup operator can make that move, and since March 2024 the docs say plainly that Docker installs are not supported in production (a banner on the 2.9 and later pages, also copied into the 2.5–2.8 folders). This guide keeps it a warning: the install works, it is just not a production layout.",
  sources: ['arch24', 'migrateRancher', 'dockerWarning'],
};

export const rule = defineRule({
  id: 'docker-install-not-production',
  severity: 'warning',
  category: 'installation',
  title: 'A single Docker container install is for trying Rancher out, not for production',
  docs: { page: 'high-availability', heading: 'Why a single Docker container is not enough', anchor: 'why-a-single-docker-container-is-not-enough' },
  check(ctx) {
    if (ctx.plan.rancher?.install !== 'docker') return;
    const host = ctx.plan.rancher.host ? ` on ${ctx.plan.rancher.host}` : '';
    const v = ctx.rancherVersion;
    const base = `Rancher runs as one Docker container${host}, so one machine holds every copy of its data.`;
    let advice: string;
    if (compareVersions(v, '2.5') < 0)
      advice = `Rancher ${v} documents this install for development and testing only, and offers no way to move it onto a Kubernetes cluster later: for production, install on a highly available Kubernetes cluster from the start.`;
    else if (compareVersions(v, '2.9') < 0)
      advice = `Rancher ${v}, like every release since 2.0, documents this install for development and testing only. Move it to a highly available Kubernetes cluster with the rancher-backup operator.`;
    else
      advice = `Rancher's documentation for ${v} says Docker installs are not supported in production. Move it to a highly available Kubernetes cluster with the rancher-backup operator.`;
    ctx.report({ message: `${base} ${advice}` });
  },
});

const docker = (version?: string) => ({ rancher: { install: 'docker' as const, host: '10.0.0.9', ...(version ? { version } : {}) }, clusters: [] });

export const examples: RuleExamples = {
  fires: [
    { plan: docker() },
    { plan: docker('2.5.0'), note: '2.5: development and testing only (as since 2.0), now movable with rancher-backup' },
    { plan: docker('2.9.0'), note: '2.9: not supported in production' },
  ],
  quiet: [{ plan: rancherOn(rancherRke()) }, { plan: rancherOn(rancherRke(), '2.12.0') }],
};
