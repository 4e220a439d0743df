// Quoted patterns (`rancher-arch check 'clusters/**/*.yml'`), bounded before and while they expand.
// Braces are expanded first, by brace-expansion with a cap, and the names they spell out counted
// before anything is searched. Then each pattern is walked folder by folder and each match handed
// over as it is found, so the caller stops the walk at the file cap instead of listing a whole
// tree first.
//
// Why a walk of our own around Node's matcher, not Node's fs.glob (or any glob library): they all
// read names as UTF-8 text. A name that is not valid UTF-8 comes back with U+FFFD in it, which
// opens nothing, and a folder so named is never entered: its files vanish without a word. Here
// names are read as bytes (readdir with the buffer encoding); matching uses Node's own
// path.matchesGlob on the decoded text, so a pattern means what fs.glob would take it to mean, and
// the file is opened by its bytes and named with the odd bytes escaped (`caf\xE9.yml`).
import { isUtf8 } from 'node:buffer';
import { readdirSync, statSync, type Dirent } from 'node:fs';
import path from 'node:path';
import { expand } from 'brace-expansion';
import { InputError, LIMITS } from '../rules/index.ts';
import { LIMIT_REASONS } from '../rules/limits.ts';
import type { FilePath } from './io.ts';
import { escapedName } from './safe-text.ts';

/** One file a pattern matched: its name for reports, and the path to open (bytes when the name is not UTF-8). */
export interface GlobMatch {
  name: string;
  path: FilePath;
}

/** Longer than any path Linux opens (PATH_MAX is 4,096 bytes). */
const MAX_PATTERN_CHARS = 4096;

/** The patterns a brace pattern stands for, or the reason it is refused. Nothing is searched yet. */
export function bracePatterns(pattern: string): { patterns: string[] } | { problem: string } {
  if (pattern.length > MAX_PATTERN_CHARS)
    return { problem: `the pattern is longer than ${MAX_PATTERN_CHARS.toLocaleString('en')} characters, longer than any path` };
  // One more than the limit is enough to know the limit is passed; the expansion stops there.
  const patterns = expand(pattern, { max: LIMITS.patternNames + 1 });
  if (patterns.length > LIMITS.patternNames)
    return { problem: `the pattern spells out more than ${LIMITS.patternNames} names with its braces; ${LIMIT_REASONS.patternNames}` };
  return { patterns };
}

/** A step of a pattern that needs matching rather than a plain name. */
const MAGIC = /[*?[\]\\]/;

/** A name as text to match, and as text to show: the same unless its bytes are not UTF-8. */
function nameOf(bytes: Buffer): { match: string; shown: string } {
  const match = bytes.toString('utf8');
  return { match, shown: isUtf8(bytes) ? match : escapedName(bytes) };
}

/**
 * Could the pattern's steps after its base match something inside this folder (given as its steps
 * after the base)? A folder at the last step of a pattern without `**` is never entered; otherwise
 * the steps so far must match.
 */
function mayEnter(parts: readonly string[], steps: readonly string[]): boolean {
  const globstar = steps.indexOf('**');
  if (globstar === -1 && parts.length >= steps.length) return false;
  // `**` passes over hidden folders (.git and the like) unless a later step names a dot, as fs.glob does.
  if (globstar !== -1 && parts.length > globstar && parts.at(-1)?.startsWith('.') && !steps.slice(globstar + 1).some((s) => s.startsWith('.'))) return false;
  const n = Math.min(parts.length, globstar === -1 ? steps.length : globstar);
  return n === 0 || path.matchesGlob(parts.slice(0, n).join('/'), steps.slice(0, n).join('/'));
}

/** Does this link lead to a folder? A link the walk may not follow (gone, no permission) leads nowhere. */
function linksToFolder(abs: Buffer): boolean {
  try {
    return statSync(abs, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

interface Folder {
  /** The folder's path as bytes, as the walk opens it. */
  abs: Buffer;
  /** Its path after the pattern's base, as bytes. */
  rel: Buffer;
  /** Its steps after the base: decoded for matching, escaped for showing. */
  match: string[];
  shown: string[];
}

function* walkPattern(pattern: string, cwd: string, maxEntries: number): Generator<GlobMatch> {
  let looked = 0;
  const all = pattern.split('/');
  // The base: the leading steps that are plain names, where the walk starts.
  let b = 0;
  while (b < all.length - 1 && !MAGIC.test(all[b] as string)) b++;
  const steps = all.slice(b);
  const base = all.slice(0, b).join('/') || (pattern.startsWith('/') ? '/' : '');
  const prefix = base === '' || base.endsWith('/') ? base : `${base}/`;
  const globstar = steps.indexOf('**');
  const stack: Folder[] = [{ abs: Buffer.from(path.resolve(cwd, base || '.')), rel: Buffer.alloc(0), match: [], shown: [] }];
  for (let folder = stack.pop(); folder !== undefined; folder = stack.pop()) {
    let entries: Dirent<Buffer>[];
    try {
      entries = readdirSync(folder.abs, { withFileTypes: true, encoding: 'buffer' });
    } catch {
      // A folder that cannot be listed (gone, no permission) holds nothing the walk can see, as with fs.glob.
      continue;
    }
    const inner: Folder[] = [];
    looked += entries.length;
    if (looked > maxEntries)
      throw new InputError(`the pattern's walk looked at more than ${maxEntries.toLocaleString('en')} names; ${LIMIT_REASONS.patternEntries}`, {
        file: pattern,
      });
    for (const entry of entries) {
      const abs = Buffer.concat([folder.abs, Buffer.from('/'), entry.name]);
      const rel = folder.rel.length === 0 ? entry.name : Buffer.concat([folder.rel, Buffer.from('/'), entry.name]);
      const name = nameOf(entry.name);
      const match = [...folder.match, name.match];
      const shown = [...folder.shown, name.shown];
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink() && linksToFolder(abs)) {
        // A linked folder is followed where the pattern names a step, not under `**` (as fs.glob does): no loops.
        if (globstar !== -1 && match.length > globstar) continue;
        isDir = true;
      }
      if (isDir) {
        if (mayEnter(match, steps)) inner.push({ abs, rel, match, shown });
        continue;
      }
      if (!path.matchesGlob(match.join('/'), steps.join('/'))) continue;
      const text = `${prefix}${match.join('/')}`;
      const utf8 = shown.every((s, i) => s === match[i]);
      yield { name: `${prefix}${shown.join('/')}`, path: utf8 ? text : Buffer.concat([Buffer.from(prefix), rel]) };
    }
    stack.push(...inner.reverse());
  }
}

/**
 * The files a pattern matches, as the walk reaches them: directories left out, anything else that
 * is not a regular file (a FIFO, a device) yielded, so reading it refuses it by name. A pattern
 * whose braces spell out too many names is refused (InputError) before anything is walked.
 */
export function* globFiles(pattern: string, cwd: string, maxEntries: number = LIMITS.patternEntries): Generator<GlobMatch> {
  const braced = bracePatterns(pattern);
  if ('problem' in braced) throw new InputError(braced.problem, { file: pattern });
  for (const p of braced.patterns) yield* walkPattern(p, cwd, maxEntries);
}
