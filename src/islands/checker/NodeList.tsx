// One cluster's nodes as a table — name, one column per role, fail, address, zone, the machine pool (when the file declared pools), the role taint RKE
// or Rancher gives the node, remove (the
// checkboxes come first so they are in view on a phone, where the table scrolls sideways) — plus
// the bulk "add N nodes with these roles" form (BulkAdd.tsx). Large clusters show a page of rows at a time with a
// filter, so the page keeps a few hundred controls at most whatever the plan's size (the Tab order
// stays short and a role toggle re-renders one row). Rows are memoised for the same reason.
import { memo, useId, useMemo, useState, type Dispatch } from 'react';
import type { Cluster, NodeRole, PlanNode } from '../../rules/plan.ts';
import { roleTaintLabel } from '../../rules/taints.ts';
import { ROLE_TEXT } from '../../rules/vocabulary.ts';
import { nodeKey } from '../../rules/keys.ts';
import { rolesFor, type Action } from './state.ts';
import { SrOnly } from './SrOnly.tsx';
import { ValidatedInput } from './ValidatedInput.tsx';
import { BulkAdd } from './BulkAdd.tsx';
import { checkAddress, checkName, checkZone } from './validation.ts';

/** Rows shown at once; more than this and the table pages. */
export const PAGE_SIZE = 50;

const text = (v: string | undefined) => v ?? '';

const NodeRow = memo(function NodeRow({
  clusterIndex,
  index,
  node,
  roles,
  failed,
  failKey,
  names,
  rowIndex,
  taintShort,
  taintFull,
  showPool,
  dispatch,
}: {
  clusterIndex: number;
  index: number;
  node: PlanNode;
  roles: readonly NodeRole[];
  /** The taints RKE or Rancher give the node for its roles, short and in full (strings, so the memoised row stays put); absent when they document none. */
  taintShort?: string;
  taintFull?: string;
  /** The cluster came from machine pools (a Terraform module, a provisioning Cluster): show each node's pool. */
  showPool: boolean;
  failed: boolean;
  failKey: string;
  /** The names of the cluster's nodes, for the uniqueness check (this node's own is skipped). */
  names: ReadonlySet<string>;
  /** Position among all rows when the table shows one page of them (aria-rowindex). */
  rowIndex?: number;
  dispatch: Dispatch<Action>;
}) {
  return (
    <tr className={failed ? 'is-failed' : undefined} aria-rowindex={rowIndex}>
      <th scope="row" className="ck-cell-name">
        <ValidatedInput
          label={`Name of node ${index + 1}`}
          labelHidden
          className="ck-cell-field"
          value={node.name}
          check={(t) =>
            checkName(
              t,
              [...names].filter((n) => n !== node.name),
            )
          }
          onApply={(name) => dispatch({ type: 'rename-node', cluster: clusterIndex, node: index, name })}
        />
      </th>
      {roles.map((role) => (
        <td key={role} className="ck-cell-check">
          <label className="ck-check">
            <input
              type="checkbox"
              checked={node.roles.includes(role)}
              onChange={() => dispatch({ type: 'toggle-role', cluster: clusterIndex, node: index, role })}
            />
            <SrOnly>
              {ROLE_TEXT[role].name} role of {node.name}
            </SrOnly>
          </label>
        </td>
      ))}
      <td className="ck-cell-check">
        <label className="ck-check">
          <input type="checkbox" checked={failed} onChange={() => dispatch({ type: 'toggle-failed', key: failKey })} />
          <SrOnly>Fail {node.name}</SrOnly>
        </label>
      </td>
      <td>
        <ValidatedInput
          label={`Address of ${node.name}`}
          labelHidden
          className="ck-cell-field"
          placeholder="none"
          value={text(node.address)}
          check={checkAddress}
          format={text}
          onApply={(address) => dispatch({ type: 'set-address', cluster: clusterIndex, node: index, address })}
        />
      </td>
      <td>
        <ValidatedInput
          label={`Zone of ${node.name}`}
          labelHidden
          className="ck-cell-field ck-cell-zone"
          placeholder="none"
          value={text(node.zone)}
          check={checkZone}
          format={text}
          onApply={(zone) => dispatch({ type: 'set-zone', cluster: clusterIndex, node: index, zone })}
        />
      </td>
      {showPool && (
        <td className="ck-cell-pool">
          {node.pool ?? (
            <>
              <span aria-hidden="true">—</span>
              <SrOnly>none</SrOnly>
            </>
          )}
        </td>
      )}
      <td className="ck-cell-taint">
        {taintShort === undefined ? (
          <>
            <span aria-hidden="true">—</span>
            <SrOnly>none documented</SrOnly>
          </>
        ) : (
          <span title={taintFull}>{taintShort}</span>
        )}
      </td>
      <td className="ck-cell-action">
        <button
          type="button"
          className="ck-button ck-small ck-icon-button"
          onClick={() => dispatch({ type: 'remove-node', cluster: clusterIndex, node: index })}
        >
          <span aria-hidden="true">✕</span>
          <SrOnly>Remove {node.name}</SrOnly>
        </button>
      </td>
    </tr>
  );
});

