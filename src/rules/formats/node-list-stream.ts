// `kubectl get nodes -o json|yaml` of thousands of nodes, read piece by piece as the text arrives:
// each node is cut out of the list, parsed on its own (JSON.parse, or js-yaml for one YAML item),
// cut down to what the kubectl reader reads (slimNode) and let go, so a 100 MB list costs a few
// megabytes. Cutting the list needs no parser of its own: JSON only needs brackets counted outside
// strings, and kubectl prints YAML lists one way, each item starting with "- " at the list's
// indentation and every other line of it indented further. Text that is not such a list is
// refused with `notNodeList`: past the input cap, only node lists are read.
import { load, YAMLException } from 'js-yaml';
import { LIMIT_REASONS, LIMITS } from '../limits.ts';
import { InputError } from './input-error.ts';
import { isNode, slimNode } from './kubectl-nodes.ts';
import { isRecord } from './single-cluster.ts';
import type { ParsedText } from './text.ts';

type Place = { line: number; col: number };

/**
 * Most of a node's text is metadata.managedFields and status.images, which no reader reads: in a
 * YAML list their block lines (deeper than the key, or "- " entries at its indentation, as kubectl
 * prints sequences) are passed over before the parser sees the node. Their key stays, with no value.
 */
const UNREAD_INDENT = 4;
const UNREAD_BLOCK = /^ {4}(?:managedFields|images):\s*$/;

/** What is outside the items (apiVersion, kind, metadata) is small; more is not a node list. */
const MAX_OUTSIDE_CHARS = 64 * 1024;

/** Where the JSON scanner is: before or beside the list, between its items, inside one, past the end. */
const Json = { Outside: 0, InList: 1, InItem: 2, After: 3 } as const;
type JsonState = (typeof Json)[keyof typeof Json];

export class NodeListStream {
  private syntax: 'json' | 'yaml' | undefined;
  private readonly items: Record<string, unknown>[] = [];
  private readonly places: Place[] = [];
  private kept = 0;
  private seen = 0;
  // JSON: bracket depth, string state, the text outside the list and the item being cut.
  private depth = 0;
  private inString = false;
  private escaped = false;
  private json: JsonState = Json.Outside;
  private listDepth = -1;
  private lastString = '';
  private key = '';
  private outside: string[] = [];
  private outsideChars = 0;
  private item: string[] = [];
  private itemChars = 0;
  private itemPlace: Place = { line: 1, col: 1 };
  private line = 1;
  private lineStart = 0;
  // YAML: the unfinished last line, where the list is, and the item being cut.
  private partial = '';
  private yaml: 'head' | 'first' | 'items' | 'tail' = 'head';
  private indent = 0;
  private itemLines: string[] = [];
  private itemLine = 0;
  private skipping = false;

  private readonly file: string | undefined;
  private readonly notNodeList: (why: string) => InputError;

  /** `notNodeList` makes the error for text that turns out not to be a node list (the caller knows why it asked). */
  constructor(file: string | undefined, notNodeList: (why: string) => InputError) {
    this.file = file;
    this.notNodeList = notNodeList;
  }

  /** The next piece of text. Throws InputError. */
  push(chunk: string): void {
    if (chunk.length === 0) return;
    if (chunk.includes('\u0000')) throw this.notNodeList('it contains NUL bytes, as binary files do');
    this.seen += chunk.length;
    if (this.seen > LIMITS.nodeListChars)
      throw new InputError(`the node list is more than ${LIMITS.nodeListChars / 1024 / 1024} MB; ${LIMIT_REASONS.nodeListChars}. Reading stopped there.`, {
        file: this.file,
      });
    if (this.syntax === undefined) {
      const first = /\S/.exec(chunk.replace(/^\uFEFF/, ''))?.[0];
      if (first === undefined) {
        if (this.seen > MAX_OUTSIDE_CHARS) throw this.notNodeList('nothing but blank space starts it');
        return;
      }
      this.syntax = first === '{' || first === '[' ? 'json' : 'yaml';
    }
    if (this.syntax === 'json') this.pushJson(chunk);
    else this.pushYaml(chunk);
  }

