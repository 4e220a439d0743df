// What a format is: one module per input or output format, each `{ id, label, detect, read, write }`
// (a format may only read, or only write). registry.ts lists them; read.ts runs detection and the
// one validation path every reader goes through.
import type { Finding } from '../report.ts';
import type { Plan, PlanInput } from '../vocabulary.ts';
import type { InputWarning } from './input-error.ts';
import type { ParsedText } from './text.ts';
import type { HclAssetLoader } from './hcl.ts';
import type { FileSetOutput } from './terraform.ts';
import type { RkeSource } from '../migrate/rke-source.ts';

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
  /** Variables from an Ansible inventory's group_vars/ folder, by group name (group_vars/all.yml → all). */
  groupVars?: Record<string, Record<string, unknown>>;
}

/** What a reader hands to the validation path: a plan not yet checked against the schema. */
export interface ReaderOutput {
  plan: PlanInput;
  /** Findings only the source can show (rke's refusals in a cluster.yml). */
  findings?: Finding[];
  warnings?: InputWarning[];
  /** The source path a plan path came from (e.g. clusters[0].nodes[3] → items[3]), for positions. */
  origin?: (planPath: readonly PropertyKey[]) => readonly PropertyKey[] | undefined;
  /** A cluster.yml's settings beyond the plan (network, ingress, registries, extra_args…), for `migrate`. */
  rkeSettings?: RkeSource;
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
  /**
   * For formats with a syntax of their own (an Ansible INI inventory): parse the raw text into the
   * document `read` takes, or undefined when the text is not of this syntax. Tried before YAML.
   */
  parse?(text: string, file?: string): ParsedText | undefined;
  /** Reads a YAML stream of several documents (`---`) or a kind: List as a whole. */
  multiDocument?: boolean;
  read?(doc: ParsedText, options: SingleClusterOptions): ReaderOutput;
  /** For formats read from files by name (Terraform's .tf and .tfvars): does this file name belong to it? */
  detectName?(name: string): boolean;
  /**
   * For formats read as a set of files, asynchronously (a Terraform folder, whose parser loads on
   * first use): `assets` says where the parser's WebAssembly comes from. See read-async.ts.
   */
  readFiles?(files: readonly { name: string; text: string }[], options: SingleClusterOptions, assets: HclAssetLoader): Promise<FileSetOutput>;
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