function matches(node: PlanNode, query: string): boolean {
  const q = query.trim().toLowerCase();
  return !q || node.name.toLowerCase().includes(q) || (node.address ?? '').toLowerCase().includes(q) || (node.zone ?? '').toLowerCase().includes(q);
}

export function NodeList({
  cluster,
  clusterIndex,
  planNodes,
  failedSet,
  findingsId,
  dispatch,
}: {
  cluster: Cluster;
  clusterIndex: number;
  /** Nodes in the whole plan, for the limit on adding. */
  planNodes: number;
  failedSet: ReadonlySet<string>;
  /** Where the skip link goes. */
  findingsId: string;
  dispatch: Dispatch<Action>;
}) {
  const id = useId();
  const roles = rolesFor(cluster);
  const [page, setPage] = useState(0);
  const [query, setQuery] = useState('');
  // One set per list of names (not per plan change), so a role toggle re-renders only its row.
  const namesKey = cluster.nodes.map((n) => n.name).join('\n');
  const names = useMemo(() => new Set(namesKey.split('\n')), [namesKey]);

  const showPool = cluster.nodes.some((n) => n.pool !== undefined);
  const paged = cluster.nodes.length > PAGE_SIZE;
  const rows = cluster.nodes.map((node, index) => ({ node, index })).filter((r) => !paged || matches(r.node, query));
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  const visible = paged ? rows.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE) : rows;
  const headingId = `${id}-nodes`;

  return (
    <div className="ck-nodes-block">
      <div className="ck-nodes-head">
        <h4 id={headingId}>Nodes ({cluster.nodes.length})</h4>
        <a className="ck-skip" href={`#${findingsId}`}>
          Skip to findings
        </a>
        {/* Each row holds several controls: past a handful of nodes the add form is many Tabs away. */}
        {cluster.nodes.length > 0 && (
          <a className="ck-skip" href={`#${id}-add`}>
            Skip to adding nodes<SrOnly> to {cluster.name}</SrOnly>
          </a>
        )}
      </div>
      {paged && (
        <div className="ck-pager" role="group" aria-label={`Pages of nodes in ${cluster.name}`}>
          <label className="ck-field ck-filter">
            <span className="ck-label">Find a node</span>
            <input
              type="search"
              value={query}
              placeholder="name, address or zone"
              onChange={(e) => {
                setQuery(e.currentTarget.value);
                setPage(0);
              }}
            />
          </label>
          <span className="ck-pages">
            <button type="button" className="ck-button ck-small" disabled={current === 0} onClick={() => setPage(current - 1)}>
              Previous<SrOnly> page of nodes</SrOnly>
            </button>
            <span aria-live="polite">
              {rows.length === 0
                ? 'No node matches.'
                : `Rows ${(current * PAGE_SIZE + 1).toLocaleString('en')}–${Math.min(rows.length, (current + 1) * PAGE_SIZE).toLocaleString('en')} of ${rows.length.toLocaleString('en')}`}
            </span>
            <button type="button" className="ck-button ck-small" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
              Next<SrOnly> page of nodes</SrOnly>
            </button>
          </span>
        </div>
      )}
      {cluster.nodes.length === 0 ? (
        <p className="ck-muted">No nodes yet: add some below.</p>
      ) : (
        <div className="ck-table-scroll">
          <table className="ck-table" aria-labelledby={headingId} aria-rowcount={paged ? rows.length + 2 : undefined}>
            <thead>
              <tr aria-rowindex={paged ? 1 : undefined}>
                <th scope="col" rowSpan={2}>
                  Name
                </th>
                <th scope="colgroup" colSpan={roles.length}>
                  Roles
                </th>
                <th scope="col" rowSpan={2}>
                  Fail
                </th>
                <th scope="col" rowSpan={2}>
                  Address
                </th>
                <th scope="col" rowSpan={2}>
                  Zone
                </th>
                {showPool && (
                  <th scope="col" rowSpan={2}>
                    Pool
                  </th>
                )}
                <th scope="col" rowSpan={2}>
                  Role taint
                </th>
                <th scope="col" rowSpan={2}>
                  <SrOnly>Remove</SrOnly>
                </th>
              </tr>
              <tr aria-rowindex={paged ? 2 : undefined}>
                {roles.map((role) => (
                  <th key={role} scope="col" className="ck-role-head">
                    {ROLE_TEXT[role].header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {visible.map(({ node, index }, i) => {
                const key = nodeKey(cluster.name, node.name);
                const taint = roleTaintLabel(cluster.distribution, node.roles);
                return (
                  <NodeRow
                    key={index}
                    clusterIndex={clusterIndex}
                    index={index}
                    node={node}
                    roles={roles}
                    failed={failedSet.has(key)}
                    failKey={key}
                    names={names}
                    rowIndex={paged ? current * PAGE_SIZE + i + 3 : undefined}
                    taintShort={taint?.short}
                    taintFull={taint?.full}
                    showPool={showPool}
                    dispatch={dispatch}
                  />
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <BulkAdd cluster={cluster} clusterIndex={clusterIndex} planNodes={planNodes} countId={`${id}-add`} dispatch={dispatch} />
    </div>
  );
}
