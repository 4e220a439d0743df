// One node's inbound rules as an nftables ruleset: a table of its own (replaced atomically on each
// load), named address sets, and an input chain that drops what the matrix does not list. Every
// piece of text is a checked name, a checked address, a set name of ours or a safe comment.
import { listNames } from '../words.ts';
import type { InboundRule, NodePorts, PortMatrix } from './matrix.ts';
import { assertWritable, safeAddress, safeComment, safeHost, safeName, safeNetwork, safeSetName } from './safe.ts';
import { activeRules, setsFor, type AddressSet, type Family } from './sets.ts';
import { DISTRIBUTION_LABEL } from '../vocabulary.ts';

export const NFT_TABLE = 'rancher_arch';
const WHAT = 'The nftables ruleset';

function setBlock(name: string, set: AddressSet, family: Family, elements: readonly string[]): string[] {
  const lines = [`\tset ${safeSetName(name, WHAT)} {`, `\t\ttype ${family === 'v4' ? 'ipv4_addr' : 'ipv6_addr'}`];
  if (set.interval) lines.push('\t\tflags interval');
  if (elements.length > 0) {
    const checked = elements.map((e) => (set.interval ? safeNetwork(e, WHAT) : safeAddress(e, WHAT)));
    lines.push('\t\telements = {');
    for (let i = 0; i < checked.length; i += 8) lines.push(`\t\t\t${checked.slice(i, i + 8).join(', ')}${i + 8 < checked.length ? ',' : ''}`);
    lines.push('\t\t}');
  }
  lines.push('\t}');
  return lines;
}

function match(rule: InboundRule, family: Family): string {
  if (rule.protocol === 'any') return '';
  if (rule.protocol === 'icmp') return family === 'v4' ? ' icmp type echo-request' : ' icmpv6 type echo-request';
  return ` ${rule.protocol} dport ${rule.ports}`;
}

function ruleLines(rule: InboundRule, sets: Map<string, AddressSet>): string[] {
  const lines: string[] = [];
  const comment = safeComment(`${rule.ours ? 'ours: ' : ''}${rule.why.replace(/\.$/, '')}`, WHAT);
  for (const key of rule.from) {
    const set = sets.get(key);
    if (!set) continue;
    for (const family of ['v4', 'v6'] as const) {
      if (set.families[family] === undefined) continue;
      const name = `${set.base}_${family}`;
      lines.push(`${family === 'v4' ? 'ip' : 'ip6'} saddr @${name}${match(rule, family)} accept comment "${comment}"`);
    }
  }
  return lines;
}

/** The ruleset for one node. Throws ExportError if anything in it fails the checks. */
export function toNftables(matrix: PortMatrix, node: NodePorts): string {
  const nodeName = safeHost(node.node, WHAT);
  const cluster = node.cluster === undefined ? undefined : matrix.clusters.find((c) => c.name === node.cluster);
  assertWritable(cluster?.distribution, WHAT);
  const where = cluster
    ? `cluster ${safeName(cluster.name, WHAT)}, ${DISTRIBUTION_LABEL[cluster.distribution]}${cluster.network ? `, network ${cluster.network}` : ''}`
    : 'the Rancher Docker host';
  const sets = setsFor(matrix, node);
  const out = [
    '#!/usr/sbin/nft -f',
    `# Inbound firewall for node ${nodeName} (${where}), Rancher ${matrix.rancherVersion}, written by rancher-arch.`,
    '# Policy is drop: traffic the matrix does not list is refused. Before loading, put your',
    '# administrators in admin_v4 or admin_v6 (or you lose SSH) and fill the other empty sets.',
    '# Rules marked ours are not in the Rancher, K3s or RKE2 tables; see the guide page Ports and firewalls.',
  ];
  for (const warning of node.warnings ?? []) out.push(`# WARNING: ${safeComment(warning, WHAT, 400)}`);
  const unresolved = [...sets.values()].flatMap((s) => s.unresolved.map((n) => safeComment(n, WHAT)));
  if (unresolved.length > 0)
    out.push(`# No IP address in the plan for: ${safeComment(listNames([...new Set(unresolved)], 20), WHAT, 400)}. Add them to their sets.`);
  out.push('', `table inet ${NFT_TABLE}`, `delete table inet ${NFT_TABLE}`, '', `table inet ${NFT_TABLE} {`);
  for (const set of sets.values()) {
    out.push(`\t# ${safeComment(set.label, WHAT)}`);
    for (const family of ['v4', 'v6'] as const) {
      const elements = set.families[family];
      if (elements !== undefined) out.push(...setBlock(`${set.base}_${family}`, set, family, elements));
    }
  }
  out.push(
    '',
    '\tchain input {',
    '\t\ttype filter hook input priority filter; policy drop;',
    '\t\tct state established,related accept',
    '\t\tct state invalid drop',
    '\t\tiifname "lo" accept',
    '\t\ticmp type { destination-unreachable, time-exceeded, parameter-problem } accept',
    '\t\ticmpv6 type { destination-unreachable, packet-too-big, time-exceeded, parameter-problem, nd-router-solicit, nd-router-advert, nd-neighbor-solicit, nd-neighbor-advert } accept',
  );
  for (const rule of activeRules(node)) {
    const lines = ruleLines(rule, sets);
    if (rule.optional) {
      out.push(`\t\t# Optional, ${safeComment(rule.optional, WHAT)}:`);
      out.push(...lines.map((l) => `\t\t# ${l}`));
    } else out.push(...lines.map((l) => `\t\t${l}`));
  }
  const local = node.rules.filter((r) => r.local);
  if (local.length > 0) out.push(`\t\t# From the node itself (the loopback rule covers them): ${local.map((r) => `${r.protocol} ${r.ports}`).join(', ')}`);
  out.push('\t}', '}', '');
  return out.join('\n');
}
