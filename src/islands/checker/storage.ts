// What the checker keeps in this browser (localStorage): the plan being edited, so a reload loses
// nothing, and the plans the reader saved under names. Stored text is read back through the plan
// reader like any other input — storage can be edited by hand or left by an older version — and
// that reader (with the YAML and schema libraries) is only loaded when there is something to read.
// Full or disabled storage never throws: the functions say what happened instead.
import type { Plan } from '../../rules/plan.ts';
import { LIMITS } from '../../rules/limits.ts';
import { checkSavedName, MAX_SAVED_NAME } from './validation.ts';

export const STORAGE_KEY = 'rancher-arch:checker-plan';
export const SAVED_KEY = 'rancher-arch:saved-plans';
/** Plans kept by name; the reader deletes some to save more. */
export const MAX_SAVED = 50;

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

export function defaultStorage(): StorageLike | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // Storage disabled (privacy settings, sandboxed frames).
  }
}

/** Plan text (JSON) → a checked plan; throws InputError. Loads the reader on first use. */
export async function readPlanText(text: string, filename: string): Promise<Plan> {
  const { readInput } = await import('../../rules/formats/read.ts');
  return readInput(text, { format: 'plan', filename, allowEmpty: true });
}

export async function loadStoredPlan(storage: StorageLike | undefined = defaultStorage()): Promise<Plan | undefined> {
  let text: string | null | undefined;
  try {
    text = storage?.getItem(STORAGE_KEY);
  } catch {
    return undefined;
  }
  if (!text) return undefined;
  try {
    return await readPlanText(text, 'saved plan');
  } catch {
    return undefined;
  }
}

/** Keep the plan being edited; false when the browser refused (full or disabled storage). */
export function storePlan(plan: Plan, storage: StorageLike | undefined = defaultStorage()): boolean {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(plan));
    return storage !== undefined;
  } catch {
    return false; // The link in the address bar still holds the plan.
  }
}

// ---- plans saved under a name -----------------------------------------------------------------

export interface SavedPlan {
  id: string;
  name: string;
  /** Milliseconds since 1970. */
  savedAt: number;
  /** The plan as stored: checked by the reader only when it is opened or compared. */
  plan: unknown;
  clusters: number;
  nodes: number;
}

/** Cluster and node counts of unchecked data, for the list (a wrong shape counts as nothing). */
function counts(plan: unknown): { clusters: number; nodes: number } {
  const clusters = plan !== null && typeof plan === 'object' ? (plan as { clusters?: unknown }).clusters : undefined;
  if (!Array.isArray(clusters)) return { clusters: 0, nodes: 0 };
  let nodes = 0;
  for (const c of clusters) {
    const list = c !== null && typeof c === 'object' ? (c as { nodes?: unknown }).nodes : undefined;
    if (Array.isArray(list)) nodes += list.length;
  }
  return { clusters: clusters.length, nodes };
}

/** The saved plans, newest first. Junk entries are left out; never throws. */
export function listSaved(storage: StorageLike | undefined = defaultStorage()): SavedPlan[] {
  let text: string | null | undefined;
  try {
    text = storage?.getItem(SAVED_KEY);
  } catch {
    return [];
  }
  if (!text || text.length > LIMITS.inputChars) return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const out: SavedPlan[] = [];
  for (const entry of data.slice(0, MAX_SAVED)) {
    if (entry === null || typeof entry !== 'object') continue;
    const { id, name, savedAt, plan } = entry as Record<string, unknown>;
    if (typeof id !== 'string' || typeof name !== 'string' || typeof savedAt !== 'number' || !checkSavedName(name).ok) continue;
    out.push({ id: id.slice(0, 40), name: name.slice(0, MAX_SAVED_NAME), savedAt, plan, ...counts(plan) });
  }
  return out.sort((a, b) => b.savedAt - a.savedAt);
}

