// JUnit XML, for the test-report views of GitLab, Jenkins and Azure DevOps: per input, one test
// suite per cluster (plus one for plan-wide findings) and in it one test case per rule that applies
// to the version checked. Findings at or above --fail-on are failures, lower ones pass with their
// text in system-out, waived ones are skipped with the reason; an unreadable input is an error.
// The XML is built by fast-xml-builder, which escapes every attribute and text; values are
// made `visible` first, since XML 1.0 cannot hold most control characters at all.
import XMLBuilder from 'fast-xml-builder';
import { rulesFor, RULES, plural, type InputFormat, type Rule } from '../../rules/index.ts';
import { fails, type CheckedInput, type CheckRun } from '../commands/check-run.ts';
import type { CheckedFinding, WaivedFinding } from '../config/policy.ts';
import { describeLink, findingLink } from '../docs-links.ts';
import { printable as v } from '../safe-text.ts';
import { TOOL } from '../tool.ts';
import { configEffectItems } from './config-effect.ts';
import { checkedAs } from './text.ts';

/**
 * Rules only a reader reports, and the input format whose reader does: they apply to inputs of that
 * format alone. A test keeps this in step with the catalogue.
 */
export const READER_RULE_FORMATS: Readonly<Record<string, InputFormat>> = { 'rke-config-valid': 'cluster-yml' };

interface Case {
  '@_name': string;
  '@_classname': string;
  failure?: { '@_message': string; '@_type': string; '#text': string };
  error?: { '@_message': string; '@_type': string; '#text': string };
  skipped?: { '@_message': string };
  'system-out'?: string;
}

interface Suite {
  '@_name': string;
  '@_tests': number;
  '@_failures': number;
  '@_errors': number;
  '@_skipped': number;
  properties: { property: { '@_name': string; '@_value': string }[] };
  testcase: Case[];
}

/** The rules that apply to one checked input: its version's rules, less reader rules of other formats; split by whether the config turned them off. */
export function applicableRules(input: CheckedInput, run: CheckRun): { on: Rule[]; off: Rule[] } {
  const off = new Set((run.config?.overrides ?? []).filter((o) => o.setting === 'off').map((o) => o.rule as string));
  const rules = rulesFor(input.report.rancherVersion, RULES).filter((r) => !r.readBy || READER_RULE_FORMATS[r.id] === input.format);
  return { on: rules.filter((r) => !off.has(r.id)), off: rules.filter((r) => off.has(r.id)) };
}

/** The config's effect as suite properties: the file, then one property per thing it did. */
function configProperties(run: CheckRun): Record<string, string> {
  if (!run.config) return {};
  return { config: v(run.config.file), ...Object.fromEntries(configEffectItems(run.config).map((item) => [`config.${item.key}`, v(item.text)])) };
}

function findingText(f: CheckedFinding, base: string | undefined): string {
  const lines = [`${f.severity}: ${v(f.message)}`];
  if (f.nodes.length)
    lines.push(
      `nodes: ${f.nodes
        .slice(0, 50)
        .map((n) => v(n))
        .join(', ')}${f.nodes.length > 50 ? ` and ${f.nodes.length - 50} more` : ''}`,
    );
  if (f.defaultSeverity) lines.push(`severity set by the config (the rule's own: ${f.defaultSeverity})`);
  if (f.expiredWaiver) lines.push(`a waiver expired on ${v(f.expiredWaiver.expires ?? '')}: ${v(f.expiredWaiver.place)}: ${v(f.expiredWaiver.reason)}`);
  lines.push(v(describeLink(findingLink(f.rule, f.docs, base))));
  return lines.join('\n');
}

function testCase(rule: Rule, classname: string, shown: CheckedFinding[], waived: WaivedFinding[], run: CheckRun): Case {
  const base = run.settings.docsBase;
  const c: Case = { '@_name': rule.id, '@_classname': classname };
  const failing = shown.filter((f) => fails(f, run.settings.failOn));
  const passing = shown.filter((f) => !fails(f, run.settings.failOn));
  if (failing.length > 0) {
    const first = failing[0] as CheckedFinding;
    c.failure = {
      '@_message': failing.length === 1 ? v(first.message) : `${plural(failing.length, 'finding')}: ${v(first.message)} …`,
      '@_type': first.severity,
      '#text': failing.map((f) => findingText(f, base)).join('\n\n'),
    };
  } else if (passing.length === 0 && waived.length > 0) {
    c.skipped = { '@_message': `waived: ${v(waived[0]?.waiver.reason ?? '')}` };
  }
  const out = [
    ...passing.map((f) => findingText(f, base)),
    ...waived.map((f) => `waived ${f.severity}: ${v(f.message)}\n${v(f.waiver.place)}: ${v(f.waiver.reason)}`),
  ];
  if (out.length > 0 && !c.skipped) c['system-out'] = out.join('\n\n');
  return c;
}

