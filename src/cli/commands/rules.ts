// rancher-arch rules: the catalogue, one line per rule with the Rancher versions it applies to.
import { RULES } from '../../rules/index.ts';
import { choiceValue, UsageError, type OptionSpecs } from '../args.ts';
import { DOCS_OPTION, docsBaseOf } from '../options.ts';
import { formatRuleList, ruleJson } from '../output/catalogue.ts';
import { safeJson } from '../safe-text.ts';
import type { Command } from './command.ts';

const options = {
  format: { type: 'string', short: 'f', choices: ['text', 'json'], description: 'text: one line per rule; json: every rule in full. Default text.' },
  ...DOCS_OPTION,
} as const satisfies OptionSpecs;

export const rules: Command = {
  name: 'rules',
  synopsis: '[options]',
  summary: 'List every rule: id, severity, the Rancher versions it applies to, title.',
  options,
  run({ io, args }) {
    if (args.positionals.length > 0) return Promise.reject(new UsageError('rules takes no FILE'));
    const format = choiceValue(args, 'format', ['text', 'json'] as const) ?? 'text';
    const base = docsBaseOf(args, io);
    io.stdout(format === 'json' ? `${safeJson(RULES.map((r) => ruleJson(r, base)))}\n` : formatRuleList(RULES));
    return Promise.resolve(0);
  },
};
