// The plan kept in localStorage so a reload loses nothing. Stored text is read back through the
// plan reader, like any other input: storage can be edited by hand or left by an older version.
import type { Plan } from '../../rules/plan.ts';
import { readInput } from '../../rules/formats/read.ts';

export const STORAGE_KEY = 'rancher-arch:checker-plan';

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

function defaultStorage(): StorageLike | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // Storage disabled (privacy settings, sandboxed frames).
  }
}

export function loadStoredPlan(storage: StorageLike | undefined = defaultStorage()): Plan | undefined {
  try {
    const text = storage?.getItem(STORAGE_KEY);
    if (!text) return undefined;
    return readInput(text, { format: 'plan', allowEmpty: true });
  } catch {
    return undefined;
  }
}

export function storePlan(plan: Plan, storage: StorageLike | undefined = defaultStorage()): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(plan));
  } catch {
    // Full or disabled storage: the link in the address bar still holds the plan.
  }
}
