// A server that joins through a load balancer which already forwards to it can reach itself.
import { isControlPlane, isEtcdMember, resolveTarget, usesServerRoles } from '../cluster-facts.ts';
import { nodes } from '../example-plans.ts';
import { parseRegistrationUrl } from '../identifiers.ts';
import { defineRule, type RuleAboutEntry, type RuleExamples } from '../rule.ts';
import { listNames, verb } from '../words.ts';
import type { PlanInput } from '../vocabulary.ts';

export const about: RuleAboutEntry = {
  rationale:
    'K3s and RKE2 servers that join through a load balancer are usually also behind it. If a server is put in the pool before it has finished joining, the balancer can hand its own join request back to it; it then joins itself and the join cannot be repaired in place (k3s #9661). The layout is the documented one, so this is a note on the order of work, not a fault in the plan.',
  sources: ['joinItself', 'rke2JoinItself', 'rke2Ha'],
};

export const rule = defineRule({
  id: 'registration-lb-joins-itself',
  severity: 'info',
  category: 'load-balancer',
  title: 'A joining server is in its own load balancer pool only once it has joined',
  docs: { page: 'load-balancer', heading: 'The fixed registration address', anchor: 'the-fixed-registration-address' },
  check(ctx) {
    for (const { cluster } of ctx.clusters) {
      const lb = cluster.loadBalancer;
      if (!usesServerRoles(cluster) || lb?.address === undefined) continue;
      const inPool = new Set(lb.targets.map((t) => resolveTarget(cluster, t)).filter((n) => n !== undefined));
      const joiners = cluster.nodes.filter(
        (n) =>
          (isControlPlane(cluster, n) || isEtcdMember(cluster, n)) &&
          inPool.has(n) &&
          n.server !== undefined &&
          parseRegistrationUrl(n.server)?.host.toLowerCase() === lb.address?.toLowerCase(),
      );
      if (joiners.length === 0) continue;
      const names = joiners.map((n) => n.name);
      ctx.report({
        cluster: cluster.name,
        nodes: joiners,
        message: `${listNames(names)} ${verb(names.length, 'joins', 'join')} cluster "${cluster.name}" through the load balancer ${lb.address}, which also forwards to ${names.length === 1 ? 'it' : 'them'}. Add each server to the pool only after it has joined, so its join request cannot come back to itself.`,
      });
    }
  },
});

const withLb = (targets: string[]): PlanInput => ({
  clusters: [
    {
      name: 'edge',
      distribution: 'rke2',
      datastore: 'embedded',
      nodes: nodes('s', 3, ['server'], '192.0.2.').map((n, i) => (i === 0 ? n : { ...n, server: 'https://rke2.example.com:9345' })),
      loadBalancer: { address: 'rke2.example.com', ports: [9345, 6443, 80, 443], targets },
    },
  ],
});

export const examples: RuleExamples = {
  fires: [{ plan: withLb(['s1', 's2', 's3']), nodes: ['s2', 's3'], note: 'the joining servers are in the pool they join through' }],
  quiet: [
    { plan: withLb(['s1']), note: 'only the first server is in the pool while the others join' },
    { plan: withLb(['192.0.2.1']), note: 'targets by address' },
  ],
};
