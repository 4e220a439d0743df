// A text field of the editor. Every field applies the same way: as you type, each value that
// passes its check (validation.ts) goes into the plan; a value that does not stays in the field
// with the reason beside it, `aria-invalid`, and the value the plan still holds — so the field
// never silently disagrees with the plan. Escape puts the plan's value back. When the plan changes
// from elsewhere (undo, a preset, an import) the field shows the new value.
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Verdict } from './validation.ts';

export interface ValidatedInputProps<T> {
  label: ReactNode;
  /** The plan's value, as text. */
  value: string;
  check: (text: string) => Verdict<T>;
  /** Called with each valid value that differs from the plan's. */
  onApply: (value: T) => void;
  /** How a valid value reads in the field once focus leaves (trimmed, "v2.4" → "2.4"). */
  format?: (value: T) => string;
  placeholder?: string;
  hint?: string;
  className?: string;
  inputClassName?: string;
  inputMode?: 'text' | 'numeric' | 'decimal';
  /** Hide the label visually (table cells, where the column header says it). */
  labelHidden?: boolean;
}

const isUndoKey = (e: KeyboardEvent) => (e.ctrlKey || e.metaKey) && (e.key === 'z' || e.key === 'Z' || e.key === 'y');

export function ValidatedInput<T>({
  label,
  value,
  check,
  onApply,
  format,
  placeholder,
  hint,
  className,
  inputClassName,
  inputMode,
  labelHidden,
}: ValidatedInputProps<T>) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [problem, setProblem] = useState<string | undefined>();
  const [shown, setShown] = useState(value);
  // The last value this field put into the plan: when it comes back as the plan's value, the
  // reader's own text (say "v2.4" for 2.4, or a trailing space) stays as typed.
  const [applied, setApplied] = useState<string | undefined>(undefined);
  if (shown !== value) {
    setShown(value);
    if (value !== applied) {
      setDraft(value);
      setProblem(undefined);
    }
    setApplied(undefined);
  }

  const change = (text: string) => {
    setDraft(text);
    const verdict = check(text);
    if (!verdict.ok) {
      setProblem(verdict.problem);
      return;
    }
    setProblem(undefined);
    const next = format ? format(verdict.value) : String(verdict.value ?? '');
    if (next === value) return;
    setApplied(next);
    onApply(verdict.value);
  };

  const settle = () => {
    if (problem) return;
    if (draft !== value) setDraft(value);
  };

  const problemId = `${id}-problem`;
  const hintId = `${id}-hint`;
  const describedBy = [problem ? problemId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`${className ?? 'ck-field'}${problem ? ' is-invalid' : ''}`}>
      <label htmlFor={id} className={labelHidden ? 'ck-sr' : 'ck-label'}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        className={inputClassName}
        value={draft}
        placeholder={placeholder}
        inputMode={inputMode}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => change(e.currentTarget.value)}
        onBlur={settle}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && (problem || draft !== value)) {
            e.preventDefault();
            setDraft(value);
            setProblem(undefined);
          } else if (e.key === 'Enter') {
            e.preventDefault();
            settle();
          } else if (problem && isUndoKey(e)) {
            // Text the plan never took: the browser's own undo in the field, not the plan's.
            e.stopPropagation();
          }
        }}
      />
      {hint && (
        <span id={hintId} className="ck-hint">
          {hint}
        </span>
      )}
      {problem && (
        <span id={problemId} className="ck-problem">
          {problem} {value === '' ? 'The plan keeps this field empty.' : `The plan keeps “${value}”.`}
        </span>
      )}
    </div>
  );
}
