// YAML read at the speed of its parser: js-yaml's event parser builds the data and keeps nothing
// else, and where a path lies in the text is found only when a message needs it, by parsing the
// events again and walking them. The yaml package's documents hold every node with its range (ten
// times the text, and seconds for a megabyte); here an input costs its data until someone asks
// for a line, and the events behind that answer go when the input does.
import { constructFromEvents, EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event } from 'js-yaml';

export type Position = { line: number; col: number };
export type Locate = (path: readonly PropertyKey[]) => Position | undefined;

/** Nesting the event parser accepts; the text guard (guardText) refuses deeper input first, with a place. */
const PARSER_DEPTH = 128;

/** One document of the text: its data, and the offset of its first node (or of its `---`). */
export interface EventDocument {
  data: unknown;
  start: number;
}

/**
 * Every document of a YAML text as plain data. Throws js-yaml's YAMLException (with a mark) on
 * anything the parser refuses, including more than `maxAliases` aliases in a document, and a key
 * written twice in one mapping unless `lastKeyWins`.
 */
export function loadDocuments(text: string, maxAliases: number, lastKeyWins = false): EventDocument[] {
  const events = parseEvents(text, { maxDepth: PARSER_DEPTH });
  const data = constructFromEvents(events, { source: text, maxAliases, json: lastKeyWins });
  const starts: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as Event;
    if (event.type !== EVENT_ID.DOCUMENT) continue;
    const first = events[i + 1];
    const at = first ? nodeStart(first) : -1;
    // A document that starts with `---` starts on that line (the one people look for).
    const marker = event.explicitStart && at >= 0 ? text.lastIndexOf('---', at) : -1;
    starts.push(marker >= 0 ? marker : Math.max(at, 0));
  }
  return data.map((d, i) => ({ data: d, start: starts[i] ?? 0 }));
}

function nodeStart(event: Event): number {
  switch (event.type) {
    case EVENT_ID.SEQUENCE:
    case EVENT_ID.MAPPING:
      return propsStart(event, event.start);
    case EVENT_ID.SCALAR: {
      const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
      return propsStart(event, event.valueStart - (quoted ? 1 : 0));
    }
    case EVENT_ID.ALIAS:
      return event.anchorStart - 1;
    default:
      return -1;
  }
}

/** An anchor or tag written before a node is where the node starts. */
function propsStart(event: { anchorStart: number; tagStart: number }, start: number): number {
  return Math.min(...[start, event.anchorStart, event.tagStart].filter((o) => o >= 0));
}

/** Line starts of a text, for offset → line:col by binary search. */
export function lineIndex(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - (starts[lo] as number) + 1 };
  };
}

interface Walk {
  events: Event[];
  /** For each event, the index just past the node it opens. */
  ends: Int32Array;
  /** The index of each document's root node. */
  roots: number[];
  position: (offset: number) => Position;
}

function walkOf(text: string): Walk | undefined {
  let events: Event[];
  try {
    events = parseEvents(text, { maxDepth: PARSER_DEPTH });
  } catch {
    return undefined;
  }
  const ends = new Int32Array(events.length);
  const open: number[] = [];
  const roots: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const event = events[i] as Event;
    if (event.type === EVENT_ID.DOCUMENT) {
      open.push(i);
      roots.push(i + 1);
    } else if (event.type === EVENT_ID.SEQUENCE || event.type === EVENT_ID.MAPPING) open.push(i);
    else if (event.type === EVENT_ID.POP) ends[open.pop() ?? 0] = i + 1;
    else ends[i] = i + 1;
  }
  return { events, ends, roots, position: lineIndex(text) };
}

/**
 * The index of the node at `path` under the node at `at`, as deep as the path goes: the deepest
 * node found, and the index of the key event when the last step named a mapping key.
 */
function descend(walk: Walk, at: number, path: readonly PropertyKey[], text: string): { node: number; key?: number } {
  let node = at;
  let key: number | undefined;
  for (const step of path) {
    const event = walk.events[node];
    let next: number | undefined;
    key = undefined;
    if (event?.type === EVENT_ID.SEQUENCE && typeof step === 'number') {
      let child = node + 1;
      for (let n = 0; n < step && walk.events[child]?.type !== EVENT_ID.POP; n++) child = walk.ends[child] as number;
      if (walk.events[child]?.type !== EVENT_ID.POP) next = child;
    } else if (event?.type === EVENT_ID.MAPPING) {
      // The last of equal keys wins, as in the data.
      for (let child = node + 1; walk.events[child] && walk.events[child]?.type !== EVENT_ID.POP;) {
        const value = walk.ends[child] as number;
        const k = walk.events[child] as Event;
        if (k.type === EVENT_ID.SCALAR && getScalarValue(text, k) === String(step)) {
          next = value;
          key = child;
        }
        child = walk.ends[value] as number;
      }
    }
    if (next === undefined) return { node };
    node = next;
  }
  return key === undefined ? { node } : { node, key };
}

/**
 * Locators for one text, parsed again on first use: `locate` for where the node at a path is
 * written (the nearest existing parent when the path goes further than the text),
 * `locateKey` for where the last step's key is written. A path may start with a document's index
 * when `streamPaths` is set (a stream of several documents).
 */
export function lazyLocators(text: string, documents: { streamPaths: boolean; first: number }) {
  let walk: Walk | undefined | null = null;
  const get = () => (walk === null ? (walk = walkOf(text)) : walk);
  const resolve = (path: readonly PropertyKey[]) => {
    const w = get();
    if (!w) return undefined;
    let root = w.roots[documents.first];
    let rest = path;
    if (documents.streamPaths && typeof path[0] === 'number') {
      root = w.roots[path[0]];
      rest = path.slice(1);
    }
    if (root === undefined || w.events[root] === undefined) return undefined;
    return { w, found: descend(w, root, rest, text) };
  };
  const locate: Locate = (path) => {
    const r = resolve(path);
    const offset = r ? nodeStart(r.w.events[r.found.node] as Event) : -1;
    return r && offset >= 0 ? r.w.position(offset) : undefined;
  };
  const locateKey: Locate = (path) => {
    const r = resolve(path);
    const key = r?.found.key;
    if (!r || key === undefined || path.length === 0) return undefined;
    return r.w.position(nodeStart(r.w.events[key] as Event));
  };
  return { locate, locateKey };
}
