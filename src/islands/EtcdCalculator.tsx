// etcd members → quorum and failures tolerated, with the lesson that an even count buys nothing.
// The arithmetic and the findings come from src/rules.
import { useState } from 'react';
import { checkPlan } from '../rules/check.ts';
import type { Plan } from '../rules/plan.ts';
import { etcdQuorum, failuresTolerated } from '../rules/quorum.ts';
import { CalculatorFindings, CalculatorFrame, NumberField, useMounted } from './calculators.tsx';
import { plural } from './checker/summary.ts';

const MAX_MEMBERS = 15;

/** A downstream RKE cluster with `members` etcd nodes, two controlplane nodes and a worker. */
export function etcdPlan(members: number): Plan {
  const node = (name: string, role: 'etcd' | 'controlplane' | 'worker') => ({ name, roles: [role] });
  return {
    clusters: [
      {
        name: 'downstream',
        distribution: 'rke',
        userWorkloads: true,
        nodes: [
          ...Array.from({ length: members }, (_, i) => node(`etcd-${i + 1}`, 'etcd')),
          node('cp-1', 'controlplane'),
          node('cp-2', 'controlplane'),
          node('worker-1', 'worker'),
        ],
      },
    ],
  };
}

function QuorumTable({ highlight }: { highlight?: number }) {
  return (
    <table>
      <caption className="ck-sr">etcd members, votes needed and failures survived</caption>
      <thead>
        <tr>
          <th scope="col">Members</th>
          <th scope="col">Quorum</th>
          <th scope="col">Failures tolerated</th>
        </tr>
      </thead>
      <tbody>
        {[1, 2, 3, 4, 5, 6, 7].map((n) => (
          <tr key={n} aria-current={n === highlight ? 'true' : undefined} className={n === highlight ? 'calc-current' : undefined}>
            <th scope="row">{n}</th>
            <td>{etcdQuorum(n)}</td>
            <td>{failuresTolerated(n)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export default function EtcdCalculator({ initial = 3 }: { initial?: number }) {
  const mounted = useMounted();
  const [members, setMembers] = useState(initial);
  if (!mounted)
    return (
      <CalculatorFrame title="etcd quorum">
        <QuorumTable />
      </CalculatorFrame>
    );
  const quorum = etcdQuorum(members);
  const tolerated = failuresTolerated(members);
  const findings = checkPlan(etcdPlan(members)).findings.filter((f) => f.rule.startsWith('etcd-') || f.rule === 'downstream-three-etcd');
  return (
    <CalculatorFrame title="etcd quorum calculator">
      <div className="ck-fields">
        <NumberField label="etcd members" value={members} min={0} max={MAX_MEMBERS} onChange={setMembers} />
      </div>
      <p className="calc-result" aria-live="polite" aria-atomic="true">
        {members === 0
          ? 'With no etcd member there is no datastore at all.'
          : `${plural(members, 'member')}: quorum is ${quorum}, so the cluster survives ${plural(tolerated, 'failed member')}.`}
      </p>
      {members > 0 && members % 2 === 0 && (
        <p className="calc-lesson">
          An even count gains nothing: {members} members tolerate {plural(tolerated, 'failure')}, exactly as {members - 1} do, yet need one more vote for quorum
          and one more machine that can fail. Use {members - 1} or {members + 1}.
        </p>
      )}
      <CalculatorFindings findings={findings} none="No etcd finding: this member count follows the guidance." />
    </CalculatorFrame>
  );
}
