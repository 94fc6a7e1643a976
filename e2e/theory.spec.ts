import { expect, test, type Page } from '@playwright/test';
import { openWith, screenshot } from './helpers.ts';

/**
 * A synchronous path (Users -> Fn, reserved 20, exponential 100 ms at 180/s: 18 Erlangs on 20 servers) and a
 * queue with fixed consumers (Orders -> Jobs -> Worker, MaximumConcurrency 10, BatchSize 1, 80/s x 100 ms).
 */
const scenario = {
  name: 'Theory: Erlang B and Erlang C',
  durationSeconds: 240,
  nodes: [
    { id: 'Users', type: 'Client', position: { x: 0, y: 0 }, properties: { pattern: 'poisson', ratePerSecond: 180 } },
    {
      id: 'Fn',
      type: 'AWS::Lambda::Function',
      position: { x: 320, y: 0 },
      properties: { ReservedConcurrentExecutions: 20, Timeout: 30 },
      behaviour: { duration: { distribution: 'exponential', meanMs: 100 }, coldStartMs: 0 },
    },
    { id: 'Orders', type: 'Client', position: { x: 0, y: 220 }, properties: { pattern: 'poisson', ratePerSecond: 80 } },
    { id: 'Jobs', type: 'AWS::SQS::Queue', position: { x: 320, y: 220 } },
    {
      id: 'Worker',
      type: 'AWS::Lambda::Function',
      position: { x: 640, y: 220 },
      behaviour: { duration: { distribution: 'exponential', meanMs: 100 }, coldStartMs: 0 },
    },
  ],
  edges: [
    { from: 'Users', to: 'Fn' },
    { from: 'Orders', to: 'Jobs' },
    { from: 'Jobs', to: 'Worker', properties: { BatchSize: 1, ScalingConfig: { MaximumConcurrency: 10 } } },
  ],
};

/** Drags the charts panel up so a chart and its theory note fit under the canvas. */
async function tallerCharts(page: Page, by: number) {
  const splitter = (await page.getByTestId('panel-splitter').boundingBox())!;
  await page.mouse.move(splitter.x + splitter.width / 2, splitter.y + splitter.height / 2);
  await page.mouse.down();
  await page.mouse.move(splitter.x + splitter.width / 2, splitter.y - by, { steps: 6 });
  await page.mouse.up();
}

async function runToEnd(page: Page) {
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', 'done', { timeout: 45_000 });
}

test('a synchronous function and a queue with fixed consumers draw their theory lines, which a toggle hides', async ({ page }) => {
  await openWith(page, scenario);
  await tallerCharts(page, 200);
  await runToEnd(page);
  await page.getByTestId('node-Fn').click();
  const throttles = page.getByTestId('chart-Fn:Invocations+Errors+Throttles');
  await expect(throttles).toHaveAttribute('data-theory', 'Erlang B prediction');
  await expect.poll(async () => Number(await throttles.getAttribute('data-theory-points'))).toBeGreaterThan(100);
  await expect(throttles.locator('.u-legend')).toContainText('Erlang B prediction');
  const concurrency = page.getByTestId('chart-Fn:ConcurrentExecutions');
  await expect(concurrency).toHaveAttribute('data-theory', "Little's law prediction");
  const note = page.locator('figure', { has: throttles }).getByTestId('theory-text');
  // 18 Erlangs on 20 servers: Erlang B refuses about 9.4%.
  await expect(note).toContainText(/Erlang B: λ 1\d\d\/s × W 100 ms = 1\d\.?\d* Erl, c = 20 → \d+\.\d% throttled/);
  await screenshot(page, 'theory-erlang-b-1440x900', { curated: true });
  await page.locator('figure', { has: concurrency }).screenshot({ path: 'test-results/screenshots/theory-concurrency-chart.png' });

  await page.getByTestId('node-Jobs').click();
  const visible = page.getByTestId('chart-Jobs:ApproximateNumberOfMessagesVisible+ApproximateNumberOfMessagesNotVisible');
  await expect(visible).toHaveAttribute('data-theory', "Erlang C prediction, Little's law prediction");
  await expect(visible.locator('.u-legend')).toContainText('Erlang C prediction');
  await expect(page.locator('figure', { has: visible }).getByTestId('theory-text')).toContainText(/Erlang C: λ \d+(\.\d)?\/s × W 100 ms = [\d.]+ Erl, c = 10 → [\d.]+% wait/);
  await screenshot(page, 'theory-erlang-c-1440x900', { curated: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, 'theory-erlang-c-1280x720');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'theory-phone-390x844');
  await page.setViewportSize({ width: 1440, height: 900 });

  // The worker is fed by the mapping: its chart says why Erlang B does not apply instead of drawing a line.
  await page.getByTestId('node-Worker').click();
  const worker = page.getByTestId('chart-Worker:ConcurrentExecutions');
  await expect(worker).toHaveAttribute('data-theory', '');
  await expect(page.locator('figure', { has: worker }).getByTestId('theory-text')).toContainText('Erlang B not drawn: Jobs feeds it through an event source mapping');

  await page.getByTestId('node-Fn').click();
  const toggle = page.locator('figure', { has: throttles }).getByRole('button', { name: 'Theory' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(throttles).toHaveAttribute('data-theory', '');
  await expect(throttles.locator('.u-legend')).not.toContainText('Erlang B prediction');
  await expect(page.locator('figure', { has: throttles }).getByTestId('theory-text')).toHaveCount(0);
  await toggle.click();
  await expect(throttles.locator('.u-legend')).toContainText('Erlang B prediction');
});

test('the concurrency lesson shows the theory lines in presenter mode', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#lesson=concurrency-rate-duration');
  await expect(page.getByTestId('lesson-panel').getByTestId('lesson-title')).toHaveText('Concurrency = rate x duration');
  await page.keyboard.press('p');
  await expect(page.getByTestId('presenter-title')).toHaveText('Concurrency = rate x duration');
  await page.keyboard.press('Space');
  const charts = page.getByTestId('presenter-charts').locator('.live-chart');
  await expect(charts).toHaveCount(3);
  await expect(charts.nth(0)).toHaveAttribute('data-theory', "Little's law prediction");
  await expect(charts.nth(1)).toHaveAttribute('data-theory', 'Erlang B prediction');
  await expect.poll(async () => Number(await charts.nth(1).getAttribute('data-theory-points')), { timeout: 30_000 }).toBeGreaterThan(40);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('presenter-clock')).toHaveAttribute('data-status', 'paused');
  await expect(page.getByTestId('presenter-charts').getByTestId('theory-text').first()).toContainText('Erlang B: λ');
  await screenshot(page, 'theory-presenter-lesson-1280x720', { curated: true });
});

test('a live edit of the reserved concurrency moves the prediction from then on', async ({ page }) => {
  await openWith(page, scenario);
  await page.getByTestId('node-Fn').click();
  await page.getByTestId('run-speed').selectOption('2');
  await page.getByTestId('run-toggle').click();
  const note = page.locator('figure', { has: page.getByTestId('chart-Fn:Invocations+Errors+Throttles') }).getByTestId('theory-text');
  await expect(note).toContainText('c = 20 →');
  const reserved = page.getByTestId('inspector-node').getByTestId('field-properties.ReservedConcurrentExecutions');
  await reserved.fill('30');
  await reserved.press('Enter');
  // 18 Erlangs on 30 servers: Erlang B refuses well under 1%.
  await expect(note).toContainText(/c = 30 → 0\.\d+% throttled/, { timeout: 20_000 });
  await page.getByTestId('run-toggle').click();
});
