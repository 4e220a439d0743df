// The foot of the checker: saving, sharing, comparing and exporting (KeepPanels.tsx). Its code loads
// when the reader comes within a screen of it, or asks for it with the button that stands in for
// the panels until then.
import { lazy, Suspense, useRef, useState } from 'react';
import type { KeepProps } from './KeepPanels.tsx';
import { useNearView } from './scheduling.ts';

const KeepPanels = lazy(() => import('./KeepPanels.tsx'));

/** What the panels hold, said before their code has loaded (or while it loads). */
function KeepOutline({ onLoad }: { onLoad: () => void }) {
  return (
    <section className="ck-section" aria-label="Save, share, compare and export">
      <button type="button" className="ck-button" onClick={onLoad}>
        Save, share, compare or export this plan
      </button>
    </section>
  );
}

export function KeepSection(props: Omit<KeepProps, 'focusFirst'>) {
  const ref = useRef<HTMLDivElement>(null);
  const [near, load] = useNearView(ref);
  // Asked for with the button: focus goes to the panels that replace it rather than to the page.
  const [asked, setAsked] = useState(false);
  const ask = () => {
    setAsked(true);
    load();
  };
  return (
    <div className="ck-keep" ref={ref}>
      {near ? (
        <Suspense fallback={<KeepOutline onLoad={ask} />}>
          <KeepPanels {...props} focusFirst={asked} />
        </Suspense>
      ) : (
        <KeepOutline onLoad={ask} />
      )}
    </div>
  );
}
