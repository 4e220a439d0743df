// Every bound on input, in one place, so the page and the CLI refuse the same things with the same
// words. Each is far above any real plan and low enough that the work it allows stays quick.
export const LIMITS = {
  /** JSON text, in characters (a 5,000-node kubectl list with managedFields is about 4 MB). */
  inputChars: 5 * 1024 * 1024,
  /**
   * YAML text that, when the fast reader refuses it, is read again by the yaml package for its
   * detailed messages (about a second and 300 MB a megabyte). YAML itself is bounded like JSON.
   */
  detailedYamlChars: 1024 * 1024,
  /** Bytes read from a file or standard input before giving up; checked while reading. */
  inputBytes: 5 * 1024 * 1024,
  /**
   * A `kubectl get nodes` list, read node by node past inputBytes (only node lists are): its whole
   * text, and one node's text. What is kept of the nodes stays under inputBytes.
   */
  nodeListChars: 256 * 1024 * 1024,
  nodeChars: 3 * 1024 * 1024,
  /** Characters after "#plan=v1." in a share link. */
  linkChars: 200_000,
  /** Bytes a share link may inflate to. */
  linkInflatedBytes: 2 * 1024 * 1024,
  /**
   * Clusters in one plan: Rancher's largest documented installation, the 2.4–2.7 XX-Large sizing
   * row, manages 2,000 clusters (rancher/docs installation requirements); a quarter more for headroom.
   */
  clusters: 2500,
  /** Nodes in one cluster: Kubernetes' own tested limit is 5,000. */
  nodesPerCluster: 5000,
  /** Nodes in one plan, all clusters together: the same sizing row counts 20,000 nodes; a quarter more for headroom. */
  nodes: 25_000,
  /** YAML documents in one stream (`---`): a helm template or clusterctl output holds tens. */
  yamlDocuments: 1000,
  /** Problems listed one by one in an error message before "and N more". */
  listedProblems: 10,
  /** Files one `rancher-arch check` run reads, counted while a pattern is expanded (the walk stops there). */
  filesPerRun: 500,
  /**
   * Names one pattern may spell out with braces (`{a,b}`, `{1..9}`): Node's glob searches for each
   * alternative on its own, so the work grows with their number (a thousand names under `**` take seconds).
   */
  patternNames: 100,
  /**
   * Names one pattern's walk may look at, files and folders together, matching or not: the file
   * cap stops a walk that finds too much, this one a walk that finds little in a large tree.
   */
  patternEntries: 200_000,
} as const;

/** Why each size bound is where it is, in words for the messages that refuse a larger input. */
export const LIMIT_REASONS = {
  clusters: "Rancher's largest documented installation (the 2.4–2.7 XX-Large sizing row) manages 2,000 clusters",
  nodes: 'the largest documented installation counts 20,000 nodes',
  nodesPerCluster: 'Kubernetes documents clusters of up to 5,000 nodes',
  filesPerRun:
    'one report is read by a person or a merge-request view, and a repository of cluster files holds far fewer; check larger sets in several runs (one per folder, say)',
  patternEntries:
    'a repository of cluster files holds a few thousand names, and the walk should not read a whole disk looking for a match; start the pattern in the folder that holds the files',
  patternNames: 'a brace pattern is searched for once per name it spells out, and a pattern for cluster files needs a handful; use * for the rest',
  nodeListChars:
    'kubectl prints 5 to 25 KB a node (its images and managedFields included), so the 5,000 nodes Kubernetes documents for one cluster come to about 125 MB; this is twice that',
  nodeChars: "the API server stores an object of at most 1.5 MiB (etcd's request limit), and kubectl's indentation can double it",
  inputBytes:
    'the checker holds a file whole while it reads it; plans, cluster files and Terraform modules even for the largest documented installation fit well within that',
} as const;

/** The message for an input over the byte bound: the bound and why it exists, never a guess at what the file is. */
export function inputTooLarge(shown: string): string {
  return `input is more than ${LIMITS.inputBytes / 1024 / 1024} MB (${shown}); ${LIMIT_REASONS.inputBytes}.`;
}
