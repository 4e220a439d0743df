// The files a migration hands over, each written by the project's own writers and read back by
// its readers in the tests: the target plan, a provisioning Cluster, Terraform's
// rancher2_cluster_v2, and one RKE2 config.yaml per node for hosts you install yourself.
import { ExportError } from '../formats/format.ts';
import { toPlanYaml } from '../formats/plan-file.ts';
import { toClusterV2Hcl, toProvisioningCluster } from '../formats/rancher-cluster-writers.ts';
import { rke2Configs, type Rke2NodeConfig } from '../formats/rke2-config.ts';
import { listNames } from '../words.ts';
import type { Migration } from './index.ts';

export const EMITS = ['plan', 'provisioning', 'terraform', 'config'] as const;
export type Emit = (typeof EMITS)[number];

/** A file name for each emit, for downloads. */
export function emitFileName(m: Migration, emit: Emit, node?: string): string {
  const name = m.summary.cluster;
  if (emit === 'plan') return `${name}.plan.yaml`;
  if (emit === 'provisioning') return `${name}.cluster.yaml`;
  if (emit === 'terraform') return `${name}.tf`;
  return `${node ?? name}.config.yaml`;
}

/** Why an emit cannot be written for this migration, or undefined when it can: a page offers no button for it. */
export function emitRefusal(m: Migration, emit: Emit): string | undefined {
  if (emit === 'config' && m.to !== 'rke2')
    return 'rancher-arch writes per-node config.yaml for RKE2 only; for K3s use the provisioning Cluster or the Terraform, or write /etc/rancher/k3s/config.yaml by hand.';
  return undefined;
}

/** The per-node RKE2 config files of the target; K3s targets are refused (this project writes RKE2 files only). */
export function emitConfigs(m: Migration): Rke2NodeConfig[] {
  const refusal = emitRefusal(m, 'config');
  if (refusal !== undefined) throw new ExportError(`Config files for "${m.summary.cluster}"`, [refusal]);
  return rke2Configs(m.target, m.summary.cluster);
}

/** One emit as text; `config` without a node is every node's file as one YAML stream (a document per node). */
export function emitText(m: Migration, emit: Emit, node?: string): string {
  if (emit === 'plan') return toPlanYaml(m.target);
  if (emit === 'provisioning') return toProvisioningCluster(m.target, m.summary.cluster);
  if (emit === 'terraform') return toClusterV2Hcl(m.target, m.summary.cluster);
  const configs = emitConfigs(m);
  if (node === undefined) return configs.map((c) => c.text).join('---\n');
  const found = configs.find((c) => c.node === node);
  if (found === undefined)
    throw new RangeError(
      `The new cluster has no node named "${node}"; its nodes are ${listNames(
        configs.map((c) => c.node),
        12,
      )}.`,
    );
  return found.text;
}
