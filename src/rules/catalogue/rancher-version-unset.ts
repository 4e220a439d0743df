// A plan that names no Rancher version is checked against the seed guidance, and says so.
import { downstream } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { DEFAULT_RANCHER_VERSION, LATEST_KNOWN_VERSION } from '../versions.ts';

export const about: RuleAboutEntry = {
  rationale: `Rancher's advice changed between 2.0 and ${LATEST_KNOWN_VERSION}; without a version the plan is checked as ${DEFAULT_RANCHER_VERSION}, the release the core guidance describes.`,
};

export const rule = defineRule({
  id: 'rancher-version-unset',
  severity: 'info',
  category: 'installation',
  title: 'The plan names the Rancher version it is for',
  docs: { page: 'plan-format', heading: 'rancher', anchor: 'rancher' },
  check(ctx) {
    if (ctx.versionGiven) return;
    ctx.report({
      message: `The plan names no Rancher version, so it was checked as Rancher ${DEFAULT_RANCHER_VERSION}. Set rancher.version in the plan (or --rancher-version on the command line) to get the advice for the Rancher you run.`,
    });
  },
});

export const examples: RuleExamples = {
  fires: [{ plan: downstream() }],
  quiet: [{ plan: downstream(undefined, {}, '2.9.3') }],
};
