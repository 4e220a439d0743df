import { test, expect, type Page } from '@playwright/test';
import { planSchema, type Plan } from '../src/rules/plan.ts';
import { PRESETS, RECOMMENDED_PLAN } from '../src/rules/presets.ts';
import { planHash } from '../src/islands/checker/share.ts';
import { E2E_BASE } from './site.ts';
import { failOnConsoleErrors } from './console-errors.ts';

// The checker's what-if beyond single nodes, on a laptop and on a phone: losing a whole zone, the
// Docker host of a single-node install, a load balancer and an external datastore — from the
// panel's boxes and by clicking the diagram — and the fewest failures or zones that break a cluster.

const SCREENS = [
  { name: 'laptop', width: 1280, height: 800 },
  { name: 'phone', width: 375, height: 812 },
] as const;

const CHECKER = `${E2E_BASE}checker/`;

/** Rancher on three nodes in zones a, b and c, managing a production cluster spread the same way. */
const ZONED: Plan = planSchema.parse({
  rancher: { version: '2.4.8', install: 'kubernetes', cluster: 'rancher' },
  clusters: [
    {
      name: 'rancher',
      distribution: 'rke',
      nodes: ['a', 'b', 'c'].map((zone, i) => ({ name: `rancher-${i + 1}`, address: `10.0.0.${i + 1}`, zone, roles: ['etcd', 'controlplane', 'worker'] })),
      loadBalancer: { targets: ['rancher-1', 'rancher-2', 'rancher-3'] },
    },
    {
      name: 'production',
      userWorkloads: true,
      nodes: [
        ...['a', 'b', 'c'].map((zone, i) => ({ name: `etcd-${i + 1}`, zone, roles: ['etcd'] })),
        ...['a', 'b'].map((zone, i) => ({ name: `cp-${i + 1}`, zone, roles: ['controlplane'] })),
        ...['a', 'b', 'c'].map((zone, i) => ({ name: `worker-${i + 1}`, zone, roles: ['worker'] })),
      ],
    },
  ],
});

failOnConsoleErrors();

async function open(page: Page, plan: Plan) {
  await page.goto(`${CHECKER}${await planHash(plan)}`);
  const panel = page.getByRole('region', { name: 'What if nodes fail?' });
  await expect(panel).toBeVisible({ timeout: 30_000 });
  return panel;
}

const clusterOutcome = (panel: ReturnType<Page['getByRole']>, name: string) =>
  panel.locator('.ck-group').filter({ has: panel.page().getByRole('heading', { name: new RegExp(`^${name}:`) }) });
const diagram = (page: Page) => page.locator('.ck-diagram');

