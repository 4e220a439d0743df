// Rules that keep a plan self-consistent: unique names, references that resolve, roles that fit.
import { RULE_DOCS } from '../docs-links.ts';
import { RKE_ROLES, K3S_ROLES } from '../vocabulary.ts';
import { listNames, type Rule } from '../rule.ts';
import { usesServerRoles, isManaged } from '../quorum.ts';

export const planNodeUnique: Rule = {
  id: 'plan-node-unique',
  severity: 'error',
  title: 'Node names and addresses are unique within a cluster',
  docs: RULE_DOCS['plan-node-unique'],
  rationale:
    'Two entries for one machine double-count it: etcd members, load-balancer targets and failure simulation would all be wrong. RKE itself refuses duplicate addresses and hostnames.',
  check(ctx) {
    for (const { cluster, nodesByName } of ctx.clusters) {
      for (const field of ['name', 'address'] as const) {
        // The facts already hold one entry per name: equal sizes mean no duplicate names.
        if (field === 'name' && nodesByName.size === cluster.nodes.length) continue;
        // One pass with first-seen indexes; lists are only built for the (rare) duplicates.
        const first = new Map<string, number>();
        let dupes: Map<string, string[]> | undefined;
        cluster.nodes.forEach((node, i) => {
          const key = node[field];
          if (key === undefined) return;
          const at = first.get(key);
          if (at === undefined) return void first.set(key, i);
          dupes ??= new Map();
          const list = dupes.get(key) ?? [cluster.nodes[at]!.name];
          list.push(node.name);
          dupes.set(key, list);
        });
        for (const [key, names] of dupes ?? []) {
          ctx.report({
            cluster: cluster.name,
            nodes: [...new Set(names)],
            message: `${names.length} nodes in cluster "${cluster.name}" share the ${field} "${key}". Give every node its own ${field}.`,
          });
        }
      }
    }
  },
};

export const planClusterUnique: Rule = {
  id: 'plan-cluster-unique',
  severity: 'error',
  title: 'Cluster names are unique within a plan',
  docs: RULE_DOCS['plan-cluster-unique'],
  rationale: 'Load balancers, the rancher.cluster field and failure simulation find clusters by name, so a repeated name is ambiguous.',
  check(ctx) {
    const seen = new Set<string>();
    const reported = new Set<string>();
    for (const { cluster } of ctx.clusters) {
      if (seen.has(cluster.name) && !reported.has(cluster.name)) {
        reported.add(cluster.name);
        ctx.report({
          cluster: cluster.name,
          message: `More than one cluster is called "${cluster.name}". Rename one so references to it are unambiguous.`,
        });
      }
      seen.add(cluster.name);
    }
  },
};

export const planTargetKnown: Rule = {
  id: 'plan-target-known',
  severity: 'error',
  title: 'Load-balancer targets, endpoint targets and rancher.cluster name things that exist',
  docs: RULE_DOCS['plan-target-known'],
  rationale: 'A reference to a node or cluster that is not in the plan is usually a typo, and every check that follows it would be guessing.',
  check(ctx) {
    const rancher = ctx.plan.rancher;
    if (rancher?.install === 'kubernetes') {
      if (!rancher.cluster) {
        if (ctx.clusters.length > 0)
          ctx.report({
            message: `rancher.install is "kubernetes" but rancher.cluster is not set. Name the cluster that runs Rancher (one of ${listNames(ctx.clusters.map((c) => c.cluster.name))}).`,
          });
      } else if (!ctx.rancher) {
        ctx.report({
          message: `rancher.cluster names "${rancher.cluster}", but the plan has no cluster with that name. Add it or correct the name.`,
        });
      }
    }
    for (const { cluster, nodesByName } of ctx.clusters) {
      for (const [what, targets] of [
        ['load balancer', cluster.loadBalancer?.targets ?? []],
        ['authorized endpoint', cluster.authorizedEndpoint?.targets ?? []],
      ] as const) {
        const unknown = targets.filter((t) => !nodesByName.has(t));
        if (unknown.length === 0) continue;
        ctx.report({
          cluster: cluster.name,
          nodes: unknown,
          message: `The ${what} of cluster "${cluster.name}" targets ${listNames(unknown.map((t) => `"${t}"`))}, which ${unknown.length === 1 ? 'is not a node' : 'are not nodes'} of that cluster. Use node names from its nodes list.`,
        });
      }
    }
  },
};

export const planRoleDistribution: Rule = {
  id: 'plan-role-distribution',
  severity: 'error',
  title: 'Node roles match the distribution (etcd/controlplane/worker for RKE, server/agent for K3s and RKE2)',
  docs: RULE_DOCS['plan-role-distribution'],
  rationale: 'RKE assigns the three Kubernetes roles per node, while K3s and RKE2 only know servers and agents; a role from the other family means the plan describes something that cannot be built.',
  check(ctx) {
    for (const { cluster } of ctx.clusters) {
      if (isManaged(cluster) || cluster.distribution === 'other') continue;
      const serverStyle = usesServerRoles(cluster);
      const allowed: readonly string[] = serverStyle ? K3S_ROLES : RKE_ROLES;
      const wrong = cluster.nodes.filter((n) => n.roles.some((r) => !allowed.includes(r))).map((n) => n.name);
      if (wrong.length === 0) continue;
      ctx.report({
        cluster: cluster.name,
        nodes: wrong,
        message: `Cluster "${cluster.name}" is ${cluster.distribution.toUpperCase()}, but ${listNames(wrong)} ${wrong.length === 1 ? 'has' : 'have'} roles from the other family. Use ${listNames([...allowed])} here.`,
      });
    }
  },
};
