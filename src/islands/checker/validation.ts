// What each field of the editor accepts, in the words the plan reader uses: the same identifier
// checks as the schema (src/rules/identifiers.ts), the same version reading, the same port range
// and the same limits, so a value the page takes is one the CLI takes too. A field whose text
// fails shows why beside it and leaves the plan as it was (see ValidatedInput).
import { addressProblem, dnsNameProblem, nameProblem } from '../../rules/identifiers.ts';
import { LIMITS } from '../../rules/limits.ts';
import { normaliseVersion } from '../../rules/versions.ts';

/** A field's verdict: the value to store, or why the text cannot be stored. */
export type Verdict<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Verdict<T> => ({ ok: true, value });
const no = (problem: string): Verdict<never> => ({ ok: false, problem });

/** A cluster or node name: the schema's name rule, and not one its neighbours already use. */
export function checkName(text: string, taken: Iterable<string>, what: 'node' | 'cluster' | 'zone' = 'node'): Verdict<string> {
  const name = text.trim();
  const problem = nameProblem(name);
  if (problem) return no(`The ${what} name ${problem}.`);
  for (const other of taken) if (other === name) return no(`Another ${what} is already named “${name}”.`);
  return ok(name);
}

/** A zone name, or nothing (no zone). */
export function checkZone(text: string): Verdict<string | undefined> {
  const zone = text.trim();
  if (zone === '') return ok(undefined);
  const problem = nameProblem(zone);
  return problem ? no(`The zone ${problem}.`) : ok(zone);
}

/** A node's address (IPv4, IPv6 or a DNS name), or nothing. */
export function checkAddress(text: string): Verdict<string | undefined> {
  const address = text.trim();
  if (address === '') return ok(undefined);
  const problem = addressProblem(address);
  return problem ? no(`The address ${problem}.`) : ok(address);
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** An IPv4 address as a number, or undefined when the text is not one. */
function ipv4Number(text: string): number | undefined {
  const parts = IPV4.exec(text)?.slice(1).map(Number);
  if (!parts || parts.some((p) => p > 255)) return undefined;
  return parts.reduce((n, p) => n * 256 + p, 0);
}

const ipv4Text = (n: number) => [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');

/**
 * The addresses of `count` nodes added at once: from `first` upwards (10.0.0.10, .11, … carrying
 * into the next octet), past the ones the cluster already uses. Nothing when `first` is empty.
 */
export function checkFirstAddress(text: string, count: number, taken: ReadonlySet<string>): Verdict<string[] | undefined> {
  const first = text.trim();
  if (first === '') return ok(undefined);
  const start = ipv4Number(first);
  if (start === undefined) return no('The first address must be an IPv4 address such as 10.0.0.10; the next nodes take the addresses after it.');
  const addresses: string[] = [];
  for (let n = start; addresses.length < count; n++) {
    if (n > 0xffffffff) return no(`There are not ${count.toLocaleString('en')} free addresses from ${first} up.`);
    const address = ipv4Text(n);
    if (!taken.has(address)) addresses.push(address);
  }
  return ok(addresses);
}

/** The Docker host: a name or an address, as a load-balancer target may be. */
export function checkHost(text: string): Verdict<string | undefined> {
  const host = text.trim();
  if (host === '') return ok(undefined);
  if (nameProblem(host) === undefined || addressProblem(host) === undefined) return ok(host);
  return no(`The host ${addressProblem(host) ?? 'is not a name or an address'}.`);
}

/** The authorized endpoint's FQDN, or nothing (one kubeconfig context per node). */
export function checkFqdn(text: string): Verdict<string | undefined> {
  const fqdn = text.trim();
  if (fqdn === '') return ok(undefined);
  const problem = dnsNameProblem(fqdn);
  return problem ? no(`The FQDN ${problem}.`) : ok(fqdn);
}

/** A Rancher version ("2.4", "v2.4.8"), or nothing (checked as 2.4, with a note). */
export function checkVersion(text: string): Verdict<string | undefined> {
  if (text.trim() === '') return ok(undefined);
  const version = normaliseVersion(text);
  return version === undefined ? no('The version must look like 2.4 or v2.4.8.') : ok(version);
}

/** Most ports one load balancer lists (the schema's bound). */
export const MAX_PORTS = 64;

/** "80, 443" → [80, 443]; each part a whole number from 1 to 65535. */
export function checkPorts(text: string): Verdict<number[]> {
  const parts = text
    .split(/[\s,]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length > MAX_PORTS) return no(`At most ${MAX_PORTS} ports.`);
  const ports: number[] = [];
  for (const part of parts) {
    const port = /^\d{1,5}$/.test(part) ? Number(part) : NaN;
    if (!(port >= 1 && port <= 65535))
      return no(`“${part.length > 12 ? `${part.slice(0, 12)}…` : part}” is not a port; ports are whole numbers from 1 to 65535.`);
    ports.push(port);
  }
  return ok(ports);
}

/** How many nodes one cluster can still take, within the checker's limits (src/rules/limits.ts). */
export function roomForNodes(clusterNodes: number, planNodes: number): number {
  return Math.max(0, Math.min(LIMITS.nodesPerCluster - clusterNodes, LIMITS.nodes - planNodes));
}

/** The bulk-add count: a whole number from 1 to the room left (and at most `most` at once). */
export function checkCount(text: string, room: number, most: number): Verdict<number> {
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  const limit = Math.min(room, most);
  if (limit <= 0)
    return no(
      `This cluster is full: the checker takes at most ${LIMITS.nodesPerCluster.toLocaleString('en')} nodes in a cluster and ${LIMITS.nodes.toLocaleString('en')} in a plan.`,
    );
  if (!Number.isInteger(n) || n < 1 || n > limit) return no(`Enter a whole number from 1 to ${limit.toLocaleString('en')}.`);
  return ok(n);
}

const isControl = (ch: string) => {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || (code >= 0x7f && code < 0xa0);
};

/** A name for a plan saved in this browser: any readable text, kept short. */
export const MAX_SAVED_NAME = 80;
export function checkSavedName(text: string): Verdict<string> {
  const name = text.trim();
  if (name === '') return no('Give the plan a name.');
  if (name.length > MAX_SAVED_NAME) return no(`Names have at most ${MAX_SAVED_NAME} characters.`);
  if ([...name].some(isControl)) return no('The name contains a control character.');
  return ok(name);
}
