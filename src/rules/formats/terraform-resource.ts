// What reading one cluster resource of a Terraform set needs, whichever resource it is: where a
// block lies (file, line, column), what the reader has found so far, the values the files settle
// (an Unknown where only Terraform knows), `dynamic` blocks, and the cluster's name and version.
import { LIMITS } from '../limits.ts';
import type { Finding } from '../report.ts';
import type { Block, Expr, Pos } from './hcl.ts';
import type { InputWarning } from './input-error.ts';
import type { ClusterInput } from './single-cluster.ts';
import { evaluate, Unknown, type Scope, type Value } from './terraform-eval.ts';
import { attr, withIterator, type ModuleInstance } from './terraform-modules.ts';

export interface Where {
  file: string;
  line: number;
  col: number;
}

/** Unresolved expressions go into the plan (nodesUnknown) and messages: printable ASCII, bounded. */
export const shown = (text: string): string => {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 190 ? `${clean.slice(0, 189)}~` : clean;
};

interface NodeOrigin {
  where: Where;
  nameAt?: Where;
  source: PropertyKey[];
}

export interface ClusterRead {
  cluster: ClusterInput;
  where: Where;
  source: PropertyKey[];
  nameAt?: Where;
  versionAt?: Where;
  aceAt?: Where;
  nodes: NodeOrigin[];
}

export interface Ctx {
  file: string;
  /** The position of the cluster this block becomes in the plan (reads keep the order of the plan's clusters). */
  cluster: number;
  instance: ModuleInstance;
  warnings: InputWarning[];
  findings: Finding[];
}

export const at = (ctx: Ctx, pos: Pos): Where => ({ file: ctx.file, line: pos.line, col: pos.col });
export const place = (w: Where) => `${w.file}:${w.line}:${w.col}`;
export const value = (block: Block, name: string, scope: Scope): Value | undefined => {
  const a = attr(block, name);
  return a ? evaluate(a.value, scope) : undefined;
};
/** "quantity = local.cpnc (var.control_plane_node_count has no default)". */
export const unresolved = (name: string, e: Expr, u: Unknown) => shown(`${name} = ${e.text}${u.why === e.text ? '' : ` (${u.why})`}`);
export const blocksNamed = (block: Block | undefined, type: string) =>
  (block?.body.blocks ?? []).filter((b) => b.type === type || (b.type === 'dynamic' && b.labels[0] === type));

/** The source path shown in messages for a resource: resource.rancher2_cluster_v2.rke2_cluster, under its module. */
export function sourcePath(ctx: Ctx, block: Block): PropertyKey[] {
  const module = ctx.instance.address ? ctx.instance.address.split('.') : [];
  return [...module, 'resource', block.labels[0] ?? '', block.labels[1] ?? ''];
}

/** The cluster's name: the `name` attribute when the files settle it, else the resource's label (said out loud). */
export function clusterName(block: Block, field: string, ctx: Ctx, fallback: string | undefined): { name: string; at?: Where } {
  const a = attr(block, field);
  const label = block.labels[1] ?? 'cluster';
  if (!a) return { name: fallback ?? label };
  const v = evaluate(a.value, ctx.instance.scope);
  if (typeof v === 'string' && v.trim() !== '') return { name: v.trim(), at: at(ctx, a.pos) };
  ctx.warnings.push({
    place: place(at(ctx, a.pos)),
    message: `${field} = ${shown(a.value.text)} is not known from these files${v instanceof Unknown ? ` (${shown(v.why)})` : ''}; the cluster is called "${label}" after its resource label.`,
  });
  return { name: label, at: at(ctx, a.pos) };
}

/** Each instance of a block that may be `dynamic`: the body and the scope to read it in, or why they are unknown. */
export function instancesOf(block: Block, scope: Scope): { body: Block; scope: Scope }[] | { unknown: string } {
  if (block.type !== 'dynamic') return [{ body: block, scope }];
  const content = block.body.blocks.find((b) => b.type === 'content');
  const forEach = attr(block, 'for_each');
  if (!content || !forEach) return [];
  const iterator = value(block, 'iterator', scope);
  const name = typeof iterator === 'string' ? iterator : (block.labels[0] ?? '');
  const items = evaluate(forEach.value, scope);
  if (items instanceof Unknown) return { unknown: unresolved('for_each', forEach.value, items) };
  const entries: [Value, Value][] = Array.isArray(items)
    ? items.map((v, i) => [i, v]) // a list: the key is the index (for a set Terraform makes it the value; nothing here reads it)
    : items !== null && typeof items === 'object'
      ? Object.entries(items)
      : [];
  if (entries.length > LIMITS.nodesPerCluster) return { unknown: shown(`for_each = ${forEach.value.text} (more than ${LIMITS.nodesPerCluster} entries)`) };
  return entries.map(([k, v]) => ({ body: content, scope: withIterator(scope, name, k, v) }));
}

export function readVersion(block: Block, ctx: Ctx, read: Pick<ClusterRead, 'cluster' | 'versionAt'>): string | undefined {
  const a = attr(block, 'kubernetes_version');
  if (!a) return undefined;
  read.versionAt = at(ctx, a.pos);
  const v = evaluate(a.value, ctx.instance.scope);
  if (typeof v === 'string' && v.trim() !== '') {
    read.cluster.kubernetesVersion = v.trim();
    return v.trim();
  }
  return undefined;
}

/**
 * A Terraform block's attributes as plain values for the snapshot readers, or undefined when one of
 * them is only known when Terraform runs: then the file leaves the snapshots open.
 */
export function knownValues(block: Block, names: readonly string[], scope: Scope): Record<string, unknown> | undefined {
  const values: Record<string, unknown> = {};
  for (const name of names) {
    const v = value(block, name, scope);
    if (v instanceof Unknown) return undefined;
    if (v !== undefined) values[name] = v;
  }
  return values;
}
