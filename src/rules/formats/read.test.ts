import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../check.ts';
import { planSchema } from '../plan.ts';
import { PRESETS, RECOMMENDED_PLAN } from '../presets.ts';
import { InputError } from './input-error.ts';
import { toNginxConfig } from './nginx.ts';
import { parsePlan, planJsonSchema, toPlanJson, toPlanYaml } from './plan-file.ts';
import { readInput, readInputDetailed } from './read.ts';
import { toClusterYml } from './rke-cluster-yml.ts';

const REAL = new URL('../../../../shared/reference/real-inputs/', import.meta.url);
const real = (name: string) => readFileSync(new URL(name, REAL), 'utf8');
const read = (name: string, options = {}) => readInputDetailed(real(name), { filename: name, ...options });
const nodesOf = (name: string, options = {}) => read(name, options).plan.clusters[0]!.nodes.map((n) => `${n.name}:${n.roles.join('+')}`);

function inputError(fn: () => unknown): InputError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return error as InputError;
  }
  throw new Error('expected an InputError');
}

describe('real inputs', () => {
  it('covers every file in the folder', () => {
    const files = readdirSync(REAL).filter((f) => f !== 'SOURCES.md');
    expect(files).toHaveLength(15);
    for (const f of files) {
      if (f.endsWith('.conf')) expect(() => read(f)).toThrow(/nginx configuration/);
      else expect(() => read(f)).not.toThrow();
    }
  });

  it('RKE docs HA layout: 3 nodes, all roles, cluster "local"', () => {
    const r = read('rke-ha-3node-allroles.cluster.yml');
    expect(r.format).toBe('cluster-yml');
    expect(r.plan.clusters[0]).toMatchObject({ name: 'local', distribution: 'rke' });
    expect(nodesOf('rke-ha-3node-allroles.cluster.yml')).toEqual(['165.227.114.63', '165.227.116.167', '165.227.127.226'].map((a) => `${a}:controlplane+worker+etcd`));
    expect(r.findings).toEqual([]);
  });

  it('the same layout read as the Rancher cluster: HA, no errors, asks for a load balancer', () => {
    const r = read('rke-ha-3node-allroles-behind-nginx.rancher-cluster.yml', { as: 'rancher', rancherVersion: '2.4.8' });
    expect(r.plan.rancher).toMatchObject({ version: '2.4.8', install: 'kubernetes', cluster: 'local' });
    const report = checkPlan(r.plan);
    expect(report.summary.errors).toBe(0);
    expect(report.findings.map((f) => f.rule)).toEqual(['rancher-k3s-preferred', 'lb-present']);
    expect(r.plan.clusters[0]!.nodes.map((n) => n.address)).toEqual(['172.16.0.13', '172.16.0.14', '172.16.0.15']);
  });

  it('RKE full example: 3 nodes, 1 etcd, and the unknown role "role" reported as rke would', () => {
    const r = read('rke-full-example-2018.cluster.yml');
    expect(r.plan.clusters[0]!.name).toBe('mycluster');
    expect(nodesOf('rke-full-example-2018.cluster.yml')).toEqual(['1.1.1.1:controlplane+etcd', '2.2.2.2:worker', 'node3:']);
    expect(r.plan.clusters[0]!.nodes[2]!.address).toBe('example.com');
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ rule: 'rke-config-valid', severity: 'error', nodes: ['node3'] });
    expect(r.findings[0]!.message).toMatch(/"role"/);
    expect(checkPlan(r.plan).clusters[0]).toMatchObject({ etcdMembers: 1, quorum: 1, failuresTolerated: 0 });
  });

  it('split layout: 1 controlplane+etcd master and 5 workers, hostname_override as names', () => {
    expect(nodesOf('rke-split-1cp-etcd-5workers-bastion.cluster.yml')).toEqual(['k8s-master-1:controlplane+etcd', ...[1, 2, 3, 4, 5].map((i) => `k8s-node-${i}:worker`)]);
    const rules = checkPlan(read('rke-split-1cp-etcd-5workers-bastion.cluster.yml').plan).findings.map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['downstream-single-role', 'downstream-three-etcd', 'downstream-two-controlplane']));
  });

  it('single node with a "role: " key followed by a space', () => {
    const r = read('rke-single-node-svc-cidr-overlaps-node.rancher-cluster.yml', { as: 'rancher' });
    expect(nodesOf('rke-single-node-svc-cidr-overlaps-node.rancher-cluster.yml')).toEqual(['172.16.128.4:controlplane+etcd+worker']);
    const ha = checkPlan(r.plan).findings.find((f) => f.rule === 'rancher-cluster-ha');
    expect(ha?.severity).toBe('error'); // default Rancher version 2.4
  });

  it('danbooru: 5 nodes, 4 etcd (even), custom SSH ports', () => {
    expect(nodesOf('rke-5node-4etcd-custom-sshport.cluster.yml')).toEqual(['korone', 'ame', 'gura', 'ina'].map((n) => `${n}:controlplane+etcd+worker`).concat('mori:worker'));
    const report = checkPlan(read('rke-5node-4etcd-custom-sshport.cluster.yml').plan);
    expect(report.clusters[0]).toMatchObject({ etcdMembers: 4, quorum: 3, failuresTolerated: 1 });
    expect(report.findings.map((f) => f.rule)).toContain('etcd-odd-members');
  });

  it('duplicate top-level key: read with a warning naming the line, last value used', () => {
    const r = read('rke-4node-2etcd-duplicate-key.cluster.yml');
    expect(nodesOf('rke-4node-2etcd-duplicate-key.cluster.yml')).toEqual(['rkm1:controlplane+etcd', 'rkm2:controlplane+etcd', 'rkw1:worker', 'rkw2:worker']);
    expect(r.plan.clusters[0]!.name).toBe('hq-rke-cluster-1');
    expect(r.warnings).toEqual([{ place: 'rke-4node-2etcd-duplicate-key.cluster.yml:202:1', message: expect.stringMatching(/"private_registries" appears twice/) }]);
  });

  it('no user on any node: read, with rke\'s refusal as a finding', () => {
    const r = read('rke-4node-4etcd-no-user.cluster.yml');
    expect(r.plan.clusters[0]!.nodes).toHaveLength(4);
    expect(r.plan.clusters[0]!.nodes[3]!.roles).toEqual(['etcd', 'worker']);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]!.message).toMatch(/no user/);
    expect(r.findings[0]!.nodes).toHaveLength(4);
    expect(checkPlan(r.plan).clusters[0]!.etcdMembers).toBe(4);
  });

  it('external etcd: datastore external, no etcd node needed', () => {
    const r = read('rke-external-etcd.cluster.yml');
    expect(r.plan.clusters[0]).toMatchObject({ name: 'rancher', distribution: 'rke', datastore: 'external' });
    expect(nodesOf('rke-external-etcd.cluster.yml')).toEqual(['rancher-master:controlplane+worker', 'rancher-worker:worker']);
    expect(checkPlan(r.plan).findings.map((f) => f.rule)).not.toContain('rke-each-role');
  });

  it('kubectl NodeList from K3s: one server, SQLite datastore counted as embedded', () => {
    const r = read('kubectl-nodes-k3s-single-server.json');
    expect(r.format).toBe('kubectl-nodes');
    expect(r.plan.clusters[0]).toMatchObject({ distribution: 'k3s', datastore: 'embedded' });
    expect(r.plan.clusters[0]!.nodes).toHaveLength(1);
    expect(r.plan.clusters[0]!.nodes[0]!.roles).toEqual(['server']);
  });

  it('kubectl List YAML from RKE2 (Harvester): one server', () => {
    const r = read('kubectl-nodes-rke2-harvester.yaml');
    expect(r.plan.clusters[0]).toMatchObject({ distribution: 'rke2', datastore: 'embedded' });
    expect(r.plan.clusters[0]!.nodes.map((n) => [n.name, n.roles])).toEqual([['node1', ['server']]]);
  });

  it('K3s config files become one-node K3s clusters', () => {
    const init = read('k3s-server-cluster-init.config.yaml');
    expect(init.format).toBe('k3s-config');
    expect(init.plan.clusters[0]).toMatchObject({ distribution: 'k3s', datastore: 'embedded', nodes: [{ name: '192.168.8.11', address: '192.168.8.11', roles: ['server'] }] });
    expect(init.warnings[0]!.message).toMatch(/one server/);
    expect(read('k3s-server-external-db.config.yaml').plan.clusters[0]).toMatchObject({ datastore: 'external', nodes: [{ roles: ['server'] }] });
    const join = read('k3s-server-join.config.yaml');
    expect(join.plan.clusters[0]).toMatchObject({ datastore: 'embedded', nodes: [{ address: '10.0.1.3', roles: ['server'] }] });
    expect(join.warnings[0]!.message).toMatch(/joining https:\/\/10\.0\.1\.1:6443/);
  });

  it('an agent-only K3s config becomes an agent', () => {
    expect(readInput('server: https://10.0.0.1:6443\ntoken: x\nnode-ip: 10.0.0.5\n').clusters[0]!.nodes[0]!.roles).toEqual(['agent']);
  });

  it('reports a hostname_override rke refuses: bad characters, a label over 63, a name over 253', () => {
    const yml = (name: string) => `nodes:\n  - address: 10.0.0.1\n    user: rancher\n    role: [etcd, controlplane, worker]\n    hostname_override: "${name}"\n`;
    const refused = (name: string) => readInputDetailed(yml(name)).findings.some((f) => f.rule === 'rke-config-valid' && /DNS-1123/.test(f.message));
    expect(refused('node_1')).toBe(true);
    expect(refused('a'.repeat(64))).toBe(true);
    expect(refused(Array.from({ length: 5 }, () => 'b'.repeat(60)).join('.'))).toBe(true);
    expect(refused('a'.repeat(63))).toBe(false);
    expect(refused('Node-1.Example.com')).toBe(false);
  });

  it('the nginx config is refused with a clear message', () => {
    const e = inputError(() => read('nginx-l4-rancher.conf'));
    expect(e.message).toMatch(/^nginx-l4-rancher\.conf: this is an nginx configuration/);
  });
});

