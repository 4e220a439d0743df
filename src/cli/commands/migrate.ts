// rancher-arch migrate FILE: plan the RKE2 (or K3s) cluster that replaces an RKE cluster, with the
// delta report and the steps, or write one of the files the move needs (--emit). The input is an
// RKE cluster.yml, Terraform with an rke_cluster, or a plan whose cluster is RKE; the engine is in
// src/rules/migrate.
import { addressProblem } from '../../rules/identifiers.ts';
import { ExportError, InputError } from '../../rules/index.ts';
import { EMITS, emitText } from '../../rules/migrate/emit.ts';
import { MigrateError, MIGRATION_TARGETS, migratePlan, sourceFromPlan, type RkeSource } from '../../rules/migrate/index.ts';
import { formatMigrationMarkdown, formatMigrationText, migrationJson } from '../../rules/migrate/render.ts';
import { choiceValue, stringValue, UsageError, type OptionSpecs } from '../args.ts';
import { readAnySource } from '../folder.ts';
import type { Source } from '../inputs.ts';
import { READ_OPTIONS, readSettings } from '../options.ts';
import { warningLines } from '../output/messages.ts';
import { safeJson } from '../safe-text.ts';
import type { Command } from './command.ts';

const FORMATS = ['text', 'json', 'markdown'] as const;
const { distribution: _configDistribution, ...readOptions } = READ_OPTIONS;

const options = {
  to: { type: 'string', choices: MIGRATION_TARGETS, description: 'The distribution of the new cluster. Default rke2.' },
  format: { type: 'string', short: 'f', choices: FORMATS, description: 'The report: text for people, json for tools, markdown for tickets. Default text.' },
  emit: {
    type: 'string',
    choices: EMITS,
    description:
      'Write a file instead of the report: the target plan, a provisioning Cluster, Terraform rancher2_cluster_v2, or the RKE2 config.yaml of each node (all nodes as a YAML stream, or one with --node).',
  },
  node: { type: 'string', value: 'NAME', description: 'With --emit config: the node whose config.yaml to write.' },
  cluster: { type: 'string', value: 'NAME', description: 'For a plan with more than one RKE cluster: which one to move.' },
  'registration-address': {
    type: 'string',
    value: 'ADDR',
    description: 'The fixed registration address (load balancer, DNS name or virtual IP) the nodes join through; it listens on 9345 and 6443 for RKE2.',
  },
  ...readOptions,
} as const satisfies OptionSpecs;

export const migrate: Command = {
  name: 'migrate',
  synopsis: 'FILE|- [options]',
  summary: 'Plan the RKE2 or K3s cluster that replaces an RKE cluster: what changes, item by item, and the steps.',
  details:
    'Exit codes: 0 the new cluster has no error; 1 it has an error the layout could not avoid (the report says which); 2 unreadable input, no RKE cluster in it, or a file the real tool would refuse.',
  options,
  async run({ io, args }) {
    if (args.positionals.length !== 1) throw new UsageError('migrate takes one FILE (or - for standard input)');
    const to = choiceValue(args, 'to', MIGRATION_TARGETS) ?? 'rke2';
    const format = choiceValue(args, 'format', FORMATS) ?? 'text';
    const emit = choiceValue(args, 'emit', EMITS);
    const node = stringValue(args, 'node');
    if (node !== undefined && emit !== 'config') throw new UsageError('--node goes with --emit config');
    const registration = stringValue(args, 'registration-address');
    const problem = registration === undefined ? undefined : addressProblem(registration);
    if (problem !== undefined) throw new UsageError(`--registration-address ${problem}`);
    const file = args.positionals[0] as string;
    const source: Source = file === '-' ? { name: '<stdin>', path: undefined } : { name: file, path: file, folder: io.listDir?.(file) !== undefined };
    const settings = readSettings(args);

    const result = await readAnySource(source, settings, io);
    io.stderr(warningLines(result.warnings));
    const clusterName = stringValue(args, 'cluster');
    try {
      const rke = result.plan.clusters.filter((c) => c.distribution === 'rke');
      const picked = clusterName === undefined ? (rke.length === 1 ? rke[0] : undefined) : rke.find((c) => c.name === clusterName);
      // A cluster.yml's reader keeps what the file says beyond the plan; Terraform and plans hold the plan alone.
      const sourceSettings: RkeSource | undefined =
        result.rkeSettings ?? (picked === undefined ? undefined : sourceFromPlan(picked, result.format === 'terraform' ? 'terraform' : 'plan'));
      const migration = migratePlan(result.plan, {
        to,
        ...(settings.rancherVersion === undefined ? {} : { rancherVersion: settings.rancherVersion }),
        ...(clusterName === undefined ? {} : { cluster: clusterName }),
        ...(registration === undefined ? {} : { registrationAddress: registration }),
        ...(sourceSettings === undefined ? {} : { settings: sourceSettings }),
      });
      if (emit !== undefined) {
        io.stdout(emitText(migration, emit, node));
        return 0;
      }
      io.stdout(
        format === 'json'
          ? `${safeJson(migrationJson(migration))}\n`
          : format === 'markdown'
            ? formatMigrationMarkdown(migration)
            : formatMigrationText(migration),
      );
      return migration.findings.some((f) => f.severity === 'error') ? 1 : 0;
    } catch (error) {
      // What the input lacks or what the real tool would refuse is the input's problem: exit 2.
      if (error instanceof MigrateError || error instanceof RangeError || error instanceof ExportError)
        throw new InputError(error.message.replace(/^The /, 'the '), { file: source.name });
      throw error;
    }
  },
};
