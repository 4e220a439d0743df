// Terraform files (.tf, .tfvars), read together as Terraform reads a folder: `rancher2_cluster_v2`
// (provider rancher/rancher2: machine pools become <pool>-1 … <pool>-N, as in a provisioning
// Cluster) and `rke_cluster` (provider rancher/rke: `nodes` blocks, as in a cluster.yml). Values
// are resolved only where the files settle them (literals, variable defaults, .tfvars, locals,
// local modules' arguments); a count they leave open is listed in the cluster's `nodesUnknown`,
// so the rules that count nodes are not run on a guess. The HCL parser loads on first use.
import { docsPath } from '../guide-pages.ts';
import { rule as rkeConfigValid } from '../catalogue/rke-config-valid.ts';
import { splitCidrs } from '../cluster-networks.ts';
import { LIMITS } from '../limits.ts';
import type { Finding } from '../report.ts';
import { KUBERNETES_ROLES, NETWORK_PLUGINS, type KubernetesRole, type NetworkPlugin, type PlanInput } from '../vocabulary.ts';
import { parse as parseYaml } from 'yaml';
import type { Format, ReaderOutput, SingleClusterOptions } from './format.ts';
import { hclParser, type Block, type Expr, type HclAssetLoader, type Pos } from './hcl.ts';
import { InputError, type InputWarning } from './input-error.ts';
import { fromBackupConfig, fromRkeConfigEtcd } from './etcd-snapshots.ts';
import { distributionOfVersion } from './provisioning-cluster.ts';
import { toClusterV2Hcl } from './rancher-cluster-writers.ts';
import { singleClusterPlan, type ClusterInput, type NodeInput, type RefusedNode } from './single-cluster.ts';
import { evaluate, literalParts, Unknown, type Scope, type Value } from './terraform-eval.ts';
import { attr, dirOf, localSource, moduleInstances, withIterator, type ModuleInstance, type ParsedFile } from './terraform-modules.ts';

export interface SourceFile {
  /** The file's path in the set, "/"-separated ("main.tf", "modules/downstream/main.tf"). */
  name: string;
  text: string;
}

