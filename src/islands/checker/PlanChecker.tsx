// The island Astro hydrates. Before it mounts (and always without JavaScript) it shows the kinds of
// file the checker reads and its children: the page's static explanation and diagram. The plan comes
// from the link, the browser's saved copy or a preset, all only known in the browser, so the checker
// itself renders after mount. The kinds come first, in the words and size of the import panel's
// hint and with a little more text: the largest text the checker paints is then no larger than what
// the server sent, so the page's largest paint is its first, not the one after the JavaScript ran.
import { startTransition, useEffect, useState, type ReactNode } from 'react';
import { Checker } from './Checker.tsx';
import { ImportKinds } from './ImportKinds.tsx';
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
  if (!start)
    return (
      // The kinds sit where the import panel's hint will be, in a box of the same width.
      <div className="ck-fallback ck-workspace">
        <div className="ck ck-start not-content">
          <div className="ck-drop ck-fallback-kinds">
            <p className="ck-hint">
              With JavaScript, the checker starts from your files: it reads <ImportKinds />. It turns each into a plan you edit here, and nothing you give it
              leaves the browser; the rancher-arch CLI reads the same files.
            </p>
          </div>
        </div>
        <div>{children}</div>
      </div>
    );
  return <Checker start={start} />;
}
