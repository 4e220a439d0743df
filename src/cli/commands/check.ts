// rancher-arch check FILE...: read every input, run the rules for its Rancher version, apply the
// config file, and print one report with one exit code.
import { InputError, type Severity } from '../../rules/index.ts';
import { choiceValue, flagValue, stringValue, type OptionSpecs } from '../args.ts';
import { exitCodeOf, failedRun, runCheck, type CheckRun, type ConfigSetting, type RunSettings } from './check-run.ts';
import { loadConfig, type LoadedConfig } from '../config/load.ts';
import { expandSources } from '../inputs.ts';
import type { Io } from '../io.ts';
import { DOCS_OPTION, docsBaseOf, READ_OPTIONS, readSettings } from '../options.ts';
import { formatRunJson } from '../output/json.ts';
import { formatRunJunit } from '../output/junit.ts';
import { formatRunMarkdown } from '../output/markdown.ts';
import { errorLine, runWarnings, warningLines } from '../output/messages.ts';
import { formatRunSarif } from '../output/sarif.ts';
import { formatRunText } from '../output/text.ts';
import type { Command } from './command.ts';

export const REPORT_FORMATS = ['text', 'json', 'sarif', 'junit', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
const FAIL_ON = ['error', 'warning', 'info'] as const;

const options = {
  format: {
    type: 'string',
    short: 'f',
    choices: REPORT_FORMATS,
    description: 'text for people; json for tools; sarif for code scanning; junit for test reports; markdown for tickets. Default text.',
  },
  'fail-on': { type: 'string', choices: FAIL_ON, description: 'The lowest severity that fails the run (exit code 1). Default error, or failOn in the config.' },
  config: {
    type: 'string',
    short: 'c',
    value: 'FILE',
    description: 'The config file. Default .rancher-arch.yaml (or .yml) in the working directory, if there is one.',
  },
  'no-config': { type: 'boolean', description: 'Read no config file.' },
  'show-waived': { type: 'boolean', description: 'List waived findings, with their reasons, in the text and Markdown reports.' },
  ...READ_OPTIONS,
  ...DOCS_OPTION,
} as const satisfies OptionSpecs;

function render(run: CheckRun, format: ReportFormat, io: Io, showWaived: boolean): string {
  switch (format) {
    case 'json':
      return formatRunJson(run);
    case 'sarif':
      return formatRunSarif(run, io.cwd);
    case 'junit':
      return formatRunJunit(run);
    case 'markdown':
      return formatRunMarkdown(run, showWaived);
    default:
      return formatRunText(run, { color: io.color, showWaived });
  }
}

export const check: Command = {
  name: 'check',
  synopsis: 'FILE... [options]',
  summary: 'Check plans, cluster.yml files or kubectl output against the guidance.',
  details: `FILE may be a plan (YAML or JSON), an RKE cluster.yml, kubectl get nodes -o json|yaml output, or a
K3s or RKE2 config.yaml; - reads standard input; a quoted pattern ('clusters/**/*.yml') is expanded.
Several files give one report and one exit code.

Exit codes: 0 no finding fails the run; 1 a finding at or above --fail-on (default error);
2 an input, the config file or the command line could not be read.`,
  options,
  async run({ io, args }) {
    const format = choiceValue(args, 'format', REPORT_FORMATS) ?? 'text';
    const explicitConfig = stringValue(args, 'config');
    let loaded: LoadedConfig | undefined;
    let configError: InputError | undefined;
    try {
      loaded = flagValue(args, 'no-config') ? undefined : await loadConfig(io, explicitConfig);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      configError = error;
    }
    const config = loaded?.config;
    const failOnFlag = choiceValue(args, 'fail-on', FAIL_ON);
    const failOn: Severity = failOnFlag ?? config?.failOn ?? 'error';
    const docsBase = docsBaseOf(args, io, loaded ? { value: config?.docsBase, file: loaded.file } : undefined);
    const versionFlag = stringValue(args, 'rancher-version');
    const settings: RunSettings = {
      ...readSettings(args, { ...(config?.as ? { as: config.as } : {}), ...(config?.rancherVersion ? { rancherVersion: config.rancherVersion } : {}) }),
      failOn,
      ...(docsBase ? { docsBase } : {}),
    };
    if (settings.rancherVersion !== undefined) settings.rancherVersionFrom = versionFlag === undefined ? 'config' : 'command line';
    // What the file set, and whether the run used it: a flag (or RANCHER_ARCH_DOCS_BASE) wins over the file.
    const configSettings: ConfigSetting[] = [];
    const noted = (key: ConfigSetting['key'], value: string | undefined, used: boolean) => {
      if (value === undefined || loaded === undefined) return;
      const pos = loaded.locate([key]);
      configSettings.push({ key, value, used, ...(pos ? { at: { line: pos.line, col: pos.col } } : {}) });
    };
    noted('rancherVersion', config?.rancherVersion, versionFlag === undefined);
    noted('as', config?.as, args.values.as === undefined);
    noted('failOn', config?.failOn, failOnFlag === undefined);
    noted('docsBase', config?.docsBase, docsBaseOf(args, io) === undefined);

    let run: CheckRun;
    if (configError) run = failedRun(configError, settings);
    else {
      run = await runCheck(await expandSources(args.positionals, io), settings, loaded, io, configSettings);
    }
    // Errors and warnings go to stderr in every format, so a CI log shows them; machine formats
    // carry them in the document on stdout as well.
    for (const input of run.inputs) if (!input.ok) io.stderr(errorLine(input.error));
    io.stderr(warningLines(runWarnings(run)));
    io.stdout(render(run, format, io, flagValue(args, 'show-waived')));
    return exitCodeOf(run);
  },
};
