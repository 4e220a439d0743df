// Real nginx with the exported load-balancer configuration, in front of stand-in servers on the
// Rancher cluster's nodes (each answers with its node's name), through the nodes' exported
// firewalls: every port must be served, still served with one target down, and not served with
// all of them down.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rancherCluster } from '../src/rules/cluster-facts.ts';
import { toNginxConfig } from '../src/rules/formats/nginx.ts';
import type { Plan } from '../src/rules/plan.ts';
import { startNginx, upstreamsOf } from './nginx.ts';
import { observe } from './phases.ts';
import { listen, probe, type Listener } from './probes.ts';
import { buildable, describePlan, generatedPlans, presetPlans, type LabPlan } from './plans.ts';
import { until } from './run.ts';
import { record } from './summary.ts';
import { buildTopology } from './topology.ts';

const tmp = mkdtempSync(join(tmpdir(), 'rancher-arch-lab-nginx-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const plans: LabPlan[] = [...presetPlans(), ...generatedPlans()];
const balanced = (plan: Plan) => buildable(plan) && rancherCluster(plan)?.loadBalancer !== undefined;

interface PortFindings {
  port: number;
  /** Host labels of the port's targets. */
  targets: string[];
  served: string[];
  /** With the first target's stand-in closed; undefined with a single target. */
  oneDown?: { down: string; served: string[] };
  allDown: string[];
}

interface Findings {
  unchanged: boolean;
  wrapperIncludes: boolean;
  ports: PortFindings[];
}

/** Connections made per case: enough for least_conn to spread them over the targets. */
const TRIES = 4;

const findings = observe(
  plans.filter((p) => balanced(p.plan)),
  async ({ plan }): Promise<Findings> => {
    const config = toNginxConfig(plan);
    const rancher = rancherCluster(plan)?.name;
    const dir = mkdtempSync(join(tmp, 'plan-'));
    const t = await buildTopology(plan, dir, (n) => n.cluster === rancher);
    try {
      const upstreams = upstreamsOf(config);
      const ports = [...upstreams.keys()];
      const listeners = new Map<string, Listener>();
      await Promise.all(t.nodes.map(async ({ host }) => listeners.set(host.address, await listen(t.net, host, host.label, ports))));
      const nginx = startNginx(t.net, t.loadBalancer, config, dir);
      const lb = t.loadBalancer.address;
      const first = ports[0];
      if (first === undefined) throw new Error(`the exported config lists no port:\n${config}`);
      const listening = await until(async () => (await probe(t.net, t.outsider, [{ host: lb, port: first }]))[0]?.state === 'open', 10_000, 200);
      if (!listening) throw new Error(`nginx did not start listening on ${first}:\n${nginx.service.output()}\n${readFileSync(join(dir, 'error.log'), 'utf8')}`);

      const serve = async (port: number) =>
        (
          await probe(
            t.net,
            t.outsider,
            Array.from({ length: TRIES }, () => ({ host: lb, port })),
            { read: true },
          )
        ).map((r) => r.data);
      const out: PortFindings[] = [];
      for (const port of ports) {
        const addresses = upstreams.get(port) ?? [];
        const targets = addresses.map((a) => t.nodes.find((n) => n.host.address === a)?.host.label ?? `unknown ${a}`);
        const stand = (a: string) => {
          const l = listeners.get(a);
          if (!l) throw new Error(`no stand-in at ${a}`);
          return l;
        };
        const served = await serve(port);
        let oneDown: PortFindings['oneDown'];
        const [down] = addresses;
        if (down !== undefined && addresses.length >= 2) {
          await stand(down).command('close', port);
          oneDown = { down: targets[0] ?? down, served: await serve(port) };
          await stand(down).command('open', port);
        }
        for (const a of addresses) await stand(a).command('close', port);
        const allDown = await serve(port);
        for (const a of addresses) await stand(a).command('open', port);
        out.push({ port, targets, served, ...(oneDown ? { oneDown } : {}), allDown });
      }
      return {
        unchanged: readFileSync(nginx.exportedFile, 'utf8') === config,
        wrapperIncludes: nginx.wrapper.includes(`include ${nginx.exportedFile};`),
        ports: out,
      };
    } finally {
      await t.net.destroy();
    }
  },
);

for (const { name, plan } of plans) {
  if (!balanced(plan)) {
    it(`${name}: no nginx, the plan has no Rancher cluster with a load balancer (or no addresses)`, () => {
      record('nginx: plans without a Rancher load balancer, not started', name);
      expect(buildable(plan) && rancherCluster(plan)?.loadBalancer !== undefined).toBe(false);
    });
    continue;
  }

  describe(`nginx, ${name}: ${describePlan(plan)}`, () => {
    it('nginx runs the exported configuration, included unchanged', () => {
      const f = findings(name);
      record('nginx: starts with the exported config, text unchanged', name);
      expect(f.unchanged).toBe(true);
      expect(f.wrapperIncludes).toBe(true);
      expect(f.ports.map((p) => p.port)).toEqual(expect.arrayContaining([80, 443]));
    });

    it('every port is served by one of its targets, through their firewalls', () => {
      const { ports } = findings(name);
      record('nginx: each port served by one of its targets', name, ports.length);
      const wrong = ports.flatMap((p) =>
        p.served
          .filter((who) => !p.targets.includes(who))
          .map((who) => `${p.port}: ${who === '' ? 'not served' : `served by "${who}"`} (targets ${p.targets.join(', ')})`),
      );
      expect(wrong).toEqual([]);
    });

    it('with one target down, each port is still served, by the others', () => {
      const { ports } = findings(name);
      const cases = ports.filter((p) => p.oneDown !== undefined);
      record('nginx: one target down, still served by another', name, cases.length);
      const wrong = cases.flatMap((p) =>
        (p.oneDown?.served ?? [])
          .filter((who) => who === p.oneDown?.down || !p.targets.includes(who))
          .map((who) => `${p.port} with ${p.oneDown?.down} down: ${who === '' ? 'not served' : `served by "${who}"`}`),
      );
      expect(wrong).toEqual([]);
    });

    it('with every target down, no port is served', () => {
      const { ports } = findings(name);
      record('nginx: all targets down, not served', name, ports.length);
      expect(ports.filter((p) => p.allDown.some((who) => who !== '')).map((p) => `${p.port}: served by ${p.allDown.join(', ')}`)).toEqual([]);
    });
  });
}
