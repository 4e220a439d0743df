// etcd members → quorum and failures tolerated, with the lesson that an even count buys nothing.
// Static HTML: the 1–7 table always shows; calculators-client.ts adds the member field, marks the
// matching row and lists the rules' findings. The arithmetic comes from src/rules.
import { etcdQuorum, failuresTolerated } from '../rules/quorum.ts';
import { MAX_MEMBERS } from './calculator-plans.ts';
import { CalculatorFrame, NumberField } from './calculators.tsx';

function QuorumTable() {
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
          <tr key={n} data-members={n}>
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
  return (
    <CalculatorFrame kind="etcd" title="etcd quorum" liveTitle="etcd quorum calculator" table={<QuorumTable />}>
      <div className="ck-fields">
        <NumberField label="etcd members" name="members" value={initial} min={0} max={MAX_MEMBERS} />
      </div>
      <p className="calc-result" aria-live="polite" aria-atomic="true" data-out="result" />
      <p className="calc-lesson" data-out="lesson" hidden />
    </CalculatorFrame>
  );
}
