// Turning untrusted text into plain data, safely: size and binary checks first, a nesting guard
// before the YAML parser (whose recursion is slow on pathological depth), alias limits against
// "billion laughs", and a copy step that keeps keys like __proto__ as plain data.
import { Composer, isMap, isScalar, LineCounter, Parser, visit, type CST, type Document } from 'yaml';
import { YAMLException } from 'js-yaml';
import { inputTooLarge, LIMITS } from '../limits.ts';
import { InputError, type InputWarning } from './input-error.ts';
import { lazyLocators, lineIndex, loadDocuments, type EventDocument } from './yaml-events.ts';

export const MAX_INPUT_CHARS = LIMITS.inputChars;
export const MAX_DEPTH = 64;
/**
 * Text the yaml package still reads when the event parser refuses it, for its detailed messages:
 * that package takes about a second and 300 MB a megabyte, so larger text gets the event parser's message.
 */
const MAX_DETAILED_YAML_CHARS = LIMITS.detailedYamlChars;
const MAX_YAML_LINE = 50_000;
const MAX_COLUMN = 400;
const MAX_ALIASES = 100;

export interface ParsedText {
  data: unknown;
  /** Where each path lies in the text (YAML inputs, and JSON on demand). */
  locate: (path: readonly PropertyKey[]) => { line: number; col: number } | undefined;
  warnings: InputWarning[];
  syntax: 'json' | 'yaml';
  /** Where a mapping's key (not its value) is written; YAML inputs only. */
  locateKey?: (path: readonly PropertyKey[]) => { line: number; col: number } | undefined;
  /**
   * A YAML stream of several documents (`---`): each one parsed on its own, empty ones left out.
   * `data` is then the first document's and `locate` takes paths that start with a document's
   * index (`[2, 'spec', 'replicas']`); only readers that say they read streams
   * (Format.multiDocument) are handed such an input.
   */
  documents?: YamlDocument[];
}

/** One document of a YAML stream, with where it starts (for "a second document starts here"). */
export interface YamlDocument {
  data: unknown;
  locate: ParsedText['locate'];
  start: { line: number; col: number };
}

/**
 * Bytes to text, the same way for the page and the CLI: UTF-8 with or without a byte-order mark,
 * and UTF-16 (little or big endian) when it starts with its byte-order mark, as Windows editors
 * write it. Anything that is not valid text is refused.
 */
export function decodeBytes(bytes: Uint8Array, file?: string): string {
  if (bytes.length > LIMITS.inputBytes) throw tooBig(bytes.length, file);
  const encoding = encodingOf(bytes);
  try {
    // TextDecoder drops the byte-order mark itself.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw notText(encoding, file);
  }
}

/** The encoding decodeBytes reads these bytes in, from their first bytes (UTF-16's byte-order mark, else UTF-8). */
export function encodingOf(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** Bytes that are not text in the encoding they start like. */
export function notText(encoding: string, file?: string): InputError {
  return new InputError(
    encoding === 'utf-8'
      ? 'input is not UTF-8 text. Save the file as UTF-8 (or UTF-16 with a byte-order mark).'
      : `input starts like ${encoding.toUpperCase()} but is not valid ${encoding.toUpperCase()} text.`,
    { file },
  );
}

function tooBig(size: number, file?: string): InputError {
  return new InputError(inputTooLarge(`${(size / 1024 / 1024).toFixed(1)} MB or more`), { file });
}

/** Cheap checks first: size and NUL bytes. */
export function guardSize(text: string, file?: string): void {
  if (text.length > MAX_INPUT_CHARS) throw tooBig(text.length, file);
  if (text.includes('\u0000')) throw new InputError('input contains NUL bytes: this looks like a binary file, not YAML or JSON.', { file });
}

/** Size, NUL bytes, then nesting depth. */
export function guardText(text: string, file?: string): void {
  guardSize(text, file);
  // Block nesting: indentation plus leading "- " / "? " indicators. No real file nests its
  // content past column 400; the YAML parser's recursion is slow well before it overflows.
  const deepLine = /^(?:[ \t]|[-?](?=[ \t]))*/gm;
  for (let m = deepLine.exec(text); m; m = deepLine.exec(text)) {
    if (m[0].length > MAX_COLUMN) throw tooDeep(text, m.index + MAX_COLUMN, file);
    if (m[0].length === 0) deepLine.lastIndex++;
  }
  // Bracket depth, ignoring brackets inside quotes; indentation depth as a second guard.
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quote) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote || ch === '\n') quote = '';
      continue;
    }
    if (ch === '"' || (ch === "'" && /[\s[{,:]/.test(text[i - 1] ?? ' '))) quote = ch;
    else if (ch === '[' || ch === '{') {
      if (++depth > MAX_DEPTH) throw tooDeep(text, i, file);
    } else if (ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
  }
}

function tooDeep(text: string, offset: number, file?: string): InputError {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) !== 10) continue;
    line++;
    lineStart = i + 1;
  }
  return new InputError(`nesting deeper than ${MAX_DEPTH} levels; no plan or cluster file is shaped like that.`, { file, line, col: offset - lineStart + 1 });
}

