// rancher-arch: the rules package in a terminal or a CI pipeline.
// Exit codes: 0 no error findings, 1 error findings, 2 the input (or the command line) could not be read.
import { readFileSync } from 'node:fs';
import {
  checkPlan,
  InputError,
  INPUT_FORMATS,
  readInputDetailed,
  ruleById,
  RULES,
  toClusterYml,
  toNginxConfig,
  toPlanJson,
  toPlanYaml,
  type InputFormat,
  type ReadOptions,
} from '../rules/index.ts';
import { formatReportText, formatRule, formatRuleList } from './format-text.ts';
import { PORTS_FORMATS, runPorts } from './ports.ts';
import { runSize } from './size.ts';
import { SIZING_TARGETS } from '../rules/sizing/size.ts';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): string;
  readStdin(): string;
  color: boolean;
  /** Environment variables the command reads (RANCHER_ARCH_DOCS_BASE). */
  env?: Record<string, string | undefined>;
}

export const USAGE = `Usage:
  rancher-arch check FILE|- [--format text|json] [--as rancher|downstream] [--rancher-version V]
                           [--input-format ${INPUT_FORMATS.join('|')}] [--docs-base URL]
                           [--fail-on error|warning|info]
                           (RANCHER_ARCH_DOCS_BASE in the environment sets --docs-base)
  rancher-arch convert FILE|- --to plan|plan-json|cluster-yml|nginx [--cluster NAME] [--as ...] [--rancher-version V]
  rancher-arch ports FILE|- [--format markdown|nftables|firewalld|csv|json] [--node NAME]
  rancher-arch size FILE|- [--clusters N] [--nodes M] [--distribution D] [--rancher-version V] [--format text|json]
  rancher-arch size --clusters N --nodes M --distribution D --rancher-version V
  rancher-arch rules
  rancher-arch explain RULE-ID
  rancher-arch help

FILE may be a plan (YAML or JSON), an RKE cluster.yml, kubectl get nodes -o json|yaml output,
or a K3s config.yaml; the format is detected. --as and --rancher-version apply to the
single-cluster inputs (everything but a plan).

Exit codes: 0 no error findings; 1 error findings (with --fail-on warning: errors or warnings;
info: any finding); 2 the input could not be read. size: 1 when a node is below its row or the
scale is past the largest one.
`;

class UsageError extends Error {}

interface Args {
  positional: string[];
  flags: Map<string, string>;
}

const VALUED = new Set([
  'format',
  'as',
  'rancher-version',
  'to',
  'cluster',
  'input-format',
  'docs-base',
  'fail-on',
  'node',
  'clusters',
  'nodes',
  'distribution',
]);

function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-' || !arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    if (arg === '-h' || arg === '--help') {
      flags.set('help', 'true');
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (!arg.startsWith('--') || !VALUED.has(name)) throw new UsageError(`unknown option ${arg}`);
    const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined || value === '') throw new UsageError(`option --${name} needs a value`);
    flags.set(name, value);
  }
  return { positional, flags };
}

function oneOf<T extends string>(flags: Map<string, string>, name: string, allowed: readonly T[]): T | undefined {
  const value = flags.get(name);
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`--${name} must be ${allowed.join(' or ')}, not "${value}"`);
  return value as T;
}

function readSource(file: string, io: Io): { text: string; name: string } {
  if (file === '-') return { text: io.readStdin(), name: '<stdin>' };
  try {
    return { text: io.readFile(file), name: file };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : code === 'EACCES' ? 'permission denied' : (error as Error).message;
    throw new InputError(`cannot read the file: ${why}`, { file });
  }
}

function readOptions(flags: Map<string, string>, filename: string): ReadOptions {
  const options: ReadOptions = { filename };
  const as = oneOf(flags, 'as', ['rancher', 'downstream'] as const);
  if (as) options.as = as;
  const version = flags.get('rancher-version');
  if (version !== undefined) {
    if (!/^v?\d+(\.\d+){0,2}$/.test(version)) throw new UsageError(`--rancher-version must look like 2.4 or v2.4.8, not "${version}"`);
    options.rancherVersion = version.replace(/^v/, '');
  }
  const format = oneOf<InputFormat>(flags, 'input-format', INPUT_FORMATS);
  if (format) options.format = format;
  const cluster = flags.get('cluster');
  if (cluster && flags.has('to') === false) options.clusterName = cluster;
  return options;
}

/** The read options a command module takes (its own shape, independent of this parser). */
function inputOptions(read: ReadOptions): { as?: 'rancher' | 'downstream'; rancherVersion?: string; inputFormat?: InputFormat } {
  return {
    ...(read.as ? { as: read.as } : {}),
    ...(read.rancherVersion ? { rancherVersion: read.rancherVersion } : {}),
    ...(read.format ? { inputFormat: read.format } : {}),
  };
}

function single(args: Args, what: string): string {
  if (args.positional.length !== 2) throw new UsageError(`${what} takes one FILE (or - for standard input)`);
  return args.positional[1] as string;
}

function warn(io: Io, warnings: readonly { place: string; message: string }[]): void {
  for (const w of warnings) io.stderr(`rancher-arch: warning: ${w.place ? `${w.place}: ` : ''}${w.message}\n`);
}

