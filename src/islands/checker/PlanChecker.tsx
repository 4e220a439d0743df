// The island Astro hydrates. Before it mounts (and always without JavaScript) it shows its
// children: the page's static explanation and diagram. The plan comes from the link, the browser's
// saved copy or a preset, all only known in the browser, so the checker itself renders after mount.
import { useEffect, useState, type ReactNode } from 'react';
import { Checker } from './Checker.tsx';
import { startupPlan, type Startup } from './startup.ts';
import '../checker.css';

export default function PlanChecker({ children }: { children?: ReactNode }) {
  const [start, setStart] = useState<Startup | undefined>();
  useEffect(() => {
    let live = true;
    void startupPlan(window.location.hash).then((s) => live && setStart(s));
    return () => {
      live = false;
    };
  }, []);
  if (!start) return <div className="ck-fallback">{children}</div>;
  return <Checker start={start} progressive />;
}