describe('plan files and errors that name the place', () => {
  it('names path, line and column of a bad role', () => {
    const e = inputError(() => parsePlan('clusters:\n  - name: a\n    nodes:\n      - { name: n1, roles: [etcd] }\n      - { name: n2, roles: [master] }\n', { filename: 'plan.yml' }));
    expect(e.place).toBe('plan.yml:5:29 clusters[0].nodes[1].roles[0]');
    expect(e.reason).toMatch(/^"master" is not a role; expected etcd, controlplane or worker/);
  });

  it('names the real problem in JSON too large for the YAML position finder', () => {
    const nodes = Array.from({ length: 3000 }, (_, i) => ({ name: `node-${i}`, address: `10.0.${i >> 8}.${i & 255}`, roles: ['worker'] }));
    nodes[2999]!.roles = ['master'];
    const oneLine = JSON.stringify({ clusters: [{ name: 'big', nodes }] });
    for (const text of [oneLine, JSON.stringify({ clusters: [{ name: 'big', nodes }] }, null, 2).repeat(1).padEnd(1_200_000, ' ')]) {
      const e = inputError(() => parsePlan(text, { filename: 'big.json' }));
      expect(e.place).toContain('clusters[0].nodes[2999].roles[0]');
      expect(e.reason).toMatch(/"master" is not a role/);
    }
  });

  it('names unknown fields, wrong types and missing names', () => {
    expect(inputError(() => parsePlan('{"clusters":[{"name":"a","nodez":[]}]}')).path).toBe('clusters[0].nodez');
    expect(inputError(() => parsePlan('clusters:\n  - nodes: []\n')).message).toMatch(/clusters\[0\]\.name: missing/);
    expect(inputError(() => parsePlan('clusters: {}')).message).toMatch(/clusters: expected a list, got a mapping/);
    expect(inputError(() => parsePlan('rancher: {version: banana}\n')).message).toMatch(/rancher\.version/);
  });

  it('reports YAML syntax errors with a line', () => {
    const e = inputError(() => readInput('clusters:\n  - name: [a\n', { filename: 'p.yml' }));
    expect(e.line).toBeGreaterThan(0);
    expect(e.message).toMatch(/^p\.yml:\d+:\d+: YAML syntax error/);
  });

  it('accepts versions as "2.4", "v2.4.8" and numbers', () => {
    expect(parsePlan('rancher: {version: v2.4.8}').rancher?.version).toBe('2.4.8');
    expect(parsePlan('rancher: {version: 2.4}').rancher?.version).toBe('2.4');
    expect(parsePlan('rancher: {}').rancher?.version).toBe('2.4');
  });

  it('refuses empty and unrecognisable input', () => {
    expect(inputError(() => readInput('  \n')).message).toMatch(/empty/);
    expect(inputError(() => readInput('just some words')).message).toMatch(/could not tell what this is/);
    expect(inputError(() => readInput('[1, 2]')).message).toMatch(/could not tell/);
  });
});