function suite(name: string, properties: Record<string, string>, cases: Case[]): Suite {
  return {
    '@_name': name,
    '@_tests': cases.length,
    '@_failures': cases.filter((c) => c.failure).length,
    '@_errors': cases.filter((c) => c.error).length,
    '@_skipped': cases.filter((c) => c.skipped).length,
    properties: { property: Object.entries(properties).map(([k, value]) => ({ '@_name': k, '@_value': value })) },
    testcase: cases,
  };
}

function inputSuites(input: CheckedInput, run: CheckRun): Suite[] {
  const file = v(input.source.name);
  const props = {
    file,
    format: input.format,
    rancherVersion: v(input.report.rancherVersion),
    profile: v(input.report.profile.label),
    checkedAs: checkedAs(input, run.config?.file),
    rancherVersionFrom: input.versionFrom,
    failOn: run.settings.failOn,
    ...configProperties(run),
  };
  const { on: rules, off } = applicableRules(input, run);
  // A rule turned off stays in the report as a skipped case, so the count of tests does not fall silently.
  const offCases = (classname: string): Case[] =>
    off.map((r) => ({ '@_name': r.id, '@_classname': classname, skipped: { '@_message': `turned off by ${v(run.config?.file ?? 'the config file')}` } }));
  const suites: Suite[] = [];
  // Plan-wide findings: one case per rule that reported one.
  const planWide = rules.filter(
    (r) =>
      input.report.findings.some((f) => f.rule === r.id && f.cluster === undefined) || input.waived.some((f) => f.rule === r.id && f.cluster === undefined),
  );
  if (planWide.length > 0) {
    const classname = `${file}: whole plan`;
    suites.push(
      suite(
        classname,
        props,
        planWide.map((r) =>
          testCase(
            r,
            classname,
            input.report.findings.filter((f) => f.rule === r.id && f.cluster === undefined),
            input.waived.filter((f) => f.rule === r.id && f.cluster === undefined),
            run,
          ),
        ),
      ),
    );
  }
  for (const cluster of input.report.clusters) {
    const classname = `${file}: cluster ${v(cluster.name)}`;
    const cases = [
      ...rules.map((r) =>
        testCase(
          r,
          classname,
          input.report.findings.filter((f) => f.rule === r.id && f.cluster === cluster.name),
          input.waived.filter((f) => f.rule === r.id && f.cluster === cluster.name),
          run,
        ),
      ),
      ...offCases(classname),
    ];
    suites.push(suite(classname, { ...props, cluster: v(cluster.name) }, cases));
  }
  return suites;
}

export function runJunitObject(run: CheckRun) {
  const suites: Suite[] = [];
  for (const input of run.inputs) {
    if (input.ok) {
      suites.push(...inputSuites(input, run));
      continue;
    }
    const file = v(input.source.name);
    suites.push(
      suite(file, { file }, [
        { '@_name': 'read', '@_classname': file, error: { '@_message': v(input.error.message), '@_type': 'input', '#text': v(input.error.message) } },
      ]),
    );
  }
  const total = (key: '@_tests' | '@_failures' | '@_errors' | '@_skipped') => suites.reduce((n, s) => n + s[key], 0);
  return {
    '?xml': { '@_version': '1.0', '@_encoding': 'UTF-8' },
    testsuites: {
      '@_name': `${TOOL.name} ${TOOL.version}`,
      '@_tests': total('@_tests'),
      '@_failures': total('@_failures'),
      '@_errors': total('@_errors'),
      '@_skipped': total('@_skipped'),
      testsuite: suites,
    },
  };
}

export function formatRunJunit(run: CheckRun): string {
  const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: '@_', format: true, suppressEmptyNode: true, processEntities: true });
  return String(builder.build(runJunitObject(run)));
}
