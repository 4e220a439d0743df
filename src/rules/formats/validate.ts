// The one validation path: every reader's output, every plan file, share link and stored plan is
// checked here. Sizes are bounded before the schema runs; the first problem becomes an InputError
// of the form `file:line:col path: message`, never raw zod output.
import type { z } from 'zod';
import { LIMIT_REASONS, LIMITS } from '../limits.ts';
import { planSchema, type Plan } from '../plan.ts';
import { plural, quoteText } from '../words.ts';
import { formatPath, InputError } from './input-error.ts';
import type { ParsedText } from './text.ts';

type Issue = z.core.$ZodIssue;

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  // JSON.stringify escapes control characters, so a hostile value cannot reach a terminal raw.
  if (typeof value === 'string') return `the text ${quoteText(value)}`;
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${value.toString()}`;
  return typeof value;
}

const expectedWords: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
};

/** "a", "b" … and N more, for lists of keys. */
function someKeys(keys: readonly PropertyKey[]): string {
  const shown = keys.slice(0, LIMITS.listedProblems).map((k) => quoteText(String(k)));
  const rest = keys.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} and ${rest.toLocaleString('en')} more` : shown.join(', ');
}

/** One issue in words; the path is given separately. */
export function issueMessage(issue: Issue & { input?: unknown }): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `missing; expected ${expectedWords[issue.expected] ?? issue.expected}`;
      return `expected ${expectedWords[issue.expected] ?? issue.expected}, got ${describe(issue.input)}`;
    case 'invalid_value':
      if (issue.message && !issue.message.startsWith('Invalid')) return issue.message;
      return `${describe(issue.input)} is not allowed; expected ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${someKeys(issue.keys)}`;
    case 'invalid_union':
      return `expected ${issue.path.at(-1) === 'layer' ? '4 or 7' : 'a different value'}, got ${describe(issue.input)}`;
    case 'too_small':
      return issue.origin === 'string' ? 'must not be empty' : issue.message.startsWith('Too') ? `must be at least ${String(issue.minimum)}` : issue.message;
    case 'too_big':
      if (issue.origin === 'array') return `has more than ${String(issue.maximum)} entries`;
      return issue.message.startsWith('Too') ? `must be at most ${String(issue.maximum)}` : issue.message;
    default:
      return issue.message;
  }
}

/**
 * Count clusters and nodes in raw data before any further work, so a tiny input that expands to
 * huge lists (a share link, a YAML file) is refused at once and in the same words everywhere.
 */
export function guardPlanSize(data: unknown, file?: string): void {
  if (data === null || typeof data !== 'object') return;
  const clusters = (data as { clusters?: unknown }).clusters;
  if (!Array.isArray(clusters)) return;
  if (clusters.length > LIMITS.clusters)
    throw new InputError(
      `the plan has ${plural(clusters.length, 'cluster')}; at most ${LIMITS.clusters.toLocaleString('en')} are checked at once, since ${LIMIT_REASONS.clusters}. Split it into several plans.`,
      { file, path: 'clusters' },
    );
  let total = 0;
  clusters.forEach((cluster, i) => {
    const nodes = cluster !== null && typeof cluster === 'object' ? (cluster as { nodes?: unknown }).nodes : undefined;
    if (!Array.isArray(nodes)) return;
    if (nodes.length > LIMITS.nodesPerCluster)
      throw new InputError(
        `the cluster has ${plural(nodes.length, 'node')}; at most ${LIMITS.nodesPerCluster.toLocaleString('en')} are checked in one cluster, since ${LIMIT_REASONS.nodesPerCluster}.`,
        {
          file,
          path: formatPath(['clusters', i, 'nodes']),
        },
      );
    total += nodes.length;
  });
  if (total > LIMITS.nodes)
    throw new InputError(
      `the plan has ${plural(total, 'node')}; at most ${LIMITS.nodes.toLocaleString('en')} are checked at once, since ${LIMIT_REASONS.nodes}. Split it into several plans.`,
      { file, path: 'clusters' },
    );
}

export interface Where {
  file?: string;
  /** Source position of a plan path, when the reader knows it. */
  locate?: ParsedText['locate'];
  /** The source path a plan path came from, so messages name the field the person wrote. */
  origin?: (planPath: readonly PropertyKey[]) => readonly PropertyKey[] | undefined;
}

/** Validate data as a plan; issues name the path, and the line when `locate` knows it. Throws InputError. */
export function validatePlan(data: unknown, where: Where = {}): Plan {
  guardPlanSize(data, where.file);
  return validateWith(planSchema, data, where);
}

/**
 * Validate data against any schema on the same terms as a plan (the CLI's config file takes this
 * path too): the first problem becomes `file:line:col path: message`. Throws InputError.
 */
export function validateWith<S extends z.ZodType>(schema: S, data: unknown, where: Where = {}): z.output<S> {
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  const issues = result.error.issues;
  const issue = issues[0] as Issue & { input?: unknown };
  let path = issue.path;
  // Point at the unknown key itself, not the mapping holding it.
  if (issue.code === 'unrecognized_keys' && issue.keys.length === 1) path = [...path, issue.keys[0] as string];
  // A reader of several files (a Terraform folder) says which file the place is in.
  const pos: { line: number; col: number; file?: string } | undefined = where.locate?.(path);
  const more = issues.length > 1 ? ` (and ${plural(issues.length - 1, 'more problem')})` : '';
  throw new InputError(`${issueMessage(issue)}${more}`, {
    file: pos?.file ?? where.file,
    line: pos?.line,
    col: pos?.col,
    path: formatPath(where.origin?.(path)?.length ? (where.origin(path) as PropertyKey[]) : path) || '(top level)',
  });
}
