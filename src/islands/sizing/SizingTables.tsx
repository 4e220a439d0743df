// Rancher's hardware tables as static HTML: rendered at build time into the sizing page (no
// JavaScript), from the same data the rules, the CLI and the calculator use.
import { describeAgents, describeDatabase } from '../../rules/sizing/size.ts';
import { ETCD_DISK_GUIDANCE, K3S_DATABASE_ROWS } from '../../rules/sizing/datastores.ts';
import { SERVER_SIZE_TABLES, SERVER_TABLE_LIST, type Era, type RancherSizeTable } from '../../rules/sizing/tables.ts';
import { ETCD_DISK_SOURCES, K3S_DATABASE_SOURCES, rancherTableSources, SERVER_SIZE_SOURCES } from '../../rules/sizing/sources.ts';
import { SourceList } from '../SourceList.tsx';

const n = (x: number) => x.toLocaleString('en');

export function RancherSizeTableView({ table }: { table: RancherSizeTable }) {
  const database = table.rows.some((r) => r.database);
  return (
    <table className="sz-table" data-table={table.id}>
      <caption>
        {table.title}. Printed for Rancher {table.printedFor}.
      </caption>
      <thead>
        <tr>
          <th scope="col">Size</th>
          <th scope="col">Downstream clusters, up to</th>
          <th scope="col">Nodes, up to</th>
          <th scope="col">vCPUs per node</th>
          <th scope="col">RAM per node</th>
          {database && <th scope="col">External database host</th>}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row) => (
          <tr key={row.size}>
            <th scope="row">{row.size}</th>
            <td>{n(row.maxClusters)}</td>
            <td>{n(row.maxNodes)}</td>
            <td>{row.cpu}</td>
            <td>{row.memoryGB} GB</td>
            {database && <td>{row.database ? describeDatabase(row.database) : '—'}</td>}
          </tr>
        ))}
        <tr>
          <th scope="row">Larger</th>
          <td colSpan={database ? 5 : 4}>
            {table.contactStated ? 'The table asks you to contact Rancher.' : 'No row: the table stops here. Ask Rancher rather than extrapolating.'}
          </td>
        </tr>
      </tbody>
    </table>
  );
}

/** Every Rancher server table of one stretch of releases (the Docker table goes with 2.4–2.7). */
export function RancherSizeTables({ era }: { era: Era | 'every' }) {
  const tables = SERVER_TABLE_LIST.filter((t) => t.era === era);
  return (
    <>
      {tables.map((t) => (
        <div key={t.id} className="sz-block">
          <RancherSizeTableView table={t} />
          {t.caveat && <p className="sz-caveat">{t.caveat}</p>}
          <p className="sz-source">
            Source: <SourceList sources={rancherTableSources(t.id)} />.
          </p>
        </div>
      ))}
    </>
  );
}

export function ServerSizeTable({ distribution }: { distribution: 'k3s' | 'rke2' }) {
  const table = SERVER_SIZE_TABLES[distribution];
  const label = distribution === 'k3s' ? 'K3s' : 'RKE2';
  return (
    <div className="sz-block">
      <table className="sz-table" data-table={`${distribution}-servers`}>
        <caption>{label} server size by number of agents</caption>
        <thead>
          <tr>
            <th scope="col">Agents</th>
            <th scope="col">vCPUs per server</th>
            <th scope="col">RAM per server</th>
            {table.haBonus && <th scope="col">Agents with {table.haBonus.servers} or more servers (about half as many again)</th>}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => {
            const bonus = table.haBonus;
            const previous = table.rows[i - 1]?.maxAgents;
            const scaled = (x: number | undefined) => (x === undefined || !bonus ? undefined : Math.floor(x * bonus.factor));
            return (
              <tr key={row.cpu}>
                <th scope="row">{describeAgents(row.minAgents, row.maxAgents)}</th>
                <td>{row.maxAgents === undefined ? `${row.cpu} or more` : row.cpu}</td>
                <td>{row.memoryGB} GB</td>
                {bonus && <td>{describeAgents(previous === undefined ? 0 : (scaled(previous) ?? 0) + 1, scaled(row.maxAgents))}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="sz-source">
        Source: <SourceList sources={SERVER_SIZE_SOURCES[table.distribution]} />.
      </p>
    </div>
  );
}

export function K3sDatabaseTable() {
  return (
    <div className="sz-block">
      <table className="sz-table" data-table="k3s-database">
        <caption>K3s external database host by the number of nodes in the cluster</caption>
        <thead>
          <tr>
            <th scope="col">Size</th>
            <th scope="col">Nodes</th>
            <th scope="col">vCPUs</th>
            <th scope="col">RAM</th>
          </tr>
        </thead>
        <tbody>
          {K3S_DATABASE_ROWS.map((row, i) => (
            <tr key={row.size}>
              <th scope="row">{row.size}</th>
              <td>{row.maxNodes === undefined ? `more than ${n(K3S_DATABASE_ROWS[i - 1]?.maxNodes ?? 0)}` : `up to ${n(row.maxNodes)}`}</td>
              <td>{row.cpu}</td>
              <td>{row.memoryGB} GB</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="sz-source">
        Source: <SourceList sources={K3S_DATABASE_SOURCES} />.
      </p>
    </div>
  );
}

export function EtcdDiskGuidance() {
  return (
    <>
      <ul>
        {ETCD_DISK_GUIDANCE.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p className="sz-source">
        Source: <SourceList sources={ETCD_DISK_SOURCES} />.
      </p>
    </>
  );
}
