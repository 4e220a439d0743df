// One entry for every input: parse the text, find its format in the registry (by the parsed
// document), let that format's reader build a plan, and validate it on the one path every input
// takes. Throws InputError, and nothing else.
import { nothingToCheck } from '../cluster-facts.ts';
import type { Report } from '../report.ts';
import type { Plan } from '../vocabulary.ts';
import type { ReaderOutput, SingleClusterOptions } from './format.ts';
import type { RkeSource } from '../migrate/rke-source.ts';
import { InputError, type InputWarning } from './input-error.ts';
import { FORMATS, formatById, type InputFormat } from './registry.ts';
import { guardSize, parseText, type ParsedText } from './text.ts';
import { validatePlan } from './validate.ts';

export { INPUT_FORMATS, type InputFormat } from './registry.ts';

export interface ReadOptions extends SingleClusterOptions {
  /** Skip detection and read as this format. */
  format?: InputFormat;
  /** Accept a plan with nothing in it (the editor's own saved state); inputs to check refuse one. */
  allowEmpty?: boolean;
}

export interface ReadResult {
  plan: Plan;
  format: InputFormat;
  /** Findings only the source can show (rke-config-valid for cluster.yml); pass to checkPlan's extraFindings. */
  findings: Report['findings'];
  /** Non-fatal remarks: duplicate keys, a single-node config file. */
  warnings: InputWarning[];
  /** Where a plan path (["clusters", 0, "nodes", 3]) lies in the source, when the reader knows. */
  /** `file` is set when the input is a set of files (a Terraform folder) and the place lies in one of them. */
  locate: (planPath: readonly PropertyKey[]) => { line: number; col: number; file?: string } | undefined;
  /** A cluster.yml's settings beyond the plan, for `migrate` and the checker's "Moving to RKE2". */
  rkeSettings?: RkeSource;
}

const EXPECTED =
  "Expected a plan (clusters:), an RKE cluster.yml (nodes: with address and role), kubectl get nodes output (kind: NodeList), Rancher's provisioning Cluster (kind: Cluster), or a K3s or RKE2 config.yaml.";

/** Every reader whose detection matches this parsed document, in registry order. */
export function matchingFormats(doc: ParsedText): InputFormat[] {
  return FORMATS.filter((f) => f.read !== undefined && f.detect?.(doc)).map((f) => f.id as InputFormat);
}

/**
 * Which format is this parsed document? undefined when it is none we read. Detection never guesses:
 * a document two readers claim is an input error naming both (choose with `format`).
 */
export function detectFormat(doc: ParsedText, file?: string): InputFormat | undefined {
  const found = matchingFormats(doc);
  if (found.length > 1) throw ambiguous(found, file);
  return found[0];
}

function ambiguous(found: readonly InputFormat[], file?: string): InputError {
  const named = found.map((id) => `${formatById(id)?.label ?? id} (${id})`);
  const list = named.length === 2 ? named.join(' and ') : `${named.slice(0, -1).join(', ')} and ${named.at(-1) ?? ''}`;
  return new InputError(
    `this input matches ${named.length === 2 ? 'two' : named.length} formats: ${list}. Say which it is (rancher-arch: --input-format ${found.join(' or --input-format ')}; the checker page: the format choice), or remove the fields that belong to the other.`,
    { file },
  );
}

/** A YAML stream handed to a reader of single documents: say where the second one starts. */
function refuseStream(doc: ParsedText, format: InputFormat, file?: string): void {
  const second = doc.documents?.[1];
  if (!second || formatById(format)?.multiDocument) return;
  throw new InputError(`a second YAML document starts here; ${formatById(format)?.label ?? format} is read one document per input.`, {
    file,
    ...second.start,
  });
}

/** Formats with a syntax of their own (an INI inventory) get the text before the YAML parser does. */
function parseOwnSyntax(text: string, options: ReadOptions): ParsedText | undefined {
  for (const f of FORMATS) {
    if (!f.parse || (options.format !== undefined && options.format !== f.id)) continue;
    const parsed = f.parse(text, options.filename);
    if (parsed) return parsed;
  }
  return undefined;
}