export interface Where {
  file: string;
  line: number;
  col: number;
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

/** Unresolved expressions go into the plan (nodesUnknown) and messages: printable ASCII, bounded. */
const shown = (text: string): string => {
  const clean = text.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 190 ? `${clean.slice(0, 189)}~` : clean;
};

interface NodeOrigin {
  where: Where;
  nameAt?: Where;
  source: PropertyKey[];
}

interface ClusterRead {
  cluster: ClusterInput;
  where: Where;
  source: PropertyKey[];
  nameAt?: Where;
  versionAt?: Where;
  aceAt?: Where;
  nodes: NodeOrigin[];
}

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

interface Ctx {
  file: string;
  /** The position of the cluster this block becomes in the plan (reads keep the order of the plan's clusters). */
  cluster: number;
  instance: ModuleInstance;
  warnings: InputWarning[];
  findings: Finding[];
}

const at = (ctx: Ctx, pos: Pos): Where => ({ file: ctx.file, line: pos.line, col: pos.col });
const place = (w: Where) => `${w.file}:${w.line}:${w.col}`;
const value = (block: Block, name: string, scope: Scope): Value | undefined => {
  const a = attr(block, name);
  return a ? evaluate(a.value, scope) : undefined;
};
/** "quantity = local.cpnc (var.control_plane_node_count has no default)". */
const unresolved = (name: string, e: Expr, u: Unknown) => shown(`${name} = ${e.text}${u.why === e.text ? '' : ` (${u.why})`}`);
const blocksNamed = (block: Block | undefined, type: string) =>
  (block?.body.blocks ?? []).filter((b) => b.type === type || (b.type === 'dynamic' && b.labels[0] === type));

/** The source path shown in messages for a resource: resource.rancher2_cluster_v2.rke2_cluster, under its module. */
function sourcePath(ctx: Ctx, block: Block): PropertyKey[] {
  const module = ctx.instance.address ? ctx.instance.address.split('.') : [];
  return [...module, 'resource', block.labels[0] ?? '', block.labels[1] ?? ''];
}

/** The cluster's name: the `name` attribute when the files settle it, else the resource's label (said out loud). */
function clusterName(block: Block, field: string, ctx: Ctx, fallback: string | undefined): { name: string; at?: Where } {
  const a = attr(block, field);
  const label = block.labels[1] ?? 'cluster';
  if (!a) return { name: fallback ?? label };
  const v = evaluate(a.value, ctx.instance.scope);
  if (typeof v === 'string' && v.trim() !== '') return { name: v.trim(), at: at(ctx, a.pos) };
  ctx.warnings.push({
    place: place(at(ctx, a.pos)),
    message: `${field} = ${shown(a.value.text)} is not known from these files${v instanceof Unknown ? ` (${shown(v.why)})` : ''}; the cluster is called "${label}" after its resource label.`,
  });
  return { name: label, at: at(ctx, a.pos) };
}

/** Each instance of a block that may be `dynamic`: the body and the scope to read it in, or why they are unknown. */
function instancesOf(block: Block, scope: Scope): { body: Block; scope: Scope }[] | { unknown: string } {
  if (block.type !== 'dynamic') return [{ body: block, scope }];
  const content = block.body.blocks.find((b) => b.type === 'content');
  const forEach = attr(block, 'for_each');
  if (!content || !forEach) return [];
  const iterator = value(block, 'iterator', scope);
  const name = typeof iterator === 'string' ? iterator : (block.labels[0] ?? '');
  const items = evaluate(forEach.value, scope);
  if (items instanceof Unknown) return { unknown: unresolved('for_each', forEach.value, items) };
  const entries: [Value, Value][] = Array.isArray(items)
    ? items.map((v, i) => [i, v]) // a list: the key is the index (for a set Terraform makes it the value; nothing here reads it)
    : items !== null && typeof items === 'object'
      ? Object.entries(items)
      : [];
  if (entries.length > LIMITS.nodesPerCluster) return { unknown: shown(`for_each = ${forEach.value.text} (more than ${LIMITS.nodesPerCluster} entries)`) };
  return entries.map(([k, v]) => ({ body: content, scope: withIterator(scope, name, k, v) }));
}

function readVersion(block: Block, ctx: Ctx, read: Pick<ClusterRead, 'cluster' | 'versionAt'>): string | undefined {
  const a = attr(block, 'kubernetes_version');
  if (!a) return undefined;
  read.versionAt = at(ctx, a.pos);
  const v = evaluate(a.value, ctx.instance.scope);
  if (typeof v === 'string' && v.trim() !== '') {
    read.cluster.kubernetesVersion = v.trim();
    return v.trim();
  }
  return undefined;
}

/**
 * A Terraform block's attributes as plain values for the snapshot readers, or undefined when one of
 * them is only known when Terraform runs: then the file leaves the snapshots open.
 */
function knownValues(block: Block, names: readonly string[], scope: Scope): Record<string, unknown> | undefined {
  const values: Record<string, unknown> = {};
  for (const name of names) {
    const v = value(block, name, scope);
    if (v instanceof Unknown) return undefined;
    if (v !== undefined) values[name] = v;
  }
  return values;
}

// ---- rancher2_cluster_v2 ---------------------------------------------------------------------

const POOL_ROLES: readonly (readonly [string, KubernetesRole])[] = [
  ['etcd_role', 'etcd'],
  ['control_plane_role', 'controlplane'],
  ['worker_role', 'worker'],
];

function readClusterV2(block: Block, ctx: Ctx, options: SingleClusterOptions): ClusterRead {
  const scope = ctx.instance.scope;
  const where = at(ctx, block.pos);
  const { name, at: nameAt } = clusterName(block, 'name', ctx, undefined);
  const unknown: string[] = [];
  const nodes: NodeInput[] = [];
  const cluster: ClusterInput = { name, distribution: 'rke2', nodes };
  const read: ClusterRead = { cluster, where, source: sourcePath(ctx, block), nameAt, nodes: [] };
  const version = readVersion(block, ctx, read);

  const rkeConfig = block.body.blocks.find((b) => b.type === 'rke_config');
  const poolBlocks = blocksNamed(rkeConfig, 'machine_pools');
  if (poolBlocks.length === 0) unknown.push('no machine_pools: a custom cluster, whose machines register themselves');
  const usedNames = new Set<string>();
  poolBlocks.forEach((poolBlock, p) => {
    const poolWhere = at(ctx, poolBlock.pos);
    const instances = instancesOf(poolBlock, scope);
    if ('unknown' in instances) {
      unknown.push(instances.unknown);
      return;
    }
    for (const { body, scope: poolScope } of instances) {
      const nameAttr = attr(body, 'name');
      const rawName = nameAttr ? evaluate(nameAttr.value, poolScope) : undefined;
      let poolName = typeof rawName === 'string' && rawName.trim() !== '' ? rawName.trim() : undefined;
      if (poolName === undefined) {
        // Keep what the files do say ("${local.cluster_name}-cp" → "cp"), else number the pool.
        const literal = nameAttr ? literalParts(nameAttr.value).replace(/^[-_.]+|[-_.]+$/g, '') : '';
        poolName = literal && !usedNames.has(literal) ? literal : `pool-${p + 1}`;
        ctx.warnings.push({
          place: place(nameAttr ? at(ctx, nameAttr.pos) : poolWhere),
          message: `machine pool name ${nameAttr ? `${shown(nameAttr.value.text)} is not known from these files` : 'is missing'}; its nodes are named ${poolName}-1, ${poolName}-2, ….`,
        });
      }
      usedNames.add(poolName);
      const roles: KubernetesRole[] = [];
      for (const [field, role] of POOL_ROLES) {
        const a = attr(body, field);
        const v = a ? evaluate(a.value, poolScope) : false;
        if (v === true) roles.push(role);
        else if (v instanceof Unknown && a) unknown.push(unresolved(field, a.value, v));
      }
      const qAttr = attr(body, 'quantity');
      const q = qAttr ? evaluate(qAttr.value, poolScope) : 1; // the provider's default quantity is 1
      if (q instanceof Unknown) {
        unknown.push(unresolved('quantity', qAttr!.value, q));
        continue;
      }
      if (typeof q !== 'number' || !Number.isInteger(q) || q < 0)
        throw new InputError(`quantity must be a whole number of machines, 0 or more (got ${shown(JSON.stringify(q))})`, {
          ...(qAttr ? at(ctx, qAttr.pos) : poolWhere),
        });
      if (nodes.length + q > LIMITS.nodesPerCluster)
        throw new InputError(`the machine pools add up to more than ${LIMITS.nodesPerCluster.toLocaleString('en')} machines; a cluster is limited to that.`, {
          ...(qAttr ? at(ctx, qAttr.pos) : poolWhere),
        });
      const nodeWhere = qAttr ? at(ctx, qAttr.pos) : poolWhere;
      for (let n = 1; n <= q; n++) {
        nodes.push({ name: `${poolName}-${n}`, pool: poolName, roles: [...roles] });
        read.nodes.push({
          where: nodeWhere,
          nameAt: nameAttr ? at(ctx, nameAttr.pos) : undefined,
          source: [...read.source, 'rke_config', 'machine_pools', p],
        });
      }
    }
  });

  cluster.distribution = options.distribution ?? distributionOfVersion(version) ?? 'rke2';
  if (options.distribution === undefined && distributionOfVersion(version) === undefined)
    ctx.warnings.push({
      place: place(read.versionAt ?? where),
      message: `kubernetes_version ${version === undefined ? 'is not known from these files' : `(${JSON.stringify(shown(version))}) names neither +rke2 nor +k3s`}, so cluster "${name}" was read as RKE2. Choose with --distribution k3s or --distribution rke2.`,
    });

  // rke_config.etcd as the provider writes it; without the block Rancher's and the distribution's defaults apply.
  const etcd = rkeConfig?.body.blocks.find((b) => b.type === 'etcd');
  const etcdValues = etcd ? knownValues(etcd, ['disable_snapshots', 'snapshot_schedule_cron', 'snapshot_retention'], scope) : {};
  if (rkeConfig && etcdValues)
    cluster.etcdSnapshots = fromRkeConfigEtcd({
      disableSnapshots: etcdValues.disable_snapshots,
      snapshotScheduleCron: etcdValues.snapshot_schedule_cron,
      snapshotRetention: etcdValues.snapshot_retention,
      s3: blocksNamed(etcd, 's3_config').length > 0 ? { bucket: 'stated' } : undefined,
    });
  readGlobalConfig(rkeConfig, scope, cluster);
  readAce(block, ctx, read);
  if (nodes.length > 0)
    ctx.warnings.push({
      place: place(where),
      message: `cluster "${name}": the machines' names and addresses are not in the files; the ${nodes.length.toLocaleString('en')} nodes are named after their machine pool (<pool>-1, <pool>-2, …).`,
    });
  if (unknown.length > 0) cluster.nodesUnknown = unknown.slice(0, 64);
  return read;
}

/**
 * machine_global_config: the YAML text of settings every node shares, as in a provisioning
 * Cluster's machineGlobalConfig: the CNI and the address ranges. Text the files leave open, or
 * that is not a YAML mapping, says nothing here.
 */
function readGlobalConfig(rkeConfig: Block | undefined, scope: Scope, cluster: ClusterInput): void {
  const text = rkeConfig ? value(rkeConfig, 'machine_global_config', scope) : undefined;
  if (typeof text !== 'string' || text.length > LIMITS.detailedYamlChars) return;
  let global: unknown;
  try {
    global = parseYaml(text, { maxAliasCount: 0 });
  } catch {
    return;
  }
  if (global === null || typeof global !== 'object' || Array.isArray(global)) return;
  const settings = global as Record<string, unknown>;
  const cni = typeof settings.cni === 'string' ? settings.cni.trim() : undefined;
  if (cni) cluster.network = (NETWORK_PLUGINS as readonly string[]).includes(cni) ? (cni as NetworkPlugin) : 'other';
  for (const [field, key] of [
    ['podCidrs', 'cluster-cidr'],
    ['serviceCidrs', 'service-cidr'],
  ] as const) {
    const range = settings[key];
    if (typeof range === 'string' && range.trim() !== '') cluster[field] = splitCidrs(range);
  }
}

function readAce(block: Block, ctx: Ctx, read: ClusterRead): void {
  const ace = block.body.blocks.find((b) => b.type === 'local_auth_endpoint');
  if (!ace) return;
  const scope = ctx.instance.scope;
  read.aceAt = at(ctx, ace.pos);
  const enabled = value(ace, 'enabled', scope) ?? false;
  if (enabled instanceof Unknown) {
    ctx.warnings.push({
      place: place(read.aceAt),
      message: `local_auth_endpoint: enabled = ${shown(attr(ace, 'enabled')!.value.text)} is not known from these files (${shown(enabled.why)}); the authorized cluster endpoint was not judged.`,
    });
    return;
  }
  if (enabled !== true) return;
  const rawFqdn = value(ace, 'fqdn', scope);
  const written = typeof rawFqdn === 'string' && rawFqdn.trim() !== '' ? rawFqdn.trim() : undefined;
  const fqdn = written?.replace(/:\d+$/, '');
  const port = written === undefined ? undefined : /:(\d+)$/.exec(written)?.[1];
  const caCerts = value(ace, 'ca_certs', scope);
  const ca = typeof caCerts === 'string' && caCerts.trim() !== '';
  const controlPlane = read.cluster.nodes!.filter((n) => n.roles?.includes('controlplane')).map((n) => n.name);
  read.cluster.authorizedEndpoint = { targets: fqdn ? controlPlane : [], privateCA: ca, caCertificate: ca };
  if (port !== undefined) read.cluster.authorizedEndpoint.port = Number(port);
  if (fqdn) read.cluster.authorizedEndpoint.fqdn = fqdn;
  if (rawFqdn instanceof Unknown)
    ctx.warnings.push({ place: place(read.aceAt), message: `local_auth_endpoint: fqdn is not known from these files (${shown(rawFqdn.why)}).` });
}

// ---- rke_cluster -----------------------------------------------------------------------------

function readRkeCluster(block: Block, ctx: Ctx, options: SingleClusterOptions): ClusterRead {
  const scope = ctx.instance.scope;
  const where = at(ctx, block.pos);
  const { name, at: nameAt } = clusterName(block, 'cluster_name', ctx, 'local'); // "local" is rke's own default
  const nodes: NodeInput[] = [];
  const unknown: string[] = [];
  const cluster: ClusterInput = { name, distribution: 'rke', nodes };
  const read: ClusterRead = { cluster, where, source: sourcePath(ctx, block), nameAt, nodes: [] };
  readVersion(block, ctx, read);
  const refusals: { nodes: RefusedNode[]; message: string }[] = [];
  const noAddress: string[] = [];
  blocksNamed(block, 'nodes').forEach((nodeBlock, b) => {
    const instances = instancesOf(nodeBlock, scope);
    if ('unknown' in instances) {
      unknown.push(instances.unknown);
      return;
    }
    for (const { body, scope: nodeScope } of instances) {
      if (nodes.length >= LIMITS.nodesPerCluster)
        throw new InputError(`more than ${LIMITS.nodesPerCluster.toLocaleString('en')} nodes in one cluster.`, { ...where });
      const address = value(body, 'address', nodeScope);
      const override = value(body, 'hostname_override', nodeScope);
      const known = (v: Value | undefined) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
      // rke names a node by hostname_override, else by its address, and lower-cases either.
      const nodeName = (known(override) ?? known(address) ?? `node-${nodes.length + 1}`).toLowerCase();
      if (address instanceof Unknown) noAddress.push(`${nodeName} (${shown(attr(body, 'address')!.value.text)})`);
      const roleAttr = attr(body, 'role');
      const rawRoles = roleAttr ? evaluate(roleAttr.value, nodeScope) : [];
      const roles: KubernetesRole[] = [];
      if (rawRoles instanceof Unknown) unknown.push(unresolved('role', roleAttr!.value, rawRoles));
      else
        for (const r of Array.isArray(rawRoles) ? rawRoles : [rawRoles]) {
          if (r instanceof Unknown) {
            unknown.push(unresolved('role', roleAttr!.value, r));
            continue;
          }
          const role = typeof r === 'string' ? r.trim() : r;
          if ((KUBERNETES_ROLES as readonly unknown[]).includes(role)) {
            if (!roles.includes(role as KubernetesRole)) roles.push(role as KubernetesRole);
          } else
            refusals.push({
              nodes: [{ name: nodeName, index: nodes.length }], // this node is pushed below
              message: `Node "${nodeName}" has the role ${shown(JSON.stringify(r))}, which rke does not know; it refuses the cluster. Use etcd, controlplane or worker.`,
            });
        }
      const addr = known(address);
      // An address only Terraform knows (a resource's IP) is not a missing one: say where it comes from.
      const from = address instanceof Unknown ? shown(attr(body, 'address')!.value.text) : undefined;
      nodes.push(addr ? { name: nodeName, address: addr, roles } : { name: nodeName, roles, ...(from ? { addressFrom: from } : {}) });
      const nameField = attr(body, known(override) ? 'hostname_override' : 'address');
      read.nodes.push({ where: at(ctx, nodeBlock.pos), nameAt: nameField ? at(ctx, nameField.pos) : undefined, source: [...read.source, 'nodes', b] });
    }
  });
  if (noAddress.length > 0)
    ctx.warnings.push({
      place: place(where),
      message: `cluster "${name}": ${noAddress.length === 1 ? 'one address is' : `${noAddress.length} addresses are`} only known when Terraform runs: ${noAddress.slice(0, 5).join(', ')}${noAddress.length > 5 ? ', …' : ''}. Checks that need addresses were not judged for them.`,
    });
  // rke reads the pod network on kube_controller and the service network on kube_api (or kube_controller).
  const services = block.body.blocks.find((b) => b.type === 'services');
  const service = (type: string) => services?.body.blocks.find((b) => b.type === type);
  for (const [field, places] of [
    ['podCidrs', [['kube_controller', 'cluster_cidr']]],
    [
      'serviceCidrs',
      [
        ['kube_api', 'service_cluster_ip_range'],
        ['kube_controller', 'service_cluster_ip_range'],
      ],
    ],
  ] as const)
    for (const [svc, key] of places) {
      const b = service(svc);
      const v = b ? value(b, key, scope) : undefined;
      if (typeof v !== 'string' || v.trim() === '') continue;
      cluster[field] = splitCidrs(v);
      break;
    }
  const etcd = service('etcd');
  const external = etcd ? value(etcd, 'external_urls', scope) : undefined;
  if (Array.isArray(external) && external.length > 0) cluster.datastore = 'external';
  else {
    // services.etcd.backup_config; without it rke's defaults apply (snapshots on, local only).
    const backup = etcd?.body.blocks.find((b) => b.type === 'backup_config');
    const backupValues = backup ? knownValues(backup, ['enabled', 'interval_hours', 'retention'], scope) : {};
    if (backupValues)
      cluster.etcdSnapshots = fromBackupConfig({
        backup_config: { ...backupValues, ...(blocksNamed(backup, 's3_backup_config').length > 0 ? { s3backupconfig: { bucket_name: 'stated' } } : {}) },
      });
  }
  if (unknown.length > 0) cluster.nodesUnknown = unknown.slice(0, 64);
  const clusterLabel = options.clusterName ?? name;
  ctx.findings.push(
    ...refusals.map((r) => ({
      rule: 'rke-config-valid' as const,
      severity: rkeConfigValid.severity,
      cluster: clusterLabel,
      nodes: r.nodes.map((n) => n.name),
      at: { cluster: ctx.cluster, nodes: r.nodes.map((n) => n.index) },
      message: r.message,
      docs: docsPath(rkeConfigValid.docs),
    })),
  );
  return read;
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
