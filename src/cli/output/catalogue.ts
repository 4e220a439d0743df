// The catalogue in a terminal (`rules`, `explain`) and as data: each rule with the Rancher versions
// it applies to, where it comes from, and the guidance that explains it.
import { CATEGORIES, aboutRule, describeRange, type Rule } from '../../rules/index.ts';
import { sourceText } from '../../rules/sources.ts';
import { describeLink, docsLink } from '../docs-links.ts';

export function ruleJson(rule: Rule, base: string | undefined) {
  const link = docsLink(rule.docs, base);
  return {
    id: rule.id,
    severity: rule.severity,
    category: rule.category,
    title: rule.title,
    rationale: aboutRule(rule.id).rationale,
    versions: { ...(rule.versions ?? {}), text: describeRange(rule.versions ?? {}) },
    sources: aboutRule(rule.id).sources ?? [],
    ...(rule.readBy ? { reportedBy: rule.readBy } : {}),
    docs: link.path,
    guidance: link.title,
    ...(link.url ? { url: link.url } : {}),
  };
}

export function formatRuleList(rules: readonly Rule[]): string {
  const idWidth = Math.max(...rules.map((r) => r.id.length));
  const ranges = rules.map((r) => describeRange(r.versions ?? {}));
  const rangeWidth = Math.max(...ranges.map((r) => r.length));
  return `${rules.map((r, i) => `${r.id.padEnd(idWidth)}  ${r.severity.padEnd(7)}  ${(ranges[i] ?? '').padEnd(rangeWidth)}  ${r.title}`).join('\n')}\n`;
}

export function formatRule(rule: Rule, base: string | undefined): string {
  const about = aboutRule(rule.id);
  const lines = [
    `${rule.id} (${rule.severity}; ${CATEGORIES[rule.category]})`,
    '',
    rule.title,
    '',
    about.rationale,
    '',
    `Rancher versions: ${describeRange(rule.versions ?? {})}`,
  ];
  if (rule.readBy) lines.push(`Reported by: ${rule.readBy}`);
  if (about.sources?.length) lines.push('Sources:', ...about.sources.map((s) => `  - ${sourceText(s)}`));
  lines.push(`Docs: ${describeLink(docsLink(rule.docs, base))}`, '');
  return lines.join('\n');
}
