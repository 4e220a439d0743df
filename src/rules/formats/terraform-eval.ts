// Evaluating the HCL expressions a reader can evaluate without running Terraform: literals,
// templates, var.x and local.x (through a scope the caller supplies), each/iterator values, a few
// pure functions and the usual operators. Anything else (a resource's attribute, a data source, a
// module output, random values) is Unknown, carrying the reason in words; an Unknown operand makes
// the whole result Unknown. Nothing is ever guessed.
import type { Expr } from './hcl.ts';

export class Unknown {
  readonly why: string;
  constructor(why: string) {
    this.why = why;
  }
}

export type Value = string | number | boolean | null | Value[] | { [key: string]: Value } | Unknown;

export interface Scope {
  /** var.NAME / local.NAME (or Unknown when it cannot be known). */
  get(root: 'var' | 'local', name: string): Value;
  /** The value of a for_each iterator (each, or a dynamic block's name): { key, value }. */
  iterator(name: string): { key: Value; value: Value } | undefined;
}

/** Strings longer than this are not built (a chain of templates doubling a string). */
const MAX_STRING = 10_000;
const MAX_DEPTH = 128;

const isRecord = (v: Value): v is { [key: string]: Value } => v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Unknown);

function describe(v: Value): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  return typeof v;
}

function equal(a: Value, b: Value): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i] as Value));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => k in b && equal(a[k] as Value, b[k] as Value));
  }
  return a === b;
}

