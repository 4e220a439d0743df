// Words for counts, shared by the live region, the findings list and the calculators.
import type { ClusterSummary, Report } from '../../rules/report.ts';

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** A file size in megabytes, one decimal ("120.3 MB"). */
export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('en', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;

export function summaryLine(report: Report): string {
  const { errors, warnings, infos } = report.summary;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(infos, 'note')}`;
}

export function quorumLine(c: Pick<ClusterSummary, 'etcdMembers' | 'quorum' | 'failuresTolerated'>, external = false): string {
  if (external) return 'etcd: data kept outside the nodes (external datastore), so node losses do not affect quorum';
  if (c.etcdMembers === 0) return 'etcd: no members yet';
  return `etcd: ${plural(c.etcdMembers, 'member')}, quorum ${c.quorum}, tolerates ${plural(c.failuresTolerated, 'failure')}`;
}
