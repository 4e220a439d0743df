// The authorized cluster endpoint exists only on some clusters, and which ones changed over time.
import { describedByRoles, MACHINE_POOLS_SINCE } from '../cluster-facts.ts';
import { downstream, minimumDownstreamNodes, nodes } from '../example-plans.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { compareVersions } from '../versions.ts';
import { DISTRIBUTION_LABEL, type Distribution } from '../vocabulary.ts';

/**
 * The distributions whose clusters can have an ACE at a Rancher version, in words for the message.
 * `provisioned` are those that qualify only when Rancher builds them (machine pools): in 2.6.0 to
 * 2.6.2 RKE2 and K3s clusters Rancher provisions have it, registered ones not yet.
 */
function aceOn(version: string): { allowed: readonly Distribution[]; provisioned: readonly Distribution[]; words: string } {
  const at = (v: string) => compareVersions(version, v) >= 0;
  if (!at('2.2')) return { allowed: [], provisioned: [], words: 'Rancher has no authorized cluster endpoint before 2.2' };
  if (!at(MACHINE_POOLS_SINCE)) return { allowed: ['rke'], provisioned: [], words: 'only on RKE clusters Rancher launched' };
  if (!at('2.6.3'))
    return {
      allowed: ['rke'],
      provisioned: ['rke2', 'k3s'],
      words: 'on RKE clusters and on RKE2 and K3s clusters it provisions; registered RKE2 and K3s clusters follow in 2.6.3',
    };
  if (!at('2.12')) return { allowed: ['rke', 'rke2', 'k3s'], provisioned: [], words: 'on RKE, RKE2 and K3s clusters, never on hosted or other clusters' };
  return { allowed: ['rke2', 'k3s'], provisioned: [], words: 'only on RKE2 and K3s clusters' };
}

export const about: RuleAboutEntry = {
  rationale:
    'The ACE arrived in Rancher 2.2 for RKE clusters Rancher launched. With 2.6 the RKE2 and K3s clusters Rancher provisions have it as well, and from 2.6.3 registered RKE2 and K3s clusters too (after manual steps on their control-plane nodes); hosted EKS, AKS and GKE clusters never can. From 2.12, with RKE1 gone, only RKE2 and K3s clusters have it. A plan describes a provisioned RKE2 or K3s cluster by its machine-pool roles and a registered one by servers and agents.',
  sources: ['arch24', 'arch26', 'aceComm211', 'aceComm212', 'aceRegistered'],
};

export const rule = defineRule({
  id: 'ace-distribution-supported',
  severity: 'error',
  category: 'endpoint',
  title: 'The authorized cluster endpoint is planned only where the Rancher version offers it',
  docs: { page: 'authorized-endpoint', heading: 'Where the endpoint is available', anchor: 'where-the-endpoint-is-available' },
  check(ctx) {
    const v = ctx.rancherVersion;
    const { allowed, provisioned, words } = aceOn(v);
    for (const { cluster } of ctx.clusters) {
      if (!cluster.authorizedEndpoint || allowed.includes(cluster.distribution)) continue;
      // Nodes with the three roles are Rancher's machine pools: a cluster Rancher provisioned.
      if (provisioned.includes(cluster.distribution) && describedByRoles(cluster)) continue;
      const label = DISTRIBUTION_LABEL[cluster.distribution];
      const where = allowed.length === 0 ? `${words}.` : `Rancher ${v} offers it ${words}.`;
      ctx.report({
        cluster: cluster.name,
        message: `The plan gives ${label} cluster "${cluster.name}" an authorized cluster endpoint, which it cannot have: ${where} Remove the endpoint, or reach the cluster through Rancher.`,
      });
    }
  },
});

const ace = { authorizedEndpoint: { fqdn: 'api.example.com', targets: ['c1', 'c2'] } };
/** Rancher's machine pools: a cluster Rancher provisioned. */
const pools = (version: string) => downstream(minimumDownstreamNodes(), { distribution: 'rke2', ...ace }, version);
/** Servers and agents: a cluster installed by hand and registered. */
const registered = (version: string, distribution: 'rke2' | 'k3s' = 'k3s') =>
  downstream(
    [...nodes('s', 3, ['server'], '10.1.0.'), ...nodes('a', 2, ['agent'])],
    { distribution, authorizedEndpoint: { fqdn: 'api.example.com', targets: ['s1', 's2', 's3'] } },
    version,
  );
const eks = (version: string) => ({
  rancher: { version },
  clusters: [{ name: 'eks', distribution: 'eks' as const, nodes: [], authorizedEndpoint: { fqdn: 'api.example.com' } }],
});

export const examples: RuleExamples = {
  fires: [
    { plan: downstream(undefined, ace, '2.1.9'), note: 'before 2.2: no ACE at all' },
    { plan: pools('2.5.9'), note: '2.5: RKE only' },
    { plan: registered('2.6.2', 'rke2'), note: '2.6.2: registered RKE2 not yet' },
    { plan: eks('2.9.0'), note: 'never on hosted clusters' },
    { plan: downstream(undefined, ace, '2.12.0'), note: '2.12.0: RKE1 gone' },
  ],
  quiet: [
    { plan: downstream(undefined, ace, '2.2.0'), note: '2.2.0: RKE' },
    { plan: pools('2.6.0'), note: '2.6.0: RKE2 that Rancher provisions' },
    { plan: registered('2.6.3', 'rke2'), note: '2.6.3: registered RKE2' },
    { plan: registered('2.6.3'), note: '2.6.3: registered K3s' },
    { plan: downstream(undefined, ace, '2.11.9'), note: '2.11.x: RKE still' },
    { plan: pools('2.12.0') },
  ],
};
