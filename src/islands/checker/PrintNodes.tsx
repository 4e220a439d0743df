// The node table the printed report carries (the editor itself does not print): every node of every
// cluster with its address, zone, roles and what-if state. Hidden on screen. Rows are drawn in
// blocks that are memoised on the node objects they show, so an edit to one node of a 5,000-node
// cluster re-renders one block, not the whole table.
import { memo } from 'react';
import type { Cluster, PlanNode } from '../../rules/plan.ts';
import { ROLE_TEXT } from '../../rules/vocabulary.ts';

const BLOCK = 100;

interface BlockProps {
  nodes: readonly PlanNode[];
  from: number;
  /** Names of the failed nodes in this block, one per line (a string, so equal sets compare equal). */
  down: string;
}

const sameBlock = (a: BlockProps, b: BlockProps) => {
  if (a.from !== b.from || a.down !== b.down) return false;
  const end = Math.max(Math.min(a.nodes.length, a.from + BLOCK), Math.min(b.nodes.length, b.from + BLOCK));
  for (let i = a.from; i < end; i++) if (a.nodes[i] !== b.nodes[i]) return false;
  return true;
};

const Block = memo(function Block({ nodes, from, down }: BlockProps) {
  const failed = new Set(down ? down.split('\n') : []);
  return (
    <>
      {nodes.slice(from, from + BLOCK).map((n, i) => (
        <tr key={from + i}>
          <td>{n.name}</td>
          <td>{n.address ?? '—'}</td>
          <td>{n.zone ?? '—'}</td>
          <td>{n.roles.length ? n.roles.map((r) => ROLE_TEXT[r].name).join(', ') : 'none'}</td>
          <td>{failed.has(n.name) ? 'failed' : ''}</td>
        </tr>
      ))}
    </>
  );
}, sameBlock);

function ClusterNodes({ cluster, failed }: { cluster: Cluster; failed: ReadonlySet<string> }) {
  const blocks: number[] = [];
  for (let from = 0; from < cluster.nodes.length; from += BLOCK) blocks.push(from);
  return (
    <table className="ck-print-table">
      <caption>
        {cluster.name}: {cluster.nodes.length} {cluster.nodes.length === 1 ? 'node' : 'nodes'}
      </caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Address</th>
          <th scope="col">Zone</th>
          <th scope="col">Roles</th>
          <th scope="col">What-if</th>
        </tr>
      </thead>
      <tbody>
        {blocks.map((from) => (
          <Block
            key={from}
            nodes={cluster.nodes}
            from={from}
            down={cluster.nodes
              .slice(from, from + BLOCK)
              .filter((n) => failed.has(n.name))
              .map((n) => n.name)
              .join('\n')}
          />
        ))}
      </tbody>
    </table>
  );
}

export const PrintNodes = memo(function PrintNodes({ clusters, failed }: { clusters: readonly Cluster[]; failed: ReadonlyMap<string, string[]> }) {
  if (clusters.length === 0) return null;
  return (
    <section className="ck-print-only">
      <h2>Nodes</h2>
      {clusters.map((c, i) => (
        <ClusterNodes key={`${i}-${c.name}`} cluster={c} failed={new Set(failed.get(c.name) ?? [])} />
      ))}
    </section>
  );
});
