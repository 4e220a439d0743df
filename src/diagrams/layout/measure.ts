// Sizes and text measurement for every diagram. Diagrams are drawn at a fixed scale: one unit
// of the viewBox is one CSS pixel, and no text is smaller than MIN_TEXT. Text is measured by an
// average character width, so layouts run the same at build time, in the browser and in tests.

// ---- sizes -------------------------------------------------------------------------------

/** The smallest text any diagram draws, in CSS pixels (the scale is fixed at 1). */
export const MIN_TEXT = 11;
export const FONT = { title: 15, text: 13, small: 12, badge: MIN_TEXT } as const;
/** Widest a diagram is laid out for a phone (a 375 px screen less the page's padding). */
export const NARROW_WIDTH = 343;
/** Widest a diagram is laid out for the guide's text column on a laptop (1280 px screen). */
export const WIDE_WIDTH = 632;

export const NODE_WIDTH = 128;
/** Narrowest a node box gets so two fit side by side on a phone. */
export const MIN_NODE_WIDTH = 120;
export const NODE_HEIGHT = 62;
export const GAP = 10;
export const PAD = 12;
/** Room inside a cluster's edge for the line from its load balancer (left) or endpoint (right). */
export const LANE = 16;
/** Text widths are estimated, never measured (no DOM): every glyph counted as 0.6 em, which
 * is exact for the monospace node names and generous for the system sans-serif elsewhere. */
export const CHAR_EM = 0.6;

export const textWidth = (text: string, size: number): number => text.length * size * CHAR_EM;
/** Bold capitals ("LB", "ACE") run wider than the average glyph. */
export const tagWidth = (tag: string): number => tag.length * FONT.badge * 0.75;
export const lineHeight = (size: number): number => Math.round(size * 1.4);

/** Splits a word too long for a line after ".", "-", "/" or ":" (host names, FQDNs), else shortens it. */
function splitWord(word: string, max: number): string[] {
  if (word.length <= max) return [word];
  const pieces = word.split(/(?<=[./:-])/);
  const out: string[] = [];
  let line = '';
  for (const piece of pieces) {
    if (line && line.length + piece.length > max) {
      out.push(line);
      line = '';
    }
    line += piece;
  }
  if (line) out.push(line);
  return out.map((p) => (p.length <= max ? p : `${p.slice(0, Math.max(1, max - 1))}…`));
}

/** Breaks text at spaces into lines that fit `width` at `size` (a word too long is split or shortened). */
export function wrapText(text: string, width: number, size: number): string[] {
  const max = Math.max(1, Math.floor(width / (size * CHAR_EM)));
  const lines: string[] = [];
  let line = '';
  for (const word of text
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((w) => splitWord(w, max))) {
    if (!line) line = word;
    else if (line.length + 1 + word.length <= max) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** Shortens text with an ellipsis so it fits `width` at `size`. */
export function fitText(text: string, width: number, size: number): string {
  const max = Math.floor(width / (size * CHAR_EM));
  if (text.length <= max) return text;
  return max <= 1 ? '…' : `${text.slice(0, max - 1)}…`;
}
