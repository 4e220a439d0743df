// The writers: every preset's nftables rulesets pass `nft -c` (the real tool; the test fails when
// it is missing), firewalld commands keep to the rich-rule grammar, CSV round-trips through an
// RFC 4180 reader, Markdown escapes what it must, and unsafe text is refused, never escaped.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ExportError } from '../formats/format.ts';
import { validatePlan } from '../formats/validate.ts';
import { PRESETS } from '../presets.ts';
import type { PlanInput } from '../vocabulary.ts';
import { quoteCsv, toPortsCsv } from './csv.ts';
import { toFirewalld } from './firewalld.ts';
import { toPortsJson } from './json.ts';
import { escapeMarkdown, toPortsMarkdown } from './markdown.ts';
import { allNodes, findNode, portMatrix, type NodePorts, type PortMatrix } from './matrix.ts';
import { toNftables } from './nftables.ts';
import { safeComment, safeNetwork } from './safe.ts';
import { PORT_SOURCES } from './tables.ts';
import { sourceText } from '../sources.ts';

// ---- nft -c ----------------------------------------------------------------------------------------

function nftBinary(): string {
  for (const candidate of ['/usr/sbin/nft', '/sbin/nft', '/usr/bin/nft']) if (existsSync(candidate)) return candidate;
  const which = spawnSync('sh', ['-c', 'command -v nft'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  throw new Error(
    'nft is not installed: these tests check every nftables export with `nft -c -f`. Install it (Debian: apt-get install nftables); .ci/run does.',
  );
}

const dir = mkdtempSync(join(tmpdir(), 'rancher-arch-nft-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function nftCheck(text: string, name: string): { ok: boolean; output: string } {
  const file = join(dir, `${name.replace(/[^A-Za-z0-9_.-]/g, '_')}.nft`);
  writeFileSync(file, text);
  const r = spawnSync(nftBinary(), ['-c', '-f', file], { encoding: 'utf8' });
  if (r.error) throw r.error;
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** Plans beyond the presets: every distribution, network plugin and address kind the writers meet. */
const EXTRA: Record<string, PlanInput> = {
  'rancher-rke2-with-downstream': {
    rancher: { version: '2.8.3', install: 'kubernetes', cluster: 'rancher' },
    clusters: [
      {
        name: 'rancher',
        distribution: 'rke2',
        nodes: [1, 2, 3].map((i) => ({ name: `rancher-${i}`, address: `10.0.0.${i}`, roles: ['server' as const] })),
        loadBalancer: { targets: ['rancher-1', 'rancher-2', 'rancher-3'] },
      },
      {
        name: 'pools',
        distribution: 'rke2',
        network: 'calico',
        nodes: [
          { name: 'etcd-1', address: '10.5.0.1', roles: ['etcd'] },
          { name: 'cp-1', address: '10.5.0.2', roles: ['controlplane'] },
          { name: 'w-1', address: '10.5.0.3', roles: ['worker'] },
        ],
        authorizedEndpoint: { fqdn: 'pools.example.com', targets: ['cp-1'] },
      },
      {
        name: 'edge',
        distribution: 'k3s',
        nodes: [
          { name: 's1', address: 'fd00::1', roles: ['server'] },
          { name: 's2', address: 's2.example.com', roles: ['server'] },
          { name: 's3', roles: ['server'] },
          { name: 'a1', address: '2001:db8::a', roles: ['agent'] },
        ],
      },
      { name: 'cil', distribution: 'rke2', network: 'cilium', nodes: [{ name: 'c1', address: '10.6.0.1', roles: ['server'] }] },
      { name: 'wv', distribution: 'rke', network: 'weave', nodes: [{ name: 'n1', address: '10.7.0.1', roles: ['etcd', 'controlplane', 'worker'] }] },
      { name: 'cal', distribution: 'rke', network: 'calico', nodes: [{ name: 'n1', address: '10.8.0.1', roles: ['etcd', 'controlplane', 'worker'] }] },
      { name: 'eks1', distribution: 'eks', nodes: [{ name: 'ip-10-9-0-1', address: '10.9.0.1', roles: [] }] },
      { name: 'k3s-canal', distribution: 'k3s', network: 'canal', datastore: 'external', nodes: [{ name: 'k1', address: '10.10.0.1', roles: ['server'] }] },
      { name: 'bare', distribution: 'other', nodes: [{ name: 'o1', roles: [] }] },
    ],
  },
  'docker-by-name': { rancher: { version: '2.5.0', install: 'docker', host: 'rancher.lab.example' }, clusters: [] },
  'docker-ipv6': {
    rancher: { version: '2.10', install: 'docker', host: '2001:db8::9' },
    clusters: [{ name: 'd', distribution: 'rke', nodes: [{ name: 'x', address: '10.11.0.1', roles: ['etcd', 'controlplane', 'worker'] }] }],
  },
};

// The empty preset has no node to write a ruleset for, so it is left out of the per-node checks
// (each matrix below must hold at least one node, or its test would check nothing).
const MATRICES: [string, PortMatrix][] = [
  ...Object.entries(PRESETS)
    .filter(([id]) => id !== 'empty')
    .map(([id, p]) => [`preset ${id}`, portMatrix(p.plan)] as [string, PortMatrix]),
  ...Object.entries(EXTRA).map(([id, plan]) => [id, portMatrix(validatePlan(plan))] as [string, PortMatrix]),
];

/** Nodes of hosted and unknown distributions get no ruleset (see the refusal test below). */
const writable = (m: PortMatrix, n: NodePorts) => !['eks', 'aks', 'gke', 'other'].includes(m.clusters.find((c) => c.name === n.cluster)?.distribution ?? '');

// Each check spawns nft; on a busy machine that outruns Vitest's default 5 s per test.
describe('nftables', { timeout: 60_000 }, () => {
  it('finds nft', () => {
    expect(nftBinary()).toMatch(/nft$/);
  });

  it('checks its own checker: nft -c refuses a broken ruleset', () => {
    expect(nftCheck('table inet t {\n\tchain input {\n\t\ttcp dport 22 acept\n\t}\n}\n', 'broken').ok).toBe(false);
  });

  for (const [name, matrix] of MATRICES) {
    const nodes = allNodes(matrix).filter((n) => writable(matrix, n));
    it(`${name}: every node's ruleset passes nft -c (${nodes.length} nodes)`, () => {
      expect(nodes.length).toBeGreaterThan(0);
      for (const node of nodes) {
        const text = toNftables(matrix, node);
        const result = nftCheck(text, `${name}-${node.cluster ?? 'docker'}-${node.node}`);
        expect(result.output, `${name} ${node.cluster}/${node.node}\n${text}`).toBe('');
        expect(result.ok, `${name} ${node.cluster}/${node.node}`).toBe(true);
      }
    });
  }

  it('fills sets with the plan’s IP addresses and lists the nodes given without one', () => {
    const m = MATRICES.find(([n]) => n === 'rancher-rke2-with-downstream')![1];
    const text = toNftables(m, findNode(m, 'edge/s1')[0]!);
    expect(text).toMatch(/set cluster_nodes_v6 \{[^}]*elements = \{\s*fd00::1, 2001:db8::a\s*\}/);
    expect(text).toMatch(/set rancher_nodes_v4 \{[^}]*10\.0\.0\.1, 10\.0\.0\.2, 10\.0\.0\.3/);
    expect(text).toMatch(/No IP address in the plan for: s2 and s3\./);
    expect(text).not.toContain('s2.example.com');
    expect(text).toContain('policy drop;');
  });

  it("lets pods in from the cluster's own cluster-cidr, never a fixed 10.42.0.0/16, and warns on a node inside it", () => {
    const plan = structuredClone(PRESETS['downstream-production'].plan);
    const cluster = plan.clusters[0]!;
    cluster.podCidrs = ['172.31.0.0/16'];
    const etcd = toNftables(portMatrix(plan), findNode(portMatrix(plan), 'etcd-1')[0]!);
    expect(etcd).toMatch(/set pod_network_v4 \{[^}]*flags interval[^}]*elements = \{\s*172\.31\.0\.0\/16\s*\}/);
    expect(etcd).not.toContain('10.42.0.0/16');
    expect(etcd).not.toContain('WARNING');
    // The reproduction: nodes in 10.42.0.0/16 on the default pod network.
    delete cluster.podCidrs;
    cluster.nodes.forEach((n, i) => (n.address = `10.42.7.${i + 1}`));
    const m = portMatrix(plan);
    const text = toNftables(m, findNode(m, 'etcd-1')[0]!);
    expect(text).toMatch(/# WARNING: This node's address lies inside the pod network 10\.42\.0\.0\/16/);
    expect(nftCheck(text, 'inside-pod-network').ok).toBe(true);
    expect(toFirewalld(m, findNode(m, 'etcd-1')[0]!)).toMatch(/# WARNING: This node's address lies inside the pod network/);
  });

  it('writes optional rules as comments, and loopback-only ones as a note', () => {
    const m = portMatrix(PRESETS['downstream-production'].plan);
    const text = toNftables(m, findNode(m, 'etcd-1')[0]!);
    expect(text).toMatch(/# Optional, only when Rancher creates the machines through a node driver:\n\t\t# ip saddr @rancher_nodes_v4 tcp dport 2376 accept/);
    expect(text).toMatch(/# From the node itself \(the loopback rule covers them\): tcp 9099/);
    expect(text).not.toMatch(/^\t\tip saddr @\w+ tcp dport 9099/m);
  });
});

// ---- firewalld ------------------------------------------------------------------------------------

const FIREWALLD_LINE = new RegExp(
  [
    '^$',
    '^#.*$',
    '^set -e$',
    '^firewall-cmd --reload$',
    '^firewall-cmd --permanent --new-ipset=[a-z0-9_]+ --type=hash:(ip|net)( --option=family=inet6)?$',
    '^firewall-cmd --permanent --ipset=[a-z0-9_]+ --add-entry=[0-9a-f:./]+$',
    `^(# optional, [a-z ]+: )?firewall-cmd --permanent --add-rich-rule='rule family="ipv[46]" source ipset="[a-z0-9_]+" (accept|icmp-type name="echo-request" accept|port port="\\d+(-\\d+)?" protocol="(tcp|udp)" accept)'$`,
  ].join('|'),
);

describe('firewalld', { timeout: 30_000 }, () => {
  for (const [name, matrix] of MATRICES)
    it(`${name}: every line is a comment or a firewall-cmd command of the expected shape`, () => {
      const nodes = allNodes(matrix).filter((n) => writable(matrix, n));
      expect(nodes.length).toBeGreaterThan(0);
      for (const node of nodes) {
        const text = toFirewalld(matrix, node);
        for (const line of text.split('\n')) expect(line, `${name} ${node.node}`).toMatch(FIREWALLD_LINE);
        expect(text).toMatch(/--add-rich-rule=/);
      }
    });
});

// ---- CSV --------------------------------------------------------------------------------------------

/** A strict RFC 4180 reader, written here to check the writer against. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (ch === '"') {
        quoted = false;
        i++;
      } else {
        cell += ch;
        i++;
      }
    } else if (ch === '"' && cell === '') {
      quoted = true;
      i++;
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
      i++;
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
    } else if (ch === '"' || ch === '\n' || ch === '\r') {
      throw new Error(`bare ${JSON.stringify(ch)} at ${i}`);
    } else {
      cell += ch;
      i++;
    }
  }
  if (quoted) throw new Error('unterminated quote');
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

describe('CSV', () => {
  it('quoting round-trips any cells (property)', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 }), (table) => {
        const text = table.map((cells) => cells.map(quoteCsv).join(',')).join('\r\n') + '\r\n';
        const back = parseCsv(text);
        const unguard = (c: string) => c.replace(/^'(?=[=+\-@\t\r])/, '');
        expect(back.map((r) => r.map(unguard))).toEqual(table);
      }),
      { numRuns: 300 },
    );
  });

  it('guards cells a spreadsheet would run as formulas', () => {
    expect(quoteCsv('=cmd()')).toBe("'=cmd()");
    expect(quoteCsv('-1,2')).toBe(`"'-1,2"`);
    expect(quoteCsv('plain')).toBe('plain');
  });

  it('every preset: a header and rows of equal width, one per node and rule, then the listeners', () => {
    for (const [name, matrix] of MATRICES) {
      const rows = parseCsv(toPortsCsv(matrix));
      expect(rows[0]?.[0], name).toBe('section');
      for (const r of rows) expect(r.length, name).toBe(rows[0]?.length);
      const rules = allNodes(matrix).reduce((n, node) => n + node.rules.length, 0);
      expect(rows.length, name).toBe(1 + rules + matrix.listeners.length);
    }
  });
});

// ---- Markdown and JSON ------------------------------------------------------------------------------

describe('Markdown and JSON', () => {
  it('groups nodes with the same rules and escapes names in prose cells', () => {
    const m = portMatrix(
      validatePlan({
        clusters: [
          {
            name: 'prod_a',
            distribution: 'rke',
            nodes: [...[1, 2, 3].map((i) => ({ name: `etcd_${i}`, roles: ['etcd' as const] })), { name: 'cp', roles: ['controlplane'] }],
          },
        ],
      }),
    );
    const md = toPortsMarkdown(m);
    expect(md).toContain('#### `etcd_1`, `etcd_2` and `etcd_3` (etcd)');
    expect(md).toContain('etcd nodes of prod\\_a');
    expect(md).not.toMatch(/of prod_a/);
    expect(escapeMarkdown('a|b_c*d[e]<f>#')).toBe('a\\|b\\_c\\*d\\[e\\]\\<f\\>\\#');
  });

  it('marks optional rules, our inferences and our own additions', () => {
    const m = MATRICES.find(([n]) => n === 'rancher-rke2-with-downstream')![1];
    const md = toPortsMarkdown(m);
    expect(md).toMatch(/\*Optional: only when Rancher creates the machines through a node driver\.\*/);
    expect(md).toMatch(/\*Our reading: Which ports an etcd-only or control-plane-only server needs is our reading/);
    expect(md).toMatch(/\*Added by this guide\.\*/);
    expect(md).toMatch(/### Load balancer listeners/);
  });

  it('sources: CSV and Markdown give the text form, JSON maps each id used to { title, where }; our own rules cite none', () => {
    const m = MATRICES.find(([n]) => n === 'rancher-rke2-with-downstream')![1];
    const rows = parseCsv(toPortsCsv(m));
    const col = (name: string) => rows[0]!.indexOf(name);
    const rules = allNodes(m).flatMap((n) => n.rules);
    expect(
      rules.some((r) => r.source === 'rke2-requirements'),
      'an RKE2 rule',
    ).toBe(true);
    expect(
      rows.some((r) => r[col('source')] === sourceText(PORT_SOURCES['rke2-requirements'])),
      'RKE2 source in CSV',
    ).toBe(true);
    const ours = rows.filter((r) => r[col('added_by_guide')] === 'yes');
    expect(ours.length).toBeGreaterThan(0);
    for (const r of ours) expect(r[col('source')]).toBe('');
    const md = toPortsMarkdown(m);
    expect(md).toContain(escapeMarkdown(sourceText(PORT_SOURCES['rke2-requirements'])));
    expect(md).toMatch(/\*Added by this guide\.\* \| — \|/);
    const json = JSON.parse(toPortsJson(m));
    const used = new Set([...rules.map((r) => r.source), ...m.listeners.map((l) => l.source)].filter((id) => id !== 'ours'));
    expect(Object.keys(json.sources).sort()).toEqual([...used].sort());
    for (const id of used) expect(json.sources[id]).toEqual(PORT_SOURCES[id]);
  });

  it('JSON for one node carries only the groups its rules name', () => {
    const m = portMatrix(PRESETS['downstream-production'].plan);
    const json = JSON.parse(toPortsJson(m, findNode(m, 'worker-1')));
    expect(json.nodes).toHaveLength(1);
    expect(Object.keys(json.groups)).not.toContain('production:etcd');
    expect(Object.keys(json.groups)).toContain('production:cluster-nodes');
  });
});

// ---- nothing unsafe gets through ----------------------------------------------------------------------

describe('refusals', () => {
  it('comments refuse quotes, backslashes, braces and control characters, and fold line breaks', () => {
    for (const bad of ['say "hi"', 'a\\b', 'x { y }', 'bell\u0007', 'semi`tick', 'a;b"']) expect(() => safeComment(bad, 'test'), bad).toThrow(ExportError);
    expect(safeComment('one\ntwo\u2028three', 'test')).toBe('one two three');
    expect(safeComment('etcd clients and peers (2379-2380): fine.', 'test')).toBe('etcd clients and peers (2379-2380): fine.');
  });

  it('set elements must be addresses or networks', () => {
    expect(() => safeNetwork('10.0.0.0/33', 'test')).toThrow(ExportError);
    expect(() => safeNetwork('example.com', 'test')).toThrow(ExportError);
    expect(safeNetwork('fd00::/8', 'test')).toBe('fd00::/8');
  });

  it('a matrix with a hostile name (built by hand, past the plan reader) is refused, not written', () => {
    const m = portMatrix(PRESETS['rancher-rke'].plan);
    const node = { ...allNodes(m)[0]!, node: 'x"; flush ruleset; #' };
    expect(() => toNftables(m, node)).toThrow(ExportError);
    expect(() => toFirewalld(m, node)).toThrow(ExportError);
    expect(() => toPortsMarkdown({ ...m, clusters: [{ ...m.clusters[0]!, nodes: [node] }] })).toThrow(ExportError);
  });

  it('no ruleset for nodes of hosted or unknown distributions: a default-drop chain would cut what their provider or CNI needs', () => {
    const m = MATRICES.find(([n]) => n === 'rancher-rke2-with-downstream')![1];
    for (const ref of ['eks1/ip-10-9-0-1', 'bare/o1']) {
      const node = findNode(m, ref)[0]!;
      expect(() => toNftables(m, node), ref).toThrow(/security groups|no port table/);
      expect(() => toFirewalld(m, node), ref).toThrow(ExportError);
    }
  });

  it('every "why" in the tables is a safe comment', () => {
    for (const [, matrix] of MATRICES) for (const n of allNodes(matrix)) for (const r of n.rules) expect(() => safeComment(r.why, 'test')).not.toThrow();
  });
});
