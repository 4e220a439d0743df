// Render time of the plan diagram (renderToStaticMarkup: layout + React) for 3, 30, 300 and 1,000
// nodes: as a static page draws it (a wide and, when needed, a narrow layout) and as the checker
// draws it at a measured width (one layout, for a phone and for a laptop column). Prints figures
// only, no thresholds. Run: npx tsx bench/diagrams.tsx [runs]
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
// The components directly: index.ts also exports the raw stylesheet, which tsx cannot load.
import { PlanDiagram, type DiagramProps } from '../src/diagrams/diagrams.tsx';
import { sizedPlan } from '../src/diagrams/test-plans.ts';

const runs = Number(process.argv[2] ?? 50);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

const VARIANTS: { label: string; props: Partial<DiagramProps> }[] = [
  { label: 'static page (wide + narrow layouts)', props: {} },
  { label: 'checker at 343 px (phone)', props: { maxWidth: 343 } },
  { label: 'checker at 632 px (laptop column)', props: { maxWidth: 632 } },
];

console.log(`PlanDiagram renderToStaticMarkup, median of ${runs} runs (after 5 warm-up renders)`);
for (const { label, props } of VARIANTS) {
  console.log(`  ${label}`);
  for (const total of [3, 30, 300, 1000]) {
    const plan = sizedPlan(total);
    const failed = total > 3 ? ['apps/worker-with-a-long-name-9'] : ['rancher/rancher-1'];
    const render = () => renderToStaticMarkup(createElement(PlanDiagram, { plan, failed, ...props }));
    for (let i = 0; i < 5; i++) render();
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      bytes = render().length;
      times.push(performance.now() - start);
    }
    console.log(
      `    ${String(total).padStart(5)} nodes: ${median(times).toFixed(2)} ms  (min ${Math.min(...times).toFixed(2)} ms, ${(bytes / 1024).toFixed(1)} KiB of HTML)`,
    );
  }
}
