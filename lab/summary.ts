// What the lab asserted, kind by kind and on how many plans: each test file appends a line per
// assertion to one file, and the global teardown prints the tally when the run ends.
import { appendFileSync, readFileSync } from 'node:fs';

export const SUMMARY_ENV = 'RANCHER_ARCH_LAB_SUMMARY';

/** Notes one assertion (made before the expect, so a failing one is counted too). */
export function record(kind: string, plan: string, checks = 1): void {
  const file = process.env[SUMMARY_ENV];
  if (file === undefined) throw new Error(`${SUMMARY_ENV} is not set: run the lab with npm run test:lab (vitest.lab.config.ts).`);
  appendFileSync(file, `${JSON.stringify({ kind, plan, checks })}\n`);
}

export function tally(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return 'The lab recorded no assertions.';
  }
  const kinds = new Map<string, { plans: Set<string>; checks: number }>();
  for (const line of text.split('\n').filter(Boolean)) {
    const { kind, plan, checks } = JSON.parse(line) as { kind: string; plan: string; checks: number };
    const entry = kinds.get(kind) ?? { plans: new Set(), checks: 0 };
    entry.plans.add(plan);
    entry.checks += checks;
    kinds.set(kind, entry);
  }
  const width = Math.max(...[...kinds.keys()].map((k) => k.length));
  return [...kinds]
    .map(([kind, { plans, checks }]) => `  ${kind.padEnd(width)}  ${String(plans.size).padStart(2)} plans  ${String(checks).padStart(5)} checks`)
    .join('\n');
}
