// nginx `stream` (layer-4) configuration for the load balancer in front of the Rancher cluster.
// rancher-arch writes these but does not read them: an nginx file names addresses, not nodes and
// roles, so reading one is refused with a message that says what to do instead. Every value the
// writer emits is a port number or an address that passed the address check; nothing else from
// the plan reaches the file, so a plan cannot add a directive.
import { rancherCluster } from '../cluster-facts.ts';
import { ingressNodes, listenersFor } from '../ports/listeners.ts';
import { addressProblem, isIPv6 } from '../identifiers.ts';
import type { Cluster, Plan, PlanNode } from '../vocabulary.ts';
import { ExportError, type Format } from './format.ts';

function looksLikeNginx(text: string): boolean {
  return /^\s*(stream|http|events)\s*\{/m.test(text) || /^\s*upstream\s+[\w.-]+\s*\{/m.test(text) || /^\s*worker_processes\s+\S+;/m.test(text);
}

/** An address as an nginx `server` takes it; refuses anything that is not a plain address. */
function upstreamHost(address: string): string {
  if (addressProblem(address) !== undefined)
    throw new ExportError('The nginx configuration', [`"${address.replace(/[^\x20-\x7e]/g, '?')}" is not an address nginx can use.`]);
  return isIPv6(address) ? `[${address}]` : address;
}

/**
 * The backends per port, or what stops nginx from using them (a node without an address). Each
 * port goes where the port matrix's listener for it says (80 and 443 to the nodes running the
 * ingress, 9345 to every server, 6443 to the API servers), so the nodes' firewalls, which admit
 * the load balancer on exactly those nodes, and this file always agree; a port the matrix has no
 * listener for goes to the ingress nodes.
 */
function backendsFor(plan: Plan): { cluster: Cluster; ports: number[]; backends: Map<number, string[]>; problems: string[] } {
  const cluster = rancherCluster(plan);
  if (!cluster)
    throw new RangeError('The plan names no Rancher cluster (rancher.install: kubernetes and rancher.cluster), so there is no load balancer to write.');
  const lb = cluster.loadBalancer;
  const listeners = listenersFor(plan, cluster).filter((l) => l.purpose !== 'authorized cluster endpoint');
  const byName = new Map(cluster.nodes.map((n) => [n.name, n]));
  const ingress = ingressNodes(cluster);
  const ports = lb && lb.ports.length > 0 ? [...new Set(lb.ports)] : [80, 443];
  const problems: string[] = [];
  const backends = new Map<number, string[]>();
  for (const port of ports) {
    const listener = listeners.find((l) => l.port === port);
    const nodes = listener ? listener.targets.map((name) => byName.get(name)).filter((n): n is PlanNode => n !== undefined) : ingress;
    if (nodes.length === 0) problems.push(`No node of "${cluster.name}" can take port ${port}.`);
    const missing = nodes.filter((n) => n.address === undefined).map((n) => n.name);
    if (missing.length > 0)
      problems.push(
        `Port ${port} goes to ${missing.join(', ')}, which ${missing.length === 1 ? 'has' : 'have'} no address; nginx needs one for every backend.`,
      );
    else
      backends.set(
        port,
        nodes.map((n) => upstreamHost(n.address as string)),
      );
  }
  return { cluster, ports, backends, problems: [...new Set(problems)] };
}

/** Why nginx would refuse the config for this plan (empty when it can be written). Throws RangeError without a Rancher cluster. */
export function nginxProblems(plan: Plan): string[] {
  return backendsFor(plan).problems;
}

/**
 * Forward each load-balancer port (default 80 and 443) to the Rancher cluster's nodes: 80/443 to
 * the load balancer's targets (the nodes that run workloads when it lists none), 9345 to every
 * server and 6443 to the nodes that run the API. Throws RangeError when the plan has no Rancher cluster and ExportError when a
 * node it needs has no address.
 */
export function toNginxConfig(plan: Plan): string {
  const { cluster, ports, backends, problems } = backendsFor(plan);
  if (problems.length > 0) throw new ExportError('The nginx configuration', problems);
  const lines = [
    `# Layer-4 (TCP) load balancer for the Rancher cluster "${cluster.name.replace(/[^A-Za-z0-9._-]/g, '?')}", written by rancher-arch.`,
    '# TLS passes through untouched; the ingress controller on each node terminates it.',
    '# Needs the stream module: on Debian and Ubuntu install libnginx-mod-stream.',
    'worker_processes 4;',
    'worker_rlimit_nofile 40000;',
    '',
    'events {',
    '    worker_connections 8192;',
    '}',
    '',
    'stream {',
  ];
  for (const port of ports) {
    lines.push(`    upstream rancher_${port} {`, '        least_conn;');
    for (const host of backends.get(port) ?? []) lines.push(`        server ${host}:${port} max_fails=3 fail_timeout=5s;`);
    lines.push('    }', '    server {', `        listen ${port};`, `        proxy_pass rancher_${port};`, '    }', '');
  }
  lines[lines.length - 1] = '}';
  return `${lines.join('\n')}\n`;
}

export const nginxFormat: Format<'nginx'> = {
  id: 'nginx',
  label: 'an nginx configuration',
  detectText: looksLikeNginx,
  write: toNginxConfig,
};
