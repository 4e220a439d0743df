// The authorized cluster endpoint exists only on some clusters, and which ones changed over time.
import { downstream, minimumDownstreamNodes, nodes } from '../example-plans.ts';
import { defineRule, type RuleExamples } from '../rule.ts';
import { cite } from '../sources.ts';
import { compareVersions } from '../versions.ts';
import { DISTRIBUTION_LABEL, type Distribution } from '../vocabulary.ts';
import { listNames } from '../words.ts';

/** The distributions whose clusters can have an ACE at a Rancher version, in words for the message. */
function aceOn(version: string): { allowed: readonly Distribution[]; words: string } {
  const at = (v: string) => compareVersions(version, v) >= 0;
  if (!at('2.2')) return { allowed: [], words: 'Rancher has no authorized cluster endpoint before 2.2' };
  if (!at('2.6.3')) return { allowed: ['rke'], words: 'only on RKE clusters Rancher launched' };
  if (!at('2.12')) return { allowed: ['rke', 'rke2', 'k3s'], words: 'on RKE, RKE2 and K3s clusters, never on hosted or other clusters' };
  return { allowed: ['rke2', 'k3s'], words: 'only on RKE2 and K3s clusters' };
}

export const rule = defineRule({
  id: 'ace-distribution-supported',
  severity: 'error',
  category: 'endpoint',
  title: 'The authorized cluster endpoint is planned only where the Rancher version offers it',
  docs: { page: 'authorized-endpoint', heading: 'Where the endpoint is available', anchor: 'where-the-endpoint-is-available' },
  rationale:
    'The ACE arrived in Rancher 2.2 for RKE clusters Rancher launched. From 2.6.3 registered RKE2 and K3s clusters can have one too (after manual steps on their control-plane nodes); hosted EKS, AKS and GKE clusters never can. From 2.12, with RKE1 gone, only RKE2 and K3s clusters have it.',
  sources: cite('arch24', 'arch26', 'aceComm211', 'aceComm212', 'aceRegistered'),
  check(ctx) {
    const v = ctx.rancherVersion;
    const { allowed, words } = aceOn(v);
    for (const { cluster } of ctx.clusters) {
      if (!cluster.authorizedEndpoint || allowed.includes(cluster.distribution)) continue;
      const label = DISTRIBUTION_LABEL[cluster.distribution];
      const where =
        allowed.length === 0
          ? `${words}.`
          : `Rancher ${v} offers it ${words}${allowed.length > 1 ? ` (${listNames(allowed.map((d) => DISTRIBUTION_LABEL[d]))})` : ''}.`;
      ctx.report({
        cluster: cluster.name,
        message: `The plan gives ${label} cluster "${cluster.name}" an authorized cluster endpoint, which it cannot have: ${where} Remove the endpoint, or reach the cluster through Rancher.`,
      });
    }
  },
});

const ace = { authorizedEndpoint: { fqdn: 'api.example.com', targets: ['c1', 'c2'] } };
const rke2 = (version: string) => downstream(minimumDownstreamNodes(), { distribution: 'rke2', ...ace }, version);
const k3s = (version: string) =>
  downstream(
    [...nodes('s', 3, ['server'], '10.1.0.'), ...nodes('a', 2, ['agent'])],
    { distribution: 'k3s', authorizedEndpoint: { fqdn: 'api.example.com', targets: ['s1', 's2', 's3'] } },
    version,
  );
const eks = (version: string) => ({
  rancher: { version },
  clusters: [{ name: 'eks', distribution: 'eks' as const, nodes: [], authorizedEndpoint: { fqdn: 'api.example.com' } }],
});

export const examples: RuleExamples = {
  fires: [
    { plan: downstream(undefined, ace, '2.1.9'), note: 'before 2.2: no ACE at all' },
    { plan: rke2('2.6.2'), note: '2.6.2: RKE only' },
    { plan: k3s('2.5.9'), note: '2.5: RKE only' },
    { plan: eks('2.9.0'), note: 'never on hosted clusters' },
    { plan: downstream(undefined, ace, '2.12.0'), note: '2.12.0: RKE1 gone' },
  ],
  quiet: [
    { plan: downstream(undefined, ace, '2.2.0'), note: '2.2.0: RKE' },
    { plan: rke2('2.6.3'), note: '2.6.3: RKE2 too' },
    { plan: k3s('2.6.3'), note: '2.6.3: registered K3s' },
    { plan: downstream(undefined, ace, '2.11.9'), note: '2.11.x: RKE still' },
    { plan: rke2('2.12.0') },
  ],
};
