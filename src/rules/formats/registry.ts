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

/** The formats a plan can be read from (`--input-format`), in detection order. */
const READERS = [
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
  terraformFormat,
] as const;

/** Every format, readers first; the writers-only after them (nginx is recognised, to say it cannot be read). */
export const FORMATS = [...READERS, planJsonFormat, nginxFormat] as const;

export type InputFormat = (typeof READERS)[number]['id'];
export const INPUT_FORMATS: readonly InputFormat[] = READERS.map((f) => f.id);

export function formatById(id: string): Format | undefined {
  return FORMATS.find((f) => f.id === id);
}