  /** The end of the text: the nodes as a NodeList document, each located where its item starts. */
  finish(): ParsedText {
    if (this.syntax === 'yaml') {
      if (this.partial !== '') this.yamlLine(this.partial);
      this.partial = '';
      this.endYamlItem();
      this.checkOutside(this.parseOutsideYaml());
    } else if (this.syntax === 'json') {
      if (this.json !== Json.After) throw this.error('the JSON text ends inside the node list.', this.here(0));
      if (this.listDepth === 2) this.checkOutside(this.parseOutsideJson());
    } else throw this.notNodeList('it holds nothing');
    if (this.items.length === 0) throw this.notNodeList('its list of items is empty');
    const places = this.places;
    return {
      data: { kind: 'NodeList', items: this.items },
      // Node i is items[i]: its place is where the item starts, whatever the rest of the path.
      locate: (path) => (path[0] === 'items' && typeof path[1] === 'number' ? places[path[1]] : places[0]),
      warnings: [],
      syntax: this.syntax,
    };
  }

  private error(message: string, place: Place): InputError {
    return new InputError(message, { file: this.file, ...place });
  }

  /** Before a node's text is even gathered: the cluster's node bound. */
  private startItem(place: Place): void {
    if (this.items.length >= LIMITS.nodesPerCluster)
      throw this.error(
        `more than ${LIMITS.nodesPerCluster.toLocaleString('en')} nodes in one list; at most ${LIMITS.nodesPerCluster.toLocaleString('en')} are checked in one cluster, since ${LIMIT_REASONS.nodesPerCluster}.`,
        place,
      );
  }

  private take(raw: unknown, place: Place): void {
    if (!isNode(raw)) throw this.notNodeList(`item ${this.items.length + 1} (line ${place.line}) is not a Node`);
    const slim = slimNode(raw);
    this.kept += JSON.stringify(slim).length;
    if (this.kept > LIMITS.inputBytes)
      throw this.error(
        `what the nodes contribute (names, role and cloud labels, addresses, taints) adds up to more than ${LIMITS.inputBytes / 1024 / 1024} MB by this node; ${LIMIT_REASONS.inputBytes}.`,
        place,
      );
    this.items.push(slim);
    this.places.push(place);
  }

  private growItem(chars: number, place: Place): void {
    this.itemChars += chars;
    if (this.itemChars > LIMITS.nodeChars)
      throw this.error(`this node's text is more than ${LIMITS.nodeChars / 1024 / 1024} MB; ${LIMIT_REASONS.nodeChars}.`, place);
  }

  private growOutside(text: string): void {
    this.outsideChars += text.length;
    if (this.outsideChars > MAX_OUTSIDE_CHARS) throw this.notNodeList('there is more beside the items than a list holds');
    this.outside.push(text);
  }

  private here(offset: number): Place {
    return { line: this.line, col: offset - this.lineStart + 1 };
  }

  // --- JSON ---

