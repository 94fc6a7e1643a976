import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { chartState, openWith } from './helpers.ts';

const EXAMPLE_FILES = readdirSync('examples').filter((f) => f.endsWith('.json'));

const mine = {
  name: 'My own work',
  nodes: [
    { id: 'Users', type: 'Client', position: { x: 0, y: 100 }, properties: { pattern: 'constant', ratePerSecond: 5 } },
    { id: 'Mine', type: 'AWS::Lambda::Function', position: { x: 320, y: 100 } },
  ],
  edges: [{ from: 'Users', to: 'Mine' }],
};

test('before the first run the dashboard shows the charts to come and how to start', async ({ page }) => {
  await openWith(page, mine);
  const empty = page.getByTestId('dashboard-empty');
  await expect(empty).toContainText('Press Run');
  await expect(empty).toContainText('Ctrl+Enter');
  await expect(empty.getByText('Client requests')).toBeVisible();
});

test('open an example from the gallery, run it, see charts; undo brings my work back', async ({ page }) => {
  await openWith(page, mine);
  await page.getByTestId('examples-open').click();
  const dialog = page.getByRole('dialog', { name: 'Examples' });
  await expect(dialog).toBeVisible();
  // every example file is listed, with its one-line description
  await expect(dialog.locator('[data-testid^="example-"]')).toHaveCount(EXAMPLE_FILES.length);
  const spike = dialog.getByTestId('example-spike.json');
  await expect(spike).toContainText('Spike');
  await expect(spike).toContainText('5,000 requests/s');

  await dialog.getByTestId('example-throttled-api.json').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('scenario-name')).toHaveText('Throttled API: reserved concurrency too low');
  await expect(page.locator('[data-testid^="node-"]')).toHaveCount(3);

  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', /running|done/);
  await expect.poll(async () => (await chartState(page.getByTestId('chart-h:requests'))).points).toBeGreaterThan(2);
  await expect.poll(async () => (await chartState(page.getByTestId('chart-h:throttles'))).max).toBeGreaterThan(0);
  // The legend names the nodes that throttled (the function at its reservation), not every node that could.
  const legend = page.getByTestId('chart-h:throttles').locator('.u-legend .u-series:visible .u-label');
  await expect(legend).toContainText(['Search']);
  await expect(legend.filter({ hasText: /^SearchApi$/ })).toHaveCount(0);
  // The function's own "Throttles by reason" lists the reasons that happened: its reservation, not the account's.
  await page.getByTestId('node-Search').click();
  const reasons = page.locator('[data-testid^="chart-Search:Throttles:"] .u-legend .u-series:visible .u-label');
  await expect(reasons.first()).toHaveText(/^ReservedFunction/);
  await expect(reasons.filter({ hasText: /^(ConcurrentInvocationLimitExceeded|ScalingRateLimitExceeded)$/ })).toHaveCount(0);

  // Opening another example resets the run to 0 s with the new architecture.
  await page.getByTestId('examples-open').click();
  await page.getByTestId('example-loss-system.json').click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-seconds', '0');
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', 'paused');

  // One undo step per example opened: two undos bring my own work back.
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('scenario-name')).toHaveText('Throttled API: reserved concurrency too low');
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('scenario-name')).toHaveText('My own work');
  await expect(page.getByTestId('node-Mine')).toBeVisible();
});

test('the Client inspector shows only the fields of the chosen traffic pattern, and keeps hidden values', async ({ page }) => {
  await openWith(page, mine);
  await page.getByTestId('node-Users').click();
  const pattern = page.getByTestId('field-properties.pattern');
  await expect(page.getByTestId('field-properties.peakRatePerSecond')).toHaveCount(0);
  await pattern.selectOption('spike');
  await expect(page.getByTestId('field-properties.holdSeconds')).toBeVisible();
  await expect(page.getByTestId('field-properties.rampSeconds')).toHaveCount(0);
  await page.getByTestId('field-properties.peakRatePerSecond').fill('250');
  await pattern.selectOption('constant');
  await expect(page.getByTestId('field-properties.peakRatePerSecond')).toHaveCount(0);
  await pattern.selectOption('ramp');
  await expect(page.getByTestId('field-properties.peakRatePerSecond')).toHaveValue('250');
  await expect(page.getByTestId('field-properties.rampSeconds')).toBeVisible();
});

test('a limit far above the data leaves the chart to the data; a limit the data reach is drawn', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('examples-open').click();
  await page.getByRole('dialog', { name: 'Examples' }).getByTestId('example-throttled-api.json').click();
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  // The stage's limit is 10,000 requests/s; about 500 are sent: the axis is the requests', the limit is in the legend.
  await page.getByTestId('node-SearchApi').click({ position: { x: 30, y: 20 } });
  const api = page.getByTestId('chart-SearchApi:Count+4XXError+5XXError');
  await expect(api.locator('.u-legend')).toContainText('limit');
  await expect.poll(async () => Number(await api.getAttribute('data-y-top'))).toBeLessThan(1000);
  expect(Number(await api.getAttribute('data-y-top'))).toBeGreaterThanOrEqual(Number(await api.getAttribute('data-max')));
  // The function runs at its reserved concurrency of 20: the limit line is on the chart.
  await page.getByTestId('node-Search').click({ position: { x: 30, y: 20 } });
  const fn = page.getByTestId('chart-Search:ConcurrentExecutions');
  await expect.poll(async () => Number(await fn.getAttribute('data-y-top'))).toBeGreaterThanOrEqual(20);
});
