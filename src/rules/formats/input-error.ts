// The one error type readers throw. `place` says where (file:line:col and/or a field path such as
// clusters[1].nodes[3].roles[0]); `reason` says what is wrong; `message` joins them for display.
export class InputError extends Error {
  readonly place: string;
  readonly reason: string;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly col: number | undefined;
  readonly path: string | undefined;

  constructor(reason: string, where: { file?: string; line?: number; col?: number; path?: string } = {}) {
    const position = [where.file, where.line, where.line !== undefined ? where.col : undefined].filter((p) => p !== undefined).join(':');
    const place = [position, where.path].filter((p) => p).join(' ');
    super(place ? `${place}: ${reason}` : reason);
    this.name = 'InputError';
    this.place = place;
    this.reason = reason;
    this.file = where.file;
    this.line = where.line;
    this.col = where.col;
    this.path = where.path;
  }
}

/** A non-fatal remark made while reading (e.g. a duplicate key whose last value was used). */
export interface InputWarning {
  place: string;
  message: string;
}

/** ["clusters", 1, "nodes", 3] → "clusters[1].nodes[3]". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$-]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}
