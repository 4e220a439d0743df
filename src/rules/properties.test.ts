// Property tests: the checker and readers hold up on arbitrary input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { checkPlan } from './check.ts';
import { RULES } from './catalogue/index.ts';
import { ExportError } from './formats/format.ts';
import { docsPath } from './guide-pages.ts';
import { simulateFailure, simulatePlanFailure, smallestBreakingFailure } from './failure.ts';
import { clusterZones, smallestBreakingZones, zonesOf } from './zones.ts';
import { InputError } from './formats/input-error.ts';
import { toPlanJson, toPlanYaml } from './formats/plan-file.ts';
import { readInput, readInputDetailed } from './formats/read.ts';
import { toClusterYml } from './formats/rke-cluster-yml.ts';
import { datastoreOf, isEtcdMember } from './cluster-facts.ts';
import { KUBERNETES_ROLES, planSchema, type Plan } from './plan.ts';
import { NAMES, planArb } from './testing/plan-arbitrary.ts';
import { CLUSTER_PARTS, type ClusterPart } from './keys.ts';

describe('checkPlan properties', () => {
  it('never throws, is deterministic, and every finding is well formed', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const a = checkPlan(plan);
        const b = checkPlan(structuredClone(plan));
        expect(b).toEqual(a);
        const docs = new Set<string>(RULES.map((r) => docsPath(r.docs)));
        for (const f of a.findings) {
          expect(docs.has(f.docs)).toBe(true);
          expect(['error', 'warning', 'info']).toContain(f.severity);
          expect(f.message.length).toBeGreaterThan(0);
          // Distributions are spelled as their projects spell them (RKE, RKE2, K3s, EKS, GKE, AKS).
          expect(f.message).not.toMatch(/\bK3S\b|\bOTHER\b|\bRke2?\b/);
        }
        expect(a.summary.errors + a.summary.warnings + a.summary.infos).toBe(a.findings.length);
      }),
      { numRuns: 300 },
    );
  });

  it('adding a worker-only node to a downstream RKE cluster never adds an etcd finding', () => {
    const etcdFindings = (plan: Plan, cluster: string) =>
      checkPlan(plan)
        .findings.filter((f) => f.cluster === cluster && (f.rule.includes('etcd') || /etcd role/.test(f.message)))
        .map((f) => f.rule);
    fc.assert(
      fc.property(planArb, fc.nat(), (plan, pick) => {
        const candidates = plan.clusters.filter((c) => c.distribution === 'rke' && c.name !== plan.rancher?.cluster);
        fc.pre(candidates.length > 0);
        const target = candidates[pick % candidates.length]!;
        const before = etcdFindings(plan, target.name);
        const grown = structuredClone(plan);
        grown.clusters.find((c) => c.name === target.name)!.nodes.push({ name: 'new-worker', address: '10.9.9.9', roles: ['worker'] });
        const after = etcdFindings(grown, target.name);
        for (const rule of after) expect(before).toContain(rule);
        expect(after.length).toBeLessThanOrEqual(before.length);
      }),
      { numRuns: 300 },
    );
  });

  it('the smallest breaking failure breaks the cluster and nothing smaller does', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const names = new Set(plan.clusters.map((c) => c.name));
        for (const name of names) {
          const cluster = plan.clusters.find((c) => c.name === name)!;
          const found = smallestBreakingFailure(plan, name);
          if (!found) continue;
          const broken = (failed: string[]) => {
            const o = simulateFailure(plan, name, failed);
            return o.rancherReachable === undefined ? !o.schedulable : !o.rancherReachable;
          };
          expect(broken(found.nodes)).toBe(true);
          const nodeNames = [...new Set(cluster.nodes.map((n) => n.name))];
          // Duplicate node names fail together, so only check clusters with unique names.
          if (nodeNames.length !== cluster.nodes.length) continue;
          for (let mask = 0; mask < 1 << nodeNames.length; mask++) {
            const subset = nodeNames.filter((_, i) => mask & (1 << i));
            if (subset.length < found.nodes.length) expect(broken(subset)).toBe(false);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  /** Clusters whose node names are unique: duplicate names fail together, which subsets cannot express. */
  const uniqueClusters = (plan: Plan) => {
    const names = plan.clusters.map((c) => c.name);
    return plan.clusters.filter((c, i) => names.indexOf(c.name) === i && new Set(c.nodes.map((n) => n.name)).size === c.nodes.length);
  };
  const brokenBy =
    (plan: Plan, name: string) =>
    (failed: readonly string[], parts: readonly ClusterPart[] = []) => {
      const o = simulateFailure(plan, name, failed, { loadBalancer: parts.includes('load-balancer'), datastore: parts.includes('datastore') });
      return o.rancherReachable === undefined ? !o.schedulable : !o.rancherReachable;
    };

  it('with parts counted, the smallest breaking failure breaks the cluster and nothing smaller does', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        for (const cluster of uniqueClusters(plan)) {
          const found = smallestBreakingFailure(plan, cluster.name, { parts: true });
          if (!found) continue;
          const broken = brokenBy(plan, cluster.name);
          expect(broken(found.nodes, found.parts)).toBe(true);
          const size = found.nodes.length + found.parts.length;
          // Never larger than the node-only answer.
          const nodesOnly = smallestBreakingFailure(plan, cluster.name)!;
          expect(size).toBeLessThanOrEqual(nodesOnly.nodes.length);
          const items: ({ node: string } | { part: ClusterPart })[] = [
            ...cluster.nodes.map((n) => ({ node: n.name })),
            ...CLUSTER_PARTS.map((part) => ({ part })),
          ];
          for (let mask = 0; mask < 1 << items.length; mask++) {
            const subset = items.filter((_, i) => mask & (1 << i));
            if (subset.length >= size) continue;
            const nodes = subset.flatMap((s) => ('node' in s ? [s.node] : []));
            const parts = subset.flatMap((s) => ('part' in s ? [s.part] : []));
            expect(broken(nodes, parts)).toBe(false);
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('losing a zone is losing exactly the nodes placed in it', () => {
    fc.assert(
      fc.property(planArb, fc.subarray(['za', 'zb', 'zc', 'zd']), (plan, zones) => {
        const keys = zonesOf(plan)
          .filter((z) => zones.includes(z.zone))
          .flatMap((z) => z.nodes);
        expect(simulatePlanFailure(plan, { zones })).toEqual(simulatePlanFailure(plan, { nodes: keys }));
      }),
      { numRuns: 200 },
    );
  });

  it('the fewest breaking zones break the cluster and no fewer zones do; without an answer, losing every zone changes nothing', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        for (const cluster of uniqueClusters(plan)) {
          const zones = [...new Set(cluster.nodes.flatMap((n) => (n.zone ? [n.zone] : [])))];
          const broken = brokenBy(plan, cluster.name);
          const inZones = (chosen: string[]) => cluster.nodes.filter((n) => n.zone !== undefined && chosen.includes(n.zone)).map((n) => n.name);
          const found = smallestBreakingZones(plan, cluster.name);
          if (!found) {
            // No answer: losing every zone changes nothing.
            expect(broken(inZones(zones))).toBe(broken([]));
            continue;
          }
          expect(found.nodes).toEqual(inZones(found.zones));
          expect(broken(found.nodes)).toBe(true);
          for (let mask = 0; mask < 1 << zones.length; mask++) {
            const subset = zones.filter((_, i) => mask & (1 << i));
            if (subset.length < found.zones.length) expect(broken(inZones(subset))).toBe(false);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('zones-etcd-quorum and the what-if agree on every single-zone failure', () => {
    let fired = 0;
    fc.assert(
      fc.property(planArb, (plan) => {
        // Two clusters of one name are simulated as the first (plan-cluster-unique refuses such plans).
        fc.pre(new Set(plan.clusters.map((c) => c.name)).size === plan.clusters.length);
        const findings = checkPlan(plan).findings.filter((f) => f.rule === 'zones-etcd-quorum');
        for (const cluster of uniqueClusters(plan)) {
          const outcome = (zones: string[]) => simulatePlanFailure(plan, { zones }).clusters.find((o) => o.cluster === cluster.name)!;
          const zones = clusterZones(cluster);
          const finding = findings.find((f) => f.cluster === cluster.name);
          // The rule judges clusters on etcd members the plan names (not SQLite, an outside datastore, or the etcd a generic
          // cluster keeps out of sight, which only the what-if models), spread over two zones or more, whose etcd holds quorum as
          // planned and whose counts are all known.
          const onEtcd = datastoreOf(cluster) === 'etcd' && cluster.nodes.some((n) => isEtcdMember(cluster, n));
          if (zones.length < 2 || !onEtcd || !outcome([]).etcd.kept || outcome([]).etcd.external || cluster.nodesUnknown !== undefined) {
            if (zones.length < 2 || !onEtcd || cluster.nodesUnknown !== undefined) expect(finding).toBeUndefined();
            continue;
          }
          const breaking = zones.filter((z) => !outcome([z]).etcd.kept);
          expect(finding !== undefined, `${cluster.name}: ${breaking.join(',')}`).toBe(breaking.length > 0);
          if (finding) {
            fired++;
            const members = cluster.nodes.filter((n) => isEtcdMember(cluster, n));
            expect(finding.nodes).toEqual(members.filter((m) => m.zone !== undefined && breaking.includes(m.zone)).map((m) => m.name));
            for (const z of breaking) expect(finding.message).toContain(z);
          }
        }
      }),
      { numRuns: 300 },
    );
    // The generated plans do reach the case where a zone breaks quorum.
    expect(fired).toBeGreaterThan(0);
  });

  it('plans survive a YAML and a JSON round trip', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        expect(readInput(toPlanYaml(plan), { format: 'plan', allowEmpty: true })).toEqual(plan);
        expect(readInput(toPlanJson(plan), { format: 'plan', allowEmpty: true })).toEqual(plan);
      }),
      { numRuns: 200 },
    );
  });
});

// Errors are cheap in Node but slow under Vitest (stack traces are source-mapped): allow time.
describe('reader properties', { timeout: 30_000 }, () => {
  const readsCleanly = (text: string) => {
    let first: unknown;
    let second: unknown;
    try {
      const { locate: _first, ...result } = readInputDetailed(text, { filename: 'x' });
      first = result;
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      first = (error as Error).message;
      // One path for every reader: "file[:line:col][ path]: reason", the reason in words, never raw JSON.
      expect(first).toMatch(/^x(:\d+:\d+)?( [^\s:]+)?: [^[{\s]/);
      expect((error as InputError).reason).not.toMatch(/^\s*[[{]/);
    }
    try {
      const { locate: _second, ...result } = readInputDetailed(text, { filename: 'x' });
      second = result;
    } catch (error) {
      second = (error as Error).message;
    }
    expect(second).toEqual(first);
  };

  it('never throw anything but InputError on arbitrary text, and are deterministic', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), readsCleanly), { numRuns: 300 });
  });

  it('never throw anything but InputError on arbitrary JSON and YAML documents', () => {
    fc.assert(fc.property(fc.json({ maxDepth: 6 }), readsCleanly), { numRuns: 300 });
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (v) => readsCleanly(stringify(v))),
      { numRuns: 300 },
    );
  });

  it('never throw on near-miss cluster.yml, kubectl and config documents, and name the place in words', () => {
    const nodeish = fc.dictionary(fc.constantFrom('address', 'user', 'role', 'hostname_override', 'roles', 'port'), fc.jsonValue({ maxDepth: 2 }));
    fc.assert(
      fc.property(fc.array(nodeish, { maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), (nodes, services) => readsCleanly(stringify({ nodes, services }))),
      { numRuns: 300 },
    );
    const item = fc.record(
      {
        kind: fc.constantFrom('Node', 'Pod'),
        metadata: fc.record({
          name: fc.oneof(fc.string(), fc.integer()),
          labels: fc.dictionary(
            fc.constantFrom('node-role.kubernetes.io/etcd', 'node-role.kubernetes.io/control-plane', 'node-role.kubernetes.io/worker', 'x'),
            fc.string(),
          ),
        }),
        status: fc.jsonValue({ maxDepth: 2 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.array(item, { maxLength: 4 }), (items) => readsCleanly(JSON.stringify({ kind: 'NodeList', items }))),
      { numRuns: 300 },
    );
    // K3s/RKE2 config files with arbitrary values for the keys that become the node.
    const config = fc.dictionary(
      fc.constantFrom('node-name', 'node-ip', 'server', 'token', 'datastore-endpoint', 'cluster-init', 'disable', 'cni'),
      fc.jsonValue({ maxDepth: 1 }),
      { minKeys: 1 },
    );
    fc.assert(
      fc.property(config, (c) => readsCleanly(stringify(c))),
      { numRuns: 300 },
    );
  });

  it('cluster.yml written from any RKE cluster reads back with the same nodes and no refusal, or says what blocks it', () => {
    const node = fc.record({
      name: fc.constantFrom(...NAMES, 'Upper_Case'),
      roles: fc.subarray([...KUBERNETES_ROLES]),
      address: fc.option(fc.constant('x'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(node, { selector: (n) => n.name, minLength: 1, maxLength: 8 }), fc.boolean(), (nodes, external) => {
        const plan = planSchema.parse({
          clusters: [
            {
              name: 'c',
              datastore: external ? 'external' : 'embedded',
              nodes: nodes.map((n, i) => ({ name: n.name, roles: n.roles, ...(n.address ? { address: `10.0.0.${i + 1}` } : {}) })),
            },
          ],
        });
        let text: string;
        try {
          text = toClusterYml(plan, 'c');
        } catch (error) {
          expect(error).toBeInstanceOf(ExportError);
          const errors = checkPlan(plan)
            .findings.filter((f) => f.severity === 'error')
            .map((f) => f.message);
          for (const problem of (error as ExportError).problems) expect(errors).toContain(problem);
          return;
        }
        const back = readInputDetailed(text);
        expect(back.plan.clusters[0]!.nodes).toEqual(plan.clusters[0]!.nodes);
        expect(back.findings).toEqual([]);
        expect(checkPlan(back.plan).findings.filter((f) => f.severity === 'error')).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
