// Real etcd on the plan's etcd nodes, behind the exported firewalls: the members must form a
// quorum through them, only the senders the matrix names may reach 2379 and 2380, and the
// failure what-if must agree with real etcd about which failures stop writes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { etcdMembers } from '../src/rules/cluster-facts.ts';
import { failedNodesByCluster, simulateFailure, simulatePlanFailure, smallestBreakingFailure } from '../src/rules/failure.ts';
import { zonesOf } from '../src/rules/zones.ts';
import type { Cluster, Plan } from '../src/rules/plan.ts';
import { EtcdCluster, type Member } from './etcd.ts';
import { allowedBy } from './expect.ts';
import { buildable, describePlan, generatedPlans, presetPlans, type LabPlan } from './plans.ts';
import { observe } from './phases.ts';
import { inBatches, probe } from './probes.ts';
import { record } from './summary.ts';
import { buildTopology, senderOf, type Topology } from './topology.ts';

const tmp = mkdtempSync(join(tmpdir(), 'rancher-arch-lab-etcd-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every subset for up to three members; for more, the first and last subset of each size (each size always there). */
function failureSets(names: readonly string[]): string[][] {
  const subsets = (k: number, from = 0): string[][] =>
    k === 0 ? [[]] : names.slice(from).flatMap((n, i) => subsets(k - 1, from + i + 1).map((rest) => [n, ...rest]));
  return names
    .flatMap((_, i) => [i])
    .concat(names.length)
    .flatMap((k) => {
      const all = subsets(k);
      return names.length <= 3 ? all : [...new Set([all[0], all[all.length - 1]])].filter((s): s is string[] => s !== undefined);
    });
}

const withEtcd = (clusters: readonly Cluster[]) => clusters.filter((c) => etcdMembers(c).length > 0);
const multiMember = (plan: Plan) => withEtcd(plan.clusters).filter((c) => etcdMembers(c).length >= 2);
/** Clusters whose smallest breaking set, as the what-if names it, is a loss of etcd quorum. */
const breakingSets = (plan: Plan) =>
  multiMember(plan).flatMap((c) => {
    const b = smallestBreakingFailure(plan, c.name);
    return b?.reason === 'etcd-quorum' ? [{ cluster: c.name, nodes: b.nodes }] : [];
  });

const plans: LabPlan[] = [...presetPlans(), ...generatedPlans()];
const runnable = (plan: Plan) => buildable(plan) && withEtcd(plan.clusters).length > 0;

interface Tally {
  count: number;
  wrong: string[];
}

interface Findings {
  quorum: Tally;
  ports: Tally;
  failures: Tally;
  breaking: Tally;
  zones: Tally;
}

const writeResult = (r: { ok: boolean; output: string }) => (r.ok ? 'succeeded' : `failed: ${r.output.split('\n')[0] ?? ''}`);

/** Fails the members, writes to a survivor, brings them back; the write's result. */
async function writesAfter(etcd: EtcdCluster, failed: readonly string[], key: string): Promise<{ ok: boolean; output: string }> {
  const down = etcd.members.filter((m) => failed.includes(m.node));
  const up = etcd.members.filter((m) => !failed.includes(m.node));
  await etcd.kill(down);
  const writer: Member | undefined = up[0] ?? etcd.members[0];
  if (!writer) throw new Error('no member');
  // With every member down there is no survivor: the write goes to all of them and must fail.
  const result = await etcd.write(writer.host, etcd.endpoints(up.length > 0 ? [writer] : etcd.members), key, 'x');
  etcd.start(down);
  await etcd.waitHealthy();
  return result;
}

const findings = observe(
  plans.filter((p) => runnable(p.plan)),
  async ({ plan }): Promise<Findings> => {
    const tmpPlan = mkdtempSync(join(tmp, 'plan-'));
    const t: Topology = await buildTopology(plan, tmpPlan);
    const f: Findings = {
      quorum: { count: 0, wrong: [] },
      ports: { count: 0, wrong: [] },
      failures: { count: 0, wrong: [] },
      breaking: { count: 0, wrong: [] },
      zones: { count: 0, wrong: [] },
    };
    let key = 0;
    try {
      const clusters = new Map<string, EtcdCluster>();
      for (const c of withEtcd(plan.clusters)) {
        const members = etcdMembers(c).map((n) => ({ node: n.name, host: t.net.host(`${c.name}/${n.name}`) }));
        const etcd = new EtcdCluster(t.net, c.name, members, tmpPlan);
        etcd.start();
        clusters.set(c.name, etcd);
      }

      // Quorum through the firewalls: a write on one member, read back on every other through the
      // next member's client port, so 2379 between members is crossed as well as 2380.
      for (const [cluster, etcd] of clusters) {
        await etcd.waitHealthy();
        const [first, ...others] = etcd.members;
        if (!first) throw new Error('no member');
        const value = `written on ${first.node}`;
        const put = await etcd.write(first.host, etcd.endpoints([first]), 'lab/quorum', value);
        f.quorum.count++;
        if (!put.ok) f.quorum.wrong.push(`${cluster}: put on ${first.node} ${writeResult(put)}`);
        for (const [i, m] of others.entries()) {
          const via = etcd.members[(i + 2) % etcd.members.length] ?? first;
          const got = await etcd.read(m.host, etcd.endpoints([via]), 'lab/quorum');
          f.quorum.count++;
          if (got !== value) f.quorum.wrong.push(`${cluster}: ${m.node} read "${got}" through ${via.node}, expected "${value}"`);
        }
      }

      // Who reaches the real etcd ports: every host of the plan, the outsider and the load balancer.
      const memberNodes = t.nodes.filter((n) => [...clusters.values()].some((e) => e.members.some((m) => m.host === n.host)));
      const senders = [...t.nodes.map((n) => n.host), t.outsider, t.loadBalancer];
      await inBatches(senders, 4, async (from) => {
        const targets = memberNodes.filter((n) => n.host !== from).flatMap((n) => [2379, 2380].map((port) => ({ host: n.host.address, port, n })));
        const results = await probe(t.net, from, targets);
        results.forEach((r, i) => {
          const n = targets[i]?.n;
          if (!n) throw new Error('probe results out of step with targets');
          const rule = allowedBy(t.matrix, n.node, senderOf(t, from), r.port);
          f.ports.count++;
          if (r.state !== (rule ? 'open' : 'timeout'))
            f.ports.wrong.push(`${from.label} → etcd on ${n.host.label}:${r.port}: expected ${rule ? `open (rule ${rule.id})` : 'dropped'}, got ${r.state}`);
        });
      });

      // The what-if against real etcd, one set of failed members at a time.
      for (const c of multiMember(plan)) {
        const etcd = clusters.get(c.name);
        if (!etcd) throw new Error(`no etcd for ${c.name}`);
        for (const failed of failureSets(etcdMembers(c).map((n) => n.name))) {
          const model = simulateFailure(plan, c.name, failed).etcd.kept;
          const real = await writesAfter(etcd, failed, `lab/case-${++key}`);
          f.failures.count++;
          if (model !== real.ok)
            f.failures.wrong.push(
              `${c.name} without [${failed.join(', ')}]: the what-if says quorum ${model ? 'kept' : 'lost'}, the real write ${writeResult(real)}`,
            );
        }
      }

      for (const { cluster, nodes } of breakingSets(plan)) {
        const etcd = clusters.get(cluster);
        if (!etcd) throw new Error(`no etcd for ${cluster}`);
        const all = await writesAfter(etcd, nodes, `lab/case-${++key}`);
        if (all.ok) f.breaking.wrong.push(`${cluster}: writes still succeed without [${nodes.join(', ')}]`);
        const fewer = nodes.slice(0, -1);
        const after = await writesAfter(etcd, fewer, `lab/case-${++key}`);
        if (!after.ok) f.breaking.wrong.push(`${cluster}: writes already fail without [${fewer.join(', ')}]: ${after.output}`);
        f.breaking.count += 2;
      }

      // A whole zone: every node placed in it fails, in every cluster at once.
      for (const { zone } of zonesOf(plan)) {
        const byCluster = failedNodesByCluster(plan, { zones: [zone] });
        const outcome = simulatePlanFailure(plan, { zones: [zone] });
        for (const [clusterName, etcd] of clusters) {
          const model = outcome.clusters.find((o) => o.cluster === clusterName)?.etcd.kept;
          if (model === undefined) throw new Error(`no outcome for ${clusterName}`);
          const failed = byCluster.get(clusterName) ?? [];
          const real = await writesAfter(etcd, failed, `lab/case-${++key}`);
          f.zones.count++;
          if (model !== real.ok)
            f.zones.wrong.push(
              `zone ${zone} (${clusterName} loses [${failed.join(', ')}]): the what-if says quorum ${model ? 'kept' : 'lost'}, the real write ${writeResult(real)}`,
            );
        }
      }
      return f;
    } finally {
      await t.net.destroy();
    }
  },
);

for (const { name, plan } of plans) {
  if (!runnable(plan)) {
    it(`${name}: no etcd started, the plan has ${buildable(plan) ? 'no etcd member (external datastore, or no cluster)' : 'no addresses'}`, () => {
      record('etcd: plans without etcd members, not started', name);
      expect(buildable(plan) ? withEtcd(plan.clusters) : []).toEqual([]);
    });
    continue;
  }

  describe(`etcd, ${name}: ${describePlan(plan)}`, () => {
    it('every cluster forms a quorum through the firewalls: a write on one member is read back on every other', () => {
      const { quorum } = findings(name);
      record('etcd: quorum forms through the firewalls (put, then get on every member)', name, quorum.count);
      expect(quorum.wrong).toEqual([]);
      expect(quorum.count).toBe(withEtcd(plan.clusters).reduce((n, c) => n + etcdMembers(c).length, 0));
    });

    it("only the matrix's senders reach the real etcd's 2379 and 2380", () => {
      const { ports } = findings(name);
      record('etcd: real etcd 2379/2380 reached only by the matrix senders', name, ports.count);
      expect(ports.count).toBeGreaterThan(0);
      expect(ports.wrong).toEqual([]);
    });

    const multi = multiMember(plan);
    if (multi.length > 0)
      it(`the failure what-if agrees with real etcd on each set of failed members (${multi.map((c) => c.name).join(', ')})`, () => {
        const { failures } = findings(name);
        record('etcd: what-if quorum = real write, per set of failed members', name, failures.count);
        expect(failures.count).toBe(multi.reduce((n, c) => n + failureSets(etcdMembers(c).map((m) => m.name)).length, 0));
        expect(failures.wrong).toEqual([]);
      });

    if (breakingSets(plan).length > 0)
      it('the smallest breaking set the what-if names for etcd stops real writes, and one member fewer does not', () => {
        const { breaking } = findings(name);
        record('etcd: smallest breaking set (etcd quorum) breaks, one fewer does not', name, breaking.count);
        expect(breaking.count).toBe(breakingSets(plan).length * 2);
        expect(breaking.wrong).toEqual([]);
      });

    const zones = zonesOf(plan).map((z) => z.zone);
    if (zones.length > 0)
      it(`losing a whole zone: the what-if agrees with real etcd (${zones.join(', ')})`, () => {
        const f = findings(name);
        record('etcd: zone failure what-if = real write', name, f.zones.count);
        expect(f.zones.count).toBe(zones.length * withEtcd(plan.clusters).length);
        expect(f.zones.wrong).toEqual([]);
      });
  });
}
