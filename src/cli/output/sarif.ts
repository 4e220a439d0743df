// SARIF 2.1.0, for code-scanning views (GitHub, Azure DevOps, GitLab): one run whose driver lists
// every rule of the catalogue; one result per finding, located at the line of its node or cluster
// when the reader knows it; waived findings, and those of rules the config turns off, carry a
// suppression (code scanning then shows the alert suppressed, never fixed); the config's severity
// changes are rule configuration overrides; unreadable inputs are tool execution notifications.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PhrasingContent, Root } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import type { ConfigurationOverride, Location, Log, Notification, ReportingDescriptor, Result, Run } from 'sarif';
import { nodeKey } from '../../rules/keys.ts';
import { CATEGORIES, aboutRule, describeRange, RULES, type Finding, type InputError, type InputWarning, type Rule, type Severity } from '../../rules/index.ts';
import { MAX_PLACED_NODES, type CheckedInput, type CheckRun } from '../commands/check-run.ts';
import type { CheckedFinding, WaivedFinding } from '../config/policy.ts';
import type { FilePath } from '../io.ts';
import { docsLink, findingLink, isAbsoluteLink, type DocsLink } from '../docs-links.ts';
import { safeJson } from '../safe-text.ts';
import { configEffectItems, configHeading } from './config-effect.ts';
import { TOOL } from '../tool.ts';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const SRCROOT = '%SRCROOT%';
/** Further nodes of one finding given as related locations; the message names them all anyway. */
const MAX_RELATED = MAX_PLACED_NODES - 1;

/** "etcd-odd-members" → "EtcdOddMembers": SARIF's readable rule name. */
export function ruleName(id: string): string {
  return id.replace(/(^|-)([a-z0-9])/g, (_, _dash: string, c: string) => c.toUpperCase());
}

const RULE_INDEX = new Map<string, number>(RULES.map((r, i) => [r.id, i]));

export function ruleDescriptor(rule: Rule, base: string | undefined): ReportingDescriptor {
  const link = docsLink(rule.docs, base);
  const about = aboutRule(rule.id);
  const descriptor: ReportingDescriptor = {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: `${rule.title}.` },
    fullDescription: { text: about.rationale },
    // Without a docs base there is no address a code-scanning page could follow: name the guidance instead of linking.
    help: { text: `${about.rationale} Guidance: ${link.url ?? link.path} (${link.title}).`, markdown: helpMarkdown(about.rationale, link) },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ['rancher-architecture', rule.category],
      category: CATEGORIES[rule.category],
      rancherVersions: describeRange(rule.versions ?? {}),
      ...(rule.versions?.since ? { since: rule.versions.since } : {}),
      ...(rule.versions?.until ? { until: rule.versions.until } : {}),
      ...(about.sources?.length ? { sources: about.sources.map(({ title, where }) => ({ title, where })) } : {}),
      ...(rule.readBy ? { reportedBy: rule.readBy } : {}),
    },
  };
  if (link.url && isAbsoluteLink(link.url)) descriptor.helpUri = link.url;
  return descriptor;
}

/**
 * A rule's help as Markdown, built as a syntax tree and printed by mdast-util-to-markdown, so a docs
 * base can never close the link and open one of its own: the printer escapes what it must.
 */
function helpMarkdown(rationale: string, link: DocsLink): string {
  const guidance: PhrasingContent[] = link.url
    ? [{ type: 'link', url: link.url, children: [{ type: 'text', value: link.title }] }]
    : [
        { type: 'text', value: `${link.title} (` },
        { type: 'inlineCode', value: link.path },
        { type: 'text', value: ' in the Rancher Architecture Guide)' },
      ];
  const root: Root = {
    type: 'root',
    children: [
      { type: 'paragraph', children: [{ type: 'text', value: rationale }] },
      { type: 'paragraph', children: guidance },
    ],
  };
  return toMarkdown(root).trimEnd();
}