/** Copy parsed data into fresh objects, own keys only, refusing depth beyond MAX_DEPTH. */
export function plainCopy(value: unknown, file?: string, depth = 0, budget?: { left: number }): unknown {
  if (depth > MAX_DEPTH) throw new InputError(`nesting deeper than ${MAX_DEPTH} levels; no plan or cluster file is shaped like that.`, { file });
  if (budget && --budget.left < 0) throw new InputError('too many YAML aliases (a "billion laughs" expansion); refusing to expand it.', { file });
  if (Array.isArray(value)) return value.map((v) => plainCopy(v, file, depth + 1, budget));
  if (value instanceof Map) value = Object.fromEntries([...value].map(([k, v]) => [String(k), v]));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const copy = plainCopy((value as Record<string, unknown>)[key], file, depth + 1, budget);
      // Assigning "__proto__" would replace the prototype; define it as a plain own key instead.
      if (key === '__proto__') Object.defineProperty(out, key, { value: copy, enumerable: true, writable: true, configurable: true });
      else out[key] = copy;
    }
    return out;
  }
  return value;
}

function yamlLocator(doc: Document, lc: LineCounter) {
  return (path: readonly PropertyKey[]) => {
    for (let n = path.length; n >= 0; n--) {
      const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lc.linePos(node.range[0]);
      // A scalar value: find the pair's key instead.
    }
    return undefined;
  };
}

function keyLocator(doc: Document, lc: LineCounter) {
  return (path: readonly PropertyKey[]) => {
    const parent: unknown = path.length > 1 ? doc.getIn(path.slice(0, -1) as unknown[], true) : doc.contents;
    if (!isMap(parent)) return undefined;
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === path.at(-1));
    const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
    return range ? lc.linePos(range[0]) : undefined;
  };
}

/**
 * Duplicate keys, found in one linear pass (the yaml package's own uniqueKeys check compares
 * every key with every other, which takes minutes on a mapping with tens of thousands of keys).
 * They are reported as warnings: the last value wins, as in most YAML readers.
 */
function duplicateKeys(doc: Document, lc: LineCounter, file?: string): InputWarning[] {
  const warnings: InputWarning[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (!seen.has(key)) {
          seen.add(key);
          continue;
        }
        const range = (pair.key as { range?: [number, number, number] } | null)?.range;
        const pos = range ? lc.linePos(range[0]) : undefined;
        warnings.push({
          place: [file, pos?.line, pos?.col].filter((p) => p !== undefined).join(':'),
          message: `key ${typeof key === 'string' ? `"${key}" ` : ''}appears twice in one mapping; the last value is used.`,
        });
      }
    },
  });
  return warnings;
}

/**
 * YAML text → data. The event parser (yaml-events.ts) reads it and keeps nothing for positions;
 * lines are found later, only for the messages that name one. Text it refuses goes, when small
 * enough, to the yaml package's reading (parseYamlDetailed), whose messages and duplicate-key
 * warnings the project has always given; larger text gets the event parser's own message and place.
 */
function parseYaml(text: string, file?: string): ParsedText {
  checkLineLengths(text, file);
  let documents: EventDocument[];
  try {
    documents = loadDocuments(text, MAX_ALIASES);
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    if (text.length <= MAX_DETAILED_YAML_CHARS) return parseYamlDetailed(text, file);
    return parseLargeYamlAfter(error, text, file);
  }
  if (documents.length > LIMITS.yamlDocuments) {
    const pos = lineIndex(text)(documents[LIMITS.yamlDocuments]?.start ?? 0);
    throw new InputError(`more than ${LIMITS.yamlDocuments.toLocaleString('en')} YAML documents in one input; split the stream.`, { file, ...pos });
  }
  return fromDocuments(text, documents, [], file);
}

