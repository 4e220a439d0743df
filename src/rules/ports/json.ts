// The matrix as JSON: the whole of it, or only some nodes with the groups their rules name. Rules
// and listeners name their source by id; `sources` maps each id used to its { title, where }.
import { allNodes, type NodePorts, type PortMatrix } from './matrix.ts';
import { portSources, type PortSourceId } from './tables.ts';

function sourcesOf(ids: Iterable<PortSourceId>) {
  return Object.fromEntries([...new Set(ids)].flatMap((id) => portSources(id).map((source) => [id, source])));
}

export function toPortsJson(matrix: PortMatrix, nodes?: readonly NodePorts[]): string {
  if (nodes === undefined) {
    const ids = [...allNodes(matrix).flatMap((n) => n.rules.map((r) => r.source)), ...matrix.listeners.map((l) => l.source)];
    return `${JSON.stringify({ ...matrix, sources: sourcesOf(ids) }, null, 2)}\n`;
  }
  const keys = new Set(nodes.flatMap((n) => n.rules.flatMap((r) => r.from)));
  const groups = Object.fromEntries(Object.entries(matrix.groups).filter(([key]) => keys.has(key)));
  const sources = sourcesOf(nodes.flatMap((n) => n.rules.map((r) => r.source)));
  return `${JSON.stringify({ rancherVersion: matrix.rancherVersion, nodes, groups, notes: matrix.notes, sources }, null, 2)}\n`;
}
