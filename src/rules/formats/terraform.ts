// Terraform files (.tf, .tfvars), read together as Terraform reads a folder: each
// `rancher2_cluster_v2` (terraform-cluster-v2.ts) and `rke_cluster` (terraform-rke-cluster.ts) in
// the set, and in its local modules, becomes a cluster. Values are resolved only where the files
// settle them (literals, variable defaults, .tfvars, locals, local modules' arguments); a count
// they leave open is listed in the cluster's `nodesUnknown`, so the rules that count nodes are not
// run on a guess. The HCL parser loads on first use.
import { LIMITS } from '../limits.ts';
import type { Finding } from '../report.ts';
import type { PlanInput } from '../vocabulary.ts';
import type { Format, ReaderOutput, SingleClusterOptions } from './format.ts';
import { hclParser, type HclAssetLoader } from './hcl.ts';
import { InputError, type InputWarning } from './input-error.ts';
import { toClusterV2Hcl } from './rancher-cluster-writers.ts';
import { singleClusterPlan } from './single-cluster.ts';
import { readClusterV2 } from './terraform-cluster-v2.ts';
import { attr, dirOf, localSource, moduleInstances, type ParsedFile } from './terraform-modules.ts';
import type { ClusterRead, Ctx, Where } from './terraform-resource.ts';
import { readRkeCluster } from './terraform-rke-cluster.ts';

export interface SourceFile {
  /** The file's path in the set, "/"-separated ("main.tf", "modules/downstream/main.tf"). */
  name: string;
  text: string;
}

export interface FileSetOutput extends ReaderOutput {
  /** Where a plan path lies: file, line and column. */
  locate(planPath: readonly PropertyKey[]): Where | undefined;
}

/** Files in one Terraform set: a folder's .tf and .tfvars plus its local modules. */
export const MAX_SET_FILES = 200;
const CLUSTER_TYPES = ['rancher2_cluster_v2', 'rke_cluster'] as const;

export const isTerraformName = (name: string): boolean => /\.(tf|tfvars)$/i.test(name);

/** Pasted text with no file name: Terraform when a line opens a top-level block the way HCL does. */
export const looksLikeTerraform = (text: string): boolean =>
  /^\s*(resource|module|variable|locals|terraform|provider|data|output)\s+("[^"\n]*"\s*)*\{/m.test(text);