/** Past the detailed reader's size, a duplicate key is read as JSON reads it (the last wins) and said once; anything else is an error at its place. */
function parseLargeYamlAfter(error: YAMLException, text: string, file?: string): ParsedText {
  const place = error.mark ? { line: error.mark.line + 1, col: error.mark.column + 1 } : {};
  if (!/duplicated mapping key/.test(error.reason)) throw new InputError(`YAML syntax error: ${error.reason}`, { file, ...place });
  let documents: EventDocument[];
  try {
    documents = loadDocuments(text, MAX_ALIASES, true);
  } catch (again) {
    if (!(again instanceof YAMLException)) throw again;
    const at = again.mark ? { line: again.mark.line + 1, col: again.mark.column + 1 } : {};
    throw new InputError(`YAML syntax error: ${again.reason}`, { file, ...at });
  }
  const warning = {
    place: [file, 'line' in place ? place.line : undefined, 'col' in place ? place.col : undefined].filter((p) => p !== undefined).join(':'),
    message: 'a key appears twice in one mapping; the last value is used (in a file this large only the first such key is named).',
  };
  return fromDocuments(text, documents, [warning], file);
}

function fromDocuments(text: string, documents: EventDocument[], warnings: InputWarning[], file?: string): ParsedText {
  // Aliases share one value in the parser's result; copying expands them, so the copy is bounded
  // by the text's own size: without aliases a document has fewer values than characters.
  const budget = { left: Math.max(10_000, text.length) };
  const copies = documents.map((d) => ({ data: plainCopy(d.data, file, 0, budget), start: d.start }));
  // A stream's empty documents (a leading or trailing ---, a comment-only part) hold nothing to read.
  const filled = copies.map((d, i) => ({ ...d, index: i })).filter((d) => d.data !== undefined && d.data !== null);
  // A document that is only a comment or `~` reads as nothing, like an empty input.
  const first = filled[0] ?? (copies[0] ? { ...copies[0], data: undefined, index: 0 } : undefined);
  if (!first) return { data: undefined, locate: () => undefined, warnings, syntax: 'yaml' };
  const stream = filled.length > 1;
  const { locate, locateKey } = lazyLocators(text, { streamPaths: false, first: first.index });
  const parsed: ParsedText = { data: first.data, locate, locateKey, warnings, syntax: 'yaml' };
  if (stream) {
    const position = lineIndex(text);
    // In a stream, a source path starts with the document's index among the filled ones (objects.ts).
    const inStream = lazyLocators(text, { streamPaths: true, first: first.index });
    parsed.documents = filled.map((d) => ({
      data: d.data,
      locate: (path) => inStream.locate([d.index, ...path]),
      start: position(d.start),
    }));
    parsed.locate = (path) =>
      typeof path[0] === 'number' && filled[path[0]] ? inStream.locate([(filled[path[0]] as { index: number }).index, ...path.slice(1)]) : locate(path);
  }
  return parsed;
}

function checkLineLengths(text: string, file?: string): void {
  for (let start = 0, line = 1; start < text.length; line++) {
    const end = text.indexOf('\n', start);
    const stop = end === -1 ? text.length : end;
    if (stop - start > MAX_YAML_LINE)
      throw new InputError(
        `line ${line} is ${stop - start} characters long; YAML lines are limited to ${MAX_YAML_LINE} (the YAML reader slows down badly on longer ones). Use JSON for this input.`,
        { file, line, col: 1 },
      );
    start = stop + 1;
  }
}

