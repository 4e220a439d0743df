// The checker's "Moving to RKE2" panel and `rancher-arch migrate` agree: on the same plans they
// list the same layout, the same delta items (change and text, in order) and the same steps.
import { readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/fake-io.ts';
import { toPlanYaml } from '../../rules/formats/plan-file.ts';
import { readInput, readInputDetailed } from '../../rules/formats/read.ts';
import { layoutLines } from '../../rules/migrate/render.ts';
import type { Migration } from '../../rules/migrate/index.ts';
import type { Plan } from '../../rules/plan.ts';
import { PRESETS } from '../../rules/presets.ts';
import MigratePanel from './MigratePanel.tsx';

const fixture = (name: string) => readFileSync(new URL(`../../../test/fixtures/${name}`, import.meta.url), 'utf8');

/** The shared inputs: the presets with an RKE cluster, and RKE files of our own read into plans. */
const INPUTS: [string, Plan][] = [
  ...Object.entries(PRESETS)
    .filter(([, p]) => p.plan.clusters.some((c) => c.distribution === 'rke'))
    .map(([id, p]): [string, Plan] => [`preset ${id}`, p.plan]),
  ...['rke-migrate-split-registries.cluster.yml', 'rke-ha-3node.cluster.yml', 'rke-docstart-no-user.cluster.yml', 'rke-external-etcd.cluster.yml'].map(
    (f): [string, Plan] => [f, readInput(fixture(f), { filename: f, rancherVersion: '2.9.3' })],
  ),
];

const unescape = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe.each(INPUTS)('the panel and the CLI on %s', (_, plan) => {
  it('list the same layout, items and steps', async () => {
    const cli = await runCli(['migrate', 'plan.yaml', '--format', 'json'], { files: { 'plan.yaml': toPlanYaml(plan) } });
    expect(cli.stderr).toBe('');
    const report = JSON.parse(cli.stdout) as Pick<Migration, 'items' | 'steps' | 'summary' | 'to' | 'source'>;
    const html = renderToStaticMarkup(createElement(MigratePanel, { plan }));

    const items = [...html.matchAll(/<li class="ck-migrate-item" data-change="([a-z-]+)">.*?<span class="ck-migrate-text">(.*?)<\/span>/g)].map((m) => ({
      change: m[1],
      text: unescape(m[2] ?? ''),
    }));
    expect(items.length).toBeGreaterThan(5);
    expect(items).toEqual(report.items.map((i) => ({ change: i.change, text: i.text })));

    const steps = [...html.matchAll(/<ol class="ck-migrate-steps">(.*?)<\/ol>/g)].flatMap((m) =>
      [...(m[1] ?? '').matchAll(/<span class="ck-migrate-text">(.*?)<\/span>/g)].map((s) => unescape(s[1] ?? '')),
    );
    expect(steps).toEqual(report.steps.map((s) => s.text));

    const layout = [...html.matchAll(/<ul class="ck-migrate-layout">(.*?)<\/ul>/g)].flatMap((m) =>
      [...(m[1] ?? '').matchAll(/<li>(.*?)<\/li>/g)].map((l) => unescape(l[1] ?? '')),
    );
    expect(layout).toEqual(layoutLines(report as Migration));
  });
});

// A cluster.yml imported on the page keeps its settings beyond the plan, as the CLI reads them.
describe.each(['rke-migrate-split-registries.cluster.yml', 'rke-backup-config-s3.cluster.yml'])(
  'the panel on an imported %s and the CLI on the file',
  (file) => {
    it('list the same items, the cluster.yml’s settings included', async () => {
      const read = readInputDetailed(fixture(file), { filename: file });
      const cluster = read.plan.clusters[0]!.name;
      expect(read.rkeSettings?.from).toBe('cluster-yml');
      const cli = await runCli(['migrate', file, '--format', 'json'], { files: { [file]: fixture(file) } });
      const report = JSON.parse(cli.stdout) as Pick<Migration, 'items'>;
      const html = renderToStaticMarkup(createElement(MigratePanel, { plan: read.plan, imported: { cluster, settings: read.rkeSettings! } }));
      const items = [...html.matchAll(/<li class="ck-migrate-item" data-change="([a-z-]+)">.*?<span class="ck-migrate-text">(.*?)<\/span>/g)].map((m) => ({
        change: m[1],
        text: unescape(m[2] ?? ''),
      }));
      expect(items).toEqual(report.items.map((i) => ({ change: i.change, text: i.text })));
      expect(items.some((i) => i.text.startsWith('services.') || i.text.startsWith('s3backupconfig'))).toBe(true);
    });
  },
);

it('the panel says why there is nothing to move when the plan holds no RKE cluster', () => {
  const html = renderToStaticMarkup(createElement(MigratePanel, { plan: PRESETS['rancher-rke2'].plan }));
  expect(html).toContain('the input holds no RKE cluster');
});
