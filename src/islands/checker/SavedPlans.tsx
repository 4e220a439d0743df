// Plans kept by name in this browser: save the current plan, open or delete a saved one (a deleted
// plan can be put back). Storage lives in storage.ts; comparing two plans in ComparePanel.tsx.
// Opening a plan goes through the checker's history, so Undo returns to what was there before.
import { useId, useState } from 'react';
import type { Plan } from '../../rules/plan.ts';
import { SrOnly } from './SrOnly.tsx';
import { deleteSaved, openSaved, restoreSaved, savedWhen, savePlan, type SavedPlan } from './storage.ts';
import { plural } from './summary.ts';
import { checkSavedName } from './validation.ts';

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
      <h2 id={headingId} tabIndex={-1}>
        Plans in this browser
      </h2>
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
