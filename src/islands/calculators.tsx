// Shared parts of the small calculators: the frame, mount gating and numeric field (from
// calculator-frame.tsx) and a findings list.
import type { Finding } from '../rules/report.ts';
import { FindingItem } from './checker/FindingsList.tsx';

export { CalculatorFrame, NumberField, useMounted } from './calculator-frame.tsx';

export function CalculatorFindings({ findings, none }: { findings: Finding[]; none: string }) {
  return (
    <div aria-live="polite">
      {findings.length === 0 ? (
        <p className="calc-result">
          <span aria-hidden="true">✓ </span>
          {none}
        </p>
      ) : (
        <ul className="ck-list">
          {findings.map((f, i) => (
            <FindingItem key={`${f.rule}-${i}`} finding={f} />
          ))}
        </ul>
      )}
    </div>
  );
}
