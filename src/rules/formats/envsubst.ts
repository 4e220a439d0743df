// clusterctl templates carry envsubst placeholders: ${VAR}, ${VAR:=default}, ${VAR:-default}.
// A default is what clusterctl fills in when the variable is unset, so it can be read; a bare
// ${VAR} is known only at install time and is never guessed.

const PLACEHOLDER = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[=-])([^}]*))?\}/g;

export interface Substituted {
  /** The text with every default filled in, or undefined when a placeholder has none. */
  text: string | undefined;
  /** Placeholders without a default, as written (`${WORKER_MACHINE_COUNT}`). */
  open: string[];
}

/** Fill in the defaults of a text's placeholders; report those without one. */
export function substitute(text: string): Substituted {
  const open: string[] = [];
  const filled = text.replace(PLACEHOLDER, (whole, _name: string, op: string | undefined, fallback: string | undefined) => {
    if (op !== undefined) return fallback ?? '';
    open.push(whole);
    return whole;
  });
  return { text: open.length > 0 ? undefined : filled, open };
}

/** Does the text hold a placeholder at all? */
export function hasPlaceholder(text: string): boolean {
  PLACEHOLDER.lastIndex = 0;
  return new RegExp(PLACEHOLDER.source).test(text);
}

/**
 * A name for people and the plan: defaults filled in, and an open placeholder turned into its
 * variable's name in DNS form (`${CLUSTER_NAME}-md-0` → `cluster-name-md-0`), so that the nodes
 * named after it stay valid names. Callers say in a warning that the name was a placeholder.
 */
export function nameFrom(text: string): string {
  return text
    .replace(PLACEHOLDER, (_whole, name: string, op: string | undefined, fallback: string | undefined) =>
      op !== undefined && fallback ? fallback : name.toLowerCase().replace(/_/g, '-'),
    )
    .replace(/[^A-Za-z0-9._-]/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '');
}
