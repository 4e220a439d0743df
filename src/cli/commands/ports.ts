// rancher-arch ports FILE: the firewall matrix of a plan — Markdown, nftables, firewalld, CSV or
// JSON, for every node or one. The work is in ports-run.ts, beside it; this module is its command line.
import { choiceValue, stringValue, UsageError, type OptionSpecs } from '../args.ts';
import { READ_OPTIONS, readSettings } from '../options.ts';
import { PORTS_EXPORTS, runPorts } from './ports-run.ts';
import type { Command } from './command.ts';

const options = {
  format: { type: 'string', short: 'f', choices: PORTS_EXPORTS, description: 'Default markdown. nftables and firewalld take one node (--node).' },
  node: { type: 'string', value: 'NAME', description: 'One node, by name, address or CLUSTER/NAME.' },
  ...READ_OPTIONS,
} as const satisfies OptionSpecs;

export const ports: Command = {
  name: 'ports',
  synopsis: 'FILE|- [options]',
  summary: 'The ports to open between the nodes of a plan, as a table or firewall rules.',
  options,
  run({ io, args }) {
    if (args.positionals.length !== 1) return Promise.reject(new UsageError('ports takes one FILE (or - for standard input)'));
    const format = choiceValue(args, 'format', PORTS_EXPORTS);
    const node = stringValue(args, 'node');
    return runPorts(
      { file: args.positionals[0] as string, settings: readSettings(args), ...(format ? { format } : {}), ...(node === undefined ? {} : { node }) },
      io,
    );
  },
};
