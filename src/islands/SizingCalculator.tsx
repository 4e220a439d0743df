// Rancher version, what Rancher runs on, and the managed scale → the row of Rancher's hardware
// table, per node, with the caveats of the table that applies. The scale can come from the
// checker's saved plan, read on demand (the plan reader loads only then). The static tables on
// the page stay; this adds the answer for the reader's numbers.
import { useState } from 'react';
import type { Plan } from '../rules/vocabulary.ts';
import { rancherCluster } from '../rules/cluster-facts.ts';
import { planScale, rancherTarget } from '../rules/sizing/plan.ts';
import {
  machineVerdict,
  targetLabel,
  describeAsk,
  describeDatabase,
  describeMachine,
  describeRow,
  sizeFor,
  SIZING_TARGETS,
  type SizingTarget,
} from '../rules/sizing/size.ts';
import { DEFAULT_RANCHER_VERSION, LATEST_KNOWN_VERSION } from '../rules/versions.ts';
import { plural } from '../rules/words.ts';
import { CalculatorFrame, NumberField, useMounted } from './calculator-frame.tsx';

const LATEST_MINOR = Number(LATEST_KNOWN_VERSION.split('.')[1]);
const MINORS = Array.from({ length: LATEST_MINOR + 1 }, (_, i) => `2.${i}`);

interface FromPlan {
  nodes: { name: string; cpu?: number; memoryGiB?: number }[];
  cluster?: string;
}

interface State {
  version: string;
  target: SizingTarget;
  clusters: number;
  nodes: number;
  fromPlan?: FromPlan;
}

/** What the calculator takes from a plan: version, what Rancher runs on, scale, the Rancher nodes. */
export function sizingStateFromPlan(plan: Plan): State | undefined {
  const target = rancherTarget(plan);
  if (!target) return undefined;
  const scale = planScale(plan);
  const cluster = rancherCluster(plan);
  return {
    version: plan.rancher?.version ?? DEFAULT_RANCHER_VERSION,
    target,
    ...scale,
    fromPlan: {
      nodes:
        cluster?.nodes.map(({ name, cpu, memoryGiB }) => ({
          name,
          ...(cpu === undefined ? {} : { cpu }),
          ...(memoryGiB === undefined ? {} : { memoryGiB }),
        })) ?? [],
      ...(cluster ? { cluster: cluster.name } : {}),
    },
  };
}