  private pushJson(chunk: string): void {
    const base = this.seen - chunk.length;
    const n = chunk.length;
    let from = 0;
    let i = 0;
    const flush = (to: number) => {
      if (to <= from) return;
      const piece = chunk.slice(from, to);
      if (this.json === Json.InItem) {
        this.item.push(piece);
        this.growItem(piece.length, this.itemPlace);
      } else if (this.json !== Json.InList) this.growOutside(piece);
      from = to;
    };
    // A backslash that ended the last piece escapes this piece's first character.
    if (this.inString && this.escaped) {
      if (this.json === Json.Outside) this.lastString += chunk[0] ?? '';
      this.escaped = false;
      i = 1;
    }
    while (i < n) {
      if (this.inString) {
        // Jump to the next quote; a quote after an odd run of backslashes is escaped.
        const q = chunk.indexOf('"', i);
        const end = q === -1 ? n : q;
        if (this.json === Json.Outside) this.lastString += chunk.slice(i, end);
        const odd = backslashesBefore(chunk, end, i) % 2 === 1;
        if (q === -1) {
          this.escaped = odd;
          break;
        }
        if (odd) {
          if (this.json === Json.Outside) this.lastString += '"';
        } else this.inString = false;
        i = q + 1;
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === 10) {
        this.line++;
        this.lineStart = base + i + 1;
      } else if (this.json === Json.InList) {
        if (c === 123) {
          const place = this.here(base + i);
          this.startItem(place);
          from = i;
          this.json = Json.InItem;
          this.itemPlace = place;
          this.item = [];
          this.itemChars = 0;
          this.depth++;
        } else if (c === 93) {
          from = i;
          this.depth--;
          this.json = this.depth === 0 ? Json.After : Json.Outside;
        } else if (c !== 32 && c !== 9 && c !== 13 && c !== 44) throw this.notNodeList('an item of its list is not an object');
      } else if (c === 34) {
        this.inString = true;
        this.lastString = '';
      } else if (c === 123 || c === 91) {
        if (this.json === Json.After) throw this.error('JSON syntax error: text after the end of the document.', this.here(base + i));
        const opensList = this.json === Json.Outside && c === 91 && ((this.depth === 0 && this.listDepth === -1) || (this.depth === 1 && this.key === 'items'));
        if (this.json === Json.Outside && this.depth === 0 && !opensList && c !== 123) throw this.notNodeList('it is not a JSON object or list');
        this.depth++;
        if (opensList) {
          flush(i + 1);
          this.json = Json.InList;
          this.listDepth = this.depth;
        }
      } else if (c === 125 || c === 93) {
        this.depth--;
        if (this.depth < 0) throw this.error('JSON syntax error: a closing bracket with nothing open.', this.here(base + i));
        if (this.json === Json.InItem && this.depth === this.listDepth) {
          flush(i + 1);
          this.endJsonItem();
          this.json = Json.InList;
        } else if (this.json === Json.Outside && this.depth === 0) this.json = Json.After;
      } else if (c === 58 && this.json === Json.Outside && this.depth === 1) this.key = this.lastString;
      else if (c !== 32 && c !== 9 && c !== 13 && c !== 0xfeff) {
        if (this.json === Json.After) throw this.error('JSON syntax error: text after the end of the document.', this.here(base + i));
        if (this.json === Json.Outside && this.depth === 0) throw this.notNodeList('it is not a JSON object or list');
      }
      i++;
    }
    flush(n);
  }

  private endJsonItem(): void {
    const text = this.item.join('');
    this.item = [];
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (error) {
      const at = /position (\d+)/.exec((error as Error).message);
      const offset = at ? Number(at[1]) : 0;
      const before = text.slice(0, offset);
      const lines = before.split('\n');
      const place =
        lines.length > 1
          ? { line: this.itemPlace.line + lines.length - 1, col: (lines.at(-1)?.length ?? 0) + 1 }
          : { line: this.itemPlace.line, col: this.itemPlace.col + offset };
      throw this.error(
        `JSON syntax error: ${(error as Error).message.replace(/ in JSON at position \d+.*$/, '').replace(/^Unexpected/, 'unexpected')}.`,
        place,
      );
    }
    this.take(raw, this.itemPlace);
  }

  private parseOutsideJson(): unknown {
    try {
      return JSON.parse(this.outside.join(''));
    } catch {
      throw this.error('JSON syntax error around the list of items.', { line: 1, col: 1 });
    }
  }

  // --- YAML ---

