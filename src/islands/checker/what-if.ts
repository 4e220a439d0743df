// The what-if panel's arithmetic on the checker's list of failed keys: which zones are lost, what
// toggling a zone or a part does to the list, and the keys of the smallest breaking failure. The
// model itself (what survives) is src/rules/failure.ts; this only translates to and from keys.
import type { BreakingFailure } from '../../rules/failure.ts';
import { clusterOfKey, nodeKey, partKey, readKey } from '../../rules/keys.ts';
import { zonesOf, type ZoneSummary } from '../../rules/zones.ts';
import type { Plan } from '../../rules/plan.ts';
import { plural } from '../../rules/words.ts';

export type ZoneState = 'up' | 'partly' | 'lost';

export interface ZoneRow extends ZoneSummary {
  state: ZoneState;
}

/** Every zone of the plan with whether all, some or none of its nodes are marked failed. */
export function zoneRows(plan: Plan, failed: readonly string[]): ZoneRow[] {
  const set = new Set(failed);
  return zonesOf(plan).map((z) => {
    const down = z.nodes.filter((k) => set.has(k)).length;
    return { ...z, state: down === 0 ? 'up' : down === z.nodes.length ? 'lost' : 'partly' };
  });
}

/** Losing a zone fails each of its nodes; bringing it back clears them. */
export function toggleZone(failed: readonly string[], zone: ZoneRow): string[] {
  if (zone.state === 'lost') {
    const back = new Set(zone.nodes);
    return failed.filter((k) => !back.has(k));
  }
  return [...new Set([...failed, ...zone.nodes])];
}

/** The failed keys once a cluster's own marks are replaced by a breaking failure of it. */
export function breakKeys(failed: readonly string[], result: Pick<BreakingFailure, 'cluster' | 'nodes' | 'parts'>): string[] {
  return [
    ...failed.filter((k) => clusterOfKey(k) !== result.cluster),
    ...result.nodes.map((n) => nodeKey(result.cluster, n)),
    ...result.parts.map((p) => partKey(result.cluster, p)),
  ];
}

/** Node keys among the failed keys (parts and the Docker host left out), for counting. */
export function failedNodeKeys(failed: readonly string[]): string[] {
  return failed.filter((k) => readKey(k)?.kind === 'node');
}

/** "2 nodes", "1 node and 1 other part", "1 part": what the summary line says is marked failed. */
export function failedSummary(failed: readonly string[]): string {
  const nodes = failedNodeKeys(failed).length;
  const parts = failed.length - nodes;
  if (!parts) return plural(nodes, 'node');
  if (!nodes) return plural(parts, 'part');
  return `${plural(nodes, 'node')} and ${plural(parts, 'other part')}`;
}
