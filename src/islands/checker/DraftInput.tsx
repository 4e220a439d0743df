// A text field that edits a draft and commits it on Enter or when focus leaves, so a plan never
// holds a half-typed name (renames also rewrite load-balancer targets and failed marks).
import { useState, type ReactNode } from 'react';

export function DraftInput({
  label,
  value,
  onCommit,
  placeholder,
  inputMode,
  className,
  hint,
}: {
  label: ReactNode;
  value: string;
  onCommit: (value: string) => void;
  placeholder?: string;
  inputMode?: 'text' | 'numeric' | 'decimal';
  className?: string;
  hint?: string;
}) {
  const [draft, setDraft] = useState(value);
  // When the plan's value changes from elsewhere (undo, a preset), the draft follows it.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value);
  }
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  return (
    <label className={className ?? 'ck-field'}>
      <span className="ck-label">{label}</span>
      <input
        type="text"
        value={draft}
        placeholder={placeholder}
        inputMode={inputMode}
        spellCheck={false}
        autoComplete="off"
        title={hint}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            commit();
          } else if (e.key === 'Escape') setDraft(value);
        }}
      />
    </label>
  );
}

/** Text only screen readers hear (keeps visible labels short and repeated labels distinct). */
export function SrOnly({ children }: { children: ReactNode }) {
  return <span className="ck-sr">{children}</span>;
}