export async function readTerraformFiles(files: readonly SourceFile[], options: SingleClusterOptions, assets: HclAssetLoader): Promise<FileSetOutput> {
  if (files.length === 0) throw new InputError('no Terraform files to read.');
  if (files.length > MAX_SET_FILES) throw new InputError(`${files.length} Terraform files in one set; at most ${MAX_SET_FILES} are read together.`);
  const total = files.reduce((n, f) => n + f.text.length, 0);
  if (total > LIMITS.inputChars)
    throw new InputError(`the Terraform files add up to more than ${LIMITS.inputChars / 1024 / 1024} MB; Terraform folders are far smaller.`);
  const parser = await hclParser(assets);
  const parsed: ParsedFile[] = files.map((f) => ({
    name: f.name,
    dir: dirOf(f.name),
    body: parser.parse(f.text.charCodeAt(0) === 0xfeff ? f.text.slice(1) : f.text, f.name),
    tfvars: /\.tfvars$/i.test(f.name),
  }));
  const { instances, notes } = moduleInstances(parsed);
  const warnings: InputWarning[] = notes.map((n) => ({ place: `${n.file}:${n.pos.line}:${n.pos.col}`, message: n.message }));
  const findings: Finding[] = [];
  const reads: ClusterRead[] = [];
  for (const instance of instances)
    for (const file of instance.files)
      for (const block of file.body.blocks) {
        if (block.type !== 'resource' || !(CLUSTER_TYPES as readonly string[]).includes(block.labels[0] ?? '')) continue;
        const ctx: Ctx = { file: file.name, instance, warnings, findings, cluster: reads.length };
        reads.push(block.labels[0] === 'rke_cluster' ? readRkeCluster(block, ctx, options) : readClusterV2(block, ctx, options));
      }
  if (reads.length === 0)
    throw new InputError(
      `no rancher2_cluster_v2 or rke_cluster resource in ${files.length === 1 ? 'this file' : `these ${files.length} files`}${notes.length ? ` (${notes.map((n) => n.message.split(' (')[0]).join('; ')} is not among them)` : ''}. Read the folder with its modules and .tfvars, or the output of terraform show -json.`,
      { file: files.length === 1 ? files[0]?.name : undefined },
    );
  const total2 = reads.reduce((n, r) => n + r.cluster.nodes!.length, 0);
  if (total2 > LIMITS.nodes)
    throw new InputError(`the clusters add up to ${total2.toLocaleString('en')} nodes; at most ${LIMITS.nodes.toLocaleString('en')} are checked at once.`);

  const plan: PlanInput = reads.length === 1 ? singleClusterPlan(reads[0]!.cluster, options) : multiClusterPlan(reads, options, warnings);
  return {
    plan,
    findings,
    warnings,
    locate(path) {
      const r = path[0] === 'clusters' && typeof path[1] === 'number' ? reads[path[1]] : undefined;
      if (!r) return reads[0]?.where;
      if (path[2] === 'nodes' && typeof path[3] === 'number') {
        const n = r.nodes[path[3]];
        return (path[4] === 'name' ? n?.nameAt : undefined) ?? n?.where ?? r.where;
      }
      if (path[2] === 'name') return r.nameAt ?? r.where;
      if (path[2] === 'kubernetesVersion') return r.versionAt ?? r.where;
      if (path[2] === 'authorizedEndpoint') return r.aceAt ?? r.where;
      return r.where;
    },
    origin(path) {
      const r = path[0] === 'clusters' && typeof path[1] === 'number' ? reads[path[1]] : undefined;
      if (!r) return [];
      if (path[2] === 'nodes' && typeof path[3] === 'number') return r.nodes[path[3]]?.source ?? r.source;
      return path[2] === undefined ? r.source : [...r.source, String(path[2])];
    },
  };
}

function multiClusterPlan(reads: readonly ClusterRead[], options: SingleClusterOptions, warnings: InputWarning[]): PlanInput {
  const plan: PlanInput = { clusters: reads.map((r) => r.cluster) };
  if (options.rancherVersion !== undefined) plan.rancher = { install: 'kubernetes', version: options.rancherVersion };
  if (options.as === 'rancher' || options.clusterName !== undefined)
    warnings.push({
      place: reads[0]!.where.file,
      message: `these files declare ${reads.length} clusters, so "as the Rancher cluster" and a cluster name given for one cluster were not applied; write a plan to say which cluster runs Rancher.`,
    });
  return plan;
}

/**
 * The folders of local modules these files call (`source = "./modules/x"`) that hold none of the
 * set's files yet: a folder reader adds their .tf files and asks again.
 */
export async function localModuleDirs(files: readonly SourceFile[], assets: HclAssetLoader): Promise<string[]> {
  const parser = await hclParser(assets);
  const have = new Set(files.map((f) => dirOf(f.name)));
  const wanted = new Set<string>();
  for (const f of files) {
    if (/\.tfvars$/i.test(f.name)) continue;
    for (const block of parser.parse(f.text, f.name).blocks) {
      const source = block.type === 'module' ? attr(block, 'source')?.value : undefined;
      const dir = source?.kind === 'literal' && typeof source.value === 'string' ? localSource(source.value, dirOf(f.name)) : undefined;
      if (dir !== undefined && !have.has(dir)) wanted.add(dir);
    }
  }
  return [...wanted].sort();
}

export const terraformFormat: Format<'terraform'> = {
  id: 'terraform',
  label: 'Terraform files (rancher2_cluster_v2, rke_cluster)',
  detectText: looksLikeTerraform,
  detectName: isTerraformName,
  readFiles: readTerraformFiles,
  write: (plan, options) => toClusterV2Hcl(plan, options?.cluster),
};
