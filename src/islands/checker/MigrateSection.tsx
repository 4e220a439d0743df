// The checker's "Moving to RKE2" section, shown when the plan holds an RKE cluster: what the move
// is, and a button that loads the panel planning it (MigratePanel.tsx).
import { lazy, Suspense, useState } from 'react';
import type { Plan } from '../../rules/plan.ts';
import { docsHref } from './FindingsList.tsx';
import type { ImportedRkeSettings } from './state.ts';

// "Moving to RKE2" loads when the reader opens it on a plan that holds an RKE cluster: the
// migration engine, its writers and the port tables stay out of the checker's load until then.
const MigratePanel = lazy(() => import('./MigratePanel.tsx'));

export function MigrateSection({ plan, imported, headingId }: { plan: Plan; imported: ImportedRkeSettings | undefined; headingId: string }) {
  const [open, setOpen] = useState(false);
  return (
    <section className="ck-section ck-migrate-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Moving to RKE2</h2>
      <p className="ck-muted">
        RKE has reached its end of life, and Rancher 2.12 will not upgrade while RKE clusters remain. Nothing converts a cluster in place: plan the one you
        build beside it, with everything that changes and the steps of the move. The guide page <a href={docsHref('moving-to-rke2/')}>Moving to RKE2</a>{' '}
        explains each of them.
      </p>
      {open ? (
        <Suspense
          fallback={
            <p className="ck-muted" role="status">
              Loading the move to RKE2…
            </p>
          }
        >
          <MigratePanel plan={plan} imported={imported} />
        </Suspense>
      ) : (
        <button type="button" className="ck-button" onClick={() => setOpen(true)}>
          Plan the move to RKE2
        </button>
      )}
    </section>
  );
}
