import { expect, test } from '@playwright/test';
import { openWith, screenshot } from './helpers.ts';

const scenario = {
  name: 'E2E: offline',
  durationSeconds: 30,
  nodes: [
    { id: 'Users', type: 'Client', position: { x: 0, y: 100 }, properties: { pattern: 'poisson', ratePerSecond: 20 } },
    { id: 'Fn', type: 'AWS::Lambda::Function', position: { x: 320, y: 100 } },
  ],
  edges: [{ from: 'Users', to: 'Fn' }],
};

test.use({ serviceWorkers: 'allow' });

test('once opened, the app reloads, runs and opens examples with the network off', async ({ page, context }) => {
  await openWith(page, scenario);
  // The service worker has installed and precached the app, the worker and the examples.
  await page.waitForFunction('navigator.serviceWorker.ready.then((r) => !!r.active)');
  await expect.poll(() => page.evaluate('caches.keys().then((k) => k.length)')).toBeGreaterThan(0);
  await expect(page.locator('link[rel="manifest"]')).toHaveCount(1);

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('scenario-name')).toHaveText('E2E: offline');
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(page.locator('[data-testid^="chart-"][data-points]').first()).toBeVisible();

  await page.getByTestId('examples-open').click();
  await page.getByTestId('example-sns-fanout.json').click();
  await expect(page.getByTestId('scenario-name')).toHaveText('Order events: SNS fan-out with filter policies');
  await screenshot(page, 'offline-reload');
  await context.setOffline(false);
});