  private pushYaml(chunk: string): void {
    const text = this.partial + chunk;
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      this.yamlLine(text.slice(start, end));
      start = end + 1;
    }
    this.partial = text.slice(start);
    if (this.partial.length > LIMITS.nodeChars) throw this.error(`a line is more than ${LIMITS.nodeChars / 1024 / 1024} MB long.`, { line: this.line, col: 1 });
  }

  private yamlLine(raw: string): void {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const number = this.line++;
    // Most lines of a list: deeper than its items' "- ", so part of the item being read.
    if (this.yaml === 'items' && line.charCodeAt(this.indent) === 32 && (this.indent === 0 || line.startsWith(' '.repeat(this.indent)))) {
      const rest = this.indent === 0 ? line : line.slice(this.indent);
      this.itemChars += line.length + 1;
      if (this.itemChars > LIMITS.nodeChars) this.growItem(0, { line: this.itemLine, col: this.indent + 1 });
      // An empty line in its place keeps the parser's line numbers those of the file.
      if (this.skipping && (rest.charCodeAt(UNREAD_INDENT) === 32 || rest.startsWith('- ', UNREAD_INDENT))) {
        this.itemLines.push('');
        return;
      }
      this.skipping = UNREAD_BLOCK.test(rest);
      // The key stays (with nothing under it, its value reads as null, which nothing reads either).
      this.itemLines.push(rest);
      return;
    }
    this.skipping = false;
    const blank = /^\s*(#.*)?$/.test(line);
    switch (this.yaml) {
      case 'head':
        if (/^items:\s*(#.*)?$/.test(line)) {
          this.yaml = 'first';
          this.growOutside('items: []\n');
        } else this.growOutside(`${line}\n`);
        return;
      case 'first': {
        if (blank) return;
        const m = /^( *)- /.exec(line) ?? /^( *)-$/.exec(line);
        if (!m) throw this.notNodeList('its items: is not a list');
        this.indent = (m[1] as string).length;
        this.yaml = 'items';
        this.beginYamlItem(line, number);
        return;
      }
      case 'items': {
        const own = line.slice(0, this.indent);
        const rest = line.slice(this.indent);
        if (own.trim() === '' && (rest.startsWith('- ') || rest === '-')) {
          this.endYamlItem();
          this.beginYamlItem(line, number);
        } else if (blank || (own.trim() === '' && rest.startsWith(' '))) {
          this.itemLines.push(rest);
          this.growItem(line.length + 1, { line: this.itemLine, col: this.indent + 1 });
        } else {
          this.endYamlItem();
          this.yaml = 'tail';
          this.growOutside(`${line}\n`);
        }
        return;
      }
      case 'tail':
        this.growOutside(`${line}\n`);
    }
  }

  private beginYamlItem(line: string, number: number): void {
    const place = { line: number, col: this.indent + 1 };
    this.startItem(place);
    this.itemLine = number;
    this.itemLines = [line.slice(this.indent)];
    this.itemChars = 0;
    this.growItem(line.length + 1, place);
  }

  private endYamlItem(): void {
    if (this.itemLines.length === 0) return;
    const text = this.itemLines.join('\n');
    this.itemLines = [];
    let raw: unknown;
    try {
      raw = load(text, { maxAliases: 100, maxDepth: 128 });
    } catch (error) {
      if (!(error instanceof YAMLException)) throw error;
      const mark = error.mark;
      throw this.error(`YAML syntax error: ${error.reason}`, {
        line: this.itemLine + (mark?.line ?? 0),
        col: (mark?.column ?? 0) + 1 + this.indent,
      });
    }
    this.take(Array.isArray(raw) ? raw[0] : undefined, { line: this.itemLine, col: this.indent + 1 });
  }

  private parseOutsideYaml(): unknown {
    try {
      return load(this.outside.join(''), { maxAliases: 0 });
    } catch (error) {
      const mark = error instanceof YAMLException ? error.mark : undefined;
      throw this.error(`YAML syntax error around the list of items: ${error instanceof YAMLException ? error.reason : 'unreadable'}`, {
        line: (mark?.line ?? 0) + 1,
        col: 1,
      });
    }
  }

  private checkOutside(outside: unknown): void {
    if (!isRecord(outside) || !Array.isArray(outside.items)) throw this.notNodeList('it has no items: list');
    if (outside.kind !== 'List' && outside.kind !== 'NodeList')
      throw this.notNodeList(`its kind is ${typeof outside.kind === 'string' ? JSON.stringify(outside.kind.slice(0, 40)) : 'missing'}, not List or NodeList`);
  }
}

/** How many backslashes come just before position `end`, counting back no further than `start`. */
function backslashesBefore(text: string, end: number, start: number): number {
  let n = 0;
  while (end - n - 1 >= start && text.charCodeAt(end - n - 1) === 92) n++;
  return n;
}
