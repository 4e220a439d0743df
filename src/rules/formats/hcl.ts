// HCL text → a small syntax tree of our own: blocks, attributes and expressions, each with its
// line and column. The parsing is tree-sitter's HCL grammar compiled to WebAssembly, loaded on the
// first HCL file read (never with the page), and the tree is copied into plain objects at once so
// the WebAssembly memory is freed before anything else runs. Nothing here evaluates anything.
import type { Language as TsLanguage, Node as TsNode, Parser as TsParser } from 'web-tree-sitter';
import { LIMITS } from '../limits.ts';
import { InputError } from './input-error.ts';

export interface Pos {
  line: number;
  col: number;
}

interface ExprBase {
  /** The expression as written (shortened), for messages. */
  text: string;
  pos: Pos;
}

export type Expr = ExprBase &
  (
    | { kind: 'literal'; value: string | number | boolean | null }
    | { kind: 'template'; parts: (string | Expr)[] }
    | { kind: 'tuple'; items: Expr[] }
    | { kind: 'object'; entries: { key: Expr; value: Expr }[] }
    | { kind: 'variable'; name: string }
    | { kind: 'attr'; target: Expr; name: string }
    | { kind: 'index'; target: Expr; index: Expr }
    | { kind: 'conditional'; test: Expr; then: Expr; else: Expr }
    | { kind: 'binary'; op: string; left: Expr; right: Expr }
    | { kind: 'unary'; op: string; operand: Expr }
    | { kind: 'call'; name: string; args: Expr[] }
    /** for expressions, splats: kept as text, never evaluated. */
    | { kind: 'other' }
  );

export interface Attribute {
  name: string;
  value: Expr;
  pos: Pos;
}

export interface Block {
  type: string;
  labels: string[];
  body: Body;
  pos: Pos;
}

export interface Body {
  attributes: Attribute[];
  blocks: Block[];
}

/** Where the two WebAssembly files come from: the CLI reads them from disk, the page fetches them. */
export interface HclAssets {
  /** web-tree-sitter's own .wasm, as a URL or as bytes; undefined: let web-tree-sitter find it beside its module. */
  runtime?: string | Uint8Array;
  /** The HCL grammar's .wasm, as bytes or a URL. */
  grammar: Uint8Array | string;
}

export type HclAssetLoader = () => Promise<HclAssets>;

export interface HclParser {
  parse(text: string, file: string): Body;
}

/** Expressions deeper than this are refused: no real Terraform file nests anywhere near it. */
const MAX_EXPR_DEPTH = 128;
/** Text kept for an expression in messages. */
const MAX_EXPR_TEXT = 120;

let loading: Promise<{ parser: TsParser }> | undefined;

