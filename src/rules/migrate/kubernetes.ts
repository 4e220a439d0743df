// The Kubernetes release the new cluster starts on: the nearest RKE2 (or K3s) minor at or above the
// RKE cluster's, among those the chosen Rancher line offers (Rancher's channel data), so the
// workloads move to the same Kubernetes or a newer one, never an older one.
import { NEWEST_DATA_LINE } from '../kubernetes-versions.ts';
import { OFFERED, type OfferedRow } from '../kubernetes-versions-data.ts';
import { compareVersions } from '../versions.ts';
import { DISTRIBUTION_LABEL } from '../vocabulary.ts';

export interface TargetVersion {
  /** The release to write (v1.24.17+rke2r1); undefined when no release in the data fits. */
  version?: string;
  /** The source's minor (1.24), when it names one. */
  sourceMinor?: string;
  /** The Rancher line the choice was made in ("2.10"); undefined when every line in the data was searched. */
  line?: string;
  /** Why this release, in words. */
  why: string;
}

const minorOf = (version: string): string | undefined => {
  const m = /^v?(\d{1,3})\.(\d{1,3})/.exec(version);
  return m ? `${Number(m[1])}.${Number(m[2])}` : undefined;
};

/** The newest release of each minor among these rows. */
function newestByMinor(rows: readonly OfferedRow[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const row of rows) {
    const known = found.get(row[2]);
    if (known === undefined || compareVersions(row[3].replace(/^v/, '').replace(/\+.*/, ''), known.replace(/^v/, '').replace(/\+.*/, '')) > 0)
      found.set(row[2], row[3]);
  }
  return found;
}

export function targetKubernetesVersion(sourceVersion: string | undefined, to: 'rke2' | 'k3s', rancherVersion: string | undefined): TargetVersion {
  const requested = rancherVersion?.split('.').slice(0, 2).join('.');
  const inData = requested !== undefined && OFFERED.some((r) => r[0] === to && r[1] === requested);
  const line = inData ? requested : undefined;
  const rows = OFFERED.filter((r) => r[0] === to && (line === undefined || r[1] === line));
  const byMinor = newestByMinor(rows);
  const minors = [...byMinor.keys()].sort(compareVersions);
  const product = DISTRIBUTION_LABEL[to];
  const where =
    line !== undefined
      ? `Rancher ${line}`
      : requested !== undefined
        ? `the channel data, which ends at Rancher ${NEWEST_DATA_LINE} (nothing for ${requested})`
        : 'any Rancher line in the channel data';
  const sourceMinor = sourceVersion === undefined ? undefined : minorOf(sourceVersion);
  if (sourceMinor === undefined) {
    const newest = minors.at(-1);
    return {
      ...(newest === undefined ? {} : { version: byMinor.get(newest) }),
      ...(line === undefined ? {} : { line }),
      why: `The source names no Kubernetes version${sourceVersion === undefined ? '' : ' we can read'}; the newest ${product} release ${where} offers was taken.`,
    };
  }
  const minor = minors.find((m) => compareVersions(m, sourceMinor) >= 0);
  if (minor === undefined)
    return {
      sourceMinor,
      ...(line === undefined ? {} : { line }),
      why: `No ${product} release at or above v${sourceMinor} in ${where}: the newest there is ${minors.at(-1) === undefined ? 'none' : `v${minors.at(-1)}`}. Choose the release by hand; a new cluster must not start on an older Kubernetes than the workloads run on.`,
    };
  const version = byMinor.get(minor) as string;
  return {
    version,
    sourceMinor,
    ...(line === undefined ? {} : { line }),
    why:
      minor === sourceMinor
        ? `The same minor, v${minor}: its newest ${product} release in ${where}.`
        : `v${sourceMinor} has no ${product} release in ${where}; the nearest above it is v${minor}.`,
  };
}
