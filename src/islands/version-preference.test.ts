// The shared "I run Rancher …" preference: normalised on the way in and out, announced with an
// event, and still working for the page when storage is disabled or full.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

type Preference = typeof import('./version-preference.ts');

class MemoryStorage {
  readonly items = new Map<string, string>();
  failing = false;
  getItem(key: string) {
    if (this.failing) throw new Error('SecurityError');
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    if (this.failing) throw new Error('QuotaExceededError');
    this.items.set(key, value);
  }
  removeItem(key: string) {
    if (this.failing) throw new Error('SecurityError');
    this.items.delete(key);
  }
}

let storage: MemoryStorage;
let events: (string | null)[];
let pref: Preference;

beforeEach(async () => {
  storage = new MemoryStorage();
  events = [];
  const target = new EventTarget();
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('window', target);
  target.addEventListener('rancher-arch:rancher-version', (e) => events.push((e as CustomEvent<string | null>).detail));
  vi.resetModules(); // a fresh module: the in-memory copy starts empty
  pref = await import('./version-preference.ts');
});
afterEach(() => vi.unstubAllGlobals());

describe('version preference', () => {
  it('stores a normalised version under the agreed key and announces it', () => {
    expect(pref.VERSION_STORAGE_KEY).toBe('rancher-arch:rancher-version');
    expect(pref.VERSION_EVENT).toBe('rancher-arch:rancher-version');
    expect(pref.readVersionPreference()).toBeUndefined();
    pref.writeVersionPreference(' v2.9.3 ');
    expect(storage.items.get('rancher-arch:rancher-version')).toBe('2.9.3');
    expect(pref.readVersionPreference()).toBe('2.9.3');
    expect(events).toEqual(['2.9.3']);
  });

  it('ignores text that is not a version, and forgets on undefined', () => {
    pref.writeVersionPreference('2.12');
    pref.writeVersionPreference('<script>');
    expect(pref.readVersionPreference()).toBe('2.12');
    pref.writeVersionPreference(undefined);
    expect(storage.items.has('rancher-arch:rancher-version')).toBe(false);
    expect(pref.readVersionPreference()).toBeUndefined();
    expect(events).toEqual(['2.12', null]);
  });

  it('reads back only versions: storage edited by hand counts as no choice', () => {
    storage.items.set('rancher-arch:rancher-version', 'latest');
    expect(pref.readVersionPreference()).toBeUndefined();
    storage.items.set('rancher-arch:rancher-version', 'v2.10');
    expect(pref.readVersionPreference()).toBe('2.10');
  });

  it('keeps the choice for the page when storage refuses it, without throwing', () => {
    storage.failing = true;
    expect(() => pref.writeVersionPreference('2.8')).not.toThrow();
    expect(pref.readVersionPreference()).toBe('2.8');
    expect(events).toEqual(['2.8']);
  });

  it('works where there is no storage or window at all (build time, Node)', async () => {
    vi.unstubAllGlobals();
    vi.stubGlobal('localStorage', undefined);
    vi.resetModules();
    const bare: Preference = await import('./version-preference.ts');
    expect(() => bare.writeVersionPreference('2.7')).not.toThrow();
    expect(bare.readVersionPreference()).toBe('2.7');
  });
});
