// When the checker's less urgent work runs. The results follow an edit in a React transition
// (rendered in slices, dropped when the next edit comes), started once the browser has painted
// the edited control; the printed node table and the address bar and storage wait for idle time;
// the panels at the foot of the page wait until the reader comes near them.
import { startTransition, useEffect, useState, type RefObject } from 'react';

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
 * as the findings and delay them; a table only printed can wait for idle time instead. The idle
 * render is a transition too: a table of thousands of rows rendered in one piece is a long task,
 * and a click landing in it waited for it to end.
 */
export function useWhenIdle<T>(value: T): T {
  const [idle, setIdle] = useState(value);
  useEffect(() => {
    if (idle === value) return;
    return whenIdle(() => startTransition(() => setIdle(value)));
  }, [idle, value]);
  return idle;
}

/**
 * `value`, rendered in a transition after the next frame. React starts a deferred render at once
 * after the edit's own commit, and checking a large plan inside it is one long task that holds
 * the next frame back (on 5,000 nodes, a frame about 0.5 s after the click); waiting for a frame
 * first lets the page paint, and the transition keeps the rendering itself interruptible.
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (shown === value) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setShown(value)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [shown, value]);
  return shown;
}

/**
 * True once the element comes within `margin` of the viewport (a share of its height), and from
 * then on. Panels far down the page load their code then, not with the page: a reader who never
 * scrolls to them never pays for them.
 */
export function useNearView(ref: RefObject<Element | null>, margin = '100%'): [boolean, () => void] {
  const [near, setNear] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (near || !element) return;
    if (typeof IntersectionObserver !== 'function') return setNear(true);
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), { rootMargin: `${margin} 0px` });
    observer.observe(element);
    return () => observer.disconnect();
  }, [near, ref, margin]);
  return [near, () => setNear(true)];
}
