// The plan checker: editor, findings, live diagram, failure what-if, import, export and share.
// State is one reducer (state.ts); findings come from checkPlan on every change.
import { useCallback, useEffect, useId, useMemo, useReducer, useRef, useState, type MouseEvent } from 'react';
import { checkPlan } from '../../rules/check.ts';
import { PRESETS, type PresetId } from '../../rules/presets.ts';
import type { ReadResult } from '../../rules/formats/read.ts';
import { checkerReducer, initialState } from './state.ts';
import { ClusterEditor } from './ClusterEditor.tsx';
import { RancherEditor } from './RancherEditor.tsx';
import { FindingsList } from './FindingsList.tsx';
import { FailurePanel } from './FailurePanel.tsx';
import { CheckerDiagram } from './CheckerDiagram.tsx';
import { failedSummary } from './what-if.ts';
import { ImportPanel } from './ImportPanel.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { SharePanel } from './SharePanel.tsx';
import { exportItems } from './exports.ts';
import { usePersistence } from './usePersistence.ts';
import { summaryLine, plural } from './summary.ts';
import type { Startup } from './startup.ts';
import { decodePlan, payloadFromHash } from './share.ts';

export const PRESET_SHORT: Record<PresetId, string> = {
  'rancher-rke': 'Rancher on RKE',
  'rancher-k3s': 'Rancher on K3s',
  'rancher-rke2': 'RKE2 for Rancher 2.12',
  'rancher-k3s-etcd': 'K3s with etcd for Rancher',
  'downstream-rke2-pools': 'RKE2 machine pools',
  'downstream-production': 'Production downstream cluster',
  'docker-single': 'Single Docker install',
  empty: 'Empty plan',
};

export function Checker({ start }: { start: Startup }) {
  const id = useId();
  const [state, dispatch] = useReducer(checkerReducer, start.plan, initialState);
  const [highlighted, setHighlighted] = useState<string[]>([]);
  const [notice, setNotice] = useState(start.notice);
  const diagramRef = useRef<HTMLDivElement>(null);
  const { plan, failed } = state;
  const report = useMemo(() => checkPlan(plan, { extraFindings: state.extraFindings }), [plan, state.extraFindings]);
  const failedSet = useMemo(() => new Set(failed), [failed]);
  const link = usePersistence(plan, start.persist);

  // A link pasted into the address bar of an open checker changes only the hash: load it too.
  // Our own replaceState calls fire no hashchange, so this only sees the reader's navigation.
  useEffect(() => {
    const onHashChange = () => {
      const payload = payloadFromHash(window.location.hash);
      if (payload === undefined) return;
      decodePlan(payload).then(
        (linked) => {
          dispatch({ type: 'replace-plan', plan: linked });
          setNotice({ kind: 'info', text: 'Loaded the plan from the link.' });
        },
        (error: unknown) =>
          setNotice({
            kind: 'error',
            text: `The plan in this link could not be loaded: ${error instanceof Error ? error.message : String(error)} Your plan has not changed.`,
          }),
      );
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const onDiagramClick = useCallback((e: MouseEvent<HTMLDivElement>) => {
    const node = (e.target as Element).closest?.('[data-node]');
    const key = node?.getAttribute('data-node');
    if (key) dispatch({ type: 'toggle-failed', key });
  }, []);

  const onImport = useCallback((result: ReadResult, description: string) => {
    dispatch({ type: 'replace-plan', plan: result.plan, extraFindings: result.findings });
    setNotice({ kind: 'info', text: description });
  }, []);

  const items = exportItems({
    plan,
    report,
    theme: typeof document !== 'undefined' && document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light',
    docsBase: typeof window !== 'undefined' ? new URL('../', window.location.href).href : undefined,
  });
  const nodeCount = plan.clusters.reduce((a, c) => a + c.nodes.length, 0);

  return (
    <div className="ck not-content">
      <section className="ck-section ck-top" aria-labelledby={`${id}-start`}>
        <h2 id={`${id}-start`}>Start from a preset</h2>
        <div className="ck-row ck-presets">
          {(Object.keys(PRESETS) as PresetId[]).map((p) => (
            <button
              key={p}
              type="button"
              className="ck-button"
              title={PRESETS[p].label}
              onClick={() => {
                dispatch({ type: 'load-preset', preset: p });
                setNotice({ kind: 'info', text: `Loaded the preset “${PRESETS[p].label}”.` });
              }}
            >
              {PRESET_SHORT[p]}
            </button>
          ))}
        </div>
        {notice && (
          <div className={notice.kind === 'error' ? 'ck-alert' : 'ck-notice'} role={notice.kind === 'error' ? 'alert' : 'status'}>
            <p>{notice.text}</p>
            <button type="button" className="ck-button ck-small" onClick={() => setNotice(undefined)}>
              Dismiss<span className="ck-sr"> message</span>
            </button>
          </div>
        )}
        <p className="ck-summary" role="status" aria-label="Finding count" aria-live="polite" aria-atomic="true">
          <strong>{summaryLine(report)}</strong> for {plural(plan.clusters.length, 'cluster')} and {plural(nodeCount, 'node')}
          {failed.length > 0 ? `, ${failedSummary(failed)} marked failed` : ''}.
        </p>
        <SharePanel link={link} />
      </section>

      {/* Wide screens: the editor on the left, what it means (findings, diagram, failures) on the right. */}
      <div className="ck-workspace">
        <section className="ck-section ck-editor" aria-labelledby={`${id}-edit`}>
          <h2 id={`${id}-edit`}>Your plan</h2>
          <RancherEditor plan={plan} dispatch={dispatch} />
          {plan.clusters.map((c, i) => (
            <ClusterEditor
              key={i}
              cluster={c}
              index={i}
              isRancher={plan.rancher?.install === 'kubernetes' && plan.rancher.cluster === c.name}
              failedSet={failedSet}
              dispatch={dispatch}
            />
          ))}
          <button type="button" className="ck-button" onClick={() => dispatch({ type: 'add-cluster' })}>
            Add a cluster
          </button>
        </section>
        <div className="ck-results">
          <FindingsList plan={plan} report={report} onHighlight={setHighlighted} headingId={`${id}-findings`} />

          <section className="ck-section ck-diagram-section" aria-labelledby={`${id}-diagram`}>
            <h2 id={`${id}-diagram`}>Diagram</h2>
            <p className="ck-muted">
              Click a node, a load balancer or a datastore to mark it failed, and again to bring it back; click “+N more” to see every node.
            </p>
            {/* Clicks are a pointer shortcut; the "Fail" checkboxes in the editor do the same from the keyboard. */}
            <div className="ck-diagram" ref={diagramRef} onClick={onDiagramClick}>
              <CheckerDiagram plan={plan} report={report} failed={failed} highlighted={highlighted} dispatch={dispatch} />
            </div>
          </section>

          <FailurePanel plan={plan} failed={failed} dispatch={dispatch} headingId={`${id}-failure`} />
        </div>
      </div>

      <ImportPanel onImport={onImport} headingId={`${id}-import`} />
      <ExportPanel items={items} headingId={`${id}-export`} diagram={diagramRef} />
    </div>
  );
}