/** Formats recognised from raw text (nginx) are refused with a message saying what to do. */
function refuseForeign(text: string, file?: string): void {
  if (FORMATS.some((f) => f.id === 'nginx' && f.detectText?.(text)))
    throw new InputError(
      'this is an nginx configuration. rancher-arch writes these (convert --to nginx) but does not read them: describe the load balancer under loadBalancer: in a plan, next to the nodes it serves.',
      { file },
    );
}

function describeFound(data: unknown): string {
  if (data === null || data === undefined) return 'nothing';
  if (Array.isArray(data)) return 'a list';
  if (typeof data === 'object') return 'a mapping with none of the expected fields';
  return `a single ${typeof data}`;
}

function readUnchecked(text: string, options: ReadOptions): ReadResult {
  const file = options.filename;
  guardSize(text, file);
  if (text.trim() === '') throw new InputError(`input is empty: nothing to check. ${EXPECTED}`, { file });
  let doc: ParsedText;
  const own = parseOwnSyntax(text, options);
  if (own) doc = own;
  else
    try {
      doc = parseText(text, file);
    } catch (error) {
      // Not YAML or JSON: perhaps a file of another kind we recognise by its text.
      refuseForeign(text, file);
      throw error;
    }
  if (typeof doc.data === 'string') refuseForeign(text, file);
  return readDocument(doc, options);
}

/** A parsed document → plan: detection, the format's reader, the one validation path. */
function readDocument(doc: ParsedText, options: ReadOptions): ReadResult {
  const file = options.filename;
  const format = options.format ?? detectFormat(doc, file);
  if (format !== undefined) refuseStream(doc, format, file);
  else if (doc.documents)
    throw new InputError(`could not tell what this is (found ${doc.documents.length} YAML documents, none of a kind rancher-arch reads). ${EXPECTED}`, {
      file,
    });
  const reader = format === undefined ? undefined : formatById(format);
  if (format === undefined || !reader?.read) throw new InputError(`could not tell what this is (found ${describeFound(doc.data)}). ${EXPECTED}`, { file });
  const output: ReaderOutput = reader.read(doc, options);
  const origin = output.origin ?? ((path: readonly PropertyKey[]) => path);
  const locate = (path: readonly PropertyKey[]) => doc.locate(origin(path) ?? []);
  const plan = validatePlan(output.plan, { file, locate, origin });
  // An empty input is not a pass: a pipeline that checks nothing must not go green.
  const empty = options.allowEmpty ? undefined : nothingToCheck(plan);
  if (empty) throw new InputError(`nothing to check: ${empty}. ${EXPECTED}`, { file });
  return {
    plan,
    format,
    findings: output.findings ?? [],
    warnings: [...doc.warnings, ...(output.warnings ?? [])],
    locate,
    ...(output.rkeSettings === undefined ? {} : { rkeSettings: output.rkeSettings }),
  };
}

/**
 * Read any supported input (plan YAML/JSON, RKE cluster.yml, kubectl nodes JSON/YAML, Rancher's
 * provisioning Cluster, K3s or RKE2 config.yaml) with its findings and warnings. Throws InputError, and nothing else.
 */
export function readInputDetailed(text: string, options: ReadOptions = {}): ReadResult {
  try {
    return readUnchecked(text, options);
  } catch (error) {
    if (error instanceof InputError) throw error;
    // A reader bug must still reach the user as one clear line, not a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`could not read this input: ${message.split('\n')[0]?.slice(0, 200)}`, { file: options.filename });
  }
}

/**
 * Read a document parsed elsewhere (a node list read piece by piece, node-list-stream.ts) on the
 * path every input takes. Throws InputError, and nothing else.
 */
export function readParsedDetailed(doc: ParsedText, options: ReadOptions = {}): ReadResult {
  try {
    return readDocument(doc, options);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`could not read this input: ${message.split('\n')[0]?.slice(0, 200)}`, { file: options.filename });
  }
}

/** Read any supported input into a plan. Throws InputError. */
export function readInput(text: string, options: ReadOptions = {}): Plan {
  return readInputDetailed(text, options).plan;
}
