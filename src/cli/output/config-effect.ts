// The config file's effect on a run, in words every format prints: which file was read, the
// settings it gave, the rules it turned off or re-rated and the waivers it applied. One home for
// these sentences, so the text header, the Markdown summary, the JUnit properties and the SARIF
// notifications say the same thing. Values come from the config file as written: each format
// escapes them the way it escapes everything else from an input.
import { plural, type RuleId } from '../../rules/index.ts';
import type { CheckedInput, ConfigEffect, ConfigSetting } from '../commands/check-run.ts';

/** One thing the config did, with where the file says it (for SARIF) and the rule it concerns. */
export interface EffectItem {
  /** A short key for JUnit properties and SARIF: "rancherVersion", "rules.etcd-odd-members", "waivers[0]". */
  key: string;
  text: string;
  at?: { line?: number; col?: number };
  rule?: RuleId;
}

const FLAG: Record<ConfigSetting['key'], string> = {
  rancherVersion: '--rancher-version',
  as: '--as',
  failOn: '--fail-on',
  docsBase: '--docs-base or RANCHER_ARCH_DOCS_BASE',
};

function settingText(s: ConfigSetting): string {
  const what =
    s.key === 'rancherVersion'
      ? `Rancher version ${s.value} for inputs that name none`
      : s.key === 'as'
        ? `single-cluster inputs read as ${s.value === 'rancher' ? 'the cluster that runs Rancher' : 'downstream clusters'}`
        : s.key === 'failOn'
          ? `the run fails on ${s.value} findings and above`
          : `guide links point at ${s.value}`;
  return s.used ? what : `${what}: not used, as ${FLAG[s.key]} was given`;
}

/** Everything the config did, in config order: settings, rules, waivers applied, waivers unused. */
export function configEffectItems(config: ConfigEffect): EffectItem[] {
  const items: EffectItem[] = config.settings.map((s) => ({ key: s.key, text: settingText(s), ...(s.at ? { at: s.at } : {}) }));
  for (const o of config.overrides) {
    const dropped = config.dropped[o.rule] ?? 0;
    const text =
      o.setting === 'off'
        ? `rule ${o.rule} turned off (${plural(dropped, 'finding')} dropped)`
        : o.setting === o.default
          ? `rule ${o.rule} rated ${o.setting}, its own severity`
          : `rule ${o.rule} rated ${o.setting} instead of ${o.default}`;
    items.push({ key: `rules.${o.rule}`, text, rule: o.rule, ...(o.at ? { at: o.at } : {}) });
  }
  for (const { waiver, findings } of config.applied)
    items.push({
      key: waiver.at.path,
      text: `waiver ${waiver.place} hid ${plural(findings, 'finding')} of ${waiver.rule}: ${waiver.reason}`,
      rule: waiver.rule,
      at: waiver.at,
    });
  for (const waiver of config.unusedWaivers)
    items.push({ key: waiver.at.path, text: `waiver ${waiver.place} (${waiver.rule}) matched no finding`, rule: waiver.rule, at: waiver.at });
  return items;
}

/** The heading the items sit under. */
export function configHeading(config: ConfigEffect): string {
  return configEffectItems(config).length === 0 ? `Config file ${config.file} read; it sets nothing.` : `Config file ${config.file} read:`;
}

/** How an input came by its version, for its heading: "set by .rancher-arch.yaml", "from --rancher-version", "assumed…". */
export function versionOrigin(input: CheckedInput, configFile: string | undefined): string | undefined {
  switch (input.versionFrom) {
    case 'config':
      return `version set by ${configFile ?? 'the config file'}`;
    case 'command line':
      return 'version from --rancher-version';
    case 'assumed':
      return 'assumed, as the input names no version';
    default:
      return undefined;
  }
}
