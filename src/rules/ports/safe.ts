// The only ways text reaches a firewall file: a checked node name, a checked IP address, a set
// name from our own vocabulary, or a comment made of characters that cannot end a string or a
// statement. Anything else is refused with an ExportError, never escaped into place.
import { ExportError } from '../formats/format.ts';
import { isManaged } from '../cluster-facts.ts';
import type { Distribution } from '../vocabulary.ts';
import { addressProblem, isIPv4, isIPv6, nameProblem } from '../identifiers.ts';

/** Letters, digits, space and a little punctuation: nothing that closes a quote or starts a token. */
const COMMENT = /^[A-Za-z0-9 .,:;()/+_'-]*$/;
const SET_NAME = /^[a-z][a-z0-9_]{0,30}$/;

/** A node or cluster name, re-checked where it is written. */
export function safeName(name: string, what: string): string {
  const problem = nameProblem(name);
  if (problem) throw new ExportError(what, [`the name ${JSON.stringify(name.slice(0, 40))} ${problem}.`]);
  return name;
}

/** A node's name, or for the Docker host a name or address, re-checked where it is written. */
export function safeHost(text: string, what: string): string {
  if (nameProblem(text) === undefined || addressProblem(text) === undefined) return text;
  throw new ExportError(what, [`${JSON.stringify(text.slice(0, 40))} is neither a node name nor an address.`]);
}

/** An IP address or a network in CIDR form (a default such as the pod network). */
export function safeNetwork(text: string, what: string): string {
  const [address = '', prefix, extra] = text.split('/');
  const bits = isIPv4(address) ? 32 : isIPv6(address) ? 128 : -1;
  const ok = bits > 0 && extra === undefined && (prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= bits));
  if (!ok) throw new ExportError(what, ['an element of a set must be an IP address or network.']);
  return text;
}

export function safeAddress(address: string, what: string): string {
  if (!isIPv4(address) && !isIPv6(address)) throw new ExportError(what, ['an address in a set must be an IPv4 or IPv6 address.']);
  return address;
}

export function safeSetName(name: string, what: string): string {
  if (!SET_NAME.test(name)) throw new ExportError(what, [`"${name}" is not a set name.`]);
  return name;
}

/** Comment text for a firewall file, at most `max` characters, refused if it holds anything unsafe. */
export function safeComment(text: string, what: string, max = 120): string {
  const flat = text
    .replace(/\u2013|\u2014/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
  if (!COMMENT.test(flat)) throw new ExportError(what, ['a comment would hold a character a firewall file could misread.']);
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 3);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 1))}...`;
}

/**
 * A default-drop ruleset needs every port a node uses. For hosted clusters the provider's security
 * groups hold them, and for other distributions nobody has published them: refuse rather than cut.
 */
export function assertWritable(distribution: string | undefined, what: string): void {
  if (distribution !== undefined && isManaged({ distribution: distribution as Distribution }))
    throw new ExportError(what, ["this node belongs to a hosted cluster: its provider's security groups govern it, so no host ruleset is written."]);
  if (distribution === 'other')
    throw new ExportError(what, ['Rancher, K3s and RKE2 publish no port table for this distribution, so a default-drop ruleset would cut ports it needs.']);
}
