// The move off RKE: layouts carried or changed with a reason, every delta item sourced or saying
// "not documented", hostile values never repeated raw, and targets the rules accept.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readInputDetailed } from '../formats/read.ts';
import { parseText } from '../formats/text.ts';
import { validatePlan } from '../formats/validate.ts';
import { sourceHref, sourceText } from '../sources.ts';
import type { PlanInput } from '../vocabulary.ts';
import { MigrateError, migratePlan, sourceFromClusterYml, type Migration, type MigrateOptions } from './index.ts';
import { targetKubernetesVersion } from './kubernetes.ts';
import { formatMigrationMarkdown, formatMigrationText, NOT_DOCUMENTED } from './render.ts';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/${name}`, import.meta.url), 'utf8');

/** A cluster.yml text through the reader and the source settings, as the CLI does. */
function migrateYml(text: string, options: MigrateOptions = {}): Migration {
  const read = readInputDetailed(text, { filename: 'cluster.yml', format: 'cluster-yml' });
  return migratePlan(read.plan, { settings: sourceFromClusterYml(parseText(text).data), ...options });
}

const nodesYml = (roles: string[][]) =>
  `nodes:\n${roles.map((r, i) => `  - address: 192.0.2.${i + 10}\n    user: ubuntu\n    role: [${r.join(', ')}]`).join('\n')}\n`;
const texts = (m: Migration, topic: string) => m.items.filter((i) => i.topic === topic).map((i) => i.text);

describe('the target layout', () => {
  it('makes etcd+controlplane hosts servers and workers agents, one pool per role set, with no error', () => {
    const m = migrateYml(nodesYml([...Array(3).fill(['controlplane', 'etcd']), ...Array(4).fill(['worker'])]));
    expect(m.summary).toMatchObject({ servers: 3, agents: 4, firstServer: '192.0.2.10', network: 'canal' });
    expect(m.summary.pools).toEqual([
      { name: 'etcd-controlplane', roles: ['etcd', 'controlplane'], count: 3 },
      { name: 'worker', roles: ['worker'], count: 4 },
    ]);
    expect(m.target.clusters[0]?.distribution).toBe('rke2');
    expect(m.changes).toEqual([]);
    expect(m.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('corrects an even etcd count and says how: down to three, or up when two would leave one', () => {
    const four = migrateYml(nodesYml(Array(4).fill(['etcd', 'controlplane', 'worker'])));
    expect(four.changes.map((c) => c.what)).toEqual(['4 etcd members become 3: "192.0.2.13" keeps controlplane and worker without etcd.']);
    const two = migrateYml(nodesYml([['etcd', 'controlplane'], ['etcd', 'controlplane'], ['worker']]));
    expect(two.changes[0]?.what).toBe('2 etcd members become 3: "192.0.2.12" takes the etcd role too.');
    const alone = migrateYml(
      nodesYml([
        ['etcd', 'controlplane', 'worker'],
        ['etcd', 'controlplane', 'worker'],
      ]),
    );
    expect(alone.changes[0]?.what).toMatch(/^2 etcd members become 1/);
    for (const m of [four, two, alone]) {
      const etcd = m.target.clusters[0]?.nodes.filter((n) => n.roles.includes('etcd')).length ?? 0;
      expect(etcd % 2).toBe(1);
      expect(m.changes[0]?.sources.length).toBeGreaterThan(0);
    }
  });

  it('gives external etcd to the control plane, and renames nodes Kubernetes would refuse', () => {
    const m = migrateYml(
      `services:\n  etcd:\n    external_urls: [https://192.0.2.5:2379]\nnodes:\n  - address: node_a.example.lan\n    user: u\n    role: [controlplane, worker]\n  - address: 192.0.2.11\n    user: u\n    role: [worker]\n`,
    );
    expect(m.changes.map((c) => c.what)).toEqual([
      'Renamed a node: "node_a.example.lan" → "node-a.example.lan" (node-name in its config.yaml).',
      'The external etcd is not carried: node-a.example.lan holds embedded etcd instead.',
    ]);
    expect(m.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('does not carry a service range a node lies in: the default is taken, and the change says why', () => {
    const m = migrateYml(`services:\n  kube-api:\n    service_cluster_ip_range: 192.0.2.0/24\n${nodesYml([['etcd', 'controlplane', 'worker']])}`);
    expect(m.changes.map((c) => c.what)).toEqual(['service-cidr 192.0.2.0/24 is not carried: 192.0.2.10 lies inside it; the new cluster takes 10.43.0.0/16.']);
    expect(m.target.clusters[0]?.serviceCidrs).toBeUndefined();
    expect(m.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('names the new cluster apart from the old one, and refuses inputs with no RKE cluster', () => {
    expect(migrateYml(`cluster_name: shop\n${nodesYml([['etcd', 'controlplane', 'worker']])}`).summary.cluster).toBe('shop-rke2');
    const rke2: PlanInput = { clusters: [{ name: 'x', distribution: 'rke2', nodes: [{ name: 'a', roles: ['server'] }] }] };
    expect(() => migratePlan(validatePlan(rke2))).toThrow(MigrateError);
    expect(() => migratePlan(validatePlan(rke2))).toThrow(/holds no RKE cluster/);
  });
});

describe('the delta report', () => {
  const m = migrateYml(fixture('rke-migrate-split-registries.cluster.yml'), { registrationAddress: 'api.shop.example.net', rancherVersion: '2.8.5' });

  it('opens 9345 and 2381, closes Docker’s 2376, and sets the load balancer on 9345 and 6443', () => {
    const ports = texts(m, 'ports');
    expect(ports.some((t) => t.startsWith('Open 9345/tcp'))).toBe(true);
    expect(ports.some((t) => t.startsWith('Open 2381/tcp'))).toBe(true);
    expect(ports.some((t) => t.startsWith('Close 2376/tcp'))).toBe(true);
    expect(ports.some((t) => t.startsWith('Close 2379'))).toBe(false);
    expect(texts(m, 'load-balancer')[0]).toMatch(/^The fixed registration address api\.shop\.example\.net listens on 9345\/tcp and 6443\/tcp/);
    expect(m.target.clusters[0]?.loadBalancer).toMatchObject({ address: 'api.shop.example.net', ports: [9345, 6443] });
  });

  it('maps extra_args that have an RKE2 key, and lists those that do not', () => {
    const args = texts(m, 'extra-args');
    expect(args).toContain(
      'services.kube-api.extra_args audit-log-maxage → kube-apiserver-arg: ["audit-log-maxage=30"] on the servers (machineGlobalConfig or machineSelectorConfig in Rancher). RKE2 may set the flag itself: check it is still wanted.',
    );
    expect(args.some((t) => t.startsWith('services.kubelet.extra_args max-pods → kubelet-arg: ["max-pods=150"] on every node'))).toBe(true);
    const unmapped = m.items.filter((i) => i.topic === 'extra-args' && i.change === 'by-hand');
    expect(unmapped.map((i) => i.text.split(':')[0])).toEqual(['services.kube-api.audit_log', 'services.kube-api.extra_binds']);
    for (const i of unmapped) expect(i.sources).toEqual([]);
  });

  it('carries registries, snapshots, the version and the CNI, without repeating secrets', () => {
    expect(texts(m, 'registries')[0]).toMatch(/registry\.shop\.example\.net → .*system-default-registry/);
    expect(texts(m, 'snapshots')).toContain('interval_hours: 6 → etcd-snapshot-schedule-cron: "0 */6 * * *".');
    expect(m.target.clusters[0]?.etcdSnapshots).toEqual({ cron: '0 */6 * * *', retention: 12, offNode: 's3' });
    expect(m.summary.kubernetesVersion).toBe('v1.26.15+rke2r1');
    expect(texts(m, 'cni')[0]).toMatch(/^calico → cni: calico\. Written explicitly/);
    expect(texts(m, 'not-carried')[0]).toMatch(/^addons_include:/);
    const all = formatMigrationText(m);
    expect(all).not.toMatch(/not-a-real-secret|AKIAEXAMPLE/);
  });

  it('gives every item a source or says it is not documented, in text and Markdown alike', () => {
    for (const i of m.items) expect(Array.isArray(i.sources)).toBe(true);
    const undocumented = m.items.filter((i) => i.sources.length === 0).length;
    expect(undocumented).toBeGreaterThan(0);
    expect(formatMigrationText(m).split(`Source: ${NOT_DOCUMENTED}`).length - 1).toBe(undocumented);
    expect(formatMigrationMarkdown(m).split(`Source: ${NOT_DOCUMENTED}.`).length - 1).toBe(undocumented);
    // A cited source: one text form in the terminal, a link in Markdown.
    const cited = m.items.find((i) => i.sources.length > 0)!.sources[0]!;
    expect(formatMigrationText(m)).toContain(`Source: ${sourceText(cited)}`);
    expect(formatMigrationMarkdown(m)).toContain(`[${cited.title}](${sourceHref(cited)})`);
  });

  it('says what cannot be carried: weave, legacy snapshot keys, unknown services', () => {
    const odd = migrateYml(
      `network:\n  plugin: weave\nservices:\n  etcd:\n    snapshot: true\n    creation: 6h\n  kube-apiserver:\n    extra_args:\n      v: "2"\n${nodesYml([['etcd', 'controlplane', 'worker']])}`,
    );
    expect(odd.items.find((i) => i.topic === 'cni')).toMatchObject({ change: 'not-carried' });
    expect(odd.target.clusters[0]?.network).toBe('canal');
    expect(texts(odd, 'snapshots').some((t) => t.includes('older snapshot keys') && t.includes('not documented'))).toBe(true);
    expect(texts(odd, 'extra-args')[0]).toMatch(/^services\.kube-apiserver\.extra_args v: rke has no service of that name/);
  });

  it('never repeats a hostile value: control characters and markup stay out of text and Markdown', () => {
    const hostile = migrateYml(
      `private_registries:\n  - url: "evil\\u001b[2J.example"\n    is_default: true\nservices:\n  kube-api:\n    extra_args:\n      a: "x\\ny"\n      b: "<img src=x onerror=alert(1)>"\n${nodesYml([['etcd', 'controlplane', 'worker']])}`,
    );
    expect(hostile.items.filter((i) => i.topic === 'registries')).toEqual([]);
    const text = formatMigrationText(hostile);
    // eslint-disable-next-line no-control-regex -- looking for exactly these characters
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text).toContain('a=(value not shown)');
    // Markdown escapes the angle bracket, so the value is text and never markup.
    const markdown = formatMigrationMarkdown(hostile);
    expect(markdown).toContain('\\<img');
    expect(markdown).not.toMatch(/[^\\]<img/);
  });
});

describe('the Kubernetes version', () => {
  it('takes the nearest RKE2 minor at or above the source’s that the Rancher line offers', () => {
    expect(targetKubernetesVersion('v1.24.8-rancher1-1', 'rke2', '2.7.5').version).toBe('v1.24.17+rke2r1');
    expect(targetKubernetesVersion('v1.22.4-rancher1-1', 'rke2', '2.8').version).toBe('v1.25.16+rke2r1');
    expect(targetKubernetesVersion('v1.29.1-rancher1-1', 'k3s', '2.8').version).toBeUndefined();
    expect(targetKubernetesVersion(undefined, 'rke2', '2.10').version).toBe('v1.31.1+rke2r1');
  });
});