describe('hostile input', () => {
  const fast = (fn: () => void) => {
    const t = performance.now();
    fn();
    return performance.now() - t;
  };

  it('refuses a 50 MB input quickly', () => {
    const big = `clusters: []\n#${'x'.repeat(50 * 1024 * 1024)}`;
    let e: InputError | undefined;
    expect(fast(() => (e = inputError(() => readInput(big, { filename: 'big.yml' }))))).toBeLessThan(200);
    expect(e!.message).toMatch(/limit is 5 MB/);
  });

  it('refuses a YAML alias bomb', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x]', ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`), 'clusters: []'].join('\n');
    let e: InputError | undefined;
    expect(fast(() => (e = inputError(() => readInput(bomb))))).toBeLessThan(1000);
    expect(e!.message).toMatch(/alias/);
  });

  it('refuses deep nesting, in flow and in JSON, quickly', () => {
    for (const deep of ['['.repeat(100_000) + ']'.repeat(100_000), `{"clusters": ${'['.repeat(5000)}${']'.repeat(5000)}}`]) {
      expect(fast(() => expect(inputError(() => readInput(deep)).message).toMatch(/nesting deeper/))).toBeLessThan(500);
    }
  });

  it('refuses deep block nesting', () => {
    const deep = Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
    expect(inputError(() => readInput(deep)).message).toMatch(/nesting deeper/);
  });

  it('reads a mapping with many keys in linear time (no quadratic duplicate-key check)', () => {
    const many = Array.from({ length: 40_000 }, (_, i) => `k${i}: ${i}`).join('\n') + '\nk7: again\n';
    let e: InputError | undefined;
    expect(fast(() => (e = inputError(() => readInput(many))))).toBeLessThan(5000);
    expect(e!.message).toMatch(/could not tell/);
  });

  it('refuses YAML over 1 MB, very long YAML lines, and a second document', () => {
    expect(inputError(() => readInput(`clusters: []\n#${'x'.repeat(1_100_000)}\n`)).message).toMatch(/YAML is limited to 1 MB/);
    expect(inputError(() => readInput(`clusters: [${'a, '.repeat(20_000)}]\n`)).message).toMatch(/^1:1: line 1 is \d+ characters long/);
    expect(inputError(() => readInput('clusters: []\n---\nclusters: []\n')).message).toMatch(/^2:1: a second YAML document/);
    // JSON has no such line limit: a long single-line JSON plan reads fine.
    expect(readInput(`{"clusters": [{"name": ${JSON.stringify('y'.repeat(200_000))}}]}`).clusters[0]!.name).toHaveLength(200_000);
  });

  it('refuses binary garbage', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
    expect(inputError(() => readInput(new TextDecoder().decode(bytes))).message).toMatch(/binary|could not|syntax/);
    expect(inputError(() => readInput('clusters: []\u0000\u0001')).message).toMatch(/NUL bytes/);
  });

  it('keeps __proto__ keys as data and never pollutes prototypes', () => {
    for (const text of ['{"__proto__": {"polluted": 1}, "clusters": []}', '__proto__:\n  polluted: 1\nclusters: []\n', 'nodes:\n  - address: 1.1.1.1\n    user: u\n    role: [worker]\n    __proto__: {polluted: 1}\n']) {
      try {
        readInput(text);
      } catch (error) {
        expect(error).toBeInstanceOf(InputError);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    }
    expect(inputError(() => readInput('{"__proto__": {"x": 1}, "clusters": []}')).message).toMatch(/unknown field "__proto__"/);
  });
});

