// rancher-arch explain RULE-ID: one rule in full — why it exists, the versions it applies to, its
// sources and the guidance that explains it.
import { ruleById } from '../../rules/index.ts';
import { choiceValue, UsageError, type OptionSpecs } from '../args.ts';
import { DOCS_OPTION, docsBaseOf } from '../options.ts';
import { formatRule, ruleJson } from '../output/catalogue.ts';
import { safeJson } from '../safe-text.ts';
import type { Command } from './command.ts';

const options = {
  format: { type: 'string', short: 'f', choices: ['text', 'json'], description: 'Default text.' },
  ...DOCS_OPTION,
} as const satisfies OptionSpecs;

export const explain: Command = {
  name: 'explain',
  synopsis: 'RULE-ID [options]',
  summary: 'Explain one rule: why, for which Rancher versions, sources, guidance.',
  options,
  run({ io, args }) {
    if (args.positionals.length !== 1) return Promise.reject(new UsageError('explain takes one RULE-ID'));
    const id = args.positionals[0] as string;
    const rule = ruleById(id);
    if (!rule) return Promise.reject(new UsageError(`no rule ${JSON.stringify(id)}; rancher-arch rules lists them`));
    const base = docsBaseOf(args, io);
    const format = choiceValue(args, 'format', ['text', 'json'] as const) ?? 'text';
    io.stdout(format === 'json' ? `${safeJson(ruleJson(rule, base))}\n` : formatRule(rule, base));
    return Promise.resolve(0);
  },
};
