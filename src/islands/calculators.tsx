// The three small calculators, built into the page as static HTML: the guidance's own table is
// always there, with or without JavaScript. A small script (calculators-client.ts, loaded by
// Calculator.astro) then shows the fields under the table and fills in the result and the rules'
// findings. No React runs in the browser on these pages, which keeps them light.
import { useId, type ReactNode } from 'react';
import type { Severity as SeverityKind } from '../rules/report.ts';
import { Severity } from './checker/Icons.tsx';
import './checker.css';
import './calculators.css';

export type CalculatorKind = 'etcd' | 'load-balancer' | 'authorized-endpoint';

const SEVERITIES: SeverityKind[] = ['error', 'warning', 'info'];

/**
 * The calculator's frame: a heading, the static table, and the fields and results the script
 * reveals (hidden until then). The heading becomes `liveTitle` once the calculator runs.
 */
export function CalculatorFrame({
  kind,
  title,
  liveTitle,
  table,
  children,
}: {
  kind: CalculatorKind;
  title: string;
  liveTitle: string;
  table: ReactNode;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="calc not-content" aria-labelledby={id} data-calc={kind} data-live-title={liveTitle}>
      <h3 id={id}>{title}</h3>
      {table}
      <div className="calc-live" hidden>
        {children}
        <div className="calc-findings" aria-live="polite" data-out="findings" />
      </div>
      {/* The severity marks the script copies into findings: the checker's own icons and words. */}
      {SEVERITIES.map((s) => (
        <template key={s} data-severity={s}>
          <Severity severity={s} />
        </template>
      ))}
    </section>
  );
}

/** A whole-number field; the script checks it against min and max and says what is wrong. */
export function NumberField({ label, name, value, min, max }: { label: string; name: string; value: number; min: number; max: number }) {
  const id = useId();
  return (
    <label className="ck-field">
      <span className="ck-label">{label}</span>
      <input type="number" name={name} min={min} max={max} step={1} defaultValue={value} aria-describedby={`${id}-error`} />
      <span className="calc-error" id={`${id}-error`} data-error-for={name} hidden />
    </label>
  );
}

export function TextField({ label, name, value, placeholder }: { label: string; name: string; value: string; placeholder?: string }) {
  const id = useId();
  return (
    <label className="ck-field">
      <span className="ck-label">{label}</span>
      <input type="text" name={name} defaultValue={value} placeholder={placeholder} spellCheck={false} autoComplete="off" aria-describedby={`${id}-error`} />
      <span className="calc-error" id={`${id}-error`} data-error-for={name} hidden />
    </label>
  );
}

export function SelectField({ label, name, value, options }: { label: string; name: string; value: string; options: [string, string][] }) {
  return (
    <label className="ck-field">
      <span className="ck-label">{label}</span>
      <select name={name} defaultValue={value}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

export function CheckField({ label, name, checked }: { label: string; name: string; checked: boolean }) {
  return (
    <label className="ck-check">
      <input type="checkbox" name={name} defaultChecked={checked} />
      {label}
    </label>
  );
}