describe('writers', () => {
  it('plan YAML and JSON round-trip every preset', () => {
    for (const { plan } of Object.values(PRESETS)) {
      expect(parsePlan(toPlanYaml(plan))).toEqual(plan);
      expect(parsePlan(toPlanJson(plan))).toEqual(plan);
    }
    expect(parsePlan(toPlanYaml(RECOMMENDED_PLAN))).toEqual(RECOMMENDED_PLAN);
  });

  it('keeps version text such as 2.10 as text', () => {
    const p = planSchema.parse({ rancher: { version: '2.10' }, clusters: [] });
    expect(parsePlan(toPlanYaml(p)).rancher?.version).toBe('2.10');
  });

  it('plan → cluster.yml → plan keeps nodes and roles', () => {
    for (const name of ['rancher', 'production']) {
      const cluster = RECOMMENDED_PLAN.clusters.find((c) => c.name === name)!;
      const back = readInputDetailed(toClusterYml(RECOMMENDED_PLAN, name));
      expect(back.format).toBe('cluster-yml');
      expect(back.findings).toEqual([]);
      expect(back.plan.clusters[0]!.name).toBe(name);
      expect(back.plan.clusters[0]!.nodes).toEqual(cluster.nodes);
    }
  });

  it('cluster.yml → plan → cluster.yml keeps nodes and roles of a real file', () => {
    const first = read('rke-5node-4etcd-custom-sshport.cluster.yml').plan;
    const again = readInput(toClusterYml(first, 'danbooru'));
    expect(again.clusters[0]!.nodes).toEqual(first.clusters[0]!.nodes);
  });

  it('cluster.yml keeps external etcd and refuses non-RKE clusters', () => {
    const ext = read('rke-external-etcd.cluster.yml').plan;
    expect(readInput(toClusterYml(ext, 'rancher')).clusters[0]!.datastore).toBe('external');
    expect(() => toClusterYml(PRESETS['rancher-k3s'].plan, 'rancher')).toThrow(/RKE clusters only/);
    expect(() => toClusterYml(ext, 'nope')).toThrow(RangeError);
  });

  it('nginx: a stream block forwarding 80 and 443 to every target', () => {
    const conf = toNginxConfig(RECOMMENDED_PLAN);
    expect(conf).toMatch(/^stream \{$/m);
    for (const port of [80, 443]) {
      expect(conf).toContain(`listen ${port};`);
      for (const a of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) expect(conf).toContain(`server ${a}:${port} `);
    }
    expect(() => readInput(conf)).toThrow(/nginx configuration/);
    expect(() => toNginxConfig(PRESETS['downstream-production'].plan)).toThrow(RangeError);
  });

  it('publishes a JSON Schema from the zod schema', () => {
    const schema = planJsonSchema() as { properties: Record<string, unknown>; additionalProperties: boolean };
    expect(Object.keys(schema.properties)).toEqual(['rancher', 'clusters']);
    expect(schema.additionalProperties).toBe(false);
    expect(JSON.stringify(schema)).toContain('"controlplane"');
  });
});
