// The form under a cluster's node table: add N nodes with the roles chosen, and optionally a first
// address that the new nodes take in turn (each the next address after the one before).
import { useId, useState, type Dispatch } from 'react';
import type { Cluster, NodeRole } from '../../rules/plan.ts';
import { ROLE_TEXT } from '../../rules/vocabulary.ts';
import { MAX_BULK_NODES, rolesFor, type Action } from './state.ts';
import { SrOnly } from './SrOnly.tsx';
import { checkCount, checkFirstAddress, roomForNodes } from './validation.ts';

export function BulkAdd({
  cluster,
  clusterIndex,
  planNodes,
  countId,
  dispatch,
}: {
  cluster: Cluster;
  clusterIndex: number;
  planNodes: number;
  /** The id of the first field, where the node table's skip link lands. */
  countId: string;
  dispatch: Dispatch<Action>;
}) {
  const roles = rolesFor(cluster);
  const id = useId();
  const [count, setCount] = useState('1');
  const [first, setFirst] = useState('');
  const [chosen, setChosen] = useState<NodeRole[]>([roles.includes('worker') ? 'worker' : 'agent']);
  const valid = chosen.filter((r) => roles.includes(r));
  const verdict = checkCount(count, roomForNodes(cluster.nodes.length, planNodes), MAX_BULK_NODES);
  const taken = new Set(cluster.nodes.flatMap((node) => (node.address === undefined ? [] : [node.address])));
  const addresses = checkFirstAddress(first, verdict.ok ? verdict.value : 1, taken);
  const n = verdict.ok && addresses.ok ? verdict.value : undefined;
  return (
    <form
      className="ck-bulk"
      aria-labelledby={`${id}-legend`}
      onSubmit={(e) => {
        e.preventDefault();
        if (n !== undefined && addresses.ok) dispatch({ type: 'add-nodes', cluster: clusterIndex, count: n, roles: valid, addresses: addresses.value });
      }}
    >
      <span id={`${id}-legend`} className="ck-label">
        Add nodes to {cluster.name}
      </span>
      <span className={`ck-field ck-count${verdict.ok ? '' : ' is-invalid'}`}>
        <label className="ck-label" htmlFor={countId}>
          How many
        </label>
        <input
          id={countId}
          type="text"
          inputMode="numeric"
          value={count}
          onChange={(e) => setCount(e.currentTarget.value)}
          aria-invalid={verdict.ok ? undefined : true}
          aria-describedby={verdict.ok ? undefined : `${id}-problem`}
        />
      </span>
      <span className={`ck-field ck-first-address${addresses.ok ? '' : ' is-invalid'}`}>
        <label className="ck-label" htmlFor={`${id}-address`}>
          First address
        </label>
        <input
          id={`${id}-address`}
          type="text"
          value={first}
          placeholder="none, or 10.0.0.10"
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setFirst(e.currentTarget.value)}
          aria-invalid={addresses.ok ? undefined : true}
          aria-describedby={addresses.ok ? `${id}-address-hint` : `${id}-address-problem`}
        />
        <span id={`${id}-address-hint`} className="ck-sr">
          Optional: the new nodes take this address and the ones after it.
        </span>
      </span>
      <span className="ck-roles" role="group" aria-label="Roles for the new nodes">
        {roles.map((role) => (
          <label key={role} className="ck-check">
            <input
              type="checkbox"
              checked={valid.includes(role)}
              onChange={() => setChosen(valid.includes(role) ? valid.filter((r) => r !== role) : [...valid, role])}
            />
            {ROLE_TEXT[role].name}
            <SrOnly> for new nodes</SrOnly>
          </label>
        ))}
      </span>
      <button type="submit" className="ck-button" disabled={n === undefined}>
        Add {n ?? ''} {n === 1 ? 'node' : 'nodes'}
      </button>
      {!verdict.ok && (
        <span id={`${id}-problem`} className="ck-problem ck-wide">
          {verdict.problem}
        </span>
      )}
      {!addresses.ok && (
        <span id={`${id}-address-problem`} className="ck-problem ck-wide">
          {addresses.problem}
        </span>
      )}
    </form>
  );
}