function writeSaved(list: readonly SavedPlan[], storage: StorageLike | undefined): string | undefined {
  if (!storage) return 'this browser does not let the page keep data (private mode or storage turned off).';
  try {
    storage.setItem(SAVED_KEY, JSON.stringify(list.map(({ id, name, savedAt, plan }) => ({ id, name, savedAt, plan }))));
    return undefined;
  } catch {
    return 'the browser’s storage for this site is full. Delete saved plans you no longer need and try again.';
  }
}

/** The same plan, field for field. */
export function samePlan(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export type SaveOutcome = { ok: true; entry: SavedPlan; list: SavedPlan[] } | { ok: false; problem: string };

/**
 * Save `plan` as `name`. A name already in use is only replaced when `replace` says so (the page
 * asks first); the oldest entries beyond MAX_SAVED are never dropped silently — saving is refused.
 */
export function savePlan(name: string, plan: Plan, options: { replace?: boolean; storage?: StorageLike; now?: number } = {}): SaveOutcome {
  const storage = options.storage ?? defaultStorage();
  const verdict = checkSavedName(name);
  if (!verdict.ok) return { ok: false, problem: verdict.problem };
  const list = listSaved(storage);
  const existing = list.find((p) => p.name === verdict.value);
  if (existing && !options.replace) return { ok: false, problem: `A saved plan is already called “${verdict.value}”.` };
  if (!existing && list.length >= MAX_SAVED) return { ok: false, problem: `At most ${MAX_SAVED} plans are kept. Delete one you no longer need first.` };
  const entry: SavedPlan = {
    id: existing?.id ?? `p${(options.now ?? Date.now()).toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`,
    name: verdict.value,
    savedAt: options.now ?? Date.now(),
    plan: JSON.parse(JSON.stringify(plan)) as unknown,
    ...counts(plan),
  };
  const next = [entry, ...list.filter((p) => p.id !== entry.id)];
  const problem = writeSaved(next, storage);
  return problem ? { ok: false, problem: `Could not save: ${problem}` } : { ok: true, entry, list: next };
}

/** Remove one saved plan; returns the new list, or why not. */
export function deleteSaved(id: string, storage: StorageLike | undefined = defaultStorage()): { list: SavedPlan[] } | { problem: string } {
  const next = listSaved(storage).filter((p) => p.id !== id);
  const problem = writeSaved(next, storage);
  return problem ? { problem: `Could not delete: ${problem}` } : { list: next };
}

/** Put a deleted entry back as it was. */
export function restoreSaved(entry: SavedPlan, storage: StorageLike | undefined = defaultStorage()): { list: SavedPlan[] } | { problem: string } {
  const list = listSaved(storage).filter((p) => p.id !== entry.id && p.name !== entry.name);
  const problem = writeSaved([entry, ...list], storage);
  return problem ? { problem: `Could not restore: ${problem}` } : { list: listSaved(storage) };
}

/** A saved plan read back through the plan reader. Throws InputError when it is no longer valid. */
export function openSaved(entry: SavedPlan): Promise<Plan> {
  return readPlanText(JSON.stringify(entry.plan ?? {}), `saved plan “${entry.name}”`);
}

/**
 * Keep `plan` among the saved plans under `name` (made unique with " (2)", " (3)" …), unless an
 * identical plan is already saved; returns the name it is kept under, or undefined when storage
 * refused.
 */
export function keepAmongSaved(name: string, plan: Plan, storage: StorageLike | undefined = defaultStorage(), now = Date.now()): string | undefined {
  const list = listSaved(storage);
  const same = list.find((p) => samePlan(p.plan, plan));
  if (same) return same.name;
  const taken = new Set(list.map((p) => p.name));
  let unique = name;
  for (let i = 2; taken.has(unique); i++) unique = `${name} (${i})`;
  const outcome = savePlan(unique, plan, { storage, now });
  return outcome.ok ? outcome.entry.name : undefined;
}

/** "25 Nov, 19:40": when a plan was saved, in the reader's own locale. */
export function savedWhen(ms: number): string {
  return new Date(ms).toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
