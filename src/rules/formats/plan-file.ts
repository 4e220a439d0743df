// Plan files (YAML or JSON, same shape): read with zod, write back, and publish the JSON Schema.
import { Document, isMap, isScalar, isSeq, visit } from 'yaml';
import { z } from 'zod';
import { planSchema, type Plan } from '../plan.ts';
import { formatPath, InputError } from './input-error.ts';
import { parseText, type ParsedText } from './text.ts';

type Issue = z.core.$ZodIssue;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (value === undefined) return 'nothing';
  return `${typeof value} ${String(value)}`;
}

const expectedWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
};

/** One issue in words; the path is given separately. */
export function issueMessage(issue: Issue & { input?: unknown }): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `missing; expected ${expectedWords[issue.expected] ?? issue.expected}`;
      return `expected ${expectedWords[issue.expected] ?? issue.expected}, got ${describe(issue.input)}`;
    case 'invalid_value':
      if (issue.message && !issue.message.startsWith('Invalid')) return issue.message;
      return `${JSON.stringify(issue.input)} is not allowed; expected ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}`;
    case 'invalid_union':
      return `expected ${issue.path.at(-1) === 'layer' ? '4 or 7' : 'a different value'}, got ${describe(issue.input)}`;
    case 'too_small':
      return issue.origin === 'string' ? 'must not be empty' : `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    default:
      return issue.message;
  }
}

/** Validate already-parsed data as a plan; issues name the path, and the line when `locate` knows it. */
export function validatePlan(data: unknown, where: { file?: string; locate?: ParsedText['locate'] } = {}): Plan {
  const result = planSchema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0] as Issue & { input?: unknown };
  let path = issue.path;
  // Point at the unknown key itself, not the mapping holding it.
  if (issue.code === 'unrecognized_keys' && issue.keys.length === 1) path = [...path, issue.keys[0] as string];
  const pos = where.locate?.(path as PropertyKey[]);
  const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more ${result.error.issues.length === 2 ? 'problem' : 'problems'})` : '';
  throw new InputError(`${issueMessage(issue)}${more}`, {
    file: where.file,
    line: pos?.line,
    col: pos?.col,
    path: formatPath(path as PropertyKey[]) || '(top level)',
  });
}

/** Read plan text (YAML or JSON). Throws InputError. */
export function parsePlan(text: string, options: { filename?: string } = {}): Plan {
  const parsed = parseText(text, options.filename);
  return validatePlan(parsed.data ?? {}, { file: options.filename, locate: parsed.locate });
}

/** Drop undefined fields so written files hold only what the plan says. */
function clean(plan: Plan): unknown {
  return JSON.parse(JSON.stringify(plan));
}

export function toPlanJson(plan: Plan): string {
  return `${JSON.stringify(clean(plan), null, 2)}\n`;
}

/** YAML with short lists ([80, 443]) and each node ({ name, address, roles }) on one line. */
export function toPlanYaml(plan: Plan): string {
  const doc = new Document(clean(plan));
  visit(doc, {
    Seq(_, seq) {
      if (seq.items.every((item) => isScalar(item))) seq.flow = true;
    },
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === 'nodes' && isSeq(pair.value))
        for (const node of pair.value.items) if (isMap(node)) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** JSON Schema for plan files (what a person may write: defaulted fields are optional). */
export function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(planSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return {
    ...schema,
    title: 'Rancher architecture plan',
    description: 'Where Rancher runs and the clusters around it, as read by the Rancher Architecture Guide checker and the rancher-arch CLI.',
  };
}
