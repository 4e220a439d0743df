// rancher-arch size [FILE]: how big the Rancher server nodes must be for a plan (or for numbers
// given on the command line), and which nodes fall short. The work is in size-run.ts, beside it.
import { SIZING_TARGETS } from '../../rules/sizing/size.ts';
import { choiceValue, stringValue, UsageError, type OptionSpecs, type ParsedArgs } from '../args.ts';
import { READ_OPTIONS, readSettings } from '../options.ts';
import { runSize } from './size-run.ts';
import type { Command } from './command.ts';

const { distribution: _configDistribution, ...readOptions } = READ_OPTIONS;

const options = {
  clusters: { type: 'string', value: 'N', description: 'Downstream clusters Rancher manages (instead of, or over, the plan’s).' },
  nodes: { type: 'string', value: 'M', description: 'Nodes in those clusters.' },
  distribution: { type: 'string', choices: SIZING_TARGETS, description: 'The distribution Rancher runs on (default: the plan’s Rancher cluster).' },
  format: { type: 'string', short: 'f', choices: ['text', 'json'], description: 'Default text.' },
  ...readOptions,
} as const satisfies OptionSpecs;

function count(args: ParsedArgs, name: 'clusters' | 'nodes'): number | undefined {
  const value = stringValue(args, name);
  if (value === undefined) return undefined;
  if (!/^\d{1,7}$/.test(value)) throw new UsageError(`--${name} must be a whole number, not ${JSON.stringify(value.slice(0, 20))}`);
  return Number(value);
}

export const size: Command = {
  name: 'size',
  synopsis: '[FILE|-] [options]',
  summary: 'The hardware row a Rancher installation needs, and the nodes below it.',
  details: 'Exit codes: 0 every node meets its row; 1 a node is below its row, or the scale is past the largest one; 2 unreadable input.',
  options,
  run({ io, args }) {
    if (args.positionals.length > 1) return Promise.reject(new UsageError('size takes at most one FILE (or - for standard input)'));
    const clusters = count(args, 'clusters');
    const nodes = count(args, 'nodes');
    const distribution = choiceValue(args, 'distribution', SIZING_TARGETS);
    const format = choiceValue(args, 'format', ['text', 'json'] as const);
    const file = args.positionals[0];
    return runSize(
      {
        settings: readSettings(args),
        ...(file === undefined ? {} : { file }),
        ...(clusters === undefined ? {} : { clusters }),
        ...(nodes === undefined ? {} : { nodes }),
        ...(distribution ? { distribution } : {}),
        ...(format ? { format } : {}),
      },
      io,
    );
  },
};
