// What a format is: one module per input or output format, each `{ id, label, detect, read, write }`
// (a format may only read, or only write). registry.ts lists them; read.ts runs detection and the
// one validation path every reader goes through.
import type { Finding } from '../report.ts';
import type { Plan, PlanInput } from '../vocabulary.ts';
import type { InputWarning } from './input-error.ts';
import type { ParsedText } from './text.ts';

export interface SingleClusterOptions {
  filename?: string;
  /** Is this the cluster that runs Rancher, or a downstream one? Default downstream. */
  as?: 'rancher' | 'downstream';
  /** The Rancher version to check as when the input names none. */
  rancherVersion?: string;
  /** Overrides the cluster name found in (or defaulted for) the input. */
  clusterName?: string;
  /** For config files K3s and RKE2 share: which one it is, when the file cannot tell. */
  distribution?: 'k3s' | 'rke2';
}

/** What a reader hands to the validation path: a plan not yet checked against the schema. */
export interface ReaderOutput {
  plan: PlanInput;
  /** Findings only the source can show (rke's refusals in a cluster.yml). */
  findings?: Finding[];
  warnings?: InputWarning[];
  /** The source path a plan path came from (e.g. clusters[0].nodes[3] → items[3]), for positions. */
  origin?: (planPath: readonly PropertyKey[]) => readonly PropertyKey[] | undefined;
}

export interface WriteOptions {
  /** The cluster to write, for formats that describe one cluster. */
  cluster?: string;
  /** The node to write, for formats that describe one node (an RKE2 config.yaml). */
  node?: string;
}

export interface Format<Id extends string = string> {
  id: Id;
  /** What people call it, for messages ("an RKE cluster.yml"). */
  label: string;
  /** Does this parsed document look like this format? (Detection order is the registry's.) */
  detect?(doc: ParsedText): boolean;
  /** For formats that are not YAML or JSON (nginx): does this raw text look like one? */
  detectText?(text: string): boolean;
  read?(doc: ParsedText, options: SingleClusterOptions): ReaderOutput;
  /** Throws ExportError when the plan cannot be written in a form the real tool accepts. */
  write?(plan: Plan, options?: WriteOptions): string;
}

/** The plan cannot be exported as a file the real tool would accept; `problems` say why. */
export class ExportError extends Error {
  override name = 'ExportError';
  readonly problems: readonly string[];
  constructor(what: string, problems: readonly string[]) {
    super(`${what} cannot be written: ${problems.join(' ')}`);
    this.problems = problems;
  }
}
