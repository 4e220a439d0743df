// `rancher-arch size PLAN` or `rancher-arch size --clusters N --nodes M --distribution D
// --rancher-version V`: the hardware row the Rancher server needs, per node, with the verdict on
// each node the plan sizes and the K3s/RKE2 server rows. Independent of argument parsing.
import { checkPlan, InputError, isServerRoleDistribution, rancherCluster, RULES, type Finding, type Plan } from '../../rules/index.ts';
import {
  machineVerdict,
  targetLabel,
  type MachineVerdict,
  ETCD_DISK_GUIDANCE,
  planScale,
  rancherTarget,
  serversAndAgents,
  describeAgents,
  describeAsk,
  describeDatabase,
  describeMachine,
  describeRow,
  serverRowFor,
  sizeFor,
  SIZING_TARGETS,
  type Scale,
  type SizingResult,
  type SizingTarget,
} from '../../rules/sizing/index.ts';
import { rancherTableSources } from '../../rules/sizing/sources.ts';
import { DISTRIBUTION_LABEL, type Cluster } from '../../rules/vocabulary.ts';
import { plural } from '../../rules/words.ts';
import type { Io } from '../io.ts';
import type { ReadSettings } from '../options.ts';
import { readPlanInput } from '../plan-input.ts';

export interface SizeOptions {
  settings: ReadSettings;
  /** A plan (any input check reads); without it, clusters, nodes, distribution and version are needed. */
  file?: string;
  clusters?: number;
  nodes?: number;
  distribution?: SizingTarget;
  format?: 'text' | 'json';
}

interface NodeVerdict {
  cluster: string;
  node: string;
  cpu?: number;
  memoryGiB?: number;
  verdict: MachineVerdict;
  asks: { cpu: number; memoryGB: number };
}

interface ServerReport {
  cluster: string;
  distribution: 'k3s' | 'rke2';
  servers: number;
  agents: number;
  asks: { cpu: number; memoryGB: number };
  agentRange: string;
  haBonus: boolean;
  nodes: NodeVerdict[];
}

function verdict(cluster: string, node: Cluster['nodes'][number], asks: { cpu: number; memoryGB: number }): NodeVerdict {
  return {
    cluster,
    node: node.name,
    ...(node.cpu === undefined ? {} : { cpu: node.cpu }),
    ...(node.memoryGiB === undefined ? {} : { memoryGiB: node.memoryGiB }),
    verdict: machineVerdict(node, asks),
    asks,
  };
}

function serverReports(plan: Plan): ServerReport[] {
  const out: ServerReport[] = [];
  for (const cluster of plan.clusters) {
    if (!isServerRoleDistribution(cluster.distribution)) continue;
    const { servers, agents } = serversAndAgents(cluster);
    if (servers.length === 0) continue;
    const s = serverRowFor(cluster.distribution, agents.length, servers.length);
    out.push({
      cluster: cluster.name,
      distribution: cluster.distribution,
      servers: servers.length,
      agents: agents.length,
      asks: { cpu: s.row.cpu, memoryGB: s.row.memoryGB },
      agentRange: describeAgents(s.minAgents, s.maxAgents),
      haBonus: s.haBonus,
      nodes: servers.map((n) => verdict(cluster.name, n, s.row)),
    });
  }
  return out;
}

function positive(n: number | undefined, what: string): number | undefined {
  if (n === undefined) return undefined;
  if (!Number.isInteger(n) || n < 0 || n > 1_000_000) throw new InputError(`--${what} must be a whole number from 0 to 1,000,000`);
  return n;
}

function sizingLines(sizing: SizingResult): string[] {
  const { query, table, row } = sizing;
  const out = [
    `Rancher ${query.version} on ${targetLabel(query.target)}, ${plural(query.clusters, 'downstream cluster')} with ${plural(query.nodes, 'node')}`,
    `Table: ${table.title}, printed for Rancher ${table.printedFor}`,
  ];
  if (row) {
    out.push(`Row:   ${describeRow(row)}`, `Each Rancher node: ${describeAsk(row)}`);
    if (row.database) out.push(`External database host (optional): ${describeDatabase(row.database)}`);
    if (row.note) out.push(`Note:  ${row.note}`);
  } else {
    out.push(
      `Past the largest row (${describeRow(sizing.largest)}).`,
      table.contactStated
        ? 'The table sends larger installs to Rancher for advice.'
        : 'The table stops there; ask Rancher (SUSE) for sizing rather than extrapolating.',
    );
  }
  if (table.laterJudgedTooOptimistic) out.push(`Caution: Rancher later judged this table too optimistic. ${table.caveat ?? ''}`.trim());
  else if (table.caveat) out.push(`Caution: ${table.caveat}`);
  if (sizing.revised)
    out.push(
      sizing.revised.row
        ? `October 2023 revision at this scale: ${describeAsk(sizing.revised.row)} per node (${describeRow(sizing.revised.row)}).`
        : 'The October 2023 revision stops below this scale.',
    );
  if (sizing.shippedWith)
    out.push(
      sizing.shippedWith.row
        ? `The table this release shipped with asked for ${describeAsk(sizing.shippedWith.row)} per node (${describeRow(sizing.shippedWith.row)}).`
        : 'The table this release shipped with stopped below this scale.',
    );
  for (const note of sizing.notes) out.push(`- ${note}`);
  return out;
}

const machine = (v: NodeVerdict) => (v.verdict === 'not judged' ? 'no cpu or memoryGiB in the plan' : describeMachine(v));
const judged = (v: NodeVerdict) => (v.verdict === 'meets' ? 'meets the row' : v.verdict === 'below' ? `below: needs ${describeAsk(v.asks)}` : 'not judged');

