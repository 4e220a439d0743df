// The matrix as JSON: the whole of it, or only some nodes with the groups their rules name.
import type { NodePorts, PortMatrix } from './matrix.ts';

export function toPortsJson(matrix: PortMatrix, nodes?: readonly NodePorts[]): string {
  if (nodes === undefined) return `${JSON.stringify(matrix, null, 2)}\n`;
  const keys = new Set(nodes.flatMap((n) => n.rules.flatMap((r) => r.from)));
  const groups = Object.fromEntries(Object.entries(matrix.groups).filter(([key]) => keys.has(key)));
  return `${JSON.stringify({ rancherVersion: matrix.rancherVersion, nodes, groups, notes: matrix.notes }, null, 2)}\n`;
}
