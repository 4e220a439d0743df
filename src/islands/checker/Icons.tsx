// Severity shown by shape and word, never colour alone. Icons are decorative: the word carries it.
import type { Severity } from '../../rules/report.ts';

export const SEVERITY_WORD: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };

export function SeverityIcon({ severity }: { severity: Severity }) {
  return (
    <svg className={`ck-icon ck-icon-${severity}`} viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      {severity === 'error' && <path d="M4.5 3 8 6.5 11.5 3 13 4.5 9.5 8 13 11.5 11.5 13 8 9.5 4.5 13 3 11.5 6.5 8 3 4.5z" />}
      {severity === 'warning' && <path d="M8 1 15.5 14.5H.5zM7 6v4.5h2V6zm0 5.5v2h2v-2z" fillRule="evenodd" />}
      {severity === 'info' && <path d="M8 .5a7.5 7.5 0 1 1 0 15 7.5 7.5 0 0 1 0-15zM7 7v6h2V7zm0-3.5v2h2v-2z" fillRule="evenodd" />}
    </svg>
  );
}

export function Severity({ severity }: { severity: Severity }) {
  return (
    <span className={`ck-sev ck-sev-${severity}`}>
      <SeverityIcon severity={severity} />
      {SEVERITY_WORD[severity]}
    </span>
  );
}

export function YesNo({ ok, yes, no }: { ok: boolean; yes: string; no: string }) {
  return (
    <span className={ok ? 'ck-ok' : 'ck-bad'}>
      <span aria-hidden="true">{ok ? '✓ ' : '✗ '}</span>
      {ok ? yes : no}
    </span>
  );
}
