// The diagram and the report must never disagree about a cluster: the etcd quorum and the losses a
// cluster survives are drawn from cluster-facts and computed by checkPlan from the same facts, and
// this holds them together on arbitrary plans (the diagram's text equivalent carries the figures).
import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { checkPlan } from '../rules/check.ts';
import { planArb } from '../rules/testing/plan-arbitrary.ts';
import { PlanDiagram } from './index.ts';

const FIGURES = /(\d+) nodes? · etcd quorum (\d+) of (\d+), survives (\d+) loss(?:es)?/g;

/** The text equivalent's figures, one "nodes quorum/members tolerated" entry per cluster that has etcd. */
function drawnFigures(markup: string): string[] {
  const start = markup.indexOf('rd-text-equivalent');
  expect(start, 'the diagram has a text equivalent').toBeGreaterThan(0);
  const text = markup.slice(start).replace(/<[^>]+>/g, ' ');
  return [...text.matchAll(FIGURES)].map((m) => `${m[1]} ${m[2]}/${m[3]} ${m[4]}`).sort();
}

describe('diagram figures', () => {
  it('equal the report’s etcd members, quorum and tolerated losses for every cluster', () => {
    fc.assert(
      fc.property(planArb, (plan) => {
        const report = checkPlan(plan);
        const expected = report.clusters
          .filter((c) => c.etcdMembers > 0)
          .map((c) => `${c.nodeCount} ${c.quorum}/${c.etcdMembers} ${c.failuresTolerated}`)
          .sort();
        expect(drawnFigures(renderToStaticMarkup(createElement(PlanDiagram, { plan, report })))).toEqual(expected);
      }),
      { numRuns: 80 },
    );
  });
});
