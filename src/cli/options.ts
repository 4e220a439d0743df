// Options more than one command takes, and how their values become settings: read options for the
// inputs (--as, --rancher-version, --input-format) and the docs base.
import { INPUT_FORMATS, normaliseVersion, type InputFormat, type ReadOptions } from '../rules/index.ts';
import { choiceValue, stringValue, UsageError, type OptionSpecs, type ParsedArgs } from './args.ts';
import { normaliseDocsBase } from './docs-links.ts';
import type { Io } from './io.ts';

export const READ_OPTIONS = {
  as: {
    type: 'string',
    choices: ['rancher', 'downstream'],
    description: 'For single-cluster inputs (all but a plan): the cluster runs Rancher, or is a downstream cluster. Default downstream.',
  },
  'rancher-version': { type: 'string', value: 'V', description: 'The Rancher version to check against when the input names none, e.g. 2.4.8. Default 2.4.' },
  'input-format': { type: 'string', choices: INPUT_FORMATS, description: 'Read the input as this format instead of detecting it.' },
  distribution: { type: 'string', choices: ['k3s', 'rke2'], description: 'For a config.yaml that does not show whether it is K3s or RKE2: which one it is.' },
} as const satisfies OptionSpecs;

export const DOCS_OPTION = {
  'docs-base': {
    type: 'string',
    value: 'URL',
    description: 'Where the guide is served (e.g. https://guide.example.internal/): links become absolute. Default $RANCHER_ARCH_DOCS_BASE.',
  },
} as const satisfies OptionSpecs;

export interface ReadSettings {
  as?: 'rancher' | 'downstream';
  rancherVersion?: string;
  inputFormat?: InputFormat;
  distribution?: 'k3s' | 'rke2';
}

/** Read settings from the command line, falling back to the config file's defaults. */
export function readSettings(args: ParsedArgs, defaults: { as?: 'rancher' | 'downstream'; rancherVersion?: string } = {}): ReadSettings {
  const settings: ReadSettings = {};
  const as = choiceValue(args, 'as', ['rancher', 'downstream'] as const) ?? defaults.as;
  if (as) settings.as = as;
  const given = stringValue(args, 'rancher-version');
  if (given !== undefined) {
    const version = normaliseVersion(given);
    if (version === undefined) throw new UsageError(`--rancher-version must look like 2.4 or v2.4.8; not ${JSON.stringify(given)}`);
    settings.rancherVersion = version;
  } else if (defaults.rancherVersion) settings.rancherVersion = defaults.rancherVersion;
  const format = choiceValue(args, 'input-format', INPUT_FORMATS);
  if (format) settings.inputFormat = format;
  const distribution = choiceValue(args, 'distribution', ['k3s', 'rke2'] as const);
  if (distribution) settings.distribution = distribution;
  return settings;
}

/** The reader's options for one input. */
export function readOptionsOf(settings: ReadSettings, filename: string): ReadOptions {
  const options: ReadOptions = { filename };
  if (settings.as) options.as = settings.as;
  if (settings.rancherVersion) options.rancherVersion = settings.rancherVersion;
  if (settings.inputFormat) options.format = settings.inputFormat;
  if (settings.distribution) options.distribution = settings.distribution;
  return options;
}

/** --docs-base, else RANCHER_ARCH_DOCS_BASE, else the config's docsBase. */
export function docsBaseOf(args: ParsedArgs, io: Io, fromConfig?: { value: string | undefined; file: string }): string | undefined {
  const flag = stringValue(args, 'docs-base');
  if (flag !== undefined) return normaliseDocsBase(flag, '--docs-base');
  const env = io.env.RANCHER_ARCH_DOCS_BASE;
  if (env !== undefined && env.trim() !== '') return normaliseDocsBase(env, 'RANCHER_ARCH_DOCS_BASE');
  if (fromConfig?.value !== undefined) return normaliseDocsBase(fromConfig.value, `docsBase in ${fromConfig.file}`);
  return undefined;
}
