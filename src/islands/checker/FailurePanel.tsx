// The failure what-if: for each cluster, what still works with the nodes marked failed, and a
// button that marks the fewest failures that break it. The model lives in src/rules/failure.ts.
import { useState, type Dispatch } from 'react';
import { nodeKey } from '../../diagrams/model.ts';
import { simulateFailure, smallestBreakingFailure } from '../../rules/failure.ts';
import type { Plan } from '../../rules/plan.ts';
import type { FailureOutcome } from '../../rules/report.ts';
import { failedByCluster, type Action } from './state.ts';
import { YesNo } from './Icons.tsx';
import { SrOnly } from './DraftInput.tsx';

function Outcome({ outcome }: { outcome: FailureOutcome }) {
  const { etcd } = outcome;
  return (
    <>
      <ul className="ck-outcome">
        <li>
          etcd quorum:{' '}
          {etcd.external ? (
            <YesNo ok yes="not affected (external datastore)" no="" />
          ) : (
            <YesNo
              ok={etcd.kept}
              yes={`kept, ${etcd.alive} of ${etcd.members} members alive (${etcd.quorum} needed)`}
              no={`lost, ${etcd.alive} of ${etcd.members} members alive (${etcd.quorum} needed)`}
            />
          )}
        </li>
        <li>
          Kubernetes API: <YesNo ok={outcome.apiAvailable} yes="available" no="unavailable" />
        </li>
        <li>
          Scheduling workloads: <YesNo ok={outcome.schedulable} yes="possible" no="not possible" />
        </li>
        {outcome.rancherReachable !== undefined && (
          <li>
            Rancher: <YesNo ok={outcome.rancherReachable} yes="reachable" no="unreachable" />
          </li>
        )}
      </ul>
      {outcome.notes.length > 0 && (
        <ul className="ck-notes">
          {outcome.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}
    </>
  );
}

export function FailurePanel({ plan, failed, dispatch, headingId }: { plan: Plan; failed: string[]; dispatch: Dispatch<Action>; headingId: string }) {
  const [message, setMessage] = useState('');
  const byCluster = failedByCluster(plan, failed);
  const breakCluster = (name: string) => {
    const result = smallestBreakingFailure(plan, name);
    if (!result) {
      setMessage(`No set of node failures breaks cluster “${name}”.`);
      return;
    }
    const others = failed.filter((k) => !k.startsWith(`${name}/`));
    dispatch({ type: 'set-failed', keys: [...others, ...result.nodes.map((n) => nodeKey(name, n))] });
    setMessage(result.message);
  };
  return (
    <section className="ck-section ck-failure" aria-labelledby={headingId}>
      <h2 id={headingId}>What if nodes fail?</h2>
      <p className="ck-muted">Mark nodes as failed with their “Fail” box in the editor, or click them in the diagram.</p>
      <div className="ck-row">
        <button type="button" className="ck-button" disabled={failed.length === 0} onClick={() => (dispatch({ type: 'clear-failed' }), setMessage(''))}>
          Clear failures
        </button>
      </div>
      <p role="status" className="ck-status">
        {message}
      </p>
      {plan.clusters.length === 0 && <p className="ck-muted">The plan has no cluster to fail.</p>}
      {plan.clusters.map((c, i) => {
        let outcome: FailureOutcome | undefined;
        try {
          outcome = simulateFailure(plan, c.name, byCluster.get(c.name) ?? []);
        } catch {
          outcome = undefined;
        }
        const names = byCluster.get(c.name) ?? [];
        return (
          <div className="ck-group" key={`${i}-${c.name}`}>
            <h3>
              {c.name}: {names.length === 0 ? 'no node failed' : `failed ${names.join(', ')}`}
            </h3>
            {outcome && <Outcome outcome={outcome} />}
            <button type="button" className="ck-button" onClick={() => breakCluster(c.name)}>
              Smallest failure that breaks<SrOnly> cluster</SrOnly> {c.name}
            </button>
          </div>
        );
      })}
    </section>
  );
}
