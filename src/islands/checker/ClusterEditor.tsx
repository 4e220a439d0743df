// Everything about one cluster: name, distribution, hosting, datastore, user workloads, its load
// balancer and authorized endpoint, and its nodes.
import { memo, useId, useState, type Dispatch } from 'react';
import { type Cluster, type Datastore, type Distribution, DISTRIBUTION_LABEL, DISTRIBUTIONS, type Hosting, HOSTINGS } from '../../rules/vocabulary.ts';
import type { Action } from './state.ts';
import { SrOnly } from './SrOnly.tsx';
import { ValidatedInput } from './ValidatedInput.tsx';
import { checkFqdn, checkName } from './validation.ts';
import { NodeList, PAGE_SIZE } from './NodeList.tsx';
import { LoadBalancerFields } from './LoadBalancerFields.tsx';
import { CertificateFields } from './CertificateFields.tsx';

function TargetPicker({ cluster, targets, label, onChange }: { cluster: Cluster; targets: string[]; label: string; onChange: (t: string[]) => void }) {
  const set = new Set(targets);
  const names = new Set(cluster.nodes.map((n) => n.name));
  const unknown = targets.filter((t) => !names.has(t));
  // A large cluster's nodes are listed on request: hundreds of checkboxes would bury the editor.
  const many = cluster.nodes.length > PAGE_SIZE;
  const [open, setOpen] = useState(false);
  const boxes = (
    <>
      {cluster.nodes.map((n) => (
        <label key={n.name} className="ck-check">
          <input
            type="checkbox"
            checked={set.has(n.name)}
            onChange={() => onChange(set.has(n.name) ? targets.filter((t) => t !== n.name) : [...targets, n.name])}
          />
          {n.name}
          <SrOnly> is a target of the {label.toLowerCase().includes('endpoint') ? 'endpoint' : 'load balancer'}</SrOnly>
        </label>
      ))}
    </>
  );
  return (
    <fieldset className="ck-targets">
      <legend>{label}</legend>
      <div className="ck-wrap">
        {many ? (
          <details className="ck-target-list" onToggle={(e) => setOpen(e.currentTarget.open)}>
            <summary>
              {targets.filter((t) => names.has(t)).length} of {cluster.nodes.length} nodes: choose one by one
            </summary>
            {open && <div className="ck-wrap">{boxes}</div>}
          </details>
        ) : (
          boxes
        )}
        {unknown.map((t) => (
          <span key={t} className="ck-muted">
            {t} (not a node of this cluster)
          </span>
        ))}
        <button type="button" className="ck-button ck-small" onClick={() => onChange(cluster.nodes.map((n) => n.name))}>
          All nodes<SrOnly> as targets</SrOnly>
        </button>
        <button type="button" className="ck-button ck-small" onClick={() => onChange([])}>
          None<SrOnly> as targets</SrOnly>
        </button>
      </div>
    </fieldset>
  );
}

type SnapshotChoice = 'unset' | 'local' | 's3' | 'off';

/** Which of the editor's four choices a cluster's snapshots are. */
function snapshotChoice(snapshots: Cluster['etcdSnapshots']): SnapshotChoice {
  if (snapshots === undefined) return 'unset';
  if (snapshots.enabled === false) return 'off';
  return snapshots.offNode === 's3' ? 's3' : 'local';
}

/** The snapshots for a choice, keeping the schedule and retention the plan already states. */
function snapshotsFor(choice: SnapshotChoice, current: Cluster['etcdSnapshots']): Cluster['etcdSnapshots'] {
  if (choice === 'unset') return undefined;
  const { enabled: _enabled, offNode: _offNode, ...kept } = current ?? {};
  if (choice === 'off') return { ...kept, enabled: false };
  return choice === 's3' ? { ...kept, offNode: 's3' } : kept;
}

export function LoadBalancerEditor({ cluster, index, dispatch }: { cluster: Cluster; index: number; dispatch: Dispatch<Action> }) {
  const lb = cluster.loadBalancer;
  const set = (patch: NonNullable<Extract<Action, { type: 'set-load-balancer' }>['patch']>) => dispatch({ type: 'set-load-balancer', cluster: index, patch });
  return (
    <fieldset className="ck-box">
      <legend>Load balancer</legend>
      <label className="ck-check">
        <input type="checkbox" checked={Boolean(lb)} onChange={() => dispatch({ type: 'set-load-balancer', cluster: index, patch: lb ? undefined : {} })} />A
        load balancer fronts this cluster
      </label>
      {lb && (
        <div className="ck-fields">
          <LoadBalancerFields value={lb} onChange={set} />
          <TargetPicker cluster={cluster} targets={lb.targets} label="Load balancer targets" onChange={(targets) => set({ targets })} />
        </div>
      )}
    </fieldset>
  );
}

