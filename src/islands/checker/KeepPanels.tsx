// What a reader does with a plan once it is made: keep it in this browser, share its link, compare
// two plans and export files. Loaded when the reader comes near the foot of the checker
// (KeepSection.tsx), so a visit that never gets there does not load it.
import { useEffect, useMemo, type RefObject } from 'react';
import type { Plan } from '../../rules/plan.ts';
import type { Report } from '../../rules/report.ts';
import { ComparePanel } from './ComparePanel.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { exportItems } from './exports.ts';
import { SavedPlansPanel } from './SavedPlans.tsx';
import { SharePanel } from './SharePanel.tsx';
import type { SavedPlan } from './storage.ts';

export interface KeepProps {
  /** The plan as edited, which Save keeps. */
  plan: Plan;
  /** The plan the findings and diagram show (a frame behind an edit), which Compare and Export read. */
  shownPlan: Plan;
  report: Report;
  saved: SavedPlan[];
  setSaved: (list: SavedPlan[]) => void;
  onOpenSaved: (plan: Plan, name: string) => void;
  link: string;
  diagramRef: RefObject<HTMLDivElement | null>;
  /** The checker's id, the stem of the panels' heading ids. */
  id: string;
  /** Move focus to the first panel once shown (the button that stood in for them had it). */
  focusFirst: boolean;
}

export default function KeepPanels({ plan, shownPlan, report, saved, setSaved, onOpenSaved, link, diagramRef, id, focusFirst }: KeepProps) {
  useEffect(() => {
    if (focusFirst) document.getElementById(`${id}-saved`)?.focus();
  }, [focusFirst, id]);
  const items = useMemo(
    () =>
      exportItems({
        plan: shownPlan,
        report,
        theme: document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light',
        docsBase: new URL('../', window.location.href).href,
      }),
    [shownPlan, report],
  );
  return (
    <>
      <SavedPlansPanel plan={plan} saved={saved} setSaved={setSaved} onOpen={onOpenSaved} headingId={`${id}-saved`} />
      <section className="ck-section ck-share-section" aria-labelledby={`${id}-share`}>
        <h2 id={`${id}-share`}>Share</h2>
        <p className="ck-muted">The address of this page always holds the plan; anyone who opens it gets a copy they can change without touching yours.</p>
        <SharePanel link={link} />
      </section>
      <ComparePanel plan={shownPlan} saved={saved} headingId={`${id}-compare`} />
      <ExportPanel items={items} headingId={`${id}-export`} diagram={diagramRef} />
    </>
  );
}
