// Machine pools → plan nodes, shared by the readers of files that declare pools rather than
// machines (Cluster API, cluster-template Helm values, Rancher's provisioning Cluster): a pool of
// `count` machines becomes nodes <pool>-1 … <pool>-N that remember their pool, and a count the
// file leaves open becomes an entry of the cluster's nodesUnknown instead of a guess.
import { LIMITS } from '../limits.ts';
import type { NodeRole } from '../vocabulary.ts';
import { InputError } from './input-error.ts';
import type { NodeInput } from './single-cluster.ts';

export interface PoolSpec {
  name: string;
  roles: NodeRole[];
  /** Machines in the pool; undefined when the file does not settle it (see `open`). */
  count: number | undefined;
  /** The count as written when it is open (`${WORKER_MACHINE_COUNT}`). */
  open?: string;
  /** Where the count (or the pool) is written, for positions of the pool's nodes. */
  origin: readonly PropertyKey[];
}

export interface ExpandedPools {
  nodes: NodeInput[];
  /** For each node, its pool's source path. */
  origins: (readonly PropertyKey[])[];
  /** Open counts, as written; empty when every count is known. */
  unknown: string[];
  total: number;
}

/**
 * Expand pools into nodes, bounding the total before a single node is made. `fail` turns a
 * problem into an InputError at a source path (the caller knows the file and positions).
 */
export function expandPools(pools: readonly PoolSpec[], fail: (reason: string, path: readonly PropertyKey[]) => never): ExpandedPools {
  const total = pools.reduce((sum, p) => sum + (p.count ?? 0), 0);
  if (total > LIMITS.nodesPerCluster)
    fail(
      `the machine pools add up to ${total.toLocaleString('en')} machines; a cluster is limited to ${LIMITS.nodesPerCluster.toLocaleString('en')}.`,
      pools.find((p) => (p.count ?? 0) > 0)?.origin ?? [],
    );
  const nodes: NodeInput[] = [];
  const origins: (readonly PropertyKey[])[] = [];
  const unknown: string[] = [];
  for (const pool of pools) {
    if (pool.count === undefined) {
      // Shown to people as written: printable ASCII only, and short (plan.ts checks the same).
      unknown.push((pool.open ?? `${pool.name} (count not given)`).replace(/[^\x20-\x7e]/g, '?').slice(0, 200));
      continue;
    }
    for (let n = 1; n <= pool.count; n++) {
      nodes.push({ name: `${pool.name}-${n}`, pool: pool.name, roles: [...pool.roles] });
      origins.push(pool.origin);
    }
  }
  return { nodes, origins, unknown, total };
}

/**
 * A machine count as written: a whole number (or whole-number text, as Helm values sometimes
 * hold), bounded by the cluster size. Anything else is refused at its place.
 */
export function wholeCount(value: unknown, where: { file?: string; line?: number; col?: number; path?: string }): number {
  const n = typeof value === 'string' && /^\d{1,6}$/.test(value.trim()) ? Number(value.trim()) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw new InputError('must be a whole number of machines, 0 or more', where);
  if (n > LIMITS.nodesPerCluster)
    throw new InputError(`${n.toLocaleString('en')} machines in one pool; a cluster is limited to ${LIMITS.nodesPerCluster.toLocaleString('en')}.`, where);
  return n;
}
