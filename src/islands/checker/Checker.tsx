// The plan checker: start from files or a preset, edit the plan (with undo and redo), and read the
// findings, the live diagram and the failure what-if beside it; save, share, compare and export.
// State is one reducer (state.ts) inside the undo history (history.ts). The edited control paints
// at once; the findings, diagram and what-if follow in a React transition started after that paint
// (scheduling.ts), rendered in slices and dropped if the next edit comes first.
import {
  memo,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
  type Dispatch,
  type MouseEvent,
  type RefObject,
} from 'react';
import { checkPlan } from '../../rules/check.ts';
import { nothingToCheck } from '../../rules/cluster-facts.ts';
import { asSentence } from '../../rules/words.ts';
import type { Plan } from '../../rules/plan.ts';
import { PRESETS, type PresetId } from '../../rules/presets.ts';
import type { ImportedFile } from './file-reading.ts';
import type { Report } from '../../rules/report.ts';
import { failedByCluster, initialState, type CheckerState } from './state.ts';
import { historyReducer, initialHistory, type History, type HistoryAction } from './history.ts';
import { ClusterEditor } from './ClusterEditor.tsx';
import { RancherEditor } from './RancherEditor.tsx';
import { FindingsList } from './FindingsList.tsx';
import { FailurePanel } from './FailurePanel.tsx';
import { CheckerDiagram } from './CheckerDiagram.tsx';
import { failedSummary } from './what-if.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { KeepSection } from './KeepSection.tsx';
import { MigrateSection } from './MigrateSection.tsx';
import { useSavedPlans } from './useSavedPlans.ts';
import { PrintNodes } from './PrintNodes.tsx';
import { usePersistence } from './usePersistence.ts';
import { summaryLine, plural } from './summary.ts';
import { openLinkedPlan, type Notice, type Startup } from './startup.ts';
import { decodePlan, payloadFromHash } from './share.ts';
import { defaultStorage, listSaved, samePlan } from './storage.ts';
import { useAfterPaint, useWhenIdle } from './scheduling.ts';

/** Short button labels; a preset without one shows its full label. */
export const PRESET_SHORT: Partial<Record<PresetId, string>> = {
  'rancher-rke': 'Rancher on RKE',
  'rancher-k3s': 'Rancher on K3s',
  'rancher-rke2': 'RKE2 for Rancher 2.12',
  'rancher-k3s-etcd': 'K3s with etcd for Rancher',
  'downstream-rke2-pools': 'RKE2 machine pools',
  'downstream-production': 'Production downstream cluster',
  'docker-single': 'Single Docker install',
  empty: 'Empty plan',
};

const PRESET_IDS = Object.keys(PRESETS) as PresetId[];

const nodesIn = (plan: Plan) => plan.clusters.reduce((a, c) => a + c.nodes.length, 0);
const PRESET_NODES = new Map(PRESET_IDS.map((p) => [p, nodesIn(PRESETS[p].plan)]));

/** The preset the plan is, if it is one (loaded, or edited back to it). */
function activePreset(plan: Plan, nodes: number): PresetId | undefined {
  const direct = PRESET_IDS.find((p) => PRESETS[p].plan === plan);
  if (direct) return direct;
  // Counts first: serialising a plan of thousands of nodes to compare it with a preset of six
  // cost a role toggle several milliseconds per preset before the edited box could paint.
  return PRESET_IDS.find((p) => PRESETS[p].plan.clusters.length === plan.clusters.length && PRESET_NODES.get(p) === nodes && samePlan(PRESETS[p].plan, plan));
}

/** The history a start-up begins with: after a link, one step back to the reader's own plan. */
function startHistory(start: Startup): History {
  if (!start.previous) return initialHistory(initialState(start.plan));
  return historyReducer(initialHistory(initialState(start.previous)), { type: 'replace-plan', plan: start.plan, label: 'opening the link' });
}

