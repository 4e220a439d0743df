// The lab works in two phases. First every plan's network is built, driven and torn down, a few
// plans at a time (most of the time goes in waiting for timeouts and elections, not in CPU), and
// what was seen is kept. Then each test asserts on what its plan showed, so every assertion still
// has its own name and its own failure.
import { beforeAll } from 'vitest';
import { inBatches } from './probes.ts';
import type { LabPlan } from './plans.ts';

/** How many plans are built at once on two shared cores. */
export const PLANS_AT_ONCE = 4;

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** Registers the work phase; the returned function gives a plan's findings (or rethrows its error) to a test. */
export function observe<T>(plans: readonly LabPlan[], work: (plan: LabPlan) => Promise<T>): (name: string) => T {
  const outcomes = new Map<string, Outcome<T>>();
  beforeAll(async () => {
    await inBatches(plans, PLANS_AT_ONCE, async (plan) => {
      try {
        outcomes.set(plan.name, { ok: true, value: await work(plan) });
      } catch (error) {
        outcomes.set(plan.name, { ok: false, error });
      }
    });
  });
  return (name) => {
    const outcome = outcomes.get(name);
    if (!outcome) throw new Error(`The lab did not run ${name}.`);
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  };
}