/** Percent-encoding byte by byte, as encodeURIComponent does for UTF-8, for a name held as bytes. */
function encodeBytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes)
    out += /[A-Za-z0-9\-_.!~*'()]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

/**
 * The artifact location of a file: a relative URI against %SRCROOT% when it lies inside the working
 * directory, else an absolute file URI. Only the platform's own separators split the path: on Linux
 * `back\slash.yml` is one name (its backslash is percent-encoded), and `..evil.yml` is a file in
 * the directory, not a step out of it. A name that is not UTF-8 is given by its bytes (`caf%E9.yml`):
 * the path arithmetic runs on latin1 text, which maps each byte to one character and back.
 */
export function artifactLocation(file: FilePath, cwd: string): { uri: string; uriBaseId?: string } {
  const bytes = typeof file !== 'string';
  const name = bytes ? Buffer.from(file).toString('latin1') : file;
  const base = bytes ? Buffer.from(cwd).toString('latin1') : cwd;
  const encode = bytes ? (part: string) => encodeBytes(Buffer.from(part, 'latin1')) : encodeURIComponent;
  const rel = path.relative(base, path.resolve(base, name));
  const parts = path.sep === '\\' ? rel.split(/[\\/]/) : rel.split('/');
  if (rel === '' || parts[0] === '..' || path.isAbsolute(rel))
    return { uri: bytes ? `file://${path.resolve(base, name).split('/').map(encode).join('/')}` : pathToFileURL(path.resolve(cwd, name)).href };
  return { uri: parts.map(encode).join('/'), uriBaseId: SRCROOT };
}

function place(line: number | undefined, col: number | undefined) {
  return line === undefined ? undefined : col === undefined ? { startLine: line } : { startLine: line, startColumn: col };
}

interface Located {
  index: number;
  artifact: { uri: string; uriBaseId?: string } | undefined;
  /** For inputs read as a set of files (a Terraform folder), places name their own file. */
  cwd: string;
}

function findingLocations(f: CheckedFinding, input: CheckedInput, artifact: Located): { locations: Location[]; related: Location[] } {
  // The engine says which entries a finding is about (f.at), so two nodes sharing a name each keep their own line.
  const clusterIndex = f.at?.cluster ?? -1;
  const clusterName = input.places.clusterName(clusterIndex);
  const nodeIndexes = (f.at?.nodes ?? []).slice(0, MAX_PLACED_NODES);
  const at = (path: readonly PropertyKey[], logical: { name: string; fullyQualifiedName: string; kind: string }, message?: string): Location => {
    const loc: Location = { logicalLocations: [logical] };
    const pos = input.places.locate(path);
    if (pos?.file !== undefined) {
      // A place in one file of a folder read as one input: that file, not the folder.
      const region = place(pos.line, pos.col);
      loc.physicalLocation = { artifactLocation: artifactLocation(pos.file, artifact.cwd), ...(region ? { region } : {}) };
    } else if (artifact.artifact) {
      const region = place(pos?.line, pos?.col);
      loc.physicalLocation = { artifactLocation: { ...artifact.artifact, index: artifact.index }, ...(region ? { region } : {}) };
    }
    if (message) loc.message = { text: message };
    return loc;
  };
  const nodeLocation = (nodeIndex: number, message?: (name: string) => string): Location | undefined => {
    const node = input.places.nodeName(clusterIndex, nodeIndex);
    if (clusterName === undefined || node === undefined) return undefined;
    return at(
      ['clusters', clusterIndex, 'nodes', nodeIndex],
      { name: node, fullyQualifiedName: nodeKey(clusterName, node), kind: 'resource' },
      message?.(node),
    );
  };
  const first = nodeIndexes[0] === undefined ? undefined : nodeLocation(nodeIndexes[0]);
  if (first) {
    const related = nodeIndexes
      .slice(1, 1 + MAX_RELATED)
      .map((ni) => nodeLocation(ni, (name) => `Node ${name}.`))
      .filter((l): l is Location => l !== undefined)
      .map((l, i) => ({ ...l, id: i + 1 }));
    return { locations: [first], related };
  }
  if (clusterName !== undefined)
    return { locations: [at(['clusters', clusterIndex], { name: clusterName, fullyQualifiedName: clusterName, kind: 'namespace' })], related: [] };
  // Plan-wide: the file itself (the rancher: section when there is one).
  const plan = at(['rancher'], { name: 'plan', fullyQualifiedName: 'plan', kind: 'module' });
  return { locations: [plan], related: [] };
}

/** A finding of a rule the config file turns off: kept, suppressed, with the file that turned it off. */
function turnedOffResult(f: Finding, input: CheckedInput, artifact: Located, base: string | undefined, configFile: string): Result {
  const result = resultOf(f, input, artifact, base);
  result.suppressions = [
    { kind: 'external', status: 'accepted', justification: `The rule ${f.rule} is turned off by ${configFile}.`, properties: { config: configFile } },
  ];
  return result;
}

function resultOf(f: CheckedFinding | WaivedFinding, input: CheckedInput, artifact: Located, base: string | undefined): Result {
  const link = findingLink(f.rule, f.docs, base);
  const { locations, related } = findingLocations(f, input, artifact);
  let text = f.message;
  if (f.expiredWaiver) text += ` A waiver for this finding expired on ${f.expiredWaiver.expires ?? '?'} (${f.expiredWaiver.place}: ${f.expiredWaiver.reason}).`;
  const result: Result = {
    ruleId: f.rule,
    ruleIndex: RULE_INDEX.get(f.rule) ?? -1,
    kind: 'fail',
    level: LEVEL[f.severity],
    message: { text },
    locations,
    properties: {
      file: input.source.name,
      ...(f.cluster !== undefined ? { cluster: f.cluster } : {}),
      nodes: f.nodes,
      rancherVersion: input.report.rancherVersion,
      profile: input.report.profile.label,
      guidance: link.url ?? link.path,
      guidanceTitle: link.title,
      ...(f.defaultSeverity ? { defaultSeverity: f.defaultSeverity } : {}),
    },
  };
  if (related.length > 0) result.relatedLocations = related;
  if ('waiver' in f)
    result.suppressions = [
      {
        kind: 'external',
        status: 'accepted',
        justification: f.waiver.reason,
        properties: { waiver: f.waiver.place, ...(f.waiver.expires ? { expires: f.waiver.expires } : {}) },
      },
    ];
  return result;
}

function notificationOf(
  level: 'error' | 'warning' | 'note',
  message: string,
  file: FilePath | undefined,
  line: number | undefined,
  col: number | undefined,
  cwd: string,
): Notification {
  const n: Notification = { level, message: { text: message } };
  if (file !== undefined && file !== '<stdin>') {
    const region = place(line, col);
    n.locations = [{ physicalLocation: { artifactLocation: artifactLocation(file, cwd), ...(region ? { region } : {}) } }];
  }
  return n;
}

function errorNotification(error: InputError, cwd: string): Notification {
  return notificationOf('error', error.message, error.file, error.line, error.col, cwd);
}

/** Reader warnings keep their place as "file:line:col". */
function warningNotification(w: InputWarning, cwd: string): Notification {
  const m = /^(.*?)(?::(\d+))?(?::(\d+))?$/.exec(w.place);
  const message = w.place ? `${w.place}: ${w.message}` : w.message;
  return notificationOf('warning', message, m?.[1] || undefined, m?.[2] ? Number(m[2]) : undefined, m?.[3] ? Number(m[3]) : undefined, cwd);
}

export function runSarif(run: CheckRun, cwd: string): Log {
  const base = run.settings.docsBase;
  const artifacts: NonNullable<Run['artifacts']> = [];
  const results: Result[] = [];
  for (const input of run.inputs) {
    if (!input.ok) continue;
    const location = input.source.path === undefined ? undefined : artifactLocation(input.source.path, cwd);
    const index = artifacts.length;
    artifacts.push({
      ...(location ? { location } : {}),
      description: { text: `${input.source.name}: ${input.formatLabel}` },
      roles: ['analysisTarget'],
      properties: {
        file: input.source.name,
        format: input.format,
        rancherVersion: input.report.rancherVersion,
        rancherVersionGiven: input.versionGiven,
        profile: input.report.profile.label,
        profileId: input.report.profile.id,
      },
    });
    const located: Located = { index, artifact: location, cwd };
    for (const f of input.report.findings) results.push(resultOf(f, input, located, base));
    for (const f of input.waived) results.push(resultOf(f, input, located, base));
    if (run.config) for (const f of input.turnedOff) results.push(turnedOffResult(f, input, located, base, run.config.file));
  }
  const overrides: ConfigurationOverride[] = (run.config?.overrides ?? []).map((o) => ({
    descriptor: { id: o.rule, index: RULE_INDEX.get(o.rule) ?? -1 },
    configuration: o.setting === 'off' ? { enabled: false } : { level: LEVEL[o.setting] },
  }));
  const notifications: Notification[] = [
    ...run.inputs.flatMap((i) => {
      if (!i.ok) return [errorNotification(i.error, cwd)];
      const kept = i.warnings.map((w) => warningNotification(w, cwd));
      if (i.warningsOmitted > 0)
        kept.push(notificationOf('warning', `${i.source.name}: ${i.warningsOmitted} more warnings like these.`, i.source.path, undefined, undefined, cwd));
      return kept;
    }),
    ...(run.config?.unusedWaivers ?? []).map((w) =>
      notificationOf('warning', `${w.place}: this waiver matches no finding in the files checked.`, w.at.file, w.at.line, w.at.col, cwd),
    ),
  ];
  // The config's effect, as notifications about how the tool was configured: a reviewer (or a code-scanning
  // view) sees that a config file shaped the run, and how, beside the results it shaped.
  const configNotes: Notification[] = run.config
    ? [
        notificationOf('note', configHeading(run.config), run.config.file, undefined, undefined, cwd),
        ...configEffectItems(run.config).map((item) => {
          const n = notificationOf('note', item.text, run.config?.file, item.at?.line, item.at?.col, cwd);
          if (item.rule) n.associatedRule = { id: item.rule, index: RULE_INDEX.get(item.rule) ?? -1 };
          return n;
        }),
      ]
    : [];
  const runObject: Run = {
    tool: {
      driver: {
        name: TOOL.name,
        fullName: `${TOOL.name} ${TOOL.version}`,
        version: TOOL.version,
        semanticVersion: TOOL.version,
        ...(base && isAbsoluteLink(base) ? { informationUri: `${base}cli/` } : {}),
        rules: RULES.map((r) => ruleDescriptor(r, base)),
      },
    },
    invocations: [
      {
        executionSuccessful: run.inputs.every((i) => i.ok),
        ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
        ...(overrides.length ? { ruleConfigurationOverrides: overrides } : {}),
        ...(configNotes.length ? { toolConfigurationNotifications: configNotes } : {}),
      },
    ],
    // Code-scanning services group runs by this id (GitHub's "category").
    automationDetails: { id: `${TOOL.name}/` },
    originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(cwd).href.replace(/\/?$/, '/')}` } },
    artifacts,
    results,
    columnKind: 'utf16CodeUnits',
    properties: {
      failOn: run.settings.failOn,
      config: run.config ?? null,
      inputs: run.inputs.map((i) =>
        i.ok
          ? {
              file: i.source.name,
              format: i.format,
              rancherVersion: i.report.rancherVersion,
              rancherVersionFrom: i.versionFrom,
              profile: i.report.profile.label,
            }
          : { file: i.source.name, error: i.error.message },
      ),
    },
  };
  return { $schema: SARIF_SCHEMA, version: '2.1.0', runs: [runObject] };
}

export function formatRunSarif(run: CheckRun, cwd: string): string {
  return `${safeJson(runSarif(run, cwd))}\n`;
}
