// What a name or an address may hold. Names and addresses travel into cluster.yml, nginx.conf,
// nftables rulesets, Markdown and terminals, so anything that could turn into syntax there
// (whitespace, quotes, `;`, braces, `#`, brackets, control characters…) is refused when a plan is
// read, with a message that names the character. What is readable but merely not what a tool
// accepts (`Worker_3`, `node_1.lab`) is kept: the rules report it as advice about the plan.
import ipaddr from 'ipaddr.js';

export const MAX_NAME_LENGTH = 253;

/** Letters, digits, `.`, `_` and `-`, starting with a letter or digit. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
/** DNS name labels; `_` is let through here and reported by the DNS-1123 rule instead. */
const DNS_NAME = /^[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?)*\.?$/;
// DNS-1123 subdomain (Kubernetes node names, rke hostnames): lower-case alphanumerics, '-' and '.',
// alphanumeric at both ends of each label.
const DNS_1123 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** One character as people can read it in a message, control characters included. */
export function describeCharacter(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return `a control character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
  if (/\s/.test(ch)) return code === 0x20 ? 'a space' : `a whitespace character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
  return JSON.stringify(ch);
}

function firstBad(text: string, allowed: RegExp): string | undefined {
  for (const ch of text) if (!allowed.test(ch)) return ch;
  return undefined;
}

/** Why `text` cannot be a cluster or node name, or undefined when it can. */
export function nameProblem(text: string): string | undefined {
  if (text.length === 0) return 'must not be empty';
  if (text.length > MAX_NAME_LENGTH) return `is ${text.length} characters long; names have at most ${MAX_NAME_LENGTH}`;
  const bad = firstBad(text, /[A-Za-z0-9._-]/);
  if (bad !== undefined) return `contains ${describeCharacter(bad)}; names use letters, digits, ".", "_" and "-"`;
  if (!NAME.test(text)) return 'must start with a letter or a digit';
  return undefined;
}

// ipaddr.js, which the address checks load anyway, rather than zod's regular expressions (whose
// module ships whole, 1 KB gzip); the same addresses as before. Four-part decimal only: ipaddr.js
// also parses old forms such as 10.1 or 0x0a.0.0.1. IPv6 in hex digits and colons only: no zone
// (`%eth0`), no brackets, no dotted IPv4 tail (`::ffff:10.0.0.1`), which the writers' address
// patterns (nginx, nftables) do not take.
export const isIPv4 = (text: string): boolean => ipaddr.IPv4.isValidFourPartDecimal(text);
export const isIPv6 = (text: string): boolean => /^[0-9A-Fa-f:]+$/.test(text) && ipaddr.IPv6.isValid(text);

/** Ranges no machine can be reached at from another one (ipaddr.js's names for them). */
const UNREACHABLE_RANGES: Record<string, string> = {
  unspecified: 'is the unspecified address, which means "any address" to a server, not one machine',
  loopback: 'is a loopback address: every machine answers it itself',
  multicast: 'is a multicast address, which names a group, not one machine',
  broadcast: 'is the broadcast address, which reaches every machine on the network',
};

/** Why an IP address cannot be a node's: it names no single machine other nodes can reach. */
function ipProblem(text: string): string | undefined {
  return UNREACHABLE_RANGES[ipaddr.process(text).range()];
}

/** Why `text` cannot be a node address (IPv4, IPv6 or a DNS name), or undefined when it can. */
export function addressProblem(text: string): string | undefined {
  if (text.length === 0) return 'must not be empty';
  if (text.length > MAX_NAME_LENGTH) return `is ${text.length} characters long; addresses have at most ${MAX_NAME_LENGTH}`;
  if (isIPv4(text) || isIPv6(text)) return ipProblem(text);
  if (/^\[.*\]$/.test(text) && isIPv6(text.slice(1, -1))) return 'is an IPv6 address in brackets; write it without them';
  const bad = firstBad(text, /[A-Za-z0-9._:-]/);
  if (bad !== undefined) return `contains ${describeCharacter(bad)}; an address is an IPv4 or IPv6 address or a DNS name`;
  if (/^[\d.]+$/.test(text)) return 'looks like an IPv4 address but is not one (four numbers from 0 to 255)';
  if (text.includes(':')) return 'looks like an IPv6 address but is not one';
  if (!DNS_NAME.test(text)) return 'is not a DNS name (labels of letters, digits and "-", up to 63 characters, joined by ".")';
  return undefined;
}

/** Why `text` cannot be a fully qualified domain name (the ACE's FQDN), or undefined. */
export function dnsNameProblem(text: string): string | undefined {
  const problem = addressProblem(text);
  if (problem) return problem.replace('an address is an IPv4 or IPv6 address or a DNS name', 'expected a DNS name');
  if (isIPv4(text) || isIPv6(text)) return 'is an IP address; use a DNS name that resolves to the load balancer';
  return undefined;
}

/** A DNS-1123 subdomain: what Kubernetes accepts as a node name and rke as a hostname. */
export function isDns1123Subdomain(name: string): boolean {
  return name.length <= MAX_NAME_LENGTH && DNS_1123.test(name) && name.split('.').every((label) => label.length <= 63);
}

/** A registration address split into its parts; the port is absent when the URL names none. */
export interface RegistrationUrl {
  host: string;
  port?: number;
}

/** `https://host[:port][/]` as K3s and RKE2 take it in `server:`; undefined when it is not one. */
export function parseRegistrationUrl(text: string): RegistrationUrl | undefined {
  const match = /^https:\/\/(\[[0-9A-Fa-f:.]+\]|[^/:[\]]+)(?::(\d{1,5}))?\/?$/.exec(text);
  if (!match) return undefined;
  const host = (match[1] as string).replace(/^\[(.*)\]$/, '$1');
  if (addressProblem(host) !== undefined) return undefined;
  const port = match[2] === undefined ? undefined : Number(match[2]);
  if (port !== undefined && (port < 1 || port > 65535)) return undefined;
  return port === undefined ? { host } : { host, port };
}

/** Why `text` cannot be a registration address, or undefined when it can. */
export function registrationUrlProblem(text: string): string | undefined {
  if (text.length > MAX_NAME_LENGTH + 16) return `is ${text.length} characters long; a registration address has at most ${MAX_NAME_LENGTH + 16}`;
  if (!text.startsWith('https://')) return 'must start with https:// (K3s and RKE2 join over HTTPS)';
  if (parseRegistrationUrl(text) === undefined) return 'is not https:// followed by an IP address or DNS name and an optional port';
  return undefined;
}
