// nginx `stream` (layer-4) configuration for the load balancer in front of the Rancher cluster.
// rancher-arch writes these but does not read them: an nginx file alone names addresses, not nodes
// and roles, so reading one is refused with a message that says what to do instead.
import { rancherCluster, type Plan } from '../vocabulary.ts';

export function looksLikeNginx(text: string): boolean {
  return /^\s*(stream|http|events)\s*\{/m.test(text) || /^\s*upstream\s+[\w.-]+\s*\{/m.test(text) || /^\s*worker_processes\s+\S+;/m.test(text);
}

/**
 * Forward each load-balancer port (default 80 and 443) to every target of the Rancher cluster's
 * load balancer (every node when it lists none, or has no load balancer). Throws RangeError when
 * the plan has no Rancher cluster.
 */
export function toNginxConfig(plan: Plan): string {
  const cluster = rancherCluster(plan);
  if (!cluster) throw new RangeError('The plan names no Rancher cluster (rancher.install: kubernetes and rancher.cluster), so there is no load balancer to write.');
  const lb = cluster.loadBalancer;
  const byName = new Map(cluster.nodes.map((n) => [n.name, n]));
  const targets = lb && lb.targets.length > 0 ? lb.targets.map((t) => byName.get(t)?.address ?? t) : cluster.nodes.map((n) => n.address ?? n.name);
  const ports = lb && lb.ports.length > 0 ? [...new Set(lb.ports)] : [80, 443];
  const lines = [
    `# Layer-4 (TCP) load balancer for the Rancher cluster "${cluster.name}", written by rancher-arch.`,
    '# TLS passes through untouched; the ingress controller on each node terminates it.',
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
    for (const t of targets) lines.push(`        server ${t.includes(':') && !t.startsWith('[') ? `[${t}]` : t}:${port} max_fails=3 fail_timeout=5s;`);
    lines.push('    }', '    server {', `        listen ${port};`, `        proxy_pass rancher_${port};`, '    }', '');
  }
  lines[lines.length - 1] = '}';
  return `${lines.join('\n')}\n`;
}
