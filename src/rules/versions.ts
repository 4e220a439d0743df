// Rancher versions: how they compare, which range a rule applies to, and the profiles the checker
// names in its reports. A plan without a version is checked as 2.4, the release the seed guidance
// was written for.

/** The version a plan is checked as when it names none. */
export const DEFAULT_RANCHER_VERSION = '2.4';
/** The newest minor release the guide knows about. */
export const LATEST_KNOWN_VERSION = '2.15';

/** "2.4", "v2.4.8", " 2.4.8 " → "2.4.8"-style text, or undefined when it is not a version. */
export function normaliseVersion(input: string | number): string | undefined {
  const text = String(input).trim().replace(/^v/i, '');
  return /^\d{1,3}(\.\d{1,3}){0,2}$/.test(text) ? text : undefined;
}

/** Numeric comparison of dotted versions: "2.4" = "2.4.0" < "2.4.8" < "2.10". */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** A half-open range of Rancher versions: `since` ≤ v < `until`; either end may be open. */
export interface VersionRange {
  since?: string;
  until?: string;
}

export function inRange(version: string, range: VersionRange): boolean {
  if (range.since !== undefined && compareVersions(version, range.since) < 0) return false;
  if (range.until !== undefined && compareVersions(version, range.until) >= 0) return false;
  return true;
}

/** The last release before `until`, in words: until "2.5" → "2.4.x", until "2.6.3" → "2.6.2". */
function lastBefore(until: string): string {
  const [major = 0, minor = 0, patch = 0] = until.split('.').map(Number);
  if (patch > 0) return `${major}.${minor}.${patch - 1}`;
  return minor > 0 ? `${major}.${minor - 1}.x` : `before ${until}`;
}

/** "every version", "2.5 and later", "up to 2.4.x", "2.2 – 2.11.x". */
export function describeRange(range: VersionRange): string {
  const { since, until } = range;
  if (since === undefined && until === undefined) return 'every version';
  if (until === undefined) return `${since} and later`;
  if (since === undefined) return `up to ${lastBefore(until)}`;
  return `${since} – ${lastBefore(until)}`;
}

export interface Profile extends VersionRange {
  since: string;
  id: string;
  label: string;
  /** What sets this stretch of releases apart, in a line. */
  summary: string;
}

/** The stretches of releases whose advice differs; every version falls in exactly one. */
export const PROFILES: readonly Profile[] = [
  { id: '2.0-2.3', label: 'Rancher 2.0 – 2.3', since: '2.0', until: '2.4', summary: 'Rancher runs on an RKE cluster only.' },
  { id: '2.4', label: 'Rancher 2.4', since: '2.4', until: '2.5', summary: 'RKE or K3s; K3s recommended for new installs.' },
  {
    id: '2.5-2.11',
    label: 'Rancher 2.5 – 2.11',
    since: '2.5',
    until: '2.12',
    summary: 'Any conformant Kubernetes, RKE2 from 2.5.6 and hosted EKS/AKS/GKE; separation required when Rancher manages downstream clusters.',
  },
  { id: '2.12+', label: 'Rancher 2.12 and later', since: '2.12', summary: 'RKE1 is end of life: RKE2, K3s or hosted Kubernetes only.' },
];

export function profileOf(version: string): Profile {
  const found = PROFILES.find((p) => inRange(version, p));
  // Versions before 2.0 are not Rancher 2; they are checked with the oldest profile.
  return found ?? (PROFILES[0] as Profile);
}

/** A release (or stretch of patch releases) a reader can say they run. */
export interface VersionChoice {
  /** The version checked for this choice: the first release it covers. */
  value: string;
  label: string;
}

/**
 * Patch releases where the advice changes inside a minor release: RKE2 can host Rancher from
 * 2.5.6, and registered RKE2 and K3s clusters get the authorized cluster endpoint from 2.6.3.
 */
const PATCH_BOUNDARIES: Readonly<Record<string, readonly string[]>> = { '2.5': ['2.5.6'], '2.6': ['2.6.3'] };

/** What the version choice offers, oldest first: every minor release from 2.0 to the latest known, split at the patch boundaries. */
export const VERSION_CHOICES: readonly VersionChoice[] = (() => {
  const latestMinor = Number(LATEST_KNOWN_VERSION.split('.')[1]);
  const choices: VersionChoice[] = [];
  for (let minor = 0; minor <= latestMinor; minor++) {
    const release = `2.${minor}`;
    const splits = PATCH_BOUNDARIES[release];
    if (!splits) {
      choices.push({ value: release, label: release });
      continue;
    }
    const starts = [`${release}.0`, ...splits];
    starts.forEach((start, i) => {
      const next = starts[i + 1];
      const lastPatch = next === undefined ? undefined : `${release}.${Number(next.split('.')[2]) - 1}`;
      choices.push({ value: start, label: lastPatch === undefined ? `${start} or a later ${release}` : `${start} – ${lastPatch}` });
    });
  }
  return choices;
})();

/** The choice a version falls under (the last one starting at or before it); undefined before 2.0. */
export function choiceFor(version: string): VersionChoice | undefined {
  let found: VersionChoice | undefined;
  for (const choice of VERSION_CHOICES) if (compareVersions(choice.value, version) <= 0) found = choice;
  return found;
}
