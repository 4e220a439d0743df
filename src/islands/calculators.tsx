// Shared parts of the three small calculators: mount gating (their static fallback shows until
// the island runs, and always without JavaScript), a numeric field and a findings list.
import { useId, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Finding } from '../rules/report.ts';
import { FindingItem } from './checker/FindingsList.tsx';
import './checker.css';

/** False on the server and during hydration, true once the island runs in the browser. */
const noSubscription = () => () => undefined;

export function useMounted(): boolean {
  // The server snapshot is false and the client's true, so the server renders the fallback and the
  // browser switches without an effect. The client snapshot also asks for a document: Preact's
  // version of this hook (the site runs on Preact, see astro.config.mjs) renders on the server
  // with the client snapshot.
  return useSyncExternalStore(
    noSubscription,
    () => typeof document !== 'undefined',
    () => false,
  );
}

export function CalculatorFrame({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="calc not-content" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

export function NumberField({ label, value, min, max, onChange }: { label: string; value: number; min: number; max: number; onChange: (n: number) => void }) {
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setText(String(value));
  }
  return (
    <label className="ck-field">
      <span className="ck-label">{label}</span>
      <input
        type="number"
        min={min}
        max={max}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value);
          if (e.target.value !== '' && Number.isInteger(n) && n >= min && n <= max) onChange(n);
        }}
      />
    </label>
  );
}

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
