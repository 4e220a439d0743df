// Command-line parsing: node:util parseArgs with each command's option table, plus what parseArgs
// leaves to us (allowed values, messages in our words). A mistyped command line is a UsageError:
// exit 2, the message and the usage on stderr.
import { parseArgs } from 'node:util';

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's name in help ("URL", "V"); choices are shown instead when there are some. */
  value?: string;
  /** The values a string option accepts. */
  choices?: readonly string[];
  description: string;
}

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

/** Every command takes --help. */
export const HELP_OPTION: OptionSpecs = { help: { type: 'boolean', short: 'h', description: 'Print this command’s usage.' } };

function parseError(error: unknown): UsageError {
  const e = error as { code?: string; message?: string };
  const quoted = /'(-[^']*)'/.exec(e.message ?? '')?.[1]?.split(' ')[0];
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return new UsageError(`unknown option ${quoted ?? ''}`.trim());
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return /does not take/.test(e.message ?? '')
        ? new UsageError(`option ${quoted ?? ''} takes no value`)
        : new UsageError(`option ${quoted ?? ''} needs a value (write --option=value for a value that starts with "-")`);
    default:
      return new UsageError(e.message?.split('\n')[0] ?? 'could not read the command line');
  }
}

/** Parse one command's arguments. Throws UsageError. */
export function parseCommandArgs(args: readonly string[], specs: OptionSpecs): ParsedArgs {
  const options = Object.fromEntries(
    Object.entries({ ...specs, ...HELP_OPTION }).map(([name, spec]) => [name, spec.short ? { type: spec.type, short: spec.short } : { type: spec.type }]),
  );
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw parseError(error);
  }
  const values = { ...parsed.values } as Record<string, string | boolean | undefined>;
  for (const [name, spec] of Object.entries(specs)) {
    const value = values[name];
    if (typeof value !== 'string') continue;
    if (value === '') throw new UsageError(`option --${name} needs a value`);
    if (spec.choices && !spec.choices.includes(value)) throw new UsageError(`--${name} must be ${spec.choices.join(', ')}; not ${JSON.stringify(value)}`);
  }
  return { positionals: parsed.positionals, values };
}

/** A string option's value. */
export function stringValue(args: ParsedArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** A string option with choices, typed as one of them. */
export function choiceValue<T extends string>(args: ParsedArgs, name: string, choices: readonly T[]): T | undefined {
  const v = stringValue(args, name);
  return v !== undefined && (choices as readonly string[]).includes(v) ? (v as T) : undefined;
}

export function flagValue(args: ParsedArgs, name: string): boolean {
  return args.values[name] === true;
}

/** "--format text|json" or "--docs-base URL", for help. */
export function optionSynopsis(name: string, spec: OptionSpec): string {
  const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}`;
  if (spec.type === 'boolean') return flag;
  return `${flag} ${spec.choices ? spec.choices.join('|') : (spec.value ?? 'VALUE')}`;
}
