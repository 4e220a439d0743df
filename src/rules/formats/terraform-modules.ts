// A Terraform file set as Terraform sees it: files grouped by folder into modules, `module` calls
// with a local `source` resolved to a folder of the set, and the scope each module instance
// evaluates in (variables from the caller's arguments, a .tfvars file or their defaults; locals
// evaluated once, lazily, with cycles reported as unknown).
import type { Block, Body, Pos } from './hcl.ts';
import { evaluate, Unknown, type Scope, type Value } from './terraform-eval.ts';

export interface ParsedFile {
  /** The file's name in the set ("main.tf", "modules/downstream/main.tf"). */
  name: string;
  dir: string;
  body: Body;
  tfvars: boolean;
}

export interface ModuleInstance {
  /** "" for a root module, else "module.downstream" (nested: "module.a.module.b"). */
  address: string;
  dir: string;
  files: ParsedFile[];
  scope: Scope;
}

export interface Located<T> {
  file: string;
  value: T;
}

/** Module calls followed at most this deep, and module instances read at most this many. */
const MAX_MODULE_DEPTH = 8;
const MAX_INSTANCES = 64;

export const dirOf = (name: string): string => (name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : '');

/** "./modules/x" from folder "infra" → "infra/modules/x"; undefined when it leaves the set or is not local. */
export function localSource(source: string, from: string): string | undefined {
  if (!source.startsWith('./') && !source.startsWith('../')) return undefined;
  const parts = from === '' ? [] : from.split('/');
  for (const part of source.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
    } else parts.push(part);
  }
  return parts.join('/');
}

const blocksOf = (files: readonly ParsedFile[], type: string): Located<Block>[] =>
  files.flatMap((f) => f.body.blocks.filter((b) => b.type === type).map((value) => ({ file: f.name, value })));

export const attr = (block: Block, name: string) => block.body.attributes.find((a) => a.name === name);

export interface ModuleNote {
  file: string;
  pos: Pos;
  message: string;
}

/**
 * The module instances of a file set: each root folder (one no module call of the set points at)
 * and every local module it calls, with their scopes. `tfvars` values override the root's defaults.
 */
export function moduleInstances(files: readonly ParsedFile[]): { instances: ModuleInstance[]; notes: ModuleNote[] } {
  const byDir = new Map<string, ParsedFile[]>();
  for (const f of files) if (!f.tfvars) byDir.set(f.dir, [...(byDir.get(f.dir) ?? []), f]);
  const called = new Set<string>();
  for (const [dir, group] of byDir)
    for (const { value } of blocksOf(group, 'module')) {
      const source = attr(value, 'source')?.value;
      const target = source?.kind === 'literal' && typeof source.value === 'string' ? localSource(source.value, dir) : undefined;
      if (target !== undefined && target !== dir && byDir.has(target)) called.add(target);
    }
  let roots = [...byDir.keys()].filter((d) => !called.has(d));
  if (roots.length === 0) roots = [...byDir.keys()].slice(0, 1);

  const instances: ModuleInstance[] = [];
  const notes: ModuleNote[] = [];
  const visit = (dir: string, address: string, provided: Map<string, () => Value>, depth: number, caller: string | undefined) => {
    if (instances.length >= MAX_INSTANCES || depth > MAX_MODULE_DEPTH) return;
    const group = byDir.get(dir) ?? [];
    const scope = moduleScope(group, provided, caller);
    instances.push({ address, dir, files: group, scope });
    for (const { file, value: call } of blocksOf(group, 'module')) {
      const name = call.labels[0] ?? '';
      const source = attr(call, 'source')?.value;
      const text = source?.kind === 'literal' && typeof source.value === 'string' ? source.value : undefined;
      const target = text === undefined ? undefined : localSource(text, dir);
      if (target === undefined || !byDir.has(target) || target === dir) {
        notes.push({
          file,
          pos: call.pos,
          message: `module "${name}" (source ${source?.text ?? 'unset'}) is not among these files, so any cluster it declares is not read.`,
        });
        continue;
      }
      if (attr(call, 'count') || attr(call, 'for_each'))
        notes.push({ file, pos: call.pos, message: `module "${name}" has count or for_each; it was read once.` });
      const args = new Map<string, () => Value>();
      for (const a of call.body.attributes)
        if (!['source', 'version', 'count', 'for_each', 'depends_on', 'providers'].includes(a.name)) args.set(a.name, () => evaluate(a.value, scope));
      visit(target, `${address ? `${address}.` : ''}module.${name}`, args, depth + 1, `module.${name}`);
    }
  };
  for (const dir of roots) {
    // A root module takes its values from the set's .tfvars files in its folder, in name order (the last one wins).
    const values = new Map<string, () => Value>();
    const tfvars = files.filter((f) => f.tfvars && f.dir === dir).sort((a, b) => (a.name < b.name ? -1 : 1));
    const empty = moduleScope([], new Map(), undefined);
    for (const f of tfvars) for (const a of f.body.attributes) values.set(a.name, () => evaluate(a.value, empty));
    visit(dir, '', values, 0, undefined);
  }
  return { instances, notes };
}

/** var.* and local.* of one module instance; each evaluated once. */
function moduleScope(files: readonly ParsedFile[], provided: Map<string, () => Value>, caller: string | undefined): Scope {
  const declared = new Map<string, Block>();
  for (const { value } of blocksOf(files, 'variable')) if (value.labels[0] !== undefined) declared.set(value.labels[0], value);
  const locals = new Map<string, Block['body']['attributes'][number]>();
  for (const { value } of blocksOf(files, 'locals')) for (const a of value.body.attributes) locals.set(a.name, a);
  const memo = new Map<string, Value>();
  const busy = new Set<string>();
  const scope: Scope = {
    iterator: () => undefined,
    get(root, name) {
      const key = `${root}.${name}`;
      if (memo.has(key)) return memo.get(key) as Value;
      if (busy.has(key)) return new Unknown(`${key} refers to itself`);
      busy.add(key);
      let value: Value;
      if (root === 'local') {
        const a = locals.get(name);
        value = a ? evaluate(a.value, scope) : new Unknown(`${key} is not defined in these files`);
      } else {
        const given = provided.get(name);
        const decl = declared.get(name);
        const fallback = decl ? attr(decl, 'default') : undefined;
        if (given) value = given();
        else if (fallback) value = evaluate(fallback.value, scope);
        else if (decl) value = new Unknown(caller ? `${key} has no default and ${caller} does not set it` : `${key} has no default`);
        else value = new Unknown(`${key} is not declared in these files`);
      }
      busy.delete(key);
      memo.set(key, value);
      return value;
    },
  };
  return scope;
}

/** A scope that adds a for_each iterator (each, or a dynamic block's name) to another. */
export function withIterator(scope: Scope, name: string, key: Value, value: Value): Scope {
  return { get: (root, n) => scope.get(root, n), iterator: (n) => (n === name ? { key, value } : scope.iterator(n)) };
}
