// One node's inbound rules as firewalld commands: an ipset per address set, then one rich rule per
// (rule, set). Values are checked names and addresses, set names of ours and safe comments; the
// rich rules are single-quoted for the shell and hold no single quote.
import { listNames } from '../words.ts';
import type { InboundRule, NodePorts, PortMatrix } from './matrix.ts';
import { assertWritable, safeAddress, safeComment, safeHost, safeNetwork, safeSetName } from './safe.ts';
import { activeRules, setsFor, type AddressSet } from './sets.ts';

const WHAT = 'The firewalld commands';

function richRule(rule: InboundRule, ipset: string, family: 'ipv4' | 'ipv6'): string {
  const source = `rule family="${family}" source ipset="${ipset}"`;
  if (rule.protocol === 'any') return `${source} accept`;
  if (rule.protocol === 'icmp') return `${source} icmp-type name="echo-request" accept`;
  return `${source} port port="${rule.ports}" protocol="${rule.protocol}" accept`;
}

function ipsetCommands(set: AddressSet): string[] {
  const lines: string[] = [];
  for (const family of ['v4', 'v6'] as const) {
    const elements = set.families[family];
    if (elements === undefined) continue;
    const name = safeSetName(`${set.base}_${family}`, WHAT);
    const type = set.interval ? 'hash:net' : 'hash:ip';
    lines.push(`firewall-cmd --permanent --new-ipset=${name} --type=${type}${family === 'v6' ? ' --option=family=inet6' : ''}`);
    for (const e of elements) lines.push(`firewall-cmd --permanent --ipset=${name} --add-entry=${set.interval ? safeNetwork(e, WHAT) : safeAddress(e, WHAT)}`);
  }
  return lines;
}

/** The commands for one node, as a shell script. Throws ExportError if anything fails the checks. */
export function toFirewalld(matrix: PortMatrix, node: NodePorts): string {
  assertWritable(matrix.clusters.find((c) => c.name === node.cluster)?.distribution, WHAT);
  const sets = setsFor(matrix, node);
  const out = [
    '#!/bin/sh',
    `# firewalld: inbound rules for node ${safeHost(node.node, WHAT)}, Rancher ${matrix.rancherVersion}, written by rancher-arch.`,
    '# Rich rules go into the default zone. Put your administrators in admin_v4/admin_v6 and fill the',
    '# other empty ipsets before relying on them; run once (a second --new-ipset fails).',
    "# On SUSE, Rancher's docs (rancher-docs #1278) report that the zone also needs masquerading:",
    '#   firewall-cmd --permanent --add-masquerade',
    'set -e',
  ];
  const unresolved = [...sets.values()].flatMap((s) => s.unresolved);
  for (const warning of node.warnings ?? []) out.push(`# WARNING: ${safeComment(warning, WHAT, 400)}`);
  if (unresolved.length > 0) out.push(`# No IP address in the plan for: ${safeComment(listNames([...new Set(unresolved)], 20), WHAT, 400)}.`);
  for (const set of sets.values()) {
    out.push('', `# ${safeComment(set.label, WHAT)}`, ...ipsetCommands(set));
  }
  out.push('');
  for (const rule of activeRules(node)) {
    out.push(`# ${rule.ports ? `${rule.protocol} ${rule.ports}` : rule.protocol}: ${safeComment(rule.why, WHAT)}${rule.ours ? ' (ours)' : ''}`);
    const prefix = rule.optional ? `# optional, ${safeComment(rule.optional, WHAT)}: ` : '';
    for (const key of rule.from) {
      const set = sets.get(key);
      if (!set) continue;
      for (const family of ['v4', 'v6'] as const)
        if (set.families[family] !== undefined)
          out.push(`${prefix}firewall-cmd --permanent --add-rich-rule='${richRule(rule, `${set.base}_${family}`, family === 'v4' ? 'ipv4' : 'ipv6')}'`);
    }
  }
  out.push('', 'firewall-cmd --reload', '');
  return out.join('\n');
}
