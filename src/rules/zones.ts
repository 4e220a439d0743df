// Zones: where a plan's nodes are placed, and which zones' loss breaks a cluster — by the same
// failure model as failure.ts (a zone fails every node placed in it, in every cluster), searched
// over the same ways of breaking as the smallest set of failed nodes.
import { datastoreOf, isEtcdMember } from './cluster-facts.ts';
import { breakModes, findCluster, simulatePlanFailure, type BreakMode, type BreakReason } from './failure.ts';
import type { Cluster, Plan } from './plan.ts';
import { listNames } from './words.ts';
import { nodeKey } from './keys.ts';

export interface ZoneBreak {
  cluster: string;
  /** The zones to lose, fewest first found; empty when the cluster is already broken as planned. */
  zones: string[];
  /** The cluster's nodes in those zones. */
  nodes: string[];
  reason: BreakReason;
  message: string;
}

export interface ZoneSummary {
  zone: string;
  /** Keys "<cluster>/<node>" of every node placed in the zone, in plan order. */
  nodes: string[];
}

/** The zones the plan's nodes are placed in, sorted by name, each with its nodes across all clusters. */
export function zonesOf(plan: Plan): ZoneSummary[] {
  const byZone = new Map<string, string[]>();
  for (const c of plan.clusters) {
    for (const n of c.nodes) {
      if (n.zone === undefined) continue;
      const list = byZone.get(n.zone);
      if (list) list.push(nodeKey(c.name, n.name));
      else byZone.set(n.zone, [nodeKey(c.name, n.name)]);
    }
  }
  return [...byZone.keys()].sort().map((zone) => ({ zone, nodes: [...new Set(byZone.get(zone))] }));
}

/** The zones a cluster's nodes are placed in, sorted by name. */
export function clusterZones(cluster: Pick<Cluster, 'nodes'>): string[] {
  return [...new Set(cluster.nodes.flatMap((n) => (n.zone === undefined ? [] : [n.zone])))].sort();
}

/**
 * The zones whose loss alone costs the cluster its etcd quorum, by the plan-wide what-if (every
 * node placed in the zone fails, in every cluster). Empty when no single zone does, or when the
 * cluster has no etcd of its own that holds quorum as planned.
 */
export function zonesBreakingQuorum(plan: Plan, clusterName: string): string[] {
  const cluster = findCluster(plan, clusterName);
  if (datastoreOf(cluster) !== 'etcd' || !cluster.nodes.some((n) => isEtcdMember(cluster, n))) return [];
  const outcomeOf = (zones: string[]) => simulatePlanFailure(plan, { zones }).clusters.find((o) => o.cluster === cluster.name);
  if (outcomeOf([])?.etcd.kept !== true) return [];
  return clusterZones(cluster).filter((zone) => outcomeOf([zone])?.etcd.kept === false);
}

/**
 * The fewest zones whose loss breaks the cluster (same meaning of "breaks" as
 * smallestBreakingFailure, nodes only). Nodes without a zone never fail with one, so a cluster may
 * have no breaking set of zones at all: then undefined. For each way of breaking, the zones holding
 * the most of the nodes that matter are taken first (ties by zone name), which is the fewest for
 * that way; the cheapest way wins, ties in the order of smallestBreakingFailure.
 */
export function smallestBreakingZones(plan: Plan, clusterName: string): ZoneBreak | undefined {
  const cluster = findCluster(plan, clusterName);
  let best: { mode: BreakMode; zones: string[] } | undefined;
  for (const mode of breakModes(plan, cluster)) {
    const counts = new Map<string, number>();
    for (const n of mode.among) if (n.zone !== undefined) counts.set(n.zone, (counts.get(n.zone) ?? 0) + 1);
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const zones: string[] = [];
    let lost = 0;
    for (const [zone, count] of ranked) {
      if (lost >= mode.need) break;
      zones.push(zone);
      lost += count;
    }
    if (lost < mode.need) continue;
    if (!best || zones.length < best.zones.length) best = { mode, zones };
  }
  if (!best) return undefined;
  const chosen = new Set(best.zones);
  const nodes = cluster.nodes.filter((n) => n.zone !== undefined && chosen.has(n.zone)).map((n) => n.name);
  const message =
    best.zones.length === 0
      ? `Cluster "${cluster.name}" is broken as planned: ${best.mode.why}.`
      : `Losing ${best.zones.length === 1 ? 'zone' : 'zones'} ${listNames(best.zones)} breaks cluster "${cluster.name}": ${best.mode.why}.`;
  return { cluster: cluster.name, zones: best.zones, nodes, reason: best.mode.reason, message };
}
