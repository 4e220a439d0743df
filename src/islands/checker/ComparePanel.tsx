// Compare two plans, the one being edited or any saved one: pick A and B here (saved plans are
// read when chosen); what differs is CompareResult.tsx's to show, compare.ts's to work out.
// (Loading the result lazily was measured: it saved nothing, since the finding list it shares with
// the page then became a chunk of its own.)
import { memo, useEffect, useId, useState } from 'react';
import type { Plan } from '../../rules/plan.ts';
import { openSaved, type SavedPlan } from './storage.ts';
import { CompareResult } from './CompareResult.tsx';

const CURRENT = 'current';

export const ComparePanel = memo(function ComparePanel({ plan, saved, headingId }: { plan: Plan; saved: SavedPlan[]; headingId: string }) {
  const id = useId();
  const [a, setA] = useState(CURRENT);
  const [b, setB] = useState('');
  const [plans, setPlans] = useState<Record<string, Plan | string>>({});
  const choices = [{ id: CURRENT, name: 'The plan being edited' }, ...saved.map((p) => ({ id: p.id, name: p.name }))];
  const nameOf = (key: string) => choices.find((c) => c.id === key)?.name ?? '';

  // Saved plans are read (and checked) when chosen.
  useEffect(() => {
    for (const key of [a, b]) {
      if (!key || key === CURRENT || key in plans) continue;
      const entry = saved.find((p) => p.id === key);
      if (!entry) continue;
      openSaved(entry).then(
        (p) => setPlans((m) => ({ ...m, [key]: p })),
        (e: unknown) => setPlans((m) => ({ ...m, [key]: e instanceof Error ? e.message : String(e) })),
      );
    }
  }, [a, b, saved, plans]);

  const planOf = (key: string): Plan | string | undefined => (key === CURRENT ? plan : plans[key]);
  const left = planOf(a);
  const right = planOf(b);

  const picker = (label: string, value: string, set: (v: string) => void, suffix: string) => (
    <span className="ck-field">
      <label className="ck-label" htmlFor={`${id}-${suffix}`}>
        {label}
      </label>
      <select value={value} onChange={(e) => set(e.currentTarget.value)} id={`${id}-${suffix}`}>
        {suffix === 'b' && <option value="">choose a plan</option>}
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
    </span>
  );

  return (
    <section className="ck-section ck-compare" aria-labelledby={headingId}>
      <h2 id={headingId}>Compare two plans</h2>
      {saved.length === 0 ? (
        <p className="ck-muted">Save a plan first: then pick any two to see which findings differ.</p>
      ) : (
        <div className="ck-fields">
          {picker('Plan A', a, setA, 'a')}
          {picker('Plan B', b, setB, 'b')}
        </div>
      )}
      {typeof left === 'string' && <p className="ck-problem">{left}</p>}
      {typeof right === 'string' && <p className="ck-problem">{right}</p>}
      {typeof left === 'object' && typeof right === 'object' && <CompareResult left={left} right={right} nameA={nameOf(a)} nameB={nameOf(b)} same={a === b} />}
    </section>
  );
});
