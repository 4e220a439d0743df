// Plans kept by name in this browser: save the current plan, open or delete a saved one (a deleted
// plan can be put back), and compare two plans by their nodes, roles and findings (compare.ts). Storage lives in storage.ts;
// opening a plan goes through the checker's history, so Undo returns to what was there before.
import { memo, useEffect, useId, useMemo, useState } from 'react';
import { checkPlan } from '../../rules/check.ts';
import type { NodeRole, Plan } from '../../rules/plan.ts';
import { FindingItem } from './FindingsList.tsx';
import { SrOnly } from './SrOnly.tsx';
import { deleteSaved, listSaved, openSaved, restoreSaved, SAVED_KEY, savedWhen, savePlan, type SavedPlan } from './storage.ts';
import { plural, summaryLine } from './summary.ts';
import { listNames } from '../../rules/words.ts';
import { NODE_ROLES, ROLE_TEXT } from '../../rules/vocabulary.ts';
import { checkSavedName } from './validation.ts';
import { diffFindings, diffNodes, type NodeDiff } from './compare.ts';

/** The saved plans, kept in step with other tabs of the same site. */
export function useSavedPlans(): [SavedPlan[], (list: SavedPlan[]) => void] {
  const [list, setList] = useState<SavedPlan[]>(() => listSaved());
  useEffect(() => {
    const onStorage = (e: StorageEvent) => {
      if (e.key === SAVED_KEY || e.key === null) setList(listSaved());
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);
  return [list, setList];
}

export function SavedPlansPanel({
  plan,
  saved,
  setSaved,
  onOpen,
  headingId,
}: {
  plan: Plan;
  saved: SavedPlan[];
  setSaved: (list: SavedPlan[]) => void;
  onOpen: (plan: Plan, name: string) => void;
  headingId: string;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [touched, setTouched] = useState(false);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [deleted, setDeleted] = useState<SavedPlan | undefined>();
  const verdict = checkSavedName(name);
  const clash = verdict.ok ? saved.find((p) => p.name === verdict.value) : undefined;
  const shownProblem = touched && !verdict.ok ? verdict.problem : problem;

  const save = (replace: boolean) => {
    setTouched(true);
    if (!verdict.ok) return;
    const outcome = savePlan(verdict.value, plan, { replace });
    if (!outcome.ok) {
      setProblem(outcome.problem);
      return;
    }
    setProblem(undefined);
    setSaved(outcome.list);
    setStatus(`${replace ? 'Replaced' : 'Saved'} “${outcome.entry.name}” in this browser.`);
    setName('');
    setTouched(false);
  };

  const open = async (entry: SavedPlan) => {
    try {
      onOpen(await openSaved(entry), entry.name);
      setStatus('');
    } catch (error) {
      setStatus(`“${entry.name}” could not be opened: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const remove = (entry: SavedPlan) => {
    const outcome = deleteSaved(entry.id);
    if ('problem' in outcome) return setStatus(outcome.problem);
    setSaved(outcome.list);
    setDeleted(entry);
    setStatus(`Deleted “${entry.name}”.`);
  };

  const restore = () => {
    if (!deleted) return;
    const outcome = restoreSaved(deleted);
    if ('problem' in outcome) return setStatus(outcome.problem);
    setSaved(outcome.list);
    setStatus(`Put “${deleted.name}” back.`);
    setDeleted(undefined);
  };

  return (
    <section className="ck-section ck-saved" aria-labelledby={headingId} data-own-undo="">
      <h2 id={headingId}>Plans in this browser</h2>
      <form
        className="ck-row ck-save"
        onSubmit={(e) => {
          e.preventDefault();
          save(false);
        }}
      >
        <span className={`ck-field ck-grow${shownProblem ? ' is-invalid' : ''}`}>
          <label className="ck-label" htmlFor={`${id}-name`}>
            Save this plan as
          </label>
          <input
            id={`${id}-name`}
            type="text"
            value={name}
            autoComplete="off"
            placeholder="a name, e.g. production, option B"
            aria-invalid={shownProblem ? true : undefined}
            aria-describedby={shownProblem || clash ? `${id}-problem` : undefined}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setProblem(undefined);
            }}
            onBlur={() => name && setTouched(true)}
          />
          {(shownProblem || clash) && (
            <span id={`${id}-problem`} className={shownProblem ? 'ck-problem' : 'ck-hint'}>
              {shownProblem ?? `A saved plan is already called “${clash!.name}”: saving replaces it.`}
            </span>
          )}
        </span>
        {clash ? (
          <button type="button" className="ck-button" onClick={() => save(true)}>
            Replace “{clash.name}”
          </button>
        ) : (
          <button type="submit" className="ck-button">
            Save
          </button>
        )}
      </form>
      {saved.length === 0 ? (
        <p className="ck-muted">No plans saved yet. Plans opened from a link are kept here too.</p>
      ) : (
        <ul className="ck-saved-list">
          {saved.map((entry) => (
            <li key={entry.id}>
              <span className="ck-saved-name">
                <strong>{entry.name}</strong>{' '}
                <span className="ck-muted">
                  {plural(entry.clusters, 'cluster')}, {plural(entry.nodes, 'node')} · {savedWhen(entry.savedAt)}
                </span>
              </span>
              <span className="ck-row">
                <button type="button" className="ck-button ck-small" onClick={() => void open(entry)}>
                  Open<SrOnly> {entry.name}</SrOnly>
                </button>
                <button type="button" className="ck-button ck-small" onClick={() => remove(entry)}>
                  Delete<SrOnly> {entry.name}</SrOnly>
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <p role="status" className="ck-status">
        {status}
        {deleted && (
          <>
            {' '}
            <button type="button" className="ck-button ck-small" onClick={restore}>
              Put it back
            </button>
          </>
        )}
      </p>
    </section>
  );
}

// ---- compare ----------------------------------------------------------------------------------

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
  const result = useMemo(() => {
    if (typeof left !== 'object' || typeof right !== 'object') return undefined;
    const ra = checkPlan(left);
    const rb = checkPlan(right);
    return { ra, rb, diff: diffFindings(ra.findings, rb.findings), nodes: diffNodes(left, right) };
  }, [left, right]);

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
      {result && (
        <div className="ck-compare-result" aria-live="polite">
          <p>
            <strong>A</strong> ({nameOf(a)}): {summaryLine(result.ra)}. <strong>B</strong> ({nameOf(b)}): {summaryLine(result.rb)}.{' '}
            {plural(result.diff.both, 'finding')} in both.
          </p>
          {a === b ? (
            <p className="ck-muted">Both sides are the same plan.</p>
          ) : (
            <>
              <NodeChanges diff={result.nodes} />
              <h3>
                Only in A <span className="ck-muted">({result.diff.onlyA.length})</span>
              </h3>
              {result.diff.onlyA.length === 0 ? (
                <p className="ck-muted">None.</p>
              ) : (
                <ul className="ck-list">
                  {result.diff.onlyA.map((f, i) => (
                    <FindingItem key={i} finding={f} />
                  ))}
                </ul>
              )}
              <h3>
                Only in B <span className="ck-muted">({result.diff.onlyB.length})</span>
              </h3>
              {result.diff.onlyB.length === 0 ? (
                <p className="ck-muted">None.</p>
              ) : (
                <ul className="ck-list">
                  {result.diff.onlyB.map((f, i) => (
                    <FindingItem key={i} finding={f} />
                  ))}
                </ul>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
});

/** Roles in the vocabulary's order, whatever order the node lists them in. */
const roleList = (roles: readonly NodeRole[]) =>
  roles.length === 0
    ? 'no role'
    : NODE_ROLES.filter((r) => roles.includes(r))
        .map((r) => ROLE_TEXT[r].name)
        .join(', ');

/** The nodes and roles that differ, before the findings they lead to. */
function NodeChanges({ diff }: { diff: NodeDiff }) {
  const same = diff.onlyA.length === 0 && diff.onlyB.length === 0 && diff.roles.length === 0;
  return (
    <>
      <h3>Nodes and roles</h3>
      {same ? (
        <p className="ck-muted">The same nodes with the same roles.</p>
      ) : (
        <ul className="ck-list">
          {diff.onlyA.length > 0 && <li>Only in A: {listNames(diff.onlyA, 12)}.</li>}
          {diff.onlyB.length > 0 && <li>Only in B: {listNames(diff.onlyB, 12)}.</li>}
          {diff.roles.slice(0, 12).map((c) => (
            <li key={c.node}>
              {c.node}: {roleList(c.rolesA)} in A, {roleList(c.rolesB)} in B.
            </li>
          ))}
          {diff.roles.length > 12 && <li>Roles differ on {plural(diff.roles.length - 12, 'more node')}.</li>}
        </ul>
      )}
    </>
  );
}
