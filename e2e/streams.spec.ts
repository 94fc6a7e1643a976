import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { chartState, openWith, screenshot } from './helpers.ts';

const example = JSON.parse(readFileSync('examples/stream-falls-behind.json', 'utf8')) as Parameters<typeof openWith>[1];

test('a stream consumer falls behind; raising ParallelizationFactor while it runs brings IteratorAge back', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openWith(page, example);
  await expect(page.getByTestId('node-Clickstream')).toBeVisible();

  // 60x: past 90 s in a second and a half of real time, with 13 s left to pause before the 900 s run ends.
  await page.getByTestId('run-speed').selectOption('60');
  await page.getByTestId('run-toggle').click();
  const clock = page.getByTestId('run-clock');
  await expect.poll(async () => Number(await clock.getAttribute('data-seconds')), { timeout: 30_000 }).toBeGreaterThan(90);
  // The stream's own charts: IteratorAge first.
  await page.getByTestId('node-Clickstream').click();
  const age = page.getByTestId('chart-Clickstream:IteratorAge+GetRecords.IteratorAgeMilliseconds');
  await expect.poll(async () => (await chartState(age)).max, { timeout: 15_000 }).toBeGreaterThan(10_000);
  await page.getByTestId('run-toggle').click(); // pause while editing
  await expect(clock).toHaveAttribute('data-status', 'paused');
  const pausedAt = Number(await clock.getAttribute('data-seconds'));
  expect(pausedAt).toBeLessThan(900);
  await screenshot(page, 'stream-falling-behind');

  // Select the mapping (the edge from the stream to the function) and give each shard two lanes.
  await page.locator('.react-flow__edge').nth(1).locator('path').first().click({ force: true });
  await expect(page.getByTestId('inspector-edge')).toBeVisible();
  await page.getByTestId('field-properties.ParallelizationFactor').fill('2');
  await expect(page.getByTestId('run-message')).toContainText('Applied live: Clickstream -> Aggregator');
  expect(Number(await clock.getAttribute('data-seconds'))).toBe(pausedAt); // not restarted

  // The backlog drains at 300 records/s: IteratorAge falls back to about a second.
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-toggle').click();
  await expect(clock).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  // The node's figure is the last period's: about a second again.
  await expect(page.getByTestId('figure-Clickstream-IteratorAge')).toContainText(/\b(\d{1,3} ms|[0-2](\.\d+)? s)\b/);
  await screenshot(page, 'stream-caught-up');
});
