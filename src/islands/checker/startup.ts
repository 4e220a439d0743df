// Where the first plan comes from: the link (#plan=…), else this browser's saved plan, else the
// Rancher-on-RKE preset. Opening a link never overwrites anything silently: the linked plan is
// added to the saved plans, the plan the reader had is kept there too, the notice says both, and
// Undo goes back to it. A bad link never leaves the page empty: it says why and shows the reader's
// own plan (or the preset), and nothing is stored until the reader edits.
import type { Plan } from '../../rules/plan.ts';
import { PRESETS } from '../../rules/presets.ts';
import { asSentence } from '../../rules/words.ts';
import { decodePlan, payloadFromHash } from './share.ts';
import { defaultStorage, keepAmongSaved, loadStoredPlan, samePlan, savedWhen, type StorageLike } from './storage.ts';

export const DEFAULT_PRESET = 'rancher-rke' as const;

export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

export interface Startup {
  plan: Plan;
  /** The plan the reader had before a link replaced it: the first step Undo goes back to. */
  previous?: Plan;
  notice?: Notice;
  /** False after a bad link: keep the saved plan and the address as they are until the reader edits. */
  persist: boolean;
}

/** What opening a linked plan did to the saved plans, in words for the notice. */
export function openLinkedPlan(
  linked: Plan,
  current: Plan | undefined,
  storage: StorageLike | undefined,
  now = Date.now(),
): { notice: Notice; persist: boolean } {
  const when = savedWhen(now);
  const linkName = keepAmongSaved(`From a link, ${when}`, linked, storage, now);
  const parts = ['Loaded the plan from the link.'];
  parts.push(linkName ? `It is in your saved plans as “${linkName}”.` : 'It could not be added to your saved plans (browser storage is full or turned off).');
  let persist = true;
  if (current && !samePlan(current, linked)) {
    const mine = keepAmongSaved(`My plan before a link, ${when}`, current, storage, now);
    if (mine) parts.push(`The plan you had here is saved as “${mine}”; Undo also brings it back.`);
    else {
      parts.push('The plan you had here could not be saved, so it stays stored as it was until you change this one; Undo brings it back.');
      persist = false;
    }
  }
  return { notice: { kind: 'info', text: parts.join(' ') }, persist };
}

export async function startupPlan(hash: string, storage: StorageLike | undefined = defaultStorage()): Promise<Startup> {
  const payload = payloadFromHash(hash);
  const stored = await loadStoredPlan(storage);
  if (payload !== undefined) {
    try {
      const linked = await decodePlan(payload);
      // The address bar follows the plan being edited, so a reload brings the reader's own plan
      // back through its link: that is a restore, not a plan from someone else.
      if (stored && samePlan(stored, linked))
        return { plan: stored, notice: { kind: 'info', text: 'Restored the plan saved in this browser.' }, persist: true };
      const { notice, persist } = openLinkedPlan(linked, stored, storage);
      return { plan: linked, previous: stored && !samePlan(stored, linked) ? stored : undefined, notice, persist };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      const instead = stored ? 'Showing the plan saved in this browser, unchanged.' : `Showing the preset “${PRESETS[DEFAULT_PRESET].label}” instead.`;
      return {
        plan: stored ?? PRESETS[DEFAULT_PRESET].plan,
        notice: { kind: 'error', text: `The plan in this link could not be loaded: ${asSentence(why)} ${instead}` },
        persist: false,
      };
    }
  }
  if (stored) return { plan: stored, notice: { kind: 'info', text: 'Restored the plan saved in this browser.' }, persist: true };
  return { plan: PRESETS[DEFAULT_PRESET].plan, persist: true };
}
