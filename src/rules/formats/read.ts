// One entry for every input: detect the format from the text and read it into a plan.
import type { Plan } from '../plan.ts';
import type { Finding } from '../report.ts';
import { InputError, type InputWarning } from './input-error.ts';
import { readK3sConfig, looksLikeK3sConfig } from './k3s-config.ts';
import { looksLikeKubectlNodes, readKubectlNodes } from './kubectl-nodes.ts';
import { looksLikeNginx } from './nginx.ts';
import { validatePlan } from './plan-file.ts';
import { isRecord, looksLikeClusterYml, readClusterYml, type SingleClusterOptions } from './rke-cluster-yml.ts';
import { guardSize, parseText } from './text.ts';

export const INPUT_FORMATS = ['plan', 'cluster-yml', 'kubectl-nodes', 'k3s-config'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export interface ReadOptions extends SingleClusterOptions {
  /** Skip detection and read as this format. */
  format?: InputFormat;
}

export interface ReadResult {
  plan: Plan;
  format: InputFormat;
  /** Findings only the source can show (rke-config-valid for cluster.yml); pass to checkPlan's extraFindings. */
  findings: Finding[];
  /** Non-fatal remarks: duplicate keys, a single-node K3s config. */
  warnings: InputWarning[];
}

/** Which format is this parsed data? undefined when it is none we read. */
export function detectFormat(data: unknown): InputFormat | undefined {
  if (looksLikeKubectlNodes(data)) return 'kubectl-nodes';
  if (looksLikeClusterYml(data)) return 'cluster-yml';
  if (isRecord(data) && ('clusters' in data || 'rancher' in data)) return 'plan';
  if (looksLikeK3sConfig(data)) return 'k3s-config';
  return undefined;
}

function readUnchecked(text: string, options: ReadOptions): ReadResult {
  const file = options.filename;
  guardSize(text, file);
  if (text.trim() === '') throw new InputError('input is empty; expected a plan, an RKE cluster.yml, kubectl nodes JSON/YAML or a K3s config.yaml.', { file });
  if (!options.format && looksLikeNginx(text))
    throw new InputError(
      'this is an nginx configuration. rancher-arch writes these (convert --to nginx) but does not read them: describe the load balancer under loadBalancer: in a plan, next to the nodes it serves.',
      { file },
    );
  const parsed = parseText(text, file);
  const format = options.format ?? detectFormat(parsed.data);
  if (format === undefined) {
    const what = parsed.data === null || parsed.data === undefined ? 'nothing' : Array.isArray(parsed.data) ? 'a list' : typeof parsed.data === 'object' ? 'a mapping with none of the expected fields' : `a single ${typeof parsed.data}`;
    throw new InputError(
      `could not tell what this is (found ${what}). Expected a plan (clusters:), an RKE cluster.yml (nodes: with address and role), kubectl get nodes output (kind: NodeList) or a K3s config.yaml.`,
      { file },
    );
  }
  if (format !== 'plan' && !isRecord(parsed.data)) throw new InputError(`expected a mapping for ${format}`, { file });
  const warnings = [...parsed.warnings];
  switch (format) {
    case 'plan':
      return { plan: validatePlan(parsed.data ?? {}, { file, locate: parsed.locate }), format, findings: [], warnings };
    case 'cluster-yml':
      if (!Array.isArray((parsed.data as Record<string, unknown>).nodes)) throw new InputError('expected a list of nodes', { file, path: 'nodes' });
      return { ...readClusterYml(parsed, options), format, warnings };
    case 'kubectl-nodes':
      return { ...readKubectlNodes(parsed, options), format, warnings };
    case 'k3s-config': {
      const result = readK3sConfig(parsed, options);
      return { plan: result.plan, findings: result.findings, format, warnings: [...warnings, ...result.warnings] };
    }
  }
}

/**
 * Read any supported input (plan YAML/JSON, RKE cluster.yml, kubectl nodes JSON/YAML, K3s
 * config.yaml) with its findings and warnings. Throws InputError, and nothing else.
 */
export function readInputDetailed(text: string, options: ReadOptions = {}): ReadResult {
  try {
    return readUnchecked(text, options);
  } catch (error) {
    if (error instanceof InputError) throw error;
    // A reader bug must still reach the user as one clear line, not a stack trace.
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`could not read this input: ${message.split('\n')[0]}`, { file: options.filename });
  }
}

/** Read any supported input into a plan. Throws InputError. */
export function readInput(text: string, options: ReadOptions = {}): Plan {
  return readInputDetailed(text, options).plan;
}