/** Print the row and the verdicts; resolves to the exit code. Throws InputError for main (exit 2). */
export async function runSize(options: SizeOptions, io: Io): Promise<number> {
  {
    const clusters = positive(options.clusters, 'clusters');
    const nodes = positive(options.nodes, 'nodes');
    // The command line's --rancher-version has been checked by readSettings already.
    const versionOption = options.settings.rancherVersion;
    let plan: Plan | undefined;
    let source = 'the command line';
    if (options.file !== undefined) {
      const input = await readPlanInput(options.file, options.settings, io);
      plan = input.plan;
      source = input.name;
      if (versionOption) plan = { ...plan, rancher: { install: 'kubernetes', ...plan.rancher, version: versionOption } };
    }
    const notes: string[] = [];
    const version = versionOption ?? plan?.rancher?.version;
    if (version === undefined) {
      if (!plan) throw new InputError('size needs --rancher-version V (or a plan that names its version)');
      notes.push('The plan names no Rancher version: sized as 2.4, the version the guide follows.');
    }
    const target = options.distribution ?? (plan ? rancherTarget(plan) : undefined);
    if (target === undefined)
      throw new InputError(
        plan
          ? 'the plan names no cluster that runs Rancher: add rancher.cluster to it, or give --distribution'
          : `size needs --distribution (${SIZING_TARGETS.join(', ')})`,
        plan ? { file: source } : {},
      );
    const fromPlan: Scale | undefined = plan ? planScale(plan) : undefined;
    if (!fromPlan && (clusters === undefined || nodes === undefined)) throw new InputError('size needs --clusters N and --nodes M (or a plan)');
    const scale: Scale = { clusters: clusters ?? fromPlan?.clusters ?? 0, nodes: nodes ?? fromPlan?.nodes ?? 0 };
    if (fromPlan && (clusters !== undefined || nodes !== undefined))
      notes.push("--clusters/--nodes replace the plan's own scale for the row; the findings below use the plan's.");
    const sizing = sizeFor({ version: version ?? '2.4', target, ...scale });

    const r = plan ? rancherCluster(plan) : undefined;
    const rancherNodes = r && sizing.row ? r.nodes.map((n) => verdict(r.name, n, sizing.row as { cpu: number; memoryGB: number })) : [];
    const servers = plan ? serverReports(plan) : [];
    const sizingRules = RULES.filter((rule) => rule.category === 'sizing');
    const findings: Finding[] = plan ? checkPlan(plan, { rules: sizingRules }).findings : [];
    const failing = sizing.beyond || rancherNodes.some((v) => v.verdict === 'below') || servers.some((s) => s.nodes.some((v) => v.verdict === 'below'));

    if (options.format === 'json') {
      io.stdout(
        `${JSON.stringify(
          {
            input: source,
            query: sizing.query,
            era: sizing.era,
            table: {
              id: sizing.table.id,
              title: sizing.table.title,
              sources: rancherTableSources(sizing.table.id),
              laterJudgedTooOptimistic: sizing.table.laterJudgedTooOptimistic === true,
            },
            row: sizing.row ?? null,
            beyond: sizing.beyond,
            revised: sizing.revised ? { table: sizing.revised.table.id, row: sizing.revised.row ?? null } : null,
            shippedWith: sizing.shippedWith ? { table: sizing.shippedWith.table.id, row: sizing.shippedWith.row ?? null } : null,
            notes: [...notes, ...sizing.notes],
            rancherNodes,
            servers,
            etcdDisk: ETCD_DISK_GUIDANCE,
            findings,
          },
          null,
          2,
        )}\n`,
      );
      return failing ? 1 : 0;
    }
    const out = [`${source}`, '', ...sizingLines(sizing), ...notes.map((n) => `- ${n}`)];
    if (r) {
      out.push('', `Rancher cluster ${r.name} (${plural(r.nodes.length, 'node')}):`);
      if (rancherNodes.length === 0) out.push('  no row to hold the nodes against');
      const width = Math.max(0, ...rancherNodes.map((v) => v.node.length));
      for (const v of rancherNodes) out.push(`  ${v.node.padEnd(width)}  ${machine(v)}: ${judged(v)}`);
    }
    if (servers.length > 0) {
      out.push('', 'K3s and RKE2 servers, by the agents they serve:');
      for (const s of servers) {
        out.push(
          `  ${s.cluster} (${DISTRIBUTION_LABEL[s.distribution]}, ${plural(s.servers, 'server')}, ${plural(s.agents, 'agent')}): ${describeAsk(s.asks)} per server, the row for ${s.agentRange}${s.haBonus ? ' (three or more servers carry about half as many agents again)' : ''}`,
        );
        const width = Math.max(...s.nodes.map((v) => v.node.length));
        for (const v of s.nodes) out.push(`    ${v.node.padEnd(width)}  ${machine(v)}: ${judged(v)}`);
      }
    }
    out.push('', 'etcd disks (no plan field measures these):', ...ETCD_DISK_GUIDANCE.map((line) => `  - ${line}`));
    if (plan) {
      out.push('', findings.length === 0 ? 'No sizing finding.' : 'Findings:');
      for (const f of findings) out.push(`  ${f.severity.padEnd(7)} ${f.message} [${f.rule}]`);
    }
    io.stdout(`${out.join('\n')}\n`);
    return failing ? 1 : 0;
  }
}