/** Load web-tree-sitter and the grammar once per process (or page). */
async function load(assets: HclAssetLoader): Promise<{ parser: TsParser }> {
  loading ??= (async () => {
    const [{ Parser, Language }, files] = await Promise.all([import('web-tree-sitter'), assets()]);
    const runtime = files.runtime;
    // The runtime's own .wasm: a URL the page fetches, or bytes the CLI read (or carries inside itself).
    await Parser.init(runtime === undefined ? {} : typeof runtime === 'string' ? { locateFile: () => runtime } : { wasmBinary: runtime });
    const language: TsLanguage = await Language.load(files.grammar);
    const parser = new Parser();
    parser.setLanguage(language);
    return { parser };
  })();
  try {
    return await loading;
  } catch (error) {
    loading = undefined; // a failed load (offline page) may be retried
    throw new InputError(`the HCL parser could not be loaded: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
}

/** The HCL parser, loaded on first use. */
export async function hclParser(assets: HclAssetLoader): Promise<HclParser> {
  const { parser } = await load(assets);
  return {
    parse(text, file) {
      if (text.length > LIMITS.inputChars)
        throw new InputError(`input is more than ${LIMITS.inputChars / 1024 / 1024} MB; Terraform files are far smaller.`, { file });
      if (text.includes('\u0000')) throw new InputError('input contains NUL bytes: this looks like a binary file, not HCL.', { file });
      const tree = parser.parse(text);
      if (!tree) throw new InputError('the HCL parser gave no result.', { file });
      try {
        const bad = firstError(tree.rootNode);
        if (bad) throw new InputError(bad.isMissing ? `HCL syntax error: missing ${JSON.stringify(bad.type)}` : 'HCL syntax error', { file, ...posOf(bad) });
        return toBody(tree.rootNode.namedChildren.find((c) => c?.type === 'body') ?? undefined, file);
      } finally {
        tree.delete();
      }
    },
  };
}

const posOf = (n: TsNode): Pos => ({ line: n.startPosition.row + 1, col: n.startPosition.column + 1 });

function firstError(n: TsNode): TsNode | undefined {
  if (!n.hasError) return undefined;
  if (n.isError || n.isMissing) return n;
  for (const c of n.children) {
    const found = c && firstError(c);
    if (found) return found;
  }
  return n;
}

const named = (n: TsNode): TsNode[] => n.namedChildren.filter((c): c is TsNode => c !== null && c.type !== 'comment');

function shortText(n: TsNode): string {
  const text = n.text.replace(/\s+/g, ' ').trim();
  return text.length > MAX_EXPR_TEXT ? `${text.slice(0, MAX_EXPR_TEXT - 1)}…` : text;
}

function toBody(n: TsNode | undefined, file: string): Body {
  const body: Body = { attributes: [], blocks: [] };
  if (!n) return body;
  for (const c of named(n)) {
    if (c.type === 'attribute') {
      const [id, value] = named(c);
      if (id && value) body.attributes.push({ name: id.text, value: toExpr(value, file, 0), pos: posOf(c) });
    } else if (c.type === 'block') {
      const parts = named(c);
      const type = parts[0]?.text ?? '';
      const labels = parts
        .slice(1)
        .filter((p) => p.type === 'string_lit' || p.type === 'identifier')
        .map((p) => (p.type === 'identifier' ? p.text : unescape(named(p).find((x) => x.type === 'template_literal')?.text ?? '')));
      body.blocks.push({
        type,
        labels,
        body: toBody(
          parts.find((p) => p.type === 'body'),
          file,
        ),
        pos: posOf(c),
      });
    }
  }
  return body;
}

const POSTFIX = new Set(['get_attr', 'index', 'splat', 'attr_splat', 'full_splat']);

/**
 * Children as operands: the grammar writes `a.b[0]` as a head followed by its postfix parts
 * (.attr, [index], splats) side by side, in an expression or directly in an operation.
 */
function operands(kids: readonly TsNode[], sub: (n: TsNode) => Expr, base: ExprBase): Expr[] {
  const out: Expr[] = [];
  for (const k of kids) {
    if (!POSTFIX.has(k.type)) {
      out.push(sub(k));
      continue;
    }
    const target = out.pop();
    if (!target) return [];
    const text = `${target.text}${k.text}`.slice(0, MAX_EXPR_TEXT);
    if (k.type === 'get_attr') out.push({ text, pos: target.pos, kind: 'attr', target, name: named(k)[0]?.text ?? '' });
    else if (k.type === 'index') {
      const inner = named(k)[0];
      const index: Expr | undefined =
        inner?.type === 'legacy_index'
          ? { ...base, kind: 'literal', value: Number(inner.text.slice(1)) }
          : (() => {
              const e = named(inner ?? k).find((x) => x.type === 'expression');
              return e ? sub(e) : undefined;
            })();
      out.push(index ? { text, pos: target.pos, kind: 'index', target, index } : { text, pos: target.pos, kind: 'other' });
    } else out.push({ text, pos: target.pos, kind: 'other' });
  }
  return out;
}

/** HCL string escapes: \n \t \r \" \\ \uNNNN \UNNNNNNNN, and $${ / %%{ for a literal ${ / %{. */
function unescape(raw: string): string {
  return raw
    .replace(/\\(n|t|r|"|\\|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})/g, (_, e: string) => {
      if (e === 'n') return '\n';
      if (e === 't') return '\t';
      if (e === 'r') return '\r';
      if (e === '"' || e === '\\') return e;
      const code = parseInt(e.slice(1), 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : '';
    })
    .replace(/([$%])\1\{/g, '$1{');
}

function toExpr(n: TsNode, file: string, depth: number): Expr {
  if (depth > MAX_EXPR_DEPTH)
    throw new InputError(`expression nested deeper than ${MAX_EXPR_DEPTH} levels; no Terraform file is shaped like that.`, { file, ...posOf(n) });
  const base = { text: shortText(n), pos: posOf(n) };
  const sub = (c: TsNode) => toExpr(c, file, depth + 1);
  const kids = named(n);
  switch (n.type) {
    case 'expression': {
      const [operand] = operands(kids, sub, base);
      return operand && kids.length > 1 ? operand : operand ? { ...operand, ...base } : { ...base, kind: 'other' };
    }
    case 'variable_expr':
      return { ...base, kind: 'variable', name: kids[0]?.text ?? n.text };
    case 'literal_value':
      return kids[0] ? sub(kids[0]) : { ...base, kind: 'other' };
    case 'numeric_lit':
      return { ...base, kind: 'literal', value: Number(n.text) };
    case 'bool_lit':
      return { ...base, kind: 'literal', value: n.text === 'true' };
    case 'null_lit':
      return { ...base, kind: 'literal', value: null };
    case 'string_lit':
      return {
        ...base,
        kind: 'literal',
        value: kids
          .filter((k) => k.type === 'template_literal')
          .map((k) => unescape(k.text))
          .join(''),
      };
    case 'template_expr':
      return kids[0] ? sub(kids[0]) : { ...base, kind: 'other' };
    case 'quoted_template':
    case 'heredoc_template': {
      const parts: (string | Expr)[] = [];
      for (const k of kids) {
        if (k.type === 'template_literal') parts.push(n.type === 'quoted_template' ? unescape(k.text) : k.text);
        else if (k.type === 'template_interpolation') {
          const inner = named(k).find((x) => x.type === 'expression');
          parts.push(inner ? sub(inner) : { ...base, kind: 'other' });
        } else if (k.type === 'template_directive') parts.push({ ...base, kind: 'other' });
      }
      return { ...base, kind: 'template', parts };
    }
    case 'collection_value':
      return kids[0] ? sub(kids[0]) : { ...base, kind: 'other' };
    case 'tuple':
      return { ...base, kind: 'tuple', items: kids.filter((k) => k.type === 'expression').map(sub) };
    case 'object':
      return {
        ...base,
        kind: 'object',
        entries: kids
          .filter((k) => k.type === 'object_elem')
          .map((e) => {
            const [key, value] = named(e);
            return { key: key ? sub(key) : { ...base, kind: 'other' as const }, value: value ? sub(value) : { ...base, kind: 'other' as const } };
          }),
      };
    case 'conditional': {
      const [test, then, otherwise] = kids;
      if (!test || !then || !otherwise) return { ...base, kind: 'other' };
      return { ...base, kind: 'conditional', test: sub(test), then: sub(then), else: sub(otherwise) };
    }
    case 'operation':
      return kids[0] ? sub(kids[0]) : { ...base, kind: 'other' };
    case 'binary_operation': {
      const [left, right] = operands(kids, sub, base);
      const op = n.children.find((c) => c !== null && !c.isNamed)?.text ?? '';
      if (!left || !right) return { ...base, kind: 'other' };
      return { ...base, kind: 'binary', op, left, right };
    }
    case 'unary_operation': {
      const op = n.children.find((c) => c !== null && !c.isNamed)?.text ?? '';
      const [operand] = operands(kids, sub, base);
      return operand ? { ...base, kind: 'unary', op, operand } : { ...base, kind: 'other' };
    }
    case 'function_call': {
      const name = kids.find((k) => k.type === 'identifier')?.text ?? '';
      const args = kids.find((k) => k.type === 'function_arguments');
      return {
        ...base,
        kind: 'call',
        name,
        args: args
          ? named(args)
              .filter((a) => a.type === 'expression')
              .map(sub)
          : [],
      };
    }
    default:
      // Parenthesised expressions and anything else with a single expression inside.
      if (kids.length === 1 && kids[0]?.type === 'expression') return sub(kids[0]);
      return { ...base, kind: 'other' };
  }
}
