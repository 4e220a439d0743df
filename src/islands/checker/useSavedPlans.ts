// The list of plans saved in this browser, which the checker holds (a link opened beside them adds
// one) while the panel that shows it loads only when the reader comes near it (SavedPlans.tsx).
import { useEffect, useState } from 'react';
import { listSaved, SAVED_KEY, type SavedPlan } from './storage.ts';

/** The saved plans, kept in step with other tabs of the same site. */
export function useSavedPlans(): [SavedPlan[], (list: SavedPlan[]) => void] {
  const [list, setList] = useState<SavedPlan[]>(() => listSaved());
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === SAVED_KEY || e.key === null) setList(listSaved());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);
  return [list, setList];
}