/** The yaml package's reading, for small text the event parser refused: its messages, and duplicate keys as warnings. */
function parseYamlDetailed(text: string, file?: string): ParsedText {
  const lc = new LineCounter();
  const tokens: CST.Token[] = [];
  let documents = 0;
  /** Where each document starts (its `---`, or its first content), in stream order. */
  const starts: number[] = [];
  try {
    for (const token of new Parser(lc.addNewLine).parse(text)) {
      if (token.type === 'error') {
        const pos = lc.linePos(token.offset);
        throw new InputError(`YAML syntax error: ${token.message.split('\n')[0]}`, { file, line: pos.line, col: pos.col });
      }
      // Streams of manifests (helm template, clusterctl) are read document by document, up to a bound.
      if (token.type === 'document' && ++documents > LIMITS.yamlDocuments) {
        const pos = lc.linePos(token.offset);
        throw new InputError(`more than ${LIMITS.yamlDocuments.toLocaleString('en')} YAML documents in one input; split the stream.`, {
          file,
          line: pos.line,
          col: pos.col,
        });
      }
      if (token.type === 'document') starts.push(token.offset);
      tokens.push(token);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    if (/call stack/i.test((error as Error).message)) throw new InputError('nesting too deep to read; no plan or cluster file is shaped like that.', { file });
    throw new InputError(`could not parse: ${(error as Error).message}`, { file });
  }
  let composed: Document[];
  try {
    // logLevel 'error': the yaml package would otherwise print its own warnings to the console.
    composed = [...new Composer({ uniqueKeys: false, merge: false, logLevel: 'error' }).compose(tokens, true, text.length)] as Document[];
  } catch (error) {
    if (/call stack/i.test((error as Error).message)) throw new InputError('nesting too deep to read; no plan or cluster file is shaped like that.', { file });
    throw new InputError(`could not parse: ${(error as Error).message}`, { file });
  }
  const read = composed.map((doc, i) => readDocument(doc, lc, starts[i] ?? doc.range?.[0] ?? 0, file));
  // A stream's empty documents (a leading or trailing ---, a comment-only part) hold nothing to read.
  const filled = read.filter((d) => d.data !== undefined && d.data !== null);
  const first = filled[0] ?? read[0];
  if (!first) return { data: undefined, locate: () => undefined, warnings: [], syntax: 'yaml' };
  const parsed: ParsedText = { data: first.data, locate: first.locate, warnings: read.flatMap((d) => d.warnings), syntax: 'yaml' };
  const firstDoc = composed[read.indexOf(first)];
  if (firstDoc) parsed.locateKey = keyLocator(firstDoc, lc);
  if (filled.length > 1) {
    parsed.documents = filled.map(({ data, locate, start }) => ({ data, locate, start }));
    // In a stream, a source path starts with the document's index (objects.ts).
    parsed.locate = (path) => (typeof path[0] === 'number' ? filled[path[0]]?.locate(path.slice(1)) : first.locate(path));
  }
  return parsed;
}

/** One composed YAML document → plain data, its locator and warnings. Throws InputError. */
function readDocument(doc: Document, lc: LineCounter, offset: number, file?: string): YamlDocument & { warnings: InputWarning[] } {
  const warnings: InputWarning[] = duplicateKeys(doc, lc, file);
  for (const err of doc.errors) {
    const pos = lc.linePos(err.pos[0]);
    throw new InputError(`YAML syntax error: ${err.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '')}`, {
      file,
      line: pos.line,
      col: pos.col,
    });
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    const message = (error as Error).message;
    if (/alias/i.test(message)) throw new InputError('too many YAML aliases (a "billion laughs" expansion); refusing to expand it.', { file });
    throw new InputError(`could not read YAML: ${message}`, { file });
  }
  if (isMap(doc.contents) === false && data === null) data = undefined;
  const start = lc.linePos(offset);
  return { data: plainCopy(data, file), locate: yamlLocator(doc, lc), warnings, start: { line: start.line, col: start.col } };
}

/** Parse YAML or JSON text (JSON is tried first when the text looks like JSON: it is much faster). */
export function parseText(text: string, file?: string): ParsedText {
  guardText(text, file);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const first = text.trimStart()[0];
  if (first === '{' || first === '[') {
    try {
      const data = JSON.parse(text) as unknown;
      return {
        data: plainCopy(data, file),
        // Positions are only needed for messages: JSON is YAML, so the YAML events find them on demand.
        locate: lazyLocators(text, { streamPaths: false, first: 0 }).locate,
        warnings: [],
        syntax: 'json',
      };
    } catch (error) {
      if (error instanceof InputError) throw error;
      // Not strict JSON; YAML is a superset of most near-JSON, so let it try and report.
    }
    // A comment starts a line or follows a JSON token (not a ":" as in "https://…" inside a string).
    const comment = /(^|[,{}[\]"]|\d|true|false|null)[ \t]*(\/\/|\/\*)/m.exec(text);
    if (comment) {
      const line = text.slice(0, comment.index + comment[0].length).split('\n').length;
      throw new InputError('JSON does not allow comments. Remove them, or write the file as YAML, where comments start with #.', { file, line, col: 1 });
    }
  }
  return parseYaml(text, file);
}
