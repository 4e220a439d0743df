// The frame every calculator island shares: mount gating (the static fallback shows until the
// island runs, and always without JavaScript), the titled region and a numeric field. Kept apart
// from the findings list so calculators that show no findings do not load the rule catalogue.
import { useId, useState, useSyncExternalStore, type ReactNode } from 'react';
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
