// Does a Rancher version offer an RKE2 or K3s Kubernetes release? Answered from the ranges
// scripts/kdm-versions.mjs derives from Rancher's channel data (kubernetes-versions-data.ts): yes,
// no (with what that Rancher does offer), or unknown when the question lies beyond the data.
import { KDM_SOURCES, OFFERED, type OfferedRow } from './kubernetes-versions-data.ts';
import { compareVersions } from './versions.ts';

export type OfferAnswer =
  | { answer: 'yes'; row: OfferedRow }
  | { answer: 'no'; why: 'minor-not-offered'; offered: string[] }
  | { answer: 'no'; why: 'rancher-outside'; row: OfferedRow }
  | { answer: 'unknown'; why: 'rancher-beyond-data' | 'release-beyond-data' | 'line-not-in-data' | 'unreadable'; newestLine: string };

/** The newest Rancher line the data covers ("2.10"). */
export const NEWEST_DATA_LINE: string = KDM_SOURCES.reduce((a, s) => (compareVersions(s.line, a) > 0 ? s.line : a), '0.0');

/** "v1.28.10+rke2r1" → { minor: "1.28", patch: 10 }. */
function kubernetesParts(version: string): { minor: string; patch?: number } | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?/.exec(version);
  if (!m) return undefined;
  return m[3] === undefined ? { minor: `${m[1]}.${m[2]}` } : { minor: `${m[1]}.${m[2]}`, patch: Number(m[3]) };
}

/** The Kubernetes minors a Rancher line offers for a distribution, oldest first. */
export function offeredMinors(distribution: 'rke2' | 'k3s', line: string): OfferedRow[] {
  return OFFERED.filter((r) => r[0] === distribution && r[1] === line);
}

const untilOf = (row: OfferedRow) => (row[5].endsWith('.x') ? `${row[1]}.999999` : row[5]);

/**
 * Does Rancher `rancherVersion` ("2.8.5", or a line "2.8") offer `kubernetesVersion`
 * ("v1.28.10+rke2r1") for `distribution`? A line without a patch counts as offering what any of
 * its releases offers.
 */
export function rancherOffers(rancherVersion: string, distribution: 'rke2' | 'k3s', kubernetesVersion: string): OfferAnswer {
  const newestLine = NEWEST_DATA_LINE;
  const parts = rancherVersion.split('.');
  const line = parts.slice(0, 2).join('.');
  const k8s = kubernetesParts(kubernetesVersion);
  if (k8s === undefined || parts.length < 2) return { answer: 'unknown', why: 'unreadable', newestLine };
  if (compareVersions(line, newestLine) > 0) return { answer: 'unknown', why: 'rancher-beyond-data', newestLine };
  const rows = offeredMinors(distribution, line);
  if (rows.length === 0) return { answer: 'unknown', why: 'line-not-in-data', newestLine };
  const row = rows.find((r) => r[2] === k8s.minor);
  if (row === undefined) {
    // A minor newer than anything the data knows may simply be newer than the data.
    const newestMinor = OFFERED.filter((r) => r[0] === distribution).reduce((a, r) => (compareVersions(r[2], a) > 0 ? r[2] : a), '0.0');
    if (compareVersions(k8s.minor, newestMinor) > 0 && line === newestLine) return { answer: 'unknown', why: 'release-beyond-data', newestLine };
    return { answer: 'no', why: 'minor-not-offered', offered: rows.map((r) => r[2]) };
  }
  const newestPatch = kubernetesParts(row[3])?.patch ?? 0;
  if (k8s.patch !== undefined && k8s.patch > newestPatch) return { answer: 'unknown', why: 'release-beyond-data', newestLine };
  if (parts.length === 2) return { answer: 'yes', row };
  if (compareVersions(rancherVersion, row[4]) < 0 || compareVersions(rancherVersion, untilOf(row)) > 0) return { answer: 'no', why: 'rancher-outside', row };
  return { answer: 'yes', row };
}

/** "v1.25–v1.28" for the message. */
export function minorSpan(minors: readonly string[]): string {
  if (minors.length === 0) return 'none';
  return minors.length === 1 ? `v${minors[0]}` : `v${minors[0]}–v${minors[minors.length - 1]}`;
}

/** One line of the versions page's table: a Rancher line and, per distribution, its minors with their gates. */
export interface VersionTableRow {
  line: string;
  branch: string;
  commit: string;
  rke2: string;
  k3s: string;
}

/** "v1.25–v1.28 (v1.28 from 2.8.3)": the span of minors, then any minor that starts late or ends early in the line. */
function describeLine(rows: readonly OfferedRow[]): string {
  if (rows.length === 0) return 'none listed';
  const gates = rows.flatMap((r) => {
    const notes: string[] = [];
    if (compareVersions(r[4], `${r[1]}.0`) > 0) notes.push(`from ${r[4]}`);
    if (!r[5].endsWith('.x') && !r[5].endsWith('.99')) notes.push(`up to ${r[5]}`);
    return notes.length > 0 ? [`v${r[2]} ${notes.join(', ')}`] : [];
  });
  const span = minorSpan(rows.map((r) => r[2]));
  return gates.length > 0 ? `${span} (${gates.join('; ')})` : span;
}

/** The versions page's table, newest Rancher line first. */
export function versionTable(): VersionTableRow[] {
  return [...KDM_SOURCES]
    .sort((a, b) => compareVersions(b.line, a.line))
    .map((s) => ({
      line: s.line,
      branch: s.branch,
      commit: s.commit,
      rke2: describeLine(offeredMinors('rke2', s.line)),
      k3s: describeLine(offeredMinors('k3s', s.line)),
    }));
}
