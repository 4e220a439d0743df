import fc from 'fast-check';
import { readInputDetailed } from './src/rules/index.ts';
const samples = fc.sample(fc.string({ unit: 'binary', maxLength: 300 }), { numRuns: 500, seed: 42 });
let worst = [0, ''] as [number, string];
const t0 = performance.now();
for (const s of samples) { const t = performance.now(); try { readInputDetailed(s) } catch {} const d = performance.now() - t; if (d > worst[0]) worst = [d, s]; }
console.log('total', performance.now() - t0, 'worst', worst[0], JSON.stringify(worst[1]).slice(0, 200));