/** Text of a primitive as Terraform converts it in a template. */
function asText(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

const FUNCTIONS: Record<string, (args: Value[], e: Expr) => Value> = {
  tostring: ([v = null]) => asText(v) ?? null,
  tonumber: ([v = null], e) => {
    const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
    return Number.isFinite(n) ? n : new Unknown(`${e.text} is not a number`);
  },
  lower: ([v = null]) => (typeof v === 'string' ? v.toLowerCase() : null),
  upper: ([v = null]) => (typeof v === 'string' ? v.toUpperCase() : null),
  length: ([v = null], e) =>
    Array.isArray(v) ? v.length : isRecord(v) ? Object.keys(v).length : typeof v === 'string' ? [...v].length : new Unknown(`${e.text}: no length`),
  max: (args, e) => (args.every((a) => typeof a === 'number') && args.length > 0 ? Math.max(...args) : new Unknown(`${e.text}: not numbers`)),
  min: (args, e) => (args.every((a) => typeof a === 'number') && args.length > 0 ? Math.min(...args) : new Unknown(`${e.text}: not numbers`)),
};

/** The first Unknown among values, if any. */
export function firstUnknown(values: readonly Value[]): Unknown | undefined {
  return values.find((v): v is Unknown => v instanceof Unknown);
}

export function evaluate(e: Expr, scope: Scope, depth = 0): Value {
  if (depth > MAX_DEPTH) return new Unknown(`${e.text} nests too deeply to evaluate`);
  const ev = (x: Expr) => evaluate(x, scope, depth + 1);
  switch (e.kind) {
    case 'literal':
      return e.value;
    case 'template': {
      let out = '';
      for (const part of e.parts) {
        if (typeof part === 'string') out += part;
        else {
          const v = ev(part);
          if (v instanceof Unknown) return v;
          const text = asText(v);
          if (text === undefined) return new Unknown(`${part.text} is ${describe(v)}, not text`);
          out += text;
        }
        if (out.length > MAX_STRING) return new Unknown(`${e.text} builds a string longer than ${MAX_STRING} characters`);
      }
      return out;
    }
    case 'tuple': {
      const items = e.items.map(ev);
      return items;
    }
    case 'object': {
      const out: { [key: string]: Value } = {};
      for (const { key, value } of e.entries) {
        // A bare word as a key is the key itself, not a variable.
        const k = key.kind === 'variable' ? key.name : ev(key);
        if (k instanceof Unknown) return k;
        const text = asText(k);
        if (text === undefined) return new Unknown(`${key.text} is not a valid key`);
        Object.defineProperty(out, text, { value: ev(value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    case 'variable': {
      const it = scope.iterator(e.name);
      if (it) return { key: it.key, value: it.value };
      if (e.name === 'var' || e.name === 'local') return new Unknown(`${e.text} needs an attribute name`);
      return new Unknown(`${e.text} is only known when Terraform runs`);
    }
    case 'attr': {
      if (e.target.kind === 'variable' && (e.target.name === 'var' || e.target.name === 'local') && !scope.iterator(e.target.name))
        return scope.get(e.target.name, e.name);
      const target = ev(e.target);
      if (target instanceof Unknown) return rootUnknown(e, target);
      if (isRecord(target) && Object.hasOwn(target, e.name)) return target[e.name] as Value;
      return new Unknown(`${e.text}: ${describe(target)} without the attribute ${e.name}`);
    }
    case 'index': {
      const target = ev(e.target);
      if (target instanceof Unknown) return rootUnknown(e, target);
      const index = ev(e.index);
      if (index instanceof Unknown) return index;
      if (Array.isArray(target) && typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < target.length) return target[index] as Value;
      const key = asText(index);
      if (isRecord(target) && key !== undefined && Object.hasOwn(target, key)) return target[key] as Value;
      return new Unknown(`${e.text}: no element ${JSON.stringify(index)}`);
    }
    case 'conditional': {
      const test = ev(e.test);
      if (test instanceof Unknown) return test;
      if (typeof test !== 'boolean') return new Unknown(`${e.test.text} is ${describe(test)}, not true or false`);
      return ev(test ? e.then : e.else);
    }
    case 'unary': {
      const v = ev(e.operand);
      if (v instanceof Unknown) return v;
      if (e.op === '-' && typeof v === 'number') return -v;
      if (e.op === '!' && typeof v === 'boolean') return !v;
      return new Unknown(`${e.text} cannot be evaluated`);
    }
    case 'binary':
      return binary(e, ev(e.left), ev(e.right));
    case 'call': {
      const fn = Object.hasOwn(FUNCTIONS, e.name) ? FUNCTIONS[e.name] : undefined;
      if (!fn) return new Unknown(`${e.text} calls ${e.name}(), which is not evaluated here`);
      const args = e.args.map(ev);
      return firstUnknown(args) ?? fn(args, e);
    }
    case 'other':
      return new Unknown(`${e.text} is not evaluated here`);
  }
}

/** A reference into something unknown (module.x.y[0], random_pet.p.id) is unknown for the same reason. */
function rootUnknown(e: Expr, target: Unknown): Unknown {
  return target.why.endsWith('is only known when Terraform runs') ? new Unknown(`${e.text} is only known when Terraform runs`) : target;
}

function binary(e: Expr & { kind: 'binary' }, l: Value, r: Value): Value {
  if (e.op === '==' || e.op === '!=') {
    const u = firstUnknown([l, r]);
    if (u) return u;
    return e.op === '==' ? equal(l, r) : !equal(l, r);
  }
  if (e.op === '&&' || e.op === '||') {
    // Terraform evaluates both sides, but a known side can settle it: false && x, true || x.
    if (e.op === '&&' && (l === false || r === false)) return false;
    if (e.op === '||' && (l === true || r === true)) return true;
    const u = firstUnknown([l, r]);
    if (u) return u;
    return typeof l === 'boolean' && typeof r === 'boolean' ? (e.op === '&&' ? l && r : l || r) : new Unknown(`${e.text}: not true or false`);
  }
  const u = firstUnknown([l, r]);
  if (u) return u;
  const a = typeof l === 'string' && l.trim() !== '' ? Number(l) : l;
  const b = typeof r === 'string' && r.trim() !== '' ? Number(r) : r;
  if (typeof a !== 'number' || typeof b !== 'number' || Number.isNaN(a) || Number.isNaN(b)) return new Unknown(`${e.text}: not numbers`);
  switch (e.op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? new Unknown(`${e.text} divides by zero`) : a / b;
    case '%':
      return b === 0 ? new Unknown(`${e.text} divides by zero`) : a % b;
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
    default:
      return new Unknown(`${e.text} cannot be evaluated`);
  }
}

/** The literal parts of a template whose interpolations are unknown ("${local.name}-cp" → "-cp"). */
export function literalParts(e: Expr): string {
  if (e.kind === 'literal') return typeof e.value === 'string' ? e.value : '';
  if (e.kind === 'template') return e.parts.filter((p): p is string => typeof p === 'string').join('');
  return '';
}