export function EndpointEditor({ cluster, index, dispatch }: { cluster: Cluster; index: number; dispatch: Dispatch<Action> }) {
  const ace = cluster.authorizedEndpoint;
  const set = (patch: NonNullable<Extract<Action, { type: 'set-endpoint' }>['patch']>) => dispatch({ type: 'set-endpoint', cluster: index, patch });
  return (
    <fieldset className="ck-box">
      <legend>Authorized cluster endpoint</legend>
      <label className="ck-check">
        <input type="checkbox" checked={Boolean(ace)} onChange={() => dispatch({ type: 'set-endpoint', cluster: index, patch: ace ? undefined : {} })} />
        kubectl reaches this cluster directly (authorized endpoint)
      </label>
      {ace && (
        <div className="ck-fields">
          <ValidatedInput
            label="FQDN"
            placeholder="none: one context per node"
            value={ace.fqdn ?? ''}
            check={checkFqdn}
            format={(v) => v ?? ''}
            onApply={(fqdn) => set({ fqdn })}
          />
          <CertificateFields value={ace} onChange={set} />
          <TargetPicker cluster={cluster} targets={ace.targets} label="Endpoint targets" onChange={(targets) => set({ targets })} />
        </div>
      )}
    </fieldset>
  );
}

// Memoised: an edit in one cluster re-renders that cluster's editor only.
export const ClusterEditor = memo(function ClusterEditor({
  cluster,
  index,
  isRancher,
  clusterNames,
  planNodes,
  failedSet,
  findingsId,
  dispatch,
}: {
  cluster: Cluster;
  index: number;
  isRancher: boolean;
  /** Names of every cluster in the plan, for the uniqueness check. */
  clusterNames: readonly string[];
  planNodes: number;
  failedSet: ReadonlySet<string>;
  findingsId: string;
  dispatch: Dispatch<Action>;
}) {
  const id = useId();
  const headingId = `${id}-h`;
  return (
    <section className={`ck-cluster${isRancher ? ' is-rancher' : ''}`} aria-labelledby={headingId}>
      <div className="ck-cluster-head">
        <h3 id={headingId}>
          Cluster {cluster.name}
          {isRancher && (
            <>
              {' '}
              <span className="ck-badge">runs Rancher</span>
            </>
          )}
        </h3>
        <button type="button" className="ck-button ck-small" onClick={() => dispatch({ type: 'remove-cluster', cluster: index })}>
          Remove cluster<SrOnly> {cluster.name}</SrOnly>
        </button>
      </div>
      <div className="ck-fields">
        <ValidatedInput
          label="Cluster name"
          value={cluster.name}
          check={(t) =>
            checkName(
              t,
              clusterNames.filter((n, i) => i !== index),
              'cluster',
            )
          }
          onApply={(name) => dispatch({ type: 'rename-cluster', cluster: index, name })}
        />
        <label className="ck-field">
          <span className="ck-label">Distribution</span>
          <select
            value={cluster.distribution}
            onChange={(e) => dispatch({ type: 'set-distribution', cluster: index, distribution: e.target.value as Distribution })}
          >
            {DISTRIBUTIONS.map((d) => (
              <option key={d} value={d}>
                {DISTRIBUTION_LABEL[d] ?? d}
              </option>
            ))}
          </select>
        </label>
        <label className="ck-field">
          <span className="ck-label">Hosting</span>
          <select
            value={cluster.hosting ?? ''}
            onChange={(e) => dispatch({ type: 'update-cluster', cluster: index, patch: { hosting: (e.target.value || undefined) as Hosting | undefined } })}
          >
            <option value="">not set</option>
            {HOSTINGS.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </label>
        <label className="ck-field">
          <span className="ck-label">Datastore</span>
          {/* Unset and "embedded" mean the same (etcd on the nodes), so they are one choice; choosing
              it leaves the plan without the field, as the reader writes a plan that states none. */}
          <select
            value={cluster.datastore ?? 'embedded'}
            onChange={(e) => {
              const datastore = e.target.value as Datastore;
              dispatch({ type: 'update-cluster', cluster: index, patch: { datastore: datastore === 'embedded' ? undefined : datastore } });
            }}
          >
            <option value="embedded">{cluster.distribution === 'rke' ? 'etcd on the nodes (default)' : 'embedded etcd on the servers (default)'}</option>
            <option value="external">{cluster.distribution === 'rke' ? 'external etcd' : 'external datastore (SQL or etcd)'}</option>
            {(cluster.distribution === 'k3s' || cluster.datastore === 'sqlite') && <option value="sqlite">SQLite on a single server</option>}
          </select>
        </label>
        <label className="ck-field">
          <span className="ck-label">etcd snapshots</span>
          <select
            value={snapshotChoice(cluster.etcdSnapshots)}
            onChange={(e) =>
              dispatch({
                type: 'update-cluster',
                cluster: index,
                patch: { etcdSnapshots: snapshotsFor(e.target.value as SnapshotChoice, cluster.etcdSnapshots) },
              })
            }
          >
            <option value="unset">not stated</option>
            <option value="local">on, kept on the etcd nodes only</option>
            <option value="s3">on, with a copy in S3</option>
            <option value="off">turned off</option>
          </select>
        </label>
        <label className="ck-check">
          <input
            type="checkbox"
            checked={cluster.userWorkloads}
            onChange={() => dispatch({ type: 'update-cluster', cluster: index, patch: { userWorkloads: !cluster.userWorkloads } })}
          />
          Runs your own applications
        </label>
      </div>
      <NodeList cluster={cluster} clusterIndex={index} planNodes={planNodes} failedSet={failedSet} findingsId={findingsId} dispatch={dispatch} />
      <LoadBalancerEditor cluster={cluster} index={index} dispatch={dispatch} />
      <EndpointEditor cluster={cluster} index={index} dispatch={dispatch} />
    </section>
  );
});
