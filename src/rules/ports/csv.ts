// The matrix as CSV (RFC 4180): one row per node and rule, then one per load-balancer listener.
// Every cell goes through quoteCsv; a cell that a spreadsheet would read as a formula is
// prefixed with an apostrophe.
import type { NodePorts, PortMatrix } from './matrix.ts';
import { portSourceText } from './tables.ts';

/** One CSV cell: quoted when it holds a comma, quote, line break or edge space; formula-safe. */
export function quoteCsv(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: readonly string[]): string => cells.map(quoteCsv).join(',');

const HEADER = ['section', 'cluster', 'node', 'address', 'kind', 'protocol', 'ports', 'from', 'why', 'source', 'optional', 'inference', 'added_by_guide'];

export function toPortsCsv(matrix: PortMatrix, nodes?: readonly NodePorts[]): string {
  const rows = [csvLine(HEADER)];
  const label = (key: string) => matrix.groups[key]?.label ?? key;
  for (const node of nodes ?? [...matrix.clusters.flatMap((c) => c.nodes), ...(matrix.docker ? [matrix.docker] : [])])
    for (const rule of node.rules)
      rows.push(
        csvLine([
          'inbound',
          node.cluster ?? '',
          node.node,
          node.address ?? '',
          node.kind,
          rule.protocol,
          rule.ports,
          rule.local ? 'the node itself' : rule.from.map(label).join('; '),
          rule.why,
          portSourceText(rule.source),
          rule.optional ?? '',
          rule.inference ?? '',
          rule.ours ? 'yes' : '',
        ]),
      );
  if (nodes === undefined)
    for (const l of matrix.listeners)
      rows.push(
        csvLine([
          'listener',
          l.cluster,
          l.targets.join(' '),
          l.fqdn ?? '',
          l.purpose,
          l.protocol,
          String(l.port),
          'clients of the load balancer',
          [l.why, `Forwards to port ${l.targetPort}.`, l.note].filter(Boolean).join(' '),
          portSourceText(l.source),
          '',
          '',
          '',
        ]),
      );
  return `${rows.join('\r\n')}\r\n`;
}
