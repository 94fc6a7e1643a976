import { expect, test } from '@playwright/test';
import { chartState, openWith, screenshot } from './helpers.ts';

const scenario = {
  name: 'E2E: first run',
  nodes: [
    { id: 'Users', type: 'Client', position: { x: 0, y: 100 }, properties: { pattern: 'poisson', ratePerSecond: 50 } },
    { id: 'Fn', type: 'AWS::Lambda::Function', position: { x: 320, y: 100 }, properties: { ReservedConcurrentExecutions: 2 } },
  ],
  edges: [{ from: 'Users', to: 'Fn' }],
};

test('the first run moves at a watchable speed, Max is one click away, and Reset says Ready', async ({ page }) => {
  await openWith(page, scenario); // 600 s, the default duration
  const speed = page.getByTestId('run-speed');
  await expect(speed.locator('option:checked')).toHaveText('20× (30 s run)');
  await page.getByTestId('run-toggle').click();
  await page.waitForTimeout(1500); // a moment of real time, against which the pace is judged
  const clock = page.getByTestId('run-clock');
  const seconds = async () => Number(await clock.getAttribute('data-seconds'));
  // It moves (on a busy machine the worker's first frame can come later than the moment above)...
  await expect.poll(seconds).toBeGreaterThan(0);
  expect(await seconds()).toBeLessThan(300); // ...but is not finished in a blink: the charts can be watched
  await expect(clock).toHaveAttribute('data-status', 'running');
  await screenshot(page, 'first-run-moving');
  await page.getByTestId('run-reset').click();
  await expect(clock).toHaveAttribute('data-seconds', '0');
  await expect(clock).toContainText('Ready');
  await speed.selectOption('max');
  await page.getByTestId('run-toggle').click();
  await expect(clock).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
});

test('selecting a node puts its own charts first', async ({ page }) => {
  await openWith(page, { ...scenario, durationSeconds: 30 });
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await page.getByTestId('node-Fn').click();
  const own = (await page.locator('section[aria-label="Selected node metrics"]').boundingBox())!;
  const system = (await page.locator('section[aria-label="System metrics"]').boundingBox())!;
  expect(own.y).toBeLessThan(system.y);
  await expect(page.getByTestId('dashboard')).toContainText('Fn (Lambda function)');
  await expect.poll(async () => (await chartState(page.locator('[data-testid^="chart-"][data-points]').first())).points).toBeGreaterThan(0);
  await screenshot(page, 'selected-node-charts-first');
});

test('a scenario with no traffic source says so instead of running to zeros', async ({ page }) => {
  await openWith(page, { name: 'E2E: no traffic', nodes: [scenario.nodes[1]], edges: [] });
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-message')).toContainText('Cannot run: nothing sends traffic. Add a Client');
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', 'idle');
});

test('a reservation above what the account allows is refused at the function, and the account is editable in the scenario', async ({ page }) => {
  await openWith(page, scenario);
  await page.getByTestId('node-Fn').click();
  await page.getByTestId('field-properties.ReservedConcurrentExecutions').fill('950');
  await page.getByTestId('field-properties.ReservedConcurrentExecutions').press('Enter');
  const problems = page.getByTestId('inspector-problems');
  await expect(problems).toContainText('This function reserves 950 concurrent executions, but this account allows only 900 to be reserved');
  await screenshot(page, 'reservation-refused-at-field');
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.getByTestId('field-settings.lambdaAccountConcurrency').fill('2000');
  await page.getByTestId('field-settings.lambdaAccountConcurrency').press('Enter');
  await page.getByTestId('node-Fn').click();
  await expect(problems).toHaveCount(0);
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
});