function Result({ state }: { state: State }) {
  const r = sizeFor({ version: state.version, target: state.target, clusters: state.clusters, nodes: state.nodes });
  const scale = `${plural(state.clusters, 'downstream cluster')} with ${plural(state.nodes, 'node')}`;
  return (
    <div aria-live="polite" className="sz-result">
      {r.row ? (
        <p className="calc-result">
          For {scale} on {targetLabel(state.target)}, Rancher {state.version} asks for <strong>{describeAsk(r.row)} per node</strong> ({describeRow(r.row)}).
        </p>
      ) : (
        <p className="calc-result calc-lesson">
          {scale} is past the largest row ({describeRow(r.largest)}).{' '}
          {r.table.contactStated
            ? 'The table sends larger installs to Rancher for advice.'
            : 'The table stops there: ask Rancher for sizing rather than extrapolating.'}
        </p>
      )}
      {r.row?.database && <p>External database host (optional): {describeDatabase(r.row.database)}.</p>}
      {r.row?.note && <p>{r.row.note}</p>}
      <p>
        Table: {r.table.title}, printed for Rancher {r.table.printedFor}.
      </p>
      {r.table.laterJudgedTooOptimistic && (
        <p className="calc-lesson">
          Rancher later judged this table too optimistic.{' '}
          {r.revised?.row
            ? `Its October 2023 revision asks for ${describeAsk(r.revised.row)} per node at this scale.`
            : 'Its October 2023 revision stops below this scale.'}
        </p>
      )}
      {!r.table.laterJudgedTooOptimistic && r.revised && (
        <p className="calc-lesson">
          This table was replaced in October 2023;{' '}
          {r.revised.row ? `the revision asks for ${describeAsk(r.revised.row)} per node at this scale.` : 'the revision stops below this scale.'}
        </p>
      )}
      {r.shippedWith && (
        <p>
          The table Rancher {state.version} shipped with asked for{' '}
          {r.shippedWith.row ? `${describeAsk(r.shippedWith.row)} per node here` : 'no figure at this scale'}; the revision above replaces it.
        </p>
      )}
      <ul className="ck-notes">
        {r.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
      {state.fromPlan && r.row && (
        <table>
          <caption>Rancher nodes in the checker’s plan{state.fromPlan.cluster ? ` (cluster ${state.fromPlan.cluster})` : ''}</caption>
          <thead>
            <tr>
              <th scope="col">Node</th>
              <th scope="col">Has</th>
              <th scope="col">Against the row</th>
            </tr>
          </thead>
          <tbody>
            {state.fromPlan.nodes.map((node) => {
              const verdict = machineVerdict(node, r.row!);
              return (
                <tr key={node.name}>
                  <th scope="row">{node.name}</th>
                  <td>{verdict === 'not judged' ? 'no cpu or memoryGiB' : describeMachine(node)}</td>
                  <td>{verdict === 'below' ? `below: needs ${describeAsk(r.row!)}` : verdict === 'meets' ? 'meets the row' : verdict}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

export default function SizingCalculator() {
  const mounted = useMounted();
  const [state, setState] = useState<State>({ version: LATEST_KNOWN_VERSION, target: 'rke2', clusters: 10, nodes: 200 });
  const [status, setStatus] = useState('');
  if (!mounted)
    return (
      <CalculatorFrame level={2} title="Rancher server size">
        <p>The calculator needs JavaScript. The tables below hold the same figures.</p>
      </CalculatorFrame>
    );
  const set = (patch: Partial<State>) => setState((old) => ({ ...old, ...patch, fromPlan: undefined }));
  const versions = MINORS.includes(state.version) ? MINORS : [...MINORS, state.version];
  const loadPlan = async () => {
    const { loadStoredPlan } = await import('./checker/storage.ts');
    const plan = await loadStoredPlan();
    const next = plan && sizingStateFromPlan(plan);
    if (!plan) setStatus('No plan saved in this browser yet: describe one in the plan checker first.');
    else if (!next) setStatus('The saved plan does not say what Rancher runs on: choose its cluster (or the Docker install) in the checker.');
    else {
      setState(next);
      setStatus(`Took Rancher ${next.version}, ${targetLabel(next.target)} and ${plural(next.clusters, 'downstream cluster')} from the checker’s plan.`);
    }
  };
  return (
    <CalculatorFrame level={2} title="Rancher server size calculator">
      <div className="ck-fields">
        <label className="ck-field">
          <span className="ck-label">Rancher version</span>
          <select value={state.version} onChange={(e) => set({ version: e.target.value })}>
            {versions.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
        </label>
        <label className="ck-field">
          <span className="ck-label">Rancher runs on</span>
          <select value={state.target} onChange={(e) => set({ target: e.target.value as SizingTarget })}>
            {SIZING_TARGETS.map((t) => (
              <option key={t} value={t}>
                {targetLabel(t)}
              </option>
            ))}
          </select>
        </label>
        <NumberField label="Downstream clusters" value={state.clusters} min={0} max={100_000} onChange={(clusters) => set({ clusters })} />
        <NumberField label="Nodes in them" value={state.nodes} min={0} max={1_000_000} onChange={(nodes) => set({ nodes })} />
      </div>
      <p className="ck-row">
        <button type="button" className="ck-button ck-small" onClick={() => void loadPlan()}>
          Use the plan from the checker
        </button>
        <span role="status" className="ck-status">
          {status}
        </span>
      </p>
      <Result state={state} />
    </CalculatorFrame>
  );
}