/** Ctrl+Z / Cmd+Z undo, Shift+Ctrl+Z / Cmd+Shift+Z / Ctrl+Y redo — outside fields with their own undo. */
function undoKey(e: KeyboardEvent): 'undo' | 'redo' | undefined {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return undefined;
  const key = e.key.toLowerCase();
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && e.ctrlKey && !e.shiftKey) return 'redo';
  return undefined;
}

export function Checker({ start }: { start: Startup }) {
  const id = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const [history, dispatch] = useReducer(historyReducer, start, startHistory);
  const [highlighted, setHighlighted] = useState<string[]>([]);
  const [notice, setNotice] = useState<Notice | undefined>(start.notice);
  const [saved, setSaved] = useSavedPlans();
  const diagramRef = useRef<HTMLDivElement>(null);
  const { plan, failed } = history.present;
  const shown = useAfterPaint(history.present);
  const report = useMemo(() => checkPlan(shown.plan, { extraFindings: shown.extraFindings }), [shown.plan, shown.extraFindings]);
  const failedSet = useMemo(() => new Set(failed), [failed]);
  const printed = useWhenIdle(shown);
  const printedFailed = useMemo(() => failedByCluster(printed.plan, printed.failed), [printed.plan, printed.failed]);
  const { link, kept } = usePersistence(plan, start.persist);
  const findingsId = `${id}-findings`;
  const planRef = useRef(plan);
  useLayoutEffect(() => {
    planRef.current = plan;
  }, [plan]);

  // Undo and redo from the keyboard, anywhere in the checker (or with nothing focused).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const what = undoKey(e);
      if (!what) return;
      const target = e.target instanceof Element ? e.target : null;
      if (target && target !== document.body && !rootRef.current?.contains(target)) return;
      // Fields that are not the plan (the import text, names, the node filter) keep the browser's undo.
      if (target?.closest('[data-own-undo], textarea, input[type=search], .ck-import, .ck-share')) return;
      e.preventDefault();
      dispatch({ type: what });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A link pasted into the address bar of an open checker changes only the hash: open it too,
  // keeping the reader's plan among the saved ones. Our own replaceState calls fire no hashchange.
  useEffect(() => {
    const onHashChange = () => {
      const payload = payloadFromHash(window.location.hash);
      if (payload === undefined) return;
      decodePlan(payload).then(
        (linked) => {
          if (samePlan(linked, planRef.current)) return;
          const opened = openLinkedPlan(linked, planRef.current, defaultStorage());
          dispatch({ type: 'replace-plan', plan: linked, label: 'opening the link' });
          setSaved(listSaved());
          setNotice(opened.notice);
        },
        (error: unknown) =>
          setNotice({
            kind: 'error',
            text: `The plan in this link could not be loaded: ${asSentence(error instanceof Error ? error.message : String(error))} Your plan has not changed.`,
          }),
      );
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [setSaved]);

  const onDiagramClick = useCallback((e: MouseEvent<HTMLDivElement>) => {
    const node = (e.target as Element).closest?.('[data-node]');
    const key = node?.getAttribute('data-node');
    if (key) dispatch({ type: 'toggle-failed', key });
  }, []);

  const onImport = useCallback((result: ImportedFile, description: string) => {
    // A cluster.yml's settings beyond the plan go with it, for "Moving to RKE2".
    const imported = result.plan.clusters[0];
    const rkeSettings = result.rkeSettings && imported ? { cluster: imported.name, settings: result.rkeSettings } : undefined;
    dispatch({ type: 'replace-plan', plan: result.plan, extraFindings: result.findings, ...(rkeSettings ? { rkeSettings } : {}), label: 'the import' });
    setNotice({ kind: 'info', text: `${description} Undo brings back the plan you had.` });
  }, []);

  const onOpenSaved = useCallback((opened: Plan, name: string) => {
    dispatch({ type: 'replace-plan', plan: opened, label: `opening “${name}”` });
    setNotice({ kind: 'info', text: `Opened the saved plan “${name}”. Undo brings back the plan you had.` });
  }, []);

  const nodeCount = nodesIn(plan);
  const preset = activePreset(plan, nodeCount);
  // One array per list of names, so the memoised cluster editors skip re-rendering on other edits.
  const namesKey = plan.clusters.map((c) => c.name).join('\n');
  const clusterNames = useMemo(() => (namesKey === '' ? [] : namesKey.split('\n')), [namesKey]);
  const lastStep = history.past.at(-1)?.label;
  const nextStep = history.future.at(-1)?.label;

  return (
    // data-plan-kept: whether the address and storage hold the plan on screen yet (they follow an
    // edit when the browser is idle), for whoever must know, such as a test about to reload.
    <div className="ck not-content" ref={rootRef} data-plan-kept={kept}>
      {notice && (
        <div className={`ck-notice-bar ${notice.kind === 'error' ? 'ck-alert' : 'ck-notice'}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
          <p>{notice.text}</p>
          <button type="button" className="ck-button ck-small" onClick={() => setNotice(undefined)}>
            Dismiss<span className="ck-sr"> message</span>
          </button>
        </div>
      )}

      <div className="ck-workspace">
        <div className="ck-start">
          <ImportPanel onImport={onImport} headingId={`${id}-import`} />
          <section className="ck-section ck-presets" aria-labelledby={`${id}-presets`}>
            <h2 id={`${id}-presets`}>Start from a preset</h2>
            <ul className="ck-preset-list">
              {PRESET_IDS.map((p) => (
                <li key={p}>
                  <button
                    type="button"
                    className={`ck-button ck-preset${p === preset ? ' is-current' : ''}`}
                    title={PRESETS[p].label}
                    aria-current={p === preset ? 'true' : undefined}
                    onClick={() => {
                      dispatch({ type: 'load-preset', preset: p });
                      setNotice({ kind: 'info', text: `Loaded the preset “${PRESETS[p].label}”. Undo brings back the plan you had.` });
                    }}
                  >
                    {PRESET_SHORT[p] ?? PRESETS[p].label}
                    {/* Seen, not heard: aria-current already tells a screen reader, which would otherwise say "current" twice. */}
                    {p === preset && (
                      <span className="ck-current-mark" aria-hidden="true">
                        {' '}
                        (current)
                      </span>
                    )}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        </div>

        <section className="ck-section ck-editor" aria-labelledby={`${id}-edit`}>
          <div className="ck-editor-head">
            <h2 id={`${id}-edit`}>Your plan</h2>
            <div className="ck-row ck-history" role="group" aria-label="Undo and redo">
              <button
                type="button"
                className="ck-button ck-small"
                disabled={!lastStep}
                aria-keyshortcuts="Control+Z Meta+Z"
                title={lastStep ? `Undo ${lastStep} (Ctrl+Z)` : 'Nothing to undo'}
                onClick={() => dispatch({ type: 'undo' })}
              >
                Undo
              </button>
              <button
                type="button"
                className="ck-button ck-small"
                disabled={!nextStep}
                aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
                title={nextStep ? `Redo ${nextStep} (Shift+Ctrl+Z)` : 'Nothing to redo'}
                onClick={() => dispatch({ type: 'redo' })}
              >
                Redo
              </button>
              <a className="ck-skip" href={`#${findingsId}`}>
                Skip to findings
              </a>
            </div>
          </div>
          <p role="status" className="ck-status ck-history-status">
            {history.announcement}
          </p>
          <RancherEditor plan={plan} dispatch={dispatch} />
          {plan.clusters.map((c, i) => (
            <ClusterEditor
              key={i}
              cluster={c}
              index={i}
              isRancher={plan.rancher?.install === 'kubernetes' && plan.rancher.cluster === c.name}
              clusterNames={clusterNames}
              planNodes={nodeCount}
              failedSet={failedSet}
              findingsId={findingsId}
              dispatch={dispatch}
            />
          ))}
          <button type="button" className="ck-button" onClick={() => dispatch({ type: 'add-cluster' })}>
            Add a cluster
          </button>
        </section>

        <Results
          shown={shown}
          failedNow={failed}
          report={report}
          highlighted={highlighted}
          onHighlight={setHighlighted}
          dispatch={dispatch}
          onDiagramClick={onDiagramClick}
          diagramRef={diagramRef}
          id={id}
        />

        <KeepSection
          plan={plan}
          shownPlan={shown.plan}
          report={report}
          saved={saved}
          setSaved={setSaved}
          onOpenSaved={onOpenSaved}
          link={link}
          diagramRef={diagramRef}
          id={id}
        />
      </div>
      <PrintNodes clusters={printed.plan.clusters} failed={printedFailed} />
    </div>
  );
}

/** What the plan means: the count, findings, diagram and what-if. Memoised, so the urgent render
 * of an edit skips it and only the transition (with the new plan) draws it. */
const Results = memo(function Results({
  shown,
  failedNow,
  report,
  highlighted,
  onHighlight,
  dispatch,
  onDiagramClick,
  diagramRef,
  id,
}: {
  shown: CheckerState;
  /**
   * The failed parts as they are now, not deferred: the what-if panel's checkboxes must show the
   * state they just set (the findings and diagram follow in the transition).
   */
  failedNow: string[];
  report: Report;
  highlighted: string[];
  onHighlight: (keys: string[]) => void;
  dispatch: Dispatch<HistoryAction>;
  onDiagramClick: (e: MouseEvent<HTMLDivElement>) => void;
  diagramRef: RefObject<HTMLDivElement | null>;
  id: string;
}) {
  const shownNodes = nodesIn(shown.plan);
  const empty = nothingToCheck(shown.plan);
  const findingsId = `${id}-findings`;
  return (
    <div className="ck-results">
      <div className="ck-summary-bar">
        <p className="ck-summary" role="status" aria-label="Finding count" aria-live="polite" aria-atomic="true">
          {empty ? (
            <strong>Nothing to check yet: {empty.replace('the input lists', 'the plan has')}.</strong>
          ) : (
            <>
              <strong>{summaryLine(report)}</strong> for {plural(shown.plan.clusters.length, 'cluster')} and {plural(shownNodes, 'node')}
              {shown.failed.length > 0 ? `, ${failedSummary(shown.failed)} marked failed` : ''}.
            </>
          )}
        </p>
        <button type="button" className="ck-button ck-small" onClick={() => window.print()}>
          Print report
        </button>
      </div>
      <FindingsList plan={shown.plan} report={report} onHighlight={onHighlight} headingId={findingsId} />

      <section className="ck-section ck-diagram-section" aria-labelledby={`${id}-diagram`}>
        <h2 id={`${id}-diagram`}>Diagram</h2>
        <p className="ck-muted">
          Click a node, a load balancer or a datastore to mark it failed, and again to bring it back; click “+N more” to see every node.
        </p>
        {/* Clicks are a pointer shortcut; the "Fail" checkboxes in the editor do the same from the keyboard. */}
        <div className="ck-diagram" ref={diagramRef} onClick={onDiagramClick}>
          <CheckerDiagram plan={shown.plan} report={report} failed={shown.failed} highlighted={highlighted} dispatch={dispatch} />
        </div>
      </section>

      <FailurePanel plan={shown.plan} failed={failedNow} dispatch={dispatch} headingId={`${id}-failure`} />
      {shown.plan.clusters.some((c) => c.distribution === 'rke') && (
        <MigrateSection plan={shown.plan} imported={shown.rkeSettings} headingId={`${id}-migrate`} />
      )}
    </div>
  );
});
