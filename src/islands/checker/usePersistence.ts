// Keep the address bar and localStorage in step with the plan, a moment after the last edit and
// when the browser is idle (storage at the latest when the page is left): on a large plan, writing the address costs the browser several
// milliseconds, which an edit in progress should not wait for.
import { useEffect, useRef, useState } from 'react';
import type { Plan } from '../../rules/plan.ts';
import { planHash } from './share.ts';
import { storePlan } from './storage.ts';
import { whenIdle } from './scheduling.ts';

const DELAY_MS = 300;

/**
 * The current share link ('' until the first one is computed), and whether the address and
 * storage hold this very plan yet (they follow it a moment after an edit).
 */
export function usePersistence(plan: Plan, persistAtStart: boolean): { link: string; kept: boolean } {
  const [link, setLink] = useState('');
  const [keptPlan, setKeptPlan] = useState<Plan | undefined>();
  const first = useRef(true);
  const sequence = useRef(0);
  useEffect(() => {
    const skip = first.current && !persistAtStart;
    first.current = false;
    const mine = ++sequence.current;
    let cancelIdle: () => void = () => undefined;
    // Leaving the page before the delay is up (closing the tab, following a link) must not lose
    // the last edit: storage is synchronous, so it is written then; the address no longer matters.
    const onLeave = () => {
      if (!skip) storePlan(plan);
    };
    window.addEventListener('pagehide', onLeave);
    const timer = setTimeout(() => {
      cancelIdle = whenIdle(() => {
        void planHash(plan).then((hash) => {
          if (mine !== sequence.current) return;
          const url = new URL(window.location.href);
          url.hash = hash;
          setLink(url.href);
          if (skip) return; // After a bad link: show what a link would be, change nothing yet.
          window.removeEventListener('pagehide', onLeave);
          storePlan(plan);
          if (window.location.hash !== hash) history.replaceState(history.state, '', url.href);
          setKeptPlan(plan);
        });
      });
    }, DELAY_MS);
    return () => {
      window.removeEventListener('pagehide', onLeave);
      clearTimeout(timer);
      cancelIdle();
    };
  }, [plan, persistAtStart]);
  return { link, kept: keptPlan === plan };
}
