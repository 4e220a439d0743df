// A single Docker container is for trying Rancher out; the later docs say outright it is unsupported.
import { rancherOn, rancherRke } from '../example-plans.ts';
import { defineRule, type RuleExamples } from '../rule.ts';
import { cite } from '../sources.ts';
import { compareVersions } from '../versions.ts';

export const rule = defineRule({
  id: 'docker-install-not-production',
  severity: 'warning',
  category: 'installation',
  title: 'A single Docker container install is for trying Rancher out, not for production',
  docs: { page: 'high-availability', heading: 'Why a single Docker container is not enough', anchor: 'why-a-single-docker-container-is-not-enough' },
  rationale:
    "A Docker install keeps all of Rancher's data on one machine; when that machine is lost, so is the data. From 2.5 the rancher-backup operator can move such an install onto a Kubernetes cluster, and the docs for 2.9 and later state that Docker installs are not supported in production. This guide keeps it a warning: the install works, it is just not a production layout.",
  sources: cite('arch24', 'migrateRancher', 'dockerWarning'),
  check(ctx) {
    if (ctx.plan.rancher?.install !== 'docker') return;
    const host = ctx.plan.rancher.host ? ` on ${ctx.plan.rancher.host}` : '';
    const v = ctx.rancherVersion;
    const base = `Rancher runs as one Docker container${host}, so one machine holds every copy of its data.`;
    let advice: string;
    if (compareVersions(v, '2.5') < 0) advice = 'For production, install it on a highly available Kubernetes cluster.';
    else if (compareVersions(v, '2.9') < 0)
      advice = `Rancher ${v} documents this install for development and testing only. Move it to a highly available Kubernetes cluster with the rancher-backup operator.`;
    else
      advice = `Rancher's documentation for ${v} says Docker installs are not supported in production. Move it to a highly available Kubernetes cluster with the rancher-backup operator.`;
    ctx.report({ message: `${base} ${advice}` });
  },
});

const docker = (version?: string) => ({ rancher: { install: 'docker' as const, host: '10.0.0.9', ...(version ? { version } : {}) }, clusters: [] });

export const examples: RuleExamples = {
  fires: [
    { plan: docker() },
    { plan: docker('2.5.0'), note: '2.5: development and testing only' },
    { plan: docker('2.9.0'), note: '2.9: not supported in production' },
  ],
  quiet: [{ plan: rancherOn(rancherRke()) }, { plan: rancherOn(rancherRke(), '2.12.0') }],
};
