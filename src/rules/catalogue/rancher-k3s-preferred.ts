// Rancher 2.4's advice for a first install: K3s.
import { rancherOn, rancherRke } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';

export const about: RuleAboutEntry = {
  rationale:
    'K3s lets the cluster data live in an external datastore, and a Rancher 2.4 server cannot be moved from RKE to K3s later, so the choice made now stays. From 2.5 the docs no longer state this preference, and the backup operator can move Rancher between clusters.',
  sources: ['arch24', 'arch25', 'migrateRancher'],
};

export const rule = defineRule({
  id: 'rancher-k3s-preferred',
  severity: 'info',
  category: 'installation',
  title: 'For a first Rancher 2.4 install, K3s is the recommended distribution',
  docs: { page: 'high-availability', heading: 'Choosing K3s for a first install', anchor: 'choosing-k3s-for-a-first-install' },
  versions: { since: '2.4', until: '2.5' },
  check(ctx) {
    const r = ctx.rancher;
    if (!r || r.cluster.distribution !== 'rke') return;
    ctx.report({
      cluster: r.cluster.name,
      message: `The Rancher cluster "${r.cluster.name}" uses RKE. For a new Rancher ${ctx.rancherVersion} install K3s is the suggested choice, and there is no way to move Rancher from RKE to K3s afterwards; an existing RKE install can stay as it is.`,
    });
  },
});

export const examples: RuleExamples = {
  fires: [{ plan: rancherOn(rancherRke(), '2.4.8') }],
  quiet: [{ plan: rancherOn(rancherRke(), '2.3.9') }, { plan: rancherOn(rancherRke(), '2.5.0') }],
};
