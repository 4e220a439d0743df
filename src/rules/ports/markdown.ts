// The matrix as Markdown: per cluster, one table per kind of node (nodes with the same rules share
// it), then the load balancers' listeners. Names sit in code spans after a fresh check; every
// other cell is escaped, so nothing from a plan can become Markdown syntax.
import { DISTRIBUTION_LABEL } from '../vocabulary.ts';
import { listNames } from '../words.ts';
import type { InboundRule, NodePorts, PortMatrix } from './matrix.ts';
import { safeHost } from './safe.ts';
import { portSourceText } from './tables.ts';

const WHAT = 'The Markdown port matrix';

export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, '\\$1');
}

const code = (name: string) => `\`${safeHost(name, WHAT)}\``;

const PROTOCOL: Record<InboundRule['protocol'], string> = { tcp: 'TCP', udp: 'UDP', icmp: 'ICMP', any: 'any' };

/** Rules that read the same on two nodes: same ports, protocol, senders and conditions. */
export function ruleSignature(node: NodePorts): string {
  return node.rules.map((r) => `${r.id}|${r.protocol}|${r.ports}|${r.from.join(',')}|${r.optional ?? ''}|${r.inference ?? ''}`).join(';');
}

/** Nodes grouped by identical rules, in plan order. */
export function nodeKinds(nodes: readonly NodePorts[]): { nodes: NodePorts[]; kind: string; rules: InboundRule[] }[] {
  const groups = new Map<string, { nodes: NodePorts[]; kind: string; rules: InboundRule[] }>();
  for (const node of nodes) {
    const key = `${node.kind}#${ruleSignature(node)}`;
    const g = groups.get(key);
    if (g) g.nodes.push(node);
    else groups.set(key, { nodes: [node], kind: node.kind, rules: node.rules });
  }
  return [...groups.values()];
}

function why(rule: InboundRule): string {
  const parts = [escapeMarkdown(rule.why)];
  if (rule.optional) parts.push(`*Optional: ${escapeMarkdown(rule.optional)}.*`);
  if (rule.inference) parts.push(`*Our reading: ${escapeMarkdown(rule.inference)}*`);
  if (rule.ours) parts.push('*Added by this guide.*');
  return parts.join(' ');
}

function table(matrix: PortMatrix, rules: readonly InboundRule[], generic: boolean): string[] {
  const from = (rule: InboundRule) =>
    rule.local
      ? 'the node itself (loopback)'
      : rule.from.map((k) => escapeMarkdown((generic ? matrix.groups[k]?.generic : matrix.groups[k]?.label) ?? k)).join('; ');
  return [
    '| Port | Protocol | From | Why | Source |',
    '|---|---|---|---|---|',
    ...rules.map((r) => `| ${r.ports || '—'} | ${PROTOCOL[r.protocol]} | ${from(r)} | ${why(r)} | ${escapeMarkdown(portSourceText(r.source) || '—')} |`),
  ];
}

export interface PortsMarkdownOptions {
  /** Only these nodes (the CLI's --node). */
  nodes?: readonly NodePorts[];
  title?: string;
}

export function toPortsMarkdown(matrix: PortMatrix, options: PortsMarkdownOptions = {}): string {
  const only = options.nodes ? new Set(options.nodes) : undefined;
  const out = [
    `## ${options.title ?? 'Firewall matrix'}`,
    '',
    `Rancher ${escapeMarkdown(matrix.rancherVersion)}. ${matrix.notes.map(escapeMarkdown).join(' ')}`,
  ];
  for (const cluster of matrix.clusters) {
    const nodes = cluster.nodes.filter((n) => !only || only.has(n));
    if (nodes.length === 0) continue;
    const network = cluster.network ? `, network plugin ${cluster.network}${cluster.networkDefaulted ? ' (the default)' : ''}` : '';
    out.push(
      '',
      `### Cluster ${code(cluster.name)}: ${DISTRIBUTION_LABEL[cluster.distribution]}, ${cluster.purpose === 'rancher' ? 'runs Rancher' : 'downstream'}${network}`,
    );
    if (cluster.notes.length > 0) out.push('', ...cluster.notes.map((n) => `- ${escapeMarkdown(n)}`));
    for (const kind of nodeKinds(nodes)) {
      const names = listNames(
        kind.nodes.map((n) => code(n.node)),
        12,
      );
      out.push('', `#### ${names} (${escapeMarkdown(kind.kind)})`, '');
      out.push(...(kind.rules.length > 0 ? table(matrix, kind.rules, false) : ['No inbound rule from the tables for this node.']));
    }
  }
  if (matrix.docker && (!only || only.has(matrix.docker))) {
    out.push('', `### Rancher Docker host ${code(matrix.docker.node)}`, '', ...table(matrix, matrix.docker.rules, false));
  }
  const listeners = only ? [] : matrix.listeners;
  if (listeners.length > 0) {
    out.push('', '### Load balancer listeners', '', '| Cluster | Listener | Forwards to | Purpose | Note |', '|---|---|---|---|---|');
    for (const l of listeners)
      out.push(
        `| ${code(l.cluster)} | TCP ${l.port}${l.fqdn ? ` on ${code(l.fqdn)}` : ''} | ${l.targets.length > 0 ? listNames(l.targets.map(code), 12) : 'no node yet'}, port ${l.targetPort} | ${escapeMarkdown(l.purpose)}: ${escapeMarkdown(l.why)} | ${escapeMarkdown(l.note ?? '')} |`,
      );
  }
  return `${out.join('\n')}\n`;
}
