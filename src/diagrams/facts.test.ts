// Diagrams state what cluster-facts says about a cluster, never a count of role names: the caption
// and the etcd panel take etcd members, quorum and tolerated losses from `clusterFacts`, the
// figure for the authorized endpoint asks it which nodes run an API server. (A property test once
// held captions and the report in step while each counted for itself; both now read the same
// facts, so these cases pin instead the plans where counting role names would go wrong.)
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../rules/check.ts';
import { validatePlan } from '../rules/formats/validate.ts';
import type { Plan } from '../rules/plan.ts';
import { authorizedEndpointFigure, k3sFigure, type Figure } from './figures/index.ts';
import { clusterCaptions, topOf } from './layout/index.ts';
import { buildMarks } from './model.ts';

const k3s = (datastore: string, roles: string[][]): Plan =>
  validatePlan({ clusters: [{ name: 'k', distribution: 'k3s', datastore, nodes: roles.map((r, i) => ({ name: `n${i + 1}`, roles: r })) }] });

const texts = (f: Figure) => f.shapes.flatMap((s) => s.lines.map((t) => t.full));

/** The caption's counts line, and the report's figures for the same cluster. */
function captionAndReport(plan: Plan) {
  const cluster = plan.clusters[0]!;
  const summary = checkPlan(plan).clusters[0]!;
  return { counts: clusterCaptions(plan, cluster).counts, summary };
}

describe('diagrams read cluster facts', () => {
  it('counts K3s servers on embedded etcd as etcd members, though no node is named etcd', () => {
    const plan = k3s('embedded', [['server'], ['server'], ['server'], ['agent'], ['agent']]);
    const { counts, summary } = captionAndReport(plan);
    expect(summary).toMatchObject({ nodeCount: 5, etcdMembers: 3, quorum: 2, failuresTolerated: 1 });
    expect(counts).toBe('5 nodes · etcd quorum 2 of 3, survives 1 loss');
    const panel = texts(k3sFigure(plan, buildMarks({})));
    expect(panel).toContain('etcd: the cluster data, copied to each of 3 members');
    expect(panel).toContain('quorum 2 of 3 · survives 1 lost member');
  });

  it('draws no etcd for K3s on an external datastore, whatever roles the nodes list', () => {
    const plan = k3s('external', [
      ['server', 'etcd'],
      ['server', 'etcd'],
      ['agent', 'etcd'],
    ]);
    const { counts, summary } = captionAndReport(plan);
    expect(summary.etcdMembers).toBe(0);
    expect(counts).toBe('3 nodes');
    const figure = k3sFigure(plan, buildMarks({}));
    expect(figure.shapes.some((s) => s.id === 'etcd')).toBe(false);
    expect(figure.shapes.some((s) => s.id === 'datastore')).toBe(true);
  });

  it('gives a managed cluster no etcd quorum even when its nodes carry etcd roles', () => {
    const plan = validatePlan({ clusters: [{ name: 'g', distribution: 'gke', nodes: [1, 2, 3].map((i) => ({ name: `n${i}`, roles: ['etcd', 'worker'] })) }] });
    const { counts, summary } = captionAndReport(plan);
    expect(summary.etcdMembers).toBe(0);
    expect(counts).toBe('3 nodes');
  });

  it('sends the authorized endpoint to a node that runs an API server, not to an RKE node named "server"', () => {
    const plan = validatePlan({
      clusters: [
        {
          name: 'r',
          distribution: 'rke',
          authorizedEndpoint: { targets: [] },
          nodes: [
            { name: 'odd', roles: ['server'] },
            { name: 'cp', roles: ['controlplane'] },
            { name: 'e1', roles: ['etcd'] },
          ],
        },
      ],
    });
    const figure = authorizedEndpointFigure(plan, buildMarks({}));
    const boxes = figure.clusters[0]!.groups.flatMap((g) => g.nodes);
    const cp = boxes.find((n) => n.name === 'cp')!;
    const odd = boxes.find((n) => n.name === 'odd')!;
    const ends = figure.links.filter((l) => l.id.startsWith('ace')).map((l) => l.to);
    expect(ends).toEqual([topOf(cp)]);
    expect(ends).not.toContainEqual(topOf(odd));
  });
});
