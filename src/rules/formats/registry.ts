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

/** The formats a plan can be read from (`--input-format`), in detection order. */
const READERS = [planFormat, kubectlNodesFormat, provisioningClusterFormat, clusterYmlFormat, rke2ConfigFormat, k3sConfigFormat] as const;

/** Every format, readers first; the writers-only after them (nginx is recognised, to say it cannot be read). */
export const FORMATS = [...READERS, planJsonFormat, nginxFormat] as const;

export type InputFormat = (typeof READERS)[number]['id'];
export const INPUT_FORMATS: readonly InputFormat[] = READERS.map((f) => f.id);

export function formatById(id: string): Format | undefined {
  return FORMATS.find((f) => f.id === id);
}
