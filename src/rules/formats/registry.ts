// Every format the project reads or writes, in detection order. Adding a format is one module in
// this folder plus its line here.
import type { Format } from './format.ts';
import { k3sConfigFormat } from './k3s-config.ts';
import { kubectlNodesFormat } from './kubectl-nodes.ts';
import { nginxFormat } from './nginx.ts';
import { planFormat, planJsonFormat } from './plan-file.ts';
import { provisioningClusterFormat } from './provisioning-cluster.ts';
import { clusterYmlFormat } from './rke-cluster-yml.ts';
import { rke2ConfigFormat } from './rke2-config.ts';

export const FORMATS = [
  planFormat,
  kubectlNodesFormat,
  provisioningClusterFormat,
  clusterYmlFormat,
  rke2ConfigFormat,
  k3sConfigFormat,
  planJsonFormat,
  nginxFormat,
] as const;

export type FormatId = (typeof FORMATS)[number]['id'];

/** Formats a plan can be read from (`--input-format`). */
export type InputFormat = 'plan' | 'kubectl-nodes' | 'provisioning-cluster' | 'cluster-yml' | 'rke2-config' | 'k3s-config';
export const INPUT_FORMATS = FORMATS.filter((f) => f.read !== undefined).map((f) => f.id as InputFormat);

export function formatById(id: string): Format | undefined {
  return FORMATS.find((f) => f.id === id);
}
