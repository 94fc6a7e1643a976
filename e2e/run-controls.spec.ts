import { expect, test } from '@playwright/test';
import { chartState, openWith, screenshot } from './helpers.ts';

const scenario = {
  name: 'E2E: controls',
  durationSeconds: 120,
  nodes: [
    { id: 'Users', type: 'Client', position: { x: 0, y: 100 }, properties: { pattern: 'poisson', ratePerSecond: 50 } },
    { id: 'Fn', type: 'AWS::Lambda::Function', position: { x: 320, y: 100 } },
  ],
  edges: [{ from: 'Users', to: 'Fn' }],
};

test('step, reset and seed drive the engine in the worker', async ({ page }) => {
  await openWith(page, scenario);
  const clock = page.getByTestId('run-clock');
  const requests = page.getByTestId('chart-h:requests');

  await page.getByTestId('run-step').click();
  await expect(clock).toHaveAttribute('data-seconds', '1');
  await expect(clock).toHaveAttribute('data-status', 'paused');
  await page.getByTestId('run-step').click();
  await expect(clock).toHaveAttribute('data-seconds', '2');
  await expect.poll(async () => (await chartState(requests)).points).toBe(2);

  await page.getByTestId('run-reset').click();
  await expect(clock).toHaveAttribute('data-seconds', '0');
  await expect.poll(async () => (await chartState(requests)).points).toBe(0);

  // A new seed restarts the run with it and is saved in the scenario (the inspector shows it).
  const seed = page.getByTestId('run-seed');
  await seed.fill('123');
  await seed.press('Enter');
  await expect(clock).toHaveAttribute('data-seconds', '0');
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await expect(page.getByTestId('inspector-scenario').getByRole('textbox', { name: 'Seed' })).toHaveValue('123');
  await seed.fill('-1');
  await expect(seed).toHaveAttribute('aria-invalid', 'true');

  // Real time: the run moves but is paced (a 120 s run is nowhere near done once it has moved a second).
  await page.getByTestId('run-speed').selectOption('1');
  await page.getByTestId('run-toggle').click();
  await expect(clock).toHaveAttribute('data-status', 'running');
  await expect.poll(async () => Number(await clock.getAttribute('data-seconds'))).toBeGreaterThan(0);
  await page.getByTestId('run-toggle').click();
  await expect(clock).toHaveAttribute('data-status', 'paused');
  const t = Number(await clock.getAttribute('data-seconds'));
  expect(t).toBeGreaterThan(0);
  expect(t).toBeLessThan(60);
});

test('a run far slower than asked says how long it will still take', async ({ page }) => {
  // A million requests a second for 10 minutes cannot play at 60x (60 M a second): the status says how long.
  await openWith(page, { ...scenario, durationSeconds: 600, nodes: [{ ...scenario.nodes[0], properties: { pattern: 'poisson', ratePerSecond: 1_000_000 } }, scenario.nodes[1]] });
  await page.getByTestId('run-speed').selectOption('60');
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-pace')).toHaveText(/^ · about \d+ (min|h) left$/, { timeout: 20_000 });
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, 'run-pace-1280x720');
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', 'paused');
});
