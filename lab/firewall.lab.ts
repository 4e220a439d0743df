// The exported nftables rulesets, loaded into real network namespaces (one per node) and probed
// with real TCP connections from every other host: what the matrix opens must answer, everything
// else must be dropped.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allNodes, portMatrix } from '../src/rules/ports/matrix.ts';
import { ALWAYS_PROBED, allowedBy, probedPorts } from './expect.ts';
import { observe } from './phases.ts';
import { inBatches, listen, probe } from './probes.ts';
import { buildable, describePlan, generatedPlans, presetPlans, type LabPlan } from './plans.ts';
import { SANITY } from './sanity.ts';
import { record } from './summary.ts';
import { buildTopology, senderOf } from './topology.ts';

const tmp = mkdtempSync(join(tmpdir(), 'rancher-arch-lab-fw-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const plans: LabPlan[] = [...presetPlans(), ...generatedPlans()];

interface Seen {
  from: string;
  to: string;
  port: number;
  state: string;
  /** The rule the matrix opens this with, if any. */
  rule?: string;
}

interface Findings {
  rulesets: number;
  nodes: number;
  probes: Seen[];
}

const findings = observe(
  plans.filter((p) => buildable(p.plan)),
  async ({ plan }): Promise<Findings> => {
    const t = await buildTopology(plan, tmp);
    try {
      // A stand-in on every probed port of every node, so a probe that gets no answer was dropped by the firewall.
      await Promise.all(t.nodes.map(({ node, host }) => listen(t.net, host, host.label, probedPorts(node))));
      const senders = [...t.nodes.map((n) => n.host), t.outsider, t.loadBalancer];
      const probes = await inBatches(senders, 4, async (from) => {
        const targets = t.nodes.filter((n) => n.host !== from).flatMap((n) => probedPorts(n.node).map((port) => ({ host: n.host.address, port, n })));
        const results = await probe(t.net, from, targets);
        return results.map((r, i): Seen => {
          const n = targets[i]?.n;
          if (!n) throw new Error('probe results out of step with targets');
          const rule = allowedBy(t.matrix, n.node, senderOf(t, from), r.port);
          return { from: from.label, to: n.host.label, port: r.port, state: r.state, ...(rule ? { rule: rule.id } : {}) };
        });
      });
      return { rulesets: t.rulesets.size, nodes: t.nodes.length, probes: probes.flat() };
    } finally {
      await t.net.destroy();
    }
  },
);

for (const { name, plan } of plans) {
  if (!buildable(plan)) {
    it(`${name}: not built, the plan has no node or host address`, () => {
      record('firewall: plans without addresses, not built', name);
      expect(allNodes(portMatrix(plan)).filter((n) => n.address !== undefined)).toEqual([]);
    });
    continue;
  }

  describe(`firewall, ${name}: ${describePlan(plan)}`, () => {
    it('every exported ruleset loads with nft -f in its node namespace', () => {
      const f = findings(name);
      record('firewall: exported ruleset loads with nft -f', name, f.nodes);
      expect(f.rulesets).toBe(f.nodes);
    });

    it('what the matrix opens answers, from exactly the senders it names; everything else is dropped', () => {
      const { probes } = findings(name);
      record('firewall: matrix-derived probes (open and dropped)', name, probes.length);
      expect(probes.filter((p) => p.rule !== undefined).length, 'the matrix should open something between these hosts').toBeGreaterThan(0);
      const wrong = probes
        .filter((p) => p.state !== (p.rule ? 'open' : 'timeout'))
        .map((p) => `${p.from} → ${p.to}:${p.port}: expected ${p.rule ? `open (rule ${p.rule})` : 'dropped'}, got ${p.state}`);
      expect(wrong).toEqual([]);
    });

    it(`the outsider reaches none of ${ALWAYS_PROBED.join(', ')} (nor any listed port) on any node`, () => {
      const { probes, nodes } = findings(name);
      record('firewall: outsider dropped on 22, 2379, 2380, 6443, 10250 and listed ports', name, nodes);
      const fromOutsider = probes.filter((p) => p.from === 'outsider');
      expect(fromOutsider.length).toBeGreaterThanOrEqual(nodes * ALWAYS_PROBED.length);
      expect(fromOutsider.filter((p) => p.state !== 'timeout').map((p) => `${p.to}:${p.port} ${p.state}`)).toEqual([]);
    });

    const sanity = SANITY[name];
    if (sanity)
      it(`hand-written expectations for ${name} (${sanity.length})`, () => {
        const { probes } = findings(name);
        record('firewall: hand-written expectations per preset', name, sanity.length);
        const wrong = sanity.flatMap((e) => {
          const p = probes.find((s) => s.from === e.from && s.to === e.to && s.port === e.port);
          if (!p) return [`${e.from} → ${e.to}:${e.port} was not probed`];
          return p.state === (e.open ? 'open' : 'timeout') ? [] : [`${e.from} → ${e.to}:${e.port}: expected ${e.open ? 'open' : 'dropped'}, got ${p.state}`];
        });
        expect(wrong).toEqual([]);
      });
  });
}

it('every preset with addresses has hand-written expectations', () => {
  const missing = presetPlans()
    .filter((p) => buildable(p.plan) && SANITY[p.name] === undefined)
    .map((p) => p.name);
  expect(missing).toEqual([]);
});
