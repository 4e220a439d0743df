// Rancher's own hosts stay apart from the clusters that run people's apps.
import { RULE_DOCS } from '../docs-links.ts';
import { listNames, nodeKey, type Rule } from '../rule.ts';

export const separateRancherFromDownstream: Rule = {
  id: 'separate-rancher-from-downstream',
  severity: 'warning',
  title: 'No host serves both Rancher and a downstream cluster',
  docs: RULE_DOCS['separate-rancher-from-downstream'],
  rationale:
    'When a machine runs Rancher and user workloads at once, trouble in one spills into the other, and losing that machine takes out management and apps together.',
  check(ctx) {
    const rancherHosts = new Set<string>();
    for (const node of ctx.rancher?.cluster.nodes ?? []) rancherHosts.add(nodeKey(node));
    const docker = ctx.plan.rancher?.install === 'docker' ? ctx.plan.rancher.host : undefined;
    if (docker) rancherHosts.add(docker);
    if (rancherHosts.size === 0) return;
    const where = docker && !ctx.rancher ? 'the Rancher Docker host' : 'the Rancher server';
    for (const { cluster } of ctx.downstream) {
      const shared = cluster.nodes.filter((n) => rancherHosts.has(nodeKey(n))).map((n) => n.name);
      if (shared.length === 0) continue;
      ctx.report({
        cluster: cluster.name,
        nodes: shared,
        message: `${listNames(shared)} in downstream cluster "${cluster.name}" ${shared.length === 1 ? 'is' : 'are'} also ${where}. Move the downstream cluster to its own machines.`,
      });
    }
  },
};

export const rancherClusterDedicated: Rule = {
  id: 'rancher-cluster-dedicated',
  severity: 'warning',
  title: 'The Rancher cluster runs no user workloads',
  docs: RULE_DOCS['rancher-cluster-dedicated'],
  rationale: 'A cluster that only hosts Rancher keeps its resources and its attack surface small; apps belong in downstream clusters that Rancher manages.',
  check(ctx) {
    const r = ctx.rancher;
    if (!r?.cluster.userWorkloads) return;
    ctx.report({
      cluster: r.cluster.name,
      message: `The Rancher cluster "${r.cluster.name}" also runs user workloads. Move those apps to a downstream cluster and keep this one for Rancher.`,
    });
  },
};
