// Text from an input (names, messages that quote it, file names) can hold control characters. A
// terminal obeys them: ESC sequences clear the screen, retitle the window or rewrite a CI log line,
// a newline fakes a summary line, a bidi override reorders what people read. Everything the CLI
// prints passes through here: such characters are shown as visible escapes (\u001b, \n), and any
// one printed value is bounded in length.

/** C0 controls, DEL, C1 controls, line/paragraph separators and the bidi embedding/override/isolate marks. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/** What JSON.stringify leaves raw inside strings. */
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escapeOne(ch: string): string {
  return NAMED[ch] ?? `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`;
}

/** One value made safe for a terminal (and for XML 1.0): every unsafe character becomes a visible escape. */
export function visible(text: string): string {
  return text.replace(UNSAFE, escapeOne);
}

/** The longest single value (a message, a name) printed in full; longer ones are cut with a note. */
export const MAX_PRINTED_CHARS = 2000;

/** `visible`, and cut to MAX_PRINTED_CHARS so no one value can flood a log. */
export function printable(text: string, max = MAX_PRINTED_CHARS): string {
  const cut = text.length > max ? `${text.slice(0, max)}… (${(text.length - max).toLocaleString('en')} more characters)` : text;
  return visible(cut);
}

/**
 * JSON for output: JSON.stringify escapes C0 controls but leaves DEL, C1 controls and bidi marks
 * as they are; write those as \u escapes too. The parsed value is unchanged.
 */
export function safeJson(value: unknown, indent = 2): string {
  // C0 controls never appear raw in JSON.stringify's output (the newlines are its own indentation).
  return JSON.stringify(value, null, indent).replace(JSON_UNSAFE, (ch) => `\\u${(ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/** Our own colour codes (SGR sequences), or one unsafe character. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const GUARDED = /\u001b\[[0-9;]*m|\r\n|[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * The last line of defence for everything written to a terminal stream: newlines, CRLF and tabs pass, our
 * own colour codes pass when colour is on, every other control character is escaped. Values are
 * already made `visible` where they are formatted; this catches anything that slipped past.
 */
export function guardStream(text: string, allowColour: boolean): string {
  return text.replace(GUARDED, (m) => {
    // CSV lines end in CRLF (RFC 4180); a carriage return on its own could overwrite a line.
    if (m === '\r\n') return m;
    if (m.length > 1) return allowColour ? m : m.replace(UNSAFE, escapeOne);
    return m === '\n' || m === '\t' ? m : escapeOne(m);
  });
}

/**
 * A file name held as bytes that are not valid UTF-8, as text a person and every report can carry:
 * each valid character as itself, each byte outside a valid sequence as `\xNN` (`caf\xE9.yml`).
 */
export function escapedName(bytes: Uint8Array): string {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    const size = lead < 0x80 ? 1 : lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    if (size > 0 && i + size <= bytes.length) {
      try {
        out += decoder.decode(bytes.subarray(i, i + size));
        i += size;
        continue;
      } catch {
        // not a valid sequence: fall through to the byte escape
      }
    }
    out += `\\x${lead.toString(16).toUpperCase().padStart(2, '0')}`;
    i++;
  }
  return out;
}
