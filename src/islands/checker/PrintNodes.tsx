// The node table the printed report carries (the editor itself does not print): every node of every
// cluster with its address, zone, roles and what-if state. Hidden on screen; memoised per cluster,
// so an edit re-renders only the table of the cluster it touched.
import { memo } from 'react';
import type { Cluster } from '../../rules/plan.ts';
import { ROLE_NAME } from './NodeList.tsx';

const ClusterNodes = memo(function ClusterNodes({ cluster, failed }: { cluster: Cluster; failed: string }) {
  const down = new Set(failed ? failed.split('\n') : []);
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
        {cluster.nodes.map((n, i) => (
          <tr key={i}>
            <td>{n.name}</td>
            <td>{n.address ?? '—'}</td>
            <td>{n.zone ?? '—'}</td>
            <td>{n.roles.length ? n.roles.map((r) => ROLE_NAME[r]).join(', ') : 'none'}</td>
            <td>{down.has(n.name) ? 'failed' : ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});

export const PrintNodes = memo(function PrintNodes({ clusters, failed }: { clusters: readonly Cluster[]; failed: ReadonlyMap<string, string[]> }) {
  if (clusters.length === 0) return null;
  return (
    <section className="ck-print-only">
      <h2>Nodes</h2>
      {clusters.map((c, i) => (
        // The failed names are passed as one string so an unrelated change keeps the memo.
        <ClusterNodes key={`${i}-${c.name}`} cluster={c} failed={(failed.get(c.name) ?? []).join('\n')} />
      ))}
    </section>
  );
});
