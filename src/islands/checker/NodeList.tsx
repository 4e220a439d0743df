// One cluster's nodes: name, address, role toggles, the failure checkbox, remove; plus the bulk
// "add N nodes with these roles" form. Rows are memoised so a toggle re-renders one row.
import { memo, useId, useState, type Dispatch } from 'react';
import type { Cluster, NodeRole, PlanNode } from '../../rules/plan.ts';
import { MAX_BULK_NODES, rolesFor, type Action } from './state.ts';
import { DraftInput, SrOnly } from './DraftInput.tsx';

export const ROLE_NAME: Record<NodeRole, string> = { etcd: 'etcd', controlplane: 'controlplane', worker: 'worker', server: 'server', agent: 'agent' };

const NodeRow = memo(function NodeRow({
  clusterIndex,
  index,
  node,
  roles,
  failed,
  dispatch,
  failKey,
}: {
  clusterIndex: number;
  index: number;
  node: PlanNode;
  roles: readonly NodeRole[];
  failed: boolean;
  failKey: string;
  dispatch: Dispatch<Action>;
}) {
  return (
    <li className={`ck-node${failed ? ' is-failed' : ''}`}>
      <DraftInput
        className="ck-field ck-node-name"
        label={<SrOnly>Name of node {index + 1}</SrOnly>}
        value={node.name}
        onCommit={(name) => dispatch({ type: 'rename-node', cluster: clusterIndex, node: index, name })}
      />
      <DraftInput
        className="ck-field ck-node-address"
        label={<SrOnly>Address of {node.name}</SrOnly>}
        placeholder="address"
        value={node.address ?? ''}
        onCommit={(address) => dispatch({ type: 'set-address', cluster: clusterIndex, node: index, address })}
      />
      <span className="ck-roles">
        {roles.map((role) => (
          <label key={role} className="ck-check ck-role">
            <input
              type="checkbox"
              checked={node.roles.includes(role)}
              onChange={() => dispatch({ type: 'toggle-role', cluster: clusterIndex, node: index, role })}
            />
            {ROLE_NAME[role]}
            <SrOnly> role of {node.name}</SrOnly>
          </label>
        ))}
      </span>
      <label className="ck-check ck-fail">
        <input type="checkbox" checked={failed} onChange={() => dispatch({ type: 'toggle-failed', key: failKey })} />
        Fail<SrOnly> {node.name}</SrOnly>
      </label>
      <button type="button" className="ck-button ck-small" onClick={() => dispatch({ type: 'remove-node', cluster: clusterIndex, node: index })}>
        Remove<SrOnly> {node.name}</SrOnly>
      </button>
    </li>
  );
});

export function NodeList({
  cluster,
  clusterIndex,
  failedSet,
  dispatch,
}: {
  cluster: Cluster;
  clusterIndex: number;
  failedSet: ReadonlySet<string>;
  dispatch: Dispatch<Action>;
}) {
  const roles = rolesFor(cluster);
  return (
    <>
      {cluster.nodes.length === 0 ? (
        <p className="ck-muted">No nodes yet: add some below.</p>
      ) : (
        <ul className="ck-nodes" aria-label={`Nodes of ${cluster.name}`}>
          {cluster.nodes.map((node, i) => {
            const key = `${cluster.name}/${node.name}`;
            return (
              <NodeRow key={i} clusterIndex={clusterIndex} index={i} node={node} roles={roles} failed={failedSet.has(key)} failKey={key} dispatch={dispatch} />
            );
          })}
        </ul>
      )}
      <BulkAdd cluster={cluster} clusterIndex={clusterIndex} dispatch={dispatch} />
    </>
  );
}

function BulkAdd({ cluster, clusterIndex, dispatch }: { cluster: Cluster; clusterIndex: number; dispatch: Dispatch<Action> }) {
  const roles = rolesFor(cluster);
  const id = useId();
  const [count, setCount] = useState('1');
  const [chosen, setChosen] = useState<NodeRole[]>([roles.includes('worker') ? 'worker' : 'agent']);
  const valid = chosen.filter((r) => roles.includes(r));
  const n = Number(count);
  const ok = Number.isInteger(n) && n >= 1 && n <= MAX_BULK_NODES;
  return (
    <form
      className="ck-bulk"
      aria-labelledby={`${id}-legend`}
      onSubmit={(e) => {
        e.preventDefault();
        if (ok) dispatch({ type: 'add-nodes', cluster: clusterIndex, count: n, roles: valid });
      }}
    >
      <span id={`${id}-legend`} className="ck-label">
        Add nodes to {cluster.name}
      </span>
      <label className="ck-field ck-count">
        <span className="ck-label">How many</span>
        <input type="number" min={1} max={MAX_BULK_NODES} value={count} onChange={(e) => setCount(e.target.value)} aria-invalid={!ok} />
      </label>
      <span className="ck-roles" role="group" aria-label="Roles for the new nodes">
        {roles.map((role) => (
          <label key={role} className="ck-check">
            <input
              type="checkbox"
              checked={valid.includes(role)}
              onChange={() => setChosen(valid.includes(role) ? valid.filter((r) => r !== role) : [...valid, role])}
            />
            {ROLE_NAME[role]}
            <SrOnly> for new nodes</SrOnly>
          </label>
        ))}
      </span>
      <button type="submit" className="ck-button" disabled={!ok}>
        Add {ok ? n : ''} {n === 1 ? 'node' : 'nodes'}
      </button>
    </form>
  );
}
