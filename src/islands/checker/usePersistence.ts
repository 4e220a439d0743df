// Keep the address bar and localStorage in step with the plan, a moment after the last edit and
// when the browser is idle: on a large plan, writing the address costs the browser several
// milliseconds, which an edit in progress should not wait for.
import { useEffect, useRef, useState } from 'react';
import type { Plan } from '../../rules/plan.ts';
import { planHash } from './share.ts';
import { storePlan } from './storage.ts';

const DELAY_MS = 300;

/** Run `task` when the main thread is free (at most a second later). */
function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(task, 0);
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(task, { timeout: 1000 });
  return () => cancelIdleCallback(handle);
}

/** Returns the current share link ('' until the first one is computed). */
export function usePersistence(plan: Plan, persistAtStart: boolean): string {
  const [link, setLink] = useState('');
  const first = useRef(true);
  const sequence = useRef(0);
  useEffect(() => {
    const skip = first.current && !persistAtStart;
    first.current = false;
    const mine = ++sequence.current;
    let cancelIdle: () => void = () => undefined;
    const timer = setTimeout(() => {
      cancelIdle = whenIdle(() => {
        void planHash(plan).then((hash) => {
          if (mine !== sequence.current) return;
          const url = new URL(window.location.href);
          url.hash = hash;
          setLink(url.href);
          if (skip) return; // After a bad link: show what a link would be, change nothing yet.
          storePlan(plan);
          if (window.location.hash !== hash) history.replaceState(history.state, '', url.href);
        });
      });
    }, DELAY_MS);
    return () => {
      clearTimeout(timer);
      cancelIdle();
    };
  }, [plan, persistAtStart]);
  return link;
}
