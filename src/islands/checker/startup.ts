// Where the first plan comes from: the link (#plan=…), else this browser's saved plan, else the
// Rancher-on-RKE preset. A bad link never leaves the page empty: it says why and shows the preset.
import type { Plan } from '../../rules/plan.ts';
import { PRESETS } from '../../rules/presets.ts';
import { decodePlan, payloadFromHash } from './share.ts';
import { loadStoredPlan, type StorageLike } from './storage.ts';

export const DEFAULT_PRESET = 'rancher-rke' as const;

export interface Notice {
  kind: 'info' | 'error';
  text: string;
}

export interface Startup {
  plan: Plan;
  notice?: Notice;
  /** False after a bad link: keep the saved plan and the address as they are until the reader edits. */
  persist: boolean;
}

export async function startupPlan(hash: string, storage?: StorageLike): Promise<Startup> {
  const payload = payloadFromHash(hash);
  if (payload !== undefined) {
    try {
      return { plan: await decodePlan(payload), notice: { kind: 'info', text: 'Loaded the plan from the link.' }, persist: true };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return {
        plan: PRESETS[DEFAULT_PRESET].plan,
        notice: { kind: 'error', text: `The plan in this link could not be loaded: ${why} Showing the preset “${PRESETS[DEFAULT_PRESET].label}” instead.` },
        persist: false,
      };
    }
  }
  const stored = loadStoredPlan(storage);
  if (stored) return { plan: stored, notice: { kind: 'info', text: 'Restored the plan saved in this browser.' }, persist: true };
  return { plan: PRESETS[DEFAULT_PRESET].plan, persist: true };
}
