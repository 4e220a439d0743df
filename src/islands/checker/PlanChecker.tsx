// The island Astro hydrates. Before it mounts (and always without JavaScript) it shows its
// children: the page's static explanation and diagram. The plan comes from the link, the browser's
// saved copy or a preset, all only known in the browser, so the checker itself renders after mount.
import { startTransition, useEffect, useState, type ReactNode } from 'react';
import { Checker } from './Checker.tsx';
import { startupPlan, type Startup } from './startup.ts';
import '../checker.css';

export default function PlanChecker({ children }: { children?: ReactNode }) {
  const [start, setStart] = useState<Startup | undefined>();
  useEffect(() => {
    let live = true;
    // A transition: React renders the whole checker in short slices, so the page keeps answering
    // input while it starts, and shows it in one piece.
    void startupPlan(window.location.hash).then((s) => live && startTransition(() => setStart(s)));
    return () => {
      live = false;
    };
  }, []);
  if (!start) return <div className="ck-fallback">{children}</div>;
  return <Checker start={start} />;
}
