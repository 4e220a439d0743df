// The failure what-if: nodes (marked in the editor or the diagram), whole zones, each cluster's
// load balancer and external datastore, and the Docker host of a single-node install can fail;
// for each cluster and for Rancher, what still works, and buttons that mark the fewest failures
// (or zones) that break a cluster. The model lives in src/rules/failure.ts.
import { useState, type Dispatch } from 'react';
import { failableParts, failureFromKeys, simulatePlanFailure, smallestBreakingFailure } from '../../rules/failure.ts';
import { smallestBreakingZones } from '../../rules/zones.ts';
import { clusterOfKey, type ClusterPart, DOCKER_HOST_KEY, nodeKey, partKey } from '../../rules/keys.ts';
import type { Plan } from '../../rules/plan.ts';
import type { FailureOutcome } from '../../rules/report.ts';
import { listNames, plural } from '../../rules/words.ts';
import type { Action } from './state.ts';
import { YesNo } from './Icons.tsx';
import { SrOnly } from './SrOnly.tsx';
import { breakKeys, toggleZone, zoneRows } from './what-if.ts';

const PART_LABEL: Record<ClusterPart, string> = { 'load-balancer': 'load balancer', datastore: 'external datastore' };

function Outcome({ outcome }: { outcome: FailureOutcome }) {
  const { etcd } = outcome;
  return (
    <>
      <ul className="ck-outcome">
        {outcome.loadBalancerFailed && (
          <li>
            Load balancer: <YesNo ok={false} yes="" no="down" />
          </li>
        )}
        <li>
          {etcd.external ? 'Datastore: ' : 'etcd quorum: '}
          {etcd.external ? (
            <YesNo ok={!outcome.datastoreFailed} yes="not affected (external datastore)" no="down (external datastore)" />
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

function heading(outcome: FailureOutcome | undefined, name: string): string {
  const lost = [
    ...(outcome?.failed ?? []),
    ...(outcome?.loadBalancerFailed ? ['its load balancer'] : []),
    ...(outcome?.datastoreFailed ? ['its external datastore'] : []),
  ];
  return `${name}: ${lost.length === 0 ? 'nothing failed' : `failed ${listNames(lost)}`}`;
}

export function FailurePanel({ plan, failed, dispatch, headingId }: { plan: Plan; failed: string[]; dispatch: Dispatch<Action>; headingId: string }) {
  const [message, setMessage] = useState('');
  // The message tells what the last button did; once the plan itself changes it no longer applies.
  const [messagePlan, setMessagePlan] = useState(plan);
  if (messagePlan !== plan) {
    setMessagePlan(plan);
    setMessage('');
  }
  const result = simulatePlanFailure(plan, failureFromKeys(failed));
  const zones = zoneRows(plan, failed);
  const docker = plan.rancher?.install === 'docker';
  const set = (keys: string[], text: string) => {
    dispatch({ type: 'set-failed', keys });
    setMessage(text);
  };
  const breakCluster = (name: string) => {
    const found = smallestBreakingFailure(plan, name, { parts: true });
    if (!found) {
      setMessage(`Nothing the plan lists can break cluster “${name}”.`);
      return;
    }
    // A part alone breaks it: say which nodes would too, so the answer is not only "the balancer".
    const nodesOnly = found.parts.length ? smallestBreakingFailure(plan, name) : undefined;
    const also =
      nodesOnly && nodesOnly.nodes.length > 0
        ? ` Among its nodes, the fewest are ${plural(nodesOnly.nodes.length, 'node')}: ${listNames(nodesOnly.nodes)}.`
        : '';
    set(breakKeys(failed, found), `${found.message}${also}`);
  };
  const breakByZones = (name: string) => {
    const found = smallestBreakingZones(plan, name);
    if (!found) {
      setMessage(`Losing any set of zones leaves cluster “${name}” working: it has nodes outside them, or the zones hold too few of the ones that matter.`);
      return;
    }
    const keys = found.nodes.map((n) => nodeKey(name, n));
    set([...failed.filter((k) => clusterOfKey(k) !== name), ...keys], found.message);
  };
  return (
    <section className="ck-section ck-failure" aria-labelledby={headingId}>
      <h2 id={headingId}>What if nodes fail?</h2>
      <p className="ck-muted">
        Mark nodes as failed with their “Fail” box in the editor, or click them in the diagram. Below, a whole zone, a load balancer, an external datastore or
        the Docker host can fail too.
      </p>
      <div className="ck-row">
        <button type="button" className="ck-button" disabled={failed.length === 0} onClick={() => (dispatch({ type: 'clear-failed' }), setMessage(''))}>
          Clear failures
        </button>
      </div>
      <p role="status" className="ck-status">
        {message}
      </p>
      {result.notes.length > 0 && (
        <ul className="ck-notes">
          {result.notes.map((n, i) => (
            <li key={i}>{n}</li>
          ))}
        </ul>
      )}

      {docker && (
        <div className="ck-group ck-docker-host">
          <h3>Docker host {plan.rancher?.host ?? '(not named)'}</h3>
          <label className="ck-check">
            <input type="checkbox" checked={failed.includes(DOCKER_HOST_KEY)} onChange={() => dispatch({ type: 'toggle-failed', key: DOCKER_HOST_KEY })} />
            Fail the Docker host
          </label>
          <ul className="ck-outcome">
            <li>
              Rancher: <YesNo ok={result.rancher?.reachable ?? true} yes="reachable" no="unreachable" />
            </li>
          </ul>
          {(result.rancher?.notes.length ?? 0) > 0 && (
            <ul className="ck-notes">
              {result.rancher!.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      {zones.length > 0 && (
        <fieldset className="ck-box ck-zones">
          <legend>Zones in this plan</legend>
          <p className="ck-muted">Losing a zone fails every node placed in it, in every cluster.</p>
          {zones.map((z) => (
            <label key={z.zone} className="ck-check">
              <input
                type="checkbox"
                checked={z.state === 'lost'}
                ref={(el) => {
                  if (el) el.indeterminate = z.state === 'partly';
                }}
                onChange={() => {
                  const next = toggleZone(failed, z);
                  dispatch({ type: 'set-failed', keys: next });
                  setMessage(z.state === 'lost' ? `Zone ${z.zone} is back.` : `Lost zone ${z.zone}: ${plural(z.nodes.length, 'node')} failed.`);
                }}
              />
              Lose zone {z.zone} ({plural(z.nodes.length, 'node')})
            </label>
          ))}
        </fieldset>
      )}

      {plan.clusters.length === 0 && !docker && <p className="ck-muted">The plan has no cluster to fail.</p>}
      {plan.clusters.map((c, i) => {
        const outcome = result.clusters.find((o) => o.cluster === c.name);
        const parts = failableParts(c);
        const zoned = c.nodes.some((n) => n.zone !== undefined);
        return (
          <div className="ck-group" key={`${i}-${c.name}`}>
            <h3>{heading(outcome, c.name)}</h3>
            {parts.length > 0 && (
              <div className="ck-row">
                {parts.map((p) => (
                  <label key={p} className="ck-check">
                    <input
                      type="checkbox"
                      checked={failed.includes(partKey(c.name, p))}
                      onChange={() => dispatch({ type: 'toggle-failed', key: partKey(c.name, p) })}
                    />
                    Fail the {PART_LABEL[p]}
                    <SrOnly> of cluster {c.name}</SrOnly>
                  </label>
                ))}
              </div>
            )}
            {outcome && <Outcome outcome={outcome} />}
            <div className="ck-row">
              <button type="button" className="ck-button" onClick={() => breakCluster(c.name)}>
                Smallest failure that breaks<SrOnly> cluster</SrOnly> {c.name}
              </button>
              {zoned && (
                <button type="button" className="ck-button" onClick={() => breakByZones(c.name)}>
                  Fewest zones that break<SrOnly> cluster</SrOnly> {c.name}
                </button>
              )}
            </div>
          </div>
        );
      })}
    </section>
  );
}
