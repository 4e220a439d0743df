// Every bound on input, in one place, so the page and the CLI refuse the same things with the same
// words. Each is far above any real plan and low enough that the work it allows stays quick.
export const LIMITS = {
  /** JSON text, in characters (a 5,000-node kubectl list with managedFields is about 4 MB). */
  inputChars: 5 * 1024 * 1024,
  /** YAML text: the YAML parser is many times slower than JSON.parse on the same size. */
  yamlChars: 1024 * 1024,
  /** Bytes read from a file or standard input before giving up; checked while reading. */
  inputBytes: 5 * 1024 * 1024,
  /** Characters after "#plan=v1." in a share link. */
  linkChars: 200_000,
  /** Bytes a share link may inflate to. */
  linkInflatedBytes: 2 * 1024 * 1024,
  /** Clusters in one plan. Rancher's largest sizing row is the 2.4–2.7 XX-Large one, 2,000 clusters and 20,000 nodes; the current tables stop at 500. */
  clusters: 500,
  /** Nodes in one cluster: Kubernetes' own tested limit is 5,000. */
  nodesPerCluster: 5000,
  /** Nodes in one plan, all clusters together. */
  nodes: 10_000,
  /** YAML documents in one stream (`---`): a helm template or clusterctl output holds tens. */
  yamlDocuments: 1000,
  /** Problems listed one by one in an error message before "and N more". */
  listedProblems: 10,
} as const;
