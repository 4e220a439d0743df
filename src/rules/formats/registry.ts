// Every format the project reads or writes, in detection order. Adding a format is one module in
// this folder plus its line here.
import { ansibleFormat } from './ansible.ts';
import { capiFormat } from './capi.ts';
import type { Format } from './format.ts';
import { helmValuesFormat } from './helm-values.ts';
import { k3sConfigFormat } from './k3s-config.ts';
import { kubectlNodesFormat } from './kubectl-nodes.ts';
import { manifestsFormat } from './manifests.ts';
import { nginxFormat } from './nginx.ts';
import { planFormat, planJsonFormat } from './plan-file.ts';
import { provisioningClusterFormat } from './provisioning-cluster.ts';
import { clusterYmlFormat } from './rke-cluster-yml.ts';
import { rke2ConfigFormat } from './rke2-config.ts';
import { terraformFormat } from './terraform.ts';
import { terraformPlanJsonFormat } from './terraform-plan-json.ts';

export const FORMATS = [
  planFormat,
  kubectlNodesFormat,
  provisioningClusterFormat,
  manifestsFormat,
  capiFormat,
  helmValuesFormat,
  ansibleFormat,
  clusterYmlFormat,
  rke2ConfigFormat,
  k3sConfigFormat,
  terraformPlanJsonFormat,
  planJsonFormat,
  nginxFormat,
  terraformFormat,
] as const;

export type FormatId = (typeof FORMATS)[number]['id'];

/** Formats a plan can be read from (`--input-format`). */
export type InputFormat =
  | 'plan'
  | 'kubectl-nodes'
  | 'provisioning-cluster'
  | 'manifests'
  | 'capi'
  | 'helm-values'
  | 'ansible-inventory'
  | 'cluster-yml'
  | 'rke2-config'
  | 'k3s-config'
  | 'terraform'
  | 'terraform-plan-json';
export const INPUT_FORMATS = FORMATS.filter((f) => f.read !== undefined || f.readFiles !== undefined).map((f) => f.id as InputFormat);

export function formatById(id: string): Format | undefined {
  return FORMATS.find((f) => f.id === id);
}
