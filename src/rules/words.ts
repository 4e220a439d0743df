// Small helpers for the words in messages, labels and reports, shared by rules, diagrams, islands
// and the CLI so counts and lists read the same everywhere.

/** "1,500" for large counts; small ones skip Intl, which is slow on hot paths. */
export function count(n: number): string {
  return n >= 1000 ? n.toLocaleString('en') : String(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** "a", "a and b", "a, b and c"; beyond `limit` names, "… and N more". */
export function listNames(names: readonly string[], limit = 8): string {
  const shown = names.slice(0, limit);
  const rest = names.length - shown.length;
  const items = rest > 0 ? [...shown, `${count(rest)} more`] : shown;
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "is" or "are", "has" or "have"… for a count. */
export function verb(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** "a", "a or b", "a, b or c": alternatives, for "no etcd or worker node". */
export function listAlternatives(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
}

/** How much of a value read from a file a message quotes: enough to recognise it, never a flood. */
export const MAX_QUOTED_CHARS = 40;

/**
 * A value from a file, quoted for a message: cut to MAX_QUOTED_CHARS and written as a JSON string,
 * which escapes quotes and control characters, so no format that carries the message (text, JSON,
 * SARIF, JUnit, Markdown) receives file text longer or rawer than this.
 */
export function quoteText(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value);
  return JSON.stringify(text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS)}…` : text);
}

/** `text` closed as a sentence, so another can follow it: a reason from a reader ends without a full stop. */
export function asSentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
