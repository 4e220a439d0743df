// Ports in the delta report: the firewall matrix of the RKE cluster against the new cluster's,
// each built from the port tables, so every port to open or close names the table row it rests on.
import { portMatrix, type PortMatrix } from '../ports/matrix.ts';
import { portSources, type PortSourceId } from '../ports/tables.ts';
import type { Cluster } from '../vocabulary.ts';
import { product, type DeltaInput, type DeltaItem } from './delta-item.ts';
import { cite } from './sources.ts';

interface PortUse {
  protocol: string;
  /** The ports the rule covers, each one (a NodePort range is 2,768 numbers, small enough). */
  ports: Set<number>;
  /** ICMP and "any" rules have no port: compared by protocol alone. */
  portless: boolean;
  kinds: Set<string>;
  why: string;
  source: PortSourceId;
  optional?: string;
}

/** The inbound rules of one cluster's matrix, one per rule id (loopback-only and our own rules left out). */
function rulesOf(matrix: PortMatrix, cluster: string): PortUse[] {
  const found = new Map<string, PortUse>();
  for (const node of matrix.clusters.find((c) => c.name === cluster)?.nodes ?? [])
    for (const rule of node.rules) {
      if (rule.local || rule.ours) continue;
      const key = `${rule.id}/${rule.protocol}/${rule.ports}`;
      let use = found.get(key);
      if (use === undefined) {
        const ports = new Set<number>();
        if (rule.range) for (let p = rule.range[0]; p <= rule.range[1]; p++) ports.add(p);
        use = {
          protocol: rule.protocol,
          ports,
          portless: rule.range === undefined,
          kinds: new Set(),
          why: rule.why,
          source: rule.source,
          ...(rule.optional ? { optional: rule.optional } : {}),
        };
        found.set(key, use);
      }
      use.kinds.add(node.kind);
    }
  return [...found.values()];
}

/** 2379, 2381, 8472 → "2379, 2381"; consecutive numbers become ranges. */
function rangesOf(ports: readonly number[]): string {
  const sorted = [...ports].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

/** For each rule of `side`, the ports no rule of `other` covers (same protocol). */
function uncovered(side: readonly PortUse[], other: readonly PortUse[]): { use: PortUse; label: string }[] {
  const covered = new Map<string, Set<number>>();
  const portless = new Set<string>();
  for (const o of other) {
    if (o.portless) portless.add(o.protocol);
    const set = covered.get(o.protocol) ?? new Set<number>();
    for (const p of o.ports) set.add(p);
    covered.set(o.protocol, set);
  }
  const out: { use: PortUse; label: string }[] = [];
  for (const use of side) {
    if (use.portless) {
      if (!portless.has(use.protocol)) out.push({ use, label: use.protocol.toUpperCase() });
      continue;
    }
    const left = [...use.ports].filter((p) => !covered.get(use.protocol)?.has(p));
    if (left.length > 0) out.push({ use, label: `${rangesOf(left)}/${use.protocol}` });
  }
  const first = (x: { use: PortUse }) => Math.min(...x.use.ports);
  return out.sort((a, b) => first(a) - first(b));
}

/** Ports the ingress controller binds on the nodes that run it; no port table lists them for downstream RKE2 nodes. */
const INGRESS_PORTS = new Set([80, 443]);

/**
 * The cluster with at most three nodes of each role set: which ports a node needs follows from its
 * roles and its cluster, not from how many nodes share them, and the matrix of a 5,000-node
 * cluster takes seconds to build. Three keep every "two or more servers" condition as it was.
 */
function representative(cluster: Cluster): Cluster {
  const seen = new Map<string, number>();
  const nodes = cluster.nodes.filter((n) => {
    const key = [...n.roles].sort().join('+');
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    return count <= 3;
  });
  return nodes.length === cluster.nodes.length ? cluster : { ...cluster, nodes };
}

export function portItems({ plan, source, target, targetCluster, to, settings }: DeltaInput): DeltaItem[] {
  const before = rulesOf(portMatrix({ ...plan, clusters: [representative(source)] }), source.name);
  const after = rulesOf(portMatrix({ ...target, clusters: [representative(targetCluster)] }), targetCluster.name);
  const kinds = (use: PortUse) => [...use.kinds].join(', ');
  const optional = (use: PortUse) => (use.optional ? ` (${use.optional})` : '');
  const items: DeltaItem[] = uncovered(after, before).map(({ use, label }) => ({
    topic: 'ports',
    change: 'open',
    text: `Open ${label} on ${kinds(use)}: ${use.why}${optional(use)}`,
    sources: [...portSources(use.source)],
  }));
  const ingress = settings.ingressProvider !== 'none';
  for (const { use, label } of uncovered(before, after)) {
    if (ingress && !use.portless && [...use.ports].every((p) => INGRESS_PORTS.has(p))) {
      items.push({
        topic: 'ports',
        change: 'keep',
        text: `Keep ${label} open on the nodes that run the ingress controller: ${to === 'rke2' ? 'RKE2 deploys one that binds 80 and 443' : 'K3s bundles one'}, though the downstream port tables do not list it.`,
        sources: to === 'rke2' ? cite('rke2Networking') : [],
      });
      continue;
    }
    items.push({
      topic: 'ports',
      change: 'close',
      text: `Close ${label}: RKE's table listed it on ${kinds(use)} (${use.why.replace(/\.$/, '')})${optional(use)}, and ${product(to)}'s does not. Keep it only if something of your own still uses it.`,
      sources: [...portSources(use.source)],
    });
  }
  return items;
}
