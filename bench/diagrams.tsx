// Render time of the plan diagram (renderToStaticMarkup: layout + React) for 3, 30, 300 and 1,000
// nodes. Prints figures only, no thresholds. Run: npx tsx bench/diagrams.tsx [runs]
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { PlanDiagram } from '../src/diagrams/diagrams.tsx';
import { sizedPlan } from '../src/diagrams/test-plans.ts';

const runs = Number(process.argv[2] ?? 50);
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

console.log(`PlanDiagram renderToStaticMarkup, median of ${runs} runs (after 5 warm-up renders)`);
for (const total of [3, 30, 300, 1000]) {
  const plan = sizedPlan(total);
  const failed = total > 3 ? ['apps/worker-with-a-long-name-9'] : ['rancher/rancher-1'];
  const render = () => renderToStaticMarkup(createElement(PlanDiagram, { plan, failed }));
  for (let i = 0; i < 5; i++) render();
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    bytes = render().length;
    times.push(performance.now() - start);
  }
  console.log(
    `${String(total).padStart(4)} nodes: ${median(times).toFixed(2)} ms  (min ${Math.min(...times).toFixed(2)} ms, ${(bytes / 1024).toFixed(1)} KiB of HTML)`,
  );
}
