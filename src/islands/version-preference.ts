// The reader's "I run Rancher …" choice, shared by every page: the guidance pages highlight what
// differs for that version, and the checker checks plans that name no version as that version.
// Kept in localStorage; when storage is disabled (privacy settings, sandboxed frames) the choice
// lives for the page's lifetime instead, and nothing throws. Every change is announced with a
// CustomEvent on window, so parts of the page that did not make the change can follow it.
import { normaliseVersion } from '../rules/versions.ts';

export const VERSION_STORAGE_KEY = 'rancher-arch:rancher-version';
/** A CustomEvent on window; `detail` is the new version ("2.12"), or null when it was cleared. */
export const VERSION_EVENT = 'rancher-arch:rancher-version';
/** What the choice says while no version is chosen (the build writes it into every page, the script keeps it). */
export const DEFAULT_PROFILE_TEXT = 'Pages and checker follow the advice for Rancher 2.0–2.4.';

/** Where the choice lives when localStorage cannot hold it. */
let inMemory: string | undefined;
let storageFailed = false;

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // Accessing localStorage itself throws when storage is disabled.
  }
}

/** The chosen version, checked again on the way out (storage can be edited by hand). */
export function readVersionPreference(): string | undefined {
  if (!storageFailed) {
    try {
      const stored = storage()?.getItem(VERSION_STORAGE_KEY);
      if (stored !== null && stored !== undefined) return normaliseVersion(stored);
      if (storage() !== undefined) return undefined;
    } catch {
      // Fall through to the copy in memory.
    }
  }
  return inMemory;
}

/**
 * Remember a version ("2.12", "v2.9.3"…), or forget it with undefined. Text that is not a version
 * is ignored: nothing is stored and no event is sent.
 */
export function writeVersionPreference(version: string | undefined): void {
  const normal = version === undefined ? undefined : normaliseVersion(version);
  if (version !== undefined && normal === undefined) return;
  inMemory = normal;
  try {
    const s = storage();
    if (normal === undefined) s?.removeItem(VERSION_STORAGE_KEY);
    else s?.setItem(VERSION_STORAGE_KEY, normal);
    storageFailed = s === undefined;
  } catch {
    storageFailed = true; // Full or disabled storage: the choice holds for this page only.
  }
  if (typeof window !== 'undefined' && typeof CustomEvent === 'function')
    window.dispatchEvent(new CustomEvent<string | null>(VERSION_EVENT, { detail: normal ?? null }));
}