for (const screen of SCREENS) {
  test.describe(`${screen.name} (${screen.width}×${screen.height})`, () => {
    test.use({ viewport: { width: screen.width, height: screen.height } });

    test('losing a whole zone: the panel lists the zones, fails their nodes and says what survives', async ({ page }) => {
      const panel = await open(page, ZONED);
      for (const zone of ['a', 'b']) await expect(panel.getByLabel(`Lose zone ${zone} (4 nodes)`)).toBeVisible();
      await expect(panel.getByLabel('Lose zone c (3 nodes)')).toBeVisible();
      const rancher = clusterOutcome(panel, 'rancher');

      await panel.getByLabel('Lose zone b (4 nodes)').check();
      for (const node of ['rancher/rancher-2', 'production/etcd-2', 'production/cp-2', 'production/worker-2'])
        await expect(diagram(page).locator(`[data-node="${node}"]`)).toHaveClass(/is-failed/);
      await expect(rancher.getByText(/etcd quorum:.*kept, 2 of 3 members alive/)).toBeVisible();
      await expect(rancher.getByText(/Rancher:.*reachable/)).toHaveText(/Rancher: ✓ reachable/);

      // A second zone takes etcd quorum with it.
      await panel.getByLabel('Lose zone c (3 nodes)').check();
      await expect(rancher.getByText(/etcd quorum:.*lost, 1 of 3 members alive/)).toBeVisible();
      await expect(rancher.getByText(/Rancher:.*unreachable/)).toBeVisible();
      await expect(panel.getByText(/Rancher is down, but the cluster it manages keeps running its workloads/)).toBeVisible();

      await panel.getByLabel('Lose zone c (3 nodes)').uncheck();
      await expect(rancher.getByText(/Rancher:.*reachable/)).toHaveText(/Rancher: ✓ reachable/);
      await expect(diagram(page).locator('[data-node="rancher/rancher-3"]')).not.toHaveClass(/is-failed/);

      // A node failed by hand leaves its zone partly down.
      await panel.getByRole('button', { name: 'Clear failures' }).click();
      await diagram(page).locator('[data-node="rancher/rancher-1"]').click();
      await expect(panel.getByLabel('Lose zone a (4 nodes)')).toHaveJSProperty('indeterminate', true);

      await panel.getByRole('button', { name: 'Fewest zones that break cluster rancher' }).click();
      await expect(panel.getByRole('status')).toHaveText('Losing zones a and b breaks cluster "rancher": etcd loses quorum.');
      await expect(panel.getByLabel('Lose zone a (4 nodes)')).toHaveJSProperty('indeterminate', true);
      await expect(diagram(page).locator('[data-node="rancher/rancher-2"]')).toHaveClass(/is-failed/);
    });

    test('the single Docker install fails with its host, from the panel and from the diagram', async ({ page }) => {
      const panel = await open(page, PRESETS['docker-single'].plan);
      await expect(panel.getByText('The plan has no cluster to fail.')).toHaveCount(0);
      const host = panel.locator('.ck-docker-host');
      await expect(host.getByRole('heading', { name: 'Docker host 10.0.0.9' })).toBeVisible();
      await expect(host.getByText(/Rancher:.*reachable/)).toHaveText(/✓ reachable/);

      await host.getByLabel('Fail the Docker host').check();
      await expect(host.getByText(/Rancher:.*unreachable/)).toBeVisible();
      await expect(host.getByText(/The Docker host is down/)).toBeVisible();
      const box = diagram(page).locator('[data-part="#docker-host"]');
      await expect(box).toHaveClass(/is-failed/);
      await expect(box).toContainText('failed');

      await box.click();
      await expect(host.getByLabel('Fail the Docker host')).not.toBeChecked();
      await expect(box).not.toHaveClass(/is-failed/);
    });

    test('a failed load balancer cuts Rancher off while the clusters keep running', async ({ page }) => {
      const panel = await open(page, RECOMMENDED_PLAN);
      const rancher = clusterOutcome(panel, 'rancher');
      await rancher.getByLabel('Fail the load balancer of cluster rancher').check();
      await expect(rancher.getByText(/Load balancer:.*down/)).toBeVisible();
      await expect(rancher.getByText(/Rancher:.*unreachable/)).toBeVisible();
      await expect(rancher.getByText(/Scheduling workloads:.*possible/)).toHaveText(/✓ possible/);
      await expect(clusterOutcome(panel, 'production').getByText(/Scheduling workloads:.*possible/)).toHaveText(/✓ possible/);
      await expect(panel.getByText(/the cluster it manages keeps running its workloads/)).toBeVisible();
      const box = diagram(page).locator('[data-part="rancher/#load-balancer"]');
      await expect(box).toHaveClass(/is-failed/);

      // Clicking the balancer in the diagram brings it back.
      await box.click();
      await expect(rancher.getByLabel('Fail the load balancer of cluster rancher')).not.toBeChecked();
      await expect(rancher.getByText(/Rancher:.*reachable/)).toHaveText(/✓ reachable/);

      // The smallest failure counts the balancer, and names the fewest nodes too.
      await rancher.getByRole('button', { name: 'Smallest failure that breaks cluster rancher' }).click();
      await expect(panel.getByRole('status')).toHaveText(
        'Losing the load balancer alone breaks cluster "rancher": the Rancher address leads to no node. Among its nodes, the fewest are 2 nodes: rancher-1 and rancher-2.',
      );
      await expect(rancher.getByLabel('Fail the load balancer of cluster rancher')).toBeChecked();
    });

    test('a failed external datastore stops the K3s API', async ({ page }) => {
      const panel = await open(page, PRESETS['rancher-k3s'].plan);
      const rancher = clusterOutcome(panel, 'rancher');
      await expect(rancher.getByText(/Datastore:.*not affected/)).toBeVisible();
      await rancher.getByLabel('Fail the external datastore of cluster rancher').check();
      await expect(rancher.getByText(/Datastore:.*down \(external datastore\)/)).toBeVisible();
      await expect(rancher.getByText(/Kubernetes API:.*unavailable/)).toBeVisible();
      await expect(rancher.getByRole('heading', { name: 'rancher: failed its external datastore' })).toBeVisible();
      await expect(diagram(page).locator('[data-part="rancher/#datastore"]')).toHaveClass(/is-failed/);
    });
  });
}
