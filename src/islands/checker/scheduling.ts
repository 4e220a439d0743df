// When the checker's less urgent work runs. The results follow an edit through React's own
// useDeferredValue (Checker.tsx); what is left here is work React has no priority for: the
// printed node table, only seen on paper, and writing the address bar and storage.
import { useEffect, useState } from 'react';

/** Run `task` when the main thread is free (at most a second later). */
export function whenIdle(task: () => void): () => void {
  if (typeof requestIdleCallback !== 'function') {
    const timer = setTimeout(task, 0);
    return () => clearTimeout(timer);
  }
  const handle = requestIdleCallback(task, { timeout: 1000 });
  return () => cancelIdleCallback(handle);
}

/**
 * `value`, once the browser is idle. A deferred value would render in the same background pass
 * as the findings and delay them; a table only printed can wait for idle time instead.
 */
export function useWhenIdle<T>(value: T): T {
  const [idle, setIdle] = useState(value);
  useEffect(() => {
    if (idle === value) return;
    return whenIdle(() => setIdle(value));
  }, [idle, value]);
  return idle;
}
