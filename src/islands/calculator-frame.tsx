// The frame every calculator island shares: mount gating (the static fallback shows until the
// island runs, and always without JavaScript), the titled region and a numeric field. Kept apart
// from the findings list so calculators that show no findings do not load the rule catalogue.
import { useId, useState, useSyncExternalStore, type ReactNode } from 'react';
import './checker.css';

/** False on the server and during hydration, true once the island runs in the browser. */
const noSubscription = () => () => undefined;

export function useMounted(): boolean {
  // React renders the server snapshot at build time and again while hydrating, so the markup
  // matches; then it renders the client snapshot and patches the fallback into the calculator.
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}

/** `level`: 2 where the calculator opens its page, before the page's first section heading; else 3. */
export function CalculatorFrame({ title, level = 3, children }: { title: string; level?: 2 | 3; children: ReactNode }) {
  const id = useId();
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className="calc not-content" aria-labelledby={id}>
      <Heading id={id}>{title}</Heading>
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
