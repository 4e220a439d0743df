// A 5,000-node `kubectl get nodes` list (JSON, about 120 MB, and YAML, about 60 MB) chosen in the
// checker's import, in Chromium: how long until it is imported, and the longest tasks on the page's
// main thread while the worker reads it (the Long Tasks API) and then while the page takes in the
// 5,000-node plan. Prints figures only, no thresholds.
// Run after `npm run build:e2e`: npx tsx bench/checker-large-file.ts
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LIMITS } from '../src/rules/limits.ts';
import { kubectlNodeList } from '../src/rules/testing/kubectl-list.ts';
import { launch, serveSite } from './lib/browser.ts';

const dir = mkdtempSync(join(tmpdir(), 'rancher-arch-bench-file-'));
const site = await serveSite();
const browser = await launch();

interface Timings {
  readMs: number;
  importMs: number;
  readingTasks: number[];
  afterTasks: number[];
}

try {
  for (const syntax of ['json', 'yaml'] as const) {
    const path = join(dir, `nodes-5000.${syntax}`);
    const out = createWriteStream(path);
    for (const piece of kubectlNodeList(LIMITS.nodesPerCluster, syntax)) if (!out.write(piece)) await new Promise<void>((r) => out.once('drain', () => r()));
    await new Promise<void>((r) => out.end(() => r()));

    const page = await browser.newPage();
    await page.goto(site.url('checker/'));
    await page.getByRole('heading', { name: 'Start from a preset' }).waitFor();
    // Long tasks from here on; the end of reading is when the progress bar goes.
    await page.evaluate(() => {
      const w = window as unknown as { __bench: { tasks: { start: number; duration: number }[]; chosen: number; readDone: number; imported: number } };
      w.__bench = { tasks: [], chosen: 0, readDone: 0, imported: 0 };
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__bench.tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: false });
      new MutationObserver(() => {
        const now = performance.now();
        if (!w.__bench.chosen && document.querySelector('.ck-import progress')) w.__bench.chosen = now;
        if (w.__bench.chosen && !w.__bench.readDone && !document.querySelector('.ck-import progress')) w.__bench.readDone = now;
        if (!w.__bench.imported && /Imported a kubectl nodes list/.test(document.querySelector('.ck-notice-bar')?.textContent ?? '')) w.__bench.imported = now;
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await page.getByLabel('Or choose a file').setInputFiles(path);
    await page.locator('.ck-notice-bar', { hasText: 'Imported a kubectl nodes list' }).waitFor({ timeout: 180_000 });
    const t: Timings = await page.evaluate(() => {
      const b = (window as unknown as { __bench: { tasks: { start: number; duration: number }[]; chosen: number; readDone: number; imported: number } })
        .__bench;
      return {
        readMs: b.readDone - b.chosen,
        importMs: b.imported - b.chosen,
        readingTasks: b.tasks.filter((x) => x.start >= b.chosen && x.start < b.readDone).map((x) => x.duration),
        afterTasks: b.tasks.filter((x) => x.start >= b.readDone).map((x) => x.duration),
      };
    });
    const longest = (xs: number[]) => (xs.length ? `${Math.max(...xs).toFixed(0)} ms` : 'none');
    console.log(
      `-o ${syntax} (${(statSync(path).size / 1024 / 1024).toFixed(1)} MB): read in the worker ${t.readMs.toFixed(0)} ms, imported after ${t.importMs.toFixed(0)} ms`,
    );
    console.log(`  main thread while reading: ${t.readingTasks.length} long tasks, longest ${longest(t.readingTasks)}`);
    console.log(`  main thread taking in the 5,000-node plan: ${t.afterTasks.length} long tasks, longest ${longest(t.afterTasks)}`);
    await page.close();
  }
} finally {
  await browser.close();
  await site.close();
  rmSync(dir, { recursive: true, force: true });
}
