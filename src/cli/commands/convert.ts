// rancher-arch convert FILE --to FORMAT: read any input and write it with one of the registry's
// writers (a plan, a cluster.yml, an nginx configuration). A writer that refuses (ExportError) or
// a plan without what the format needs is reported like unreadable input: exit 2.
import { ExportError, FORMATS, formatById, InputError, listNames, rke2Configs } from '../../rules/index.ts';
import { choiceValue, stringValue, UsageError, type OptionSpecs } from '../args.ts';
import { readAnySource } from '../folder.ts';
import type { Source } from '../inputs.ts';
import { READ_OPTIONS, readSettings } from '../options.ts';
import { warningLines } from '../output/messages.ts';
import type { Command } from './command.ts';

const WRITABLE = FORMATS.filter((f) => f.write !== undefined).map((f) => f.id);

const options = {
  to: { type: 'string', choices: WRITABLE, description: 'The format to write.' },
  cluster: { type: 'string', value: 'NAME', description: 'For one-cluster formats (cluster-yml, rke2-config): which cluster of the plan to write.' },
  node: { type: 'string', value: 'NAME', description: 'For one-node formats (rke2-config): which node of the cluster to write.' },
  ...READ_OPTIONS,
} as const satisfies OptionSpecs;

export const convert: Command = {
  name: 'convert',
  synopsis: 'FILE|- --to FORMAT [options]',
  summary: `Convert an input into ${WRITABLE.join(', ')}.`,
  options,
  async run({ io, args }) {
    if (args.positionals.length !== 1) throw new UsageError('convert takes one FILE (or - for standard input)');
    const to = choiceValue(args, 'to', WRITABLE);
    if (!to) throw new UsageError(`convert needs --to ${WRITABLE.join(', ')}`);
    const file = args.positionals[0] as string;
    const source: Source = file === '-' ? { name: '<stdin>', path: undefined } : { name: file, path: file, folder: io.listDir?.(file) !== undefined };
    const settings = readSettings(args);
    // Folders (Terraform) and .tf files are read like check reads them.
    const result = await readAnySource(source, settings, io);
    io.stderr(warningLines(result.warnings));
    const plan = result.plan;
    const cluster = stringValue(args, 'cluster') ?? (plan.clusters.length === 1 ? plan.clusters[0]?.name : undefined);
    if (to === 'cluster-yml' && cluster === undefined)
      throw new InputError(`the plan has ${plan.clusters.length} clusters; choose one with --cluster NAME`, { file: source.name });
    try {
      const writer = formatById(to);
      if (!writer?.write) throw new UsageError(`cannot write ${to}`);
      const node = stringValue(args, 'node');
      if (to === 'rke2-config' && node === undefined) {
        // One file per node: say which nodes there are rather than guessing one.
        const configs = rke2Configs(plan, cluster);
        if (configs.length > 1)
          throw new InputError(
            `the cluster has ${configs.length} nodes, each with its own config.yaml; choose one with --node NAME (${listNames(
              configs.map((c) => c.node),
              12,
            )})`,
            {
              file: source.name,
            },
          );
      }
      io.stdout(writer.write(plan, { ...(cluster ? { cluster } : {}), ...(node ? { node } : {}) }));
    } catch (error) {
      // The writers say "The plan …" for a plan they cannot write; that is the input's problem.
      if (error instanceof RangeError || error instanceof ExportError) throw new InputError(error.message.replace(/^The /, 'the '), { file: source.name });
      throw error;
    }
    return 0;
  },
};
