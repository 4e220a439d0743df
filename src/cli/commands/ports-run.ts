// `rancher-arch ports PLAN`: the firewall matrix of a plan as Markdown, nftables, firewalld, CSV or
// JSON, for every node or one (--node NAME or CLUSTER/NAME). Independent of argument parsing:
// the command line hands over typed options.
import { allNodes, findNode, portMatrix, toFirewalld, toNftables, toPortsCsv, toPortsJson, toPortsMarkdown, type NodePorts } from '../../rules/ports/index.ts';
import { ExportError, InputError, listNames } from '../../rules/index.ts';
import { nodeRef } from '../../rules/keys.ts';
import type { Io } from '../io.ts';
import type { ReadSettings } from '../options.ts';
import { readPlanInput } from '../plan-input.ts';

export const PORTS_EXPORTS = ['markdown', 'nftables', 'firewalld', 'csv', 'json'] as const;
export type PortsExport = (typeof PORTS_EXPORTS)[number];

export interface PortsOptions {
  settings: ReadSettings;
  /** A file, or - for standard input. */
  file: string;
  format?: PortsExport;
  /** One node, by name, address or CLUSTER/NAME. */
  node?: string;
}

function pickNodes(options: PortsOptions, nodes: NodePorts[], found: (ref: string) => NodePorts[], file: string): NodePorts[] {
  if (options.node === undefined) return nodes;
  const matches = found(options.node);
  if (matches.length === 1) return matches;
  const names = nodes.map((n) => nodeRef(n.cluster, n.node));
  if (matches.length === 0) throw new InputError(`no node "${options.node}" in the plan; its nodes are ${listNames(names, 12)}`, { file });
  throw new InputError(`"${options.node}" names ${matches.length} nodes; write it as CLUSTER/NAME`, { file });
}

/** Print the matrix; resolves to the exit code. Throws InputError for main to report (exit 2). */
export async function runPorts(options: PortsOptions, io: Io): Promise<number> {
  const input = await readPlanInput(options.file, options.settings, io);
  try {
    const matrix = portMatrix(input.plan);
    const every = allNodes(matrix);
    if (every.length === 0) throw new InputError('the plan has no node to write rules for', { file: input.name });
    const nodes = pickNodes(options, every, (ref) => findNode(matrix, ref), input.name);
    const format = options.format ?? 'markdown';
    const only = options.node === undefined ? undefined : nodes;
    if (format === 'markdown') io.stdout(toPortsMarkdown(matrix, only ? { nodes: only } : {}));
    else if (format === 'csv') io.stdout(toPortsCsv(matrix, only));
    else if (format === 'json') io.stdout(toPortsJson(matrix, only));
    else {
      // A ruleset replaces the node's whole table: printing several into one stream invites
      // loading them all on one machine, so these formats take one node at a time.
      if (nodes.length > 1) {
        const names = nodes.map((n) => nodeRef(n.cluster, n.node));
        throw new InputError(
          `${format} rules are written one node at a time: add --node NAME (one of ${listNames(names, 12)}), e.g. in a loop, one file per node`,
          { file: input.name },
        );
      }
      const [node] = nodes as [NodePorts];
      io.stdout(format === 'nftables' ? toNftables(matrix, node) : toFirewalld(matrix, node));
    }
    return 0;
  } catch (error) {
    // A ruleset the writer will not produce (a hosted node, say) is reported like unreadable input.
    if (error instanceof ExportError) throw new InputError(error.message, { file: input.name });
    throw error;
  }
}
