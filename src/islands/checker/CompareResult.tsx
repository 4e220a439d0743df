// The comparison of two plans picked in ComparePanel.tsx: the nodes and roles that differ, then
// the findings only one of them has (compare.ts).
import { useMemo } from 'react';
import { checkPlan } from '../../rules/check.ts';
import type { NodeRole, Plan } from '../../rules/plan.ts';
import type { Finding } from '../../rules/report.ts';
import { NODE_ROLES, ROLE_TEXT } from '../../rules/vocabulary.ts';
import { listNames } from '../../rules/words.ts';
import { FindingItem } from './FindingsList.tsx';
import { plural, summaryLine } from './summary.ts';
import { diffFindings, diffNodes, type NodeDiff } from './compare.ts';

export function CompareResult({ left, right, nameA, nameB, same }: { left: Plan; right: Plan; nameA: string; nameB: string; same: boolean }) {
  const result = useMemo(() => {
    const ra = checkPlan(left);
    const rb = checkPlan(right);
    return { ra, rb, diff: diffFindings(ra.findings, rb.findings), nodes: diffNodes(left, right) };
  }, [left, right]);
  return (
    <div className="ck-compare-result" aria-live="polite">
      <p>
        <strong>A</strong> ({nameA}): {summaryLine(result.ra)}. <strong>B</strong> ({nameB}): {summaryLine(result.rb)}. {plural(result.diff.both, 'finding')} in
        both.
      </p>
      {same ? (
        <p className="ck-muted">Both sides are the same plan.</p>
      ) : (
        <>
          <NodeChanges diff={result.nodes} />
          <OnlyIn side="A" findings={result.diff.onlyA} />
          <OnlyIn side="B" findings={result.diff.onlyB} />
        </>
      )}
    </div>
  );
}

/** The findings only one side has. */
function OnlyIn({ side, findings }: { side: 'A' | 'B'; findings: readonly Finding[] }) {
  return (
    <>
      <h3>
        Only in {side} <span className="ck-muted">({findings.length})</span>
      </h3>
      {findings.length === 0 ? (
        <p className="ck-muted">None.</p>
      ) : (
        <ul className="ck-list">
          {findings.map((f, i) => (
            <FindingItem key={i} finding={f} />
          ))}
        </ul>
      )}
    </>
  );
}

/** Roles in the vocabulary's order, whatever order the node lists them in. */
const roleList = (roles: readonly NodeRole[]) =>
  roles.length === 0
    ? 'no role'
    : NODE_ROLES.filter((r) => roles.includes(r))
        .map((r) => ROLE_TEXT[r].name)
        .join(', ');

/** The nodes and roles that differ, before the findings they lead to. */
function NodeChanges({ diff }: { diff: NodeDiff }) {
  const same = diff.onlyA.length === 0 && diff.onlyB.length === 0 && diff.roles.length === 0;
  return (
    <>
      <h3>Nodes and roles</h3>
      {same ? (
        <p className="ck-muted">The same nodes with the same roles.</p>
      ) : (
        <ul className="ck-list">
          {diff.onlyA.length > 0 && <li>Only in A: {listNames(diff.onlyA, 12)}.</li>}
          {diff.onlyB.length > 0 && <li>Only in B: {listNames(diff.onlyB, 12)}.</li>}
          {diff.roles.slice(0, 12).map((c) => (
            <li key={c.node}>
              {c.node}: {roleList(c.rolesA)} in A, {roleList(c.rolesB)} in B.
            </li>
          ))}
          {diff.roles.length > 12 && <li>Roles differ on {plural(diff.roles.length - 12, 'more node')}.</li>}
        </ul>
      )}
    </>
  );
}