function run(argv: readonly string[], io: Io): number {
  const args = parseArgs(argv);
  const command = args.positional[0];
  if (command === undefined || command === 'help' || args.flags.has('help')) {
    io.stdout(USAGE);
    return command === undefined && !args.flags.has('help') ? 2 : 0;
  }
  // Links to the guide: --docs-base, else RANCHER_ARCH_DOCS_BASE (set it once to your mirror).
  const docsBase = args.flags.get('docs-base') ?? io.env?.RANCHER_ARCH_DOCS_BASE ?? '';
  switch (command) {
    case 'rules':
      io.stdout(formatRuleList(RULES));
      return 0;
    case 'explain': {
      const id = single(args, 'explain');
      const rule = ruleById(id);
      if (!rule) throw new UsageError(`no rule "${id}"; run rancher-arch rules for the list`);
      io.stdout(formatRule(rule, docsBase));
      return 0;
    }
    case 'check': {
      const file = single(args, 'check');
      const output = oneOf(args.flags, 'format', ['text', 'json'] as const) ?? 'text';
      // The lowest severity that fails the run: a pipeline can hold a plan to the warnings too.
      const failOn = oneOf(args.flags, 'fail-on', ['error', 'warning', 'info'] as const) ?? 'error';
      const source = readSource(file, io);
      const result = readInputDetailed(source.text, readOptions(args.flags, source.name));
      warn(io, result.warnings);
      const report = checkPlan(result.plan, { extraFindings: result.findings });
      if (output === 'json') io.stdout(`${JSON.stringify({ ...report, input: { file: source.name, format: result.format } }, null, 2)}\n`);
      else io.stdout(formatReportText(report, { color: io.color, docsBase }, `${source.name} (${result.format})`));
      const { errors, warnings, infos } = report.summary;
      const failing = errors + (failOn === 'error' ? 0 : warnings) + (failOn === 'info' ? infos : 0);
      return failing > 0 ? 1 : 0;
    }
    case 'convert': {
      const file = single(args, 'convert');
      const to = oneOf(args.flags, 'to', ['plan', 'plan-json', 'cluster-yml', 'nginx'] as const);
      if (!to) throw new UsageError('convert needs --to plan, plan-json, cluster-yml or nginx');
      const source = readSource(file, io);
      const result = readInputDetailed(source.text, readOptions(args.flags, source.name));
      warn(io, result.warnings);
      const plan = result.plan;
      try {
        if (to === 'plan') io.stdout(toPlanYaml(plan));
        else if (to === 'plan-json') io.stdout(toPlanJson(plan));
        else if (to === 'nginx') io.stdout(toNginxConfig(plan));
        else {
          const name = args.flags.get('cluster') ?? (plan.clusters.length === 1 ? plan.clusters[0]?.name : undefined);
          if (!name) throw new RangeError(`the plan has ${plan.clusters.length} clusters; choose one with --cluster NAME`);
          io.stdout(toClusterYml(plan, name));
        }
      } catch (error) {
        if (error instanceof RangeError) throw new InputError(error.message.replace(/^The/, 'the'), { file: source.name });
        throw error;
      }
      return 0;
    }
    case 'ports': {
      const format = oneOf(args.flags, 'format', PORTS_FORMATS);
      const read = readOptions(args.flags, '');
      return runPorts(
        {
          file: single(args, 'ports'),
          ...(format ? { format } : {}),
          ...(args.flags.has('node') ? { node: args.flags.get('node') } : {}),
          ...inputOptions(read),
        },
        io,
      );
    }
    case 'size': {
      if (args.positional.length > 2) throw new UsageError('size takes at most one FILE (or - for standard input)');
      const count = (name: string) => {
        const value = args.flags.get(name);
        if (value === undefined) return undefined;
        if (!/^\d{1,7}$/.test(value)) throw new UsageError(`--${name} must be a whole number, not "${value.slice(0, 20)}"`);
        return Number(value);
      };
      const distribution = oneOf(args.flags, 'distribution', SIZING_TARGETS);
      const format = oneOf(args.flags, 'format', ['text', 'json'] as const);
      const clusters = count('clusters');
      const nodes = count('nodes');
      const file = args.positional[1];
      return runSize(
        {
          ...(file === undefined ? {} : { file }),
          ...(clusters === undefined ? {} : { clusters }),
          ...(nodes === undefined ? {} : { nodes }),
          ...(distribution ? { distribution } : {}),
          ...(format ? { format } : {}),
          ...inputOptions(readOptions(args.flags, '')),
        },
        io,
      );
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

/** Run the CLI; returns the exit code. Never throws for bad input: it reports on stderr instead. */
export function main(argv: readonly string[], io: Io): number {
  try {
    return run(argv, io);
  } catch (error) {
    if (error instanceof InputError) {
      io.stderr(`rancher-arch: ${error.message}\n`);
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr(`rancher-arch: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.stderr(`rancher-arch: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

export function nodeIo(): Io {
  return {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    readFile: (p) => readFileSync(p, 'utf8'),
    readStdin: () => readFileSync(0, 'utf8'),
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    env: process.env,
  };
}
