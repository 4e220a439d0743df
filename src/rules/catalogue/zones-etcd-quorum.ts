// With zones in the plan, no single zone may hold enough etcd members to take quorum with it.
import { etcdMembers } from '../cluster-facts.ts';
import { clusterZones, zonesBreakingQuorum } from '../zones.ts';
import { etcdQuorum } from '../quorum.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { listNames } from '../words.ts';
import type { PlanInput } from '../vocabulary.ts';

export const about: RuleAboutEntry = {
  rationale:
    "etcd answers only while a majority of its members can reach each other. When a plan places nodes in zones (availability zones, rooms, sites), the zone is what fails together, so a zone holding half the members or more takes the cluster's state with it. Kubernetes advises spreading the control plane and etcd over at least three zones; with two sites one of them always holds the majority, so only a third location (even one small member there) lets either site fail. The rule asks the same what-if the checker offers (fail a zone) and reports the zones whose loss stops etcd.",
  sources: ['k8sMultipleZones', 'etcdFaultTolerance', 'rke2Ha', 'k3sEmbeddedEtcd'],
};

export const rule = defineRule({
  id: 'zones-etcd-quorum',
  severity: 'warning',
  category: 'etcd',
  title: 'Losing any one zone keeps etcd quorum',
  docs: { page: 'high-availability', heading: 'Zones, sites and etcd quorum', anchor: 'zones-sites-and-etcd-quorum' },
  check(ctx) {
    for (const { cluster } of ctx.clusters) {
      if (clusterZones(cluster).length < 2) continue;
      const breaking = zonesBreakingQuorum(ctx.plan, cluster.name);
      if (breaking.length === 0) continue;
      const members = etcdMembers(cluster);
      const quorum = etcdQuorum(members.length);
      const memberZones = [...new Set(members.flatMap((m) => (m.zone === undefined ? [] : [m.zone])))].sort();
      const counts = memberZones.map((z) => `${z}: ${members.filter((m) => m.zone === z).length}`).join(', ');
      const unzoned = members.filter((m) => m.zone === undefined).length;
      const chosen = new Set(breaking);
      const where = `its ${members.length} etcd members sit in ${memberZones.length === 1 ? 'one zone' : `${memberZones.length} zones`} (${counts}${unzoned > 0 ? `; ${unzoned} without a zone` : ''}) and quorum is ${quorum}`;
      const advice =
        memberZones.length === 2 && unzoned === 0
          ? 'With two zones one of them always holds a majority, so no split of members between two sites survives losing the larger one: place a member in a third zone (a third site, or one small witness member there) so no zone holds a majority.'
          : `Spread the members so that no zone holds more than ${members.length - quorum} of them, ideally over three zones or more.`;
      ctx.report({
        cluster: cluster.name,
        nodes: members.filter((m) => m.zone !== undefined && chosen.has(m.zone)),
        message: `Losing zone ${listNames(breaking)} stops etcd in cluster "${cluster.name}": ${where}. ${advice}`,
      });
    }
  },
});

/** An RKE cluster with etcd members in the zones given (one entry per member) and workers in zones a and b. */
const spread = (etcdZones: string[], version?: string): PlanInput => ({
  ...(version ? { rancher: { version, install: 'kubernetes' as const } } : {}),
  clusters: [
    {
      name: 'prod',
      distribution: 'rke',
      nodes: [
        ...etcdZones.map((zone, i) => ({ name: `e${i + 1}`, roles: ['etcd' as const], zone })),
        { name: 'c1', roles: ['controlplane' as const], zone: 'a' },
        { name: 'c2', roles: ['controlplane' as const], zone: 'b' },
        { name: 'w1', roles: ['worker' as const], zone: 'a' },
        { name: 'w2', roles: ['worker' as const], zone: 'b' },
      ],
    },
  ],
});

export const examples: RuleExamples = {
  fires: [
    { plan: spread(['a', 'a', 'a', 'b', 'b']), nodes: ['e1', 'e2', 'e3'], note: 'rancher #30352: three members in one site, two in the other' },
    { plan: spread(['a', 'a', 'b']), nodes: ['e1', 'e2'], note: 'two of three in one zone' },
  ],
  quiet: [
    { plan: spread(['a', 'b', 'c']), note: 'one member per zone' },
    { plan: spread(['a', 'a', 'b', 'b', 'c']), note: 'five members over three zones, at most two in any' },
    {
      plan: {
        clusters: [
          {
            name: 'lab',
            distribution: 'rke',
            nodes: ['n1', 'n2', 'n3'].map((name) => ({ name, roles: ['etcd' as const, 'controlplane' as const, 'worker' as const], zone: 'dc1' })),
          },
        ],
      },
      note: 'a single zone: the plan does not spread the cluster, nothing to judge',
    },
  ],
};
