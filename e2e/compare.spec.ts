import { expect, test } from '@playwright/test';
import { openWith, screenshot } from './helpers.ts';

const mine = {
  name: 'My own work',
  nodes: [
    { id: 'Users', type: 'Client', position: { x: 0, y: 100 }, properties: { pattern: 'constant', ratePerSecond: 5 } },
    { id: 'Mine', type: 'AWS::Lambda::Function', position: { x: 320, y: 100 } },
  ],
  edges: [{ from: 'Users', to: 'Mine' }],
};

test('A/B compare: B with more reserved concurrency throttles less; the document and its undo are untouched', async ({ page }) => {
  test.setTimeout(120_000);
  await openWith(page, mine);
  await page.getByTestId('examples-open').click();
  await page.getByRole('dialog', { name: 'Examples' }).getByTestId('example-throttled-api.json').click();
  await expect(page.getByTestId('scenario-name')).toHaveText('Throttled API: reserved concurrency too low');

  // The user's own last edit: reserved concurrency 20 -> 10.
  await page.getByTestId('node-Search').click();
  const reserved = page.getByTestId('inspector-node').getByTestId('field-properties.ReservedConcurrentExecutions');
  await reserved.fill('10');
  await reserved.press('Enter');
  await expect(reserved).toHaveValue('10');

  await page.getByTestId('compare-open').click();
  const dialog = page.getByRole('dialog', { name: 'Compare designs A and B' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('seed 3, 300 s and 1× traffic');
  await dialog.getByTestId('compare-node-Search').click();
  const reservedB = dialog.getByTestId('compare-inspector').getByTestId('field-properties.ReservedConcurrentExecutions');
  await expect(reservedB).toHaveValue('10');
  await reservedB.fill('100');
  await reservedB.press('Enter');

  await dialog.getByTestId('compare-run').click();
  await expect(dialog.getByTestId('compare-table')).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByTestId('compare-status')).toContainText('Both ran 300 s');
  const throttles = dialog.getByTestId('compare-row-Search-Throttles');
  await expect(throttles).toHaveAttribute('data-better', 'B');
  await expect(throttles.locator('td').nth(3)).toContainText('✓');
  await expect(throttles.locator('td').nth(4)).toContainText('−');
  await expect(dialog.getByTestId('compare-row-SearchApi-Errors')).toHaveAttribute('data-better', 'B');
  await expect(dialog.getByTestId('compare-row-design-Cost (monthly)')).toBeVisible();
  // A costs less only because it refuses thousands of requests: no ✓ for that, a ⚠ that says why.
  const costA = dialog.getByTestId('compare-row-design-Cost (run)').locator('td').nth(2);
  await expect(costA).toHaveAttribute('data-caveat', 'true');
  await expect(costA).toContainText('⚠');
  await expect(costA).toHaveAttribute('title', /^A answered [\d,]+ fewer requests than B: /);
  await expect(dialog.getByTestId('compare-chart').locator('canvas')).toHaveCount(1);
  await expect(dialog.getByTestId('compare-chart')).toContainText('B');
  const metric = dialog.getByTestId('compare-metric');
  await expect(metric.locator('option:checked')).toHaveText('Users · Latency.p50');
  await metric.selectOption({ label: 'Search · Throttles' });
  await expect(metric.locator('option:checked')).toHaveText('Search · Throttles');
  await screenshot(page, 'compare-1440x900');
  await page.setViewportSize({ width: 1280, height: 720 });
  // On a projector the table keeps its rows (the results scroll as one) rather than squeezing into a strip.
  const table = dialog.getByTestId('compare-table');
  expect(await table.evaluate((el) => { const e = el as unknown as { parentElement: { clientHeight: number; scrollHeight: number } }; return e.parentElement.scrollHeight <= e.parentElement.clientHeight + 1; })).toBe(true);
  await screenshot(page, 'compare-1280x720');

  // An invalid B is refused naming the design, the node and the field. The results stay, marked as B's old ones.
  await reservedB.fill('5000');
  await reservedB.press('Enter');
  await expect(dialog.getByTestId('compare-stale')).toHaveText('B changed since these results: press Run both to see the new ones.');
  await expect(dialog.getByTestId('compare-table')).toBeVisible();
  // B's inspector names the problem before Run, as the canvas's inspector does.
  await expect(dialog.getByTestId('inspector-problems')).toContainText('ReservedConcurrentExecutions');
  await dialog.getByTestId('compare-run').click();
  await expect(dialog.getByTestId('compare-error')).toContainText('Design B is not valid: Search.properties.ReservedConcurrentExecutions');

  // Keys inside the dialog are the dialog's: Delete does not delete the node selected on the canvas behind it,
  // and Escape closes the dialog without clearing that selection.
  await dialog.getByTestId('compare-run').focus();
  await page.keyboard.press('Delete');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('node-Search')).toBeVisible();
  // A is as the user left it, still selected, and Undo undoes the user's own last edit.
  await expect(reserved).toHaveValue('10');
  await page.getByTestId('command-undo').click();
  await expect(reserved).toHaveValue('20');
});

test('A/B compare on a phone: B above the results, Run both in reach, the table and chart full width', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await openWith(page, mine);
  await page.getByTestId('phone-menu-toggle').click();
  await page.getByTestId('phone-menu').getByTestId('compare-open').click();
  const dialog = page.getByRole('dialog', { name: 'Compare designs A and B' });
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('compare-node-Mine').click();
  const reservedB = dialog.getByTestId('compare-inspector').getByTestId('field-properties.ReservedConcurrentExecutions');
  await reservedB.fill('1');
  await reservedB.press('Enter');
  const run = dialog.getByTestId('compare-run');
  await run.scrollIntoViewIfNeeded();
  await expect(run).toBeInViewport({ ratio: 1 });
  await run.click();
  const table = dialog.getByTestId('compare-table');
  await expect(table).toBeVisible({ timeout: 60_000 });
  // The results take the phone's width (they were squeezed to 40 px beside B's settings), the chart too.
  const results = (await dialog.getByRole('region', { name: 'Results' }).boundingBox())!;
  expect(results.width).toBeGreaterThan(300);
  await dialog.getByTestId('compare-chart').scrollIntoViewIfNeeded();
  const chart = (await dialog.getByTestId('compare-chart').boundingBox())!;
  expect(chart.width).toBeGreaterThan(250);
  expect(chart.x + chart.width).toBeLessThanOrEqual(390);
  await screenshot(page, 'compare-390x844');
});

test('A/B compare lists what B changes, keeps B and its results when closed by mistake, and puts B on the canvas as one undo step', async ({ page }) => {
  test.setTimeout(120_000);
  await openWith(page, mine);
  await page.getByTestId('compare-open').click();
  const dialog = page.getByRole('dialog', { name: 'Compare designs A and B' });
  await expect(dialog.getByTestId('compare-changes')).toContainText('Nothing yet: B is the same as A.');
  await dialog.getByTestId('compare-node-Mine').click();
  const reservedB = dialog.getByTestId('compare-inspector').getByTestId('field-properties.ReservedConcurrentExecutions');
  await reservedB.fill('2');
  await reservedB.press('Enter');
  await expect(dialog.getByTestId('compare-change')).toHaveText(['Mine · Reserved concurrency: default → 2']);
  await dialog.getByTestId('compare-run').click();
  await expect(dialog.getByTestId('compare-table')).toBeVisible({ timeout: 60_000 });

  // Closed by mistake (Escape) and opened again: B's change and the results are still there.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByTestId('compare-open').click();
  await expect(dialog.getByTestId('compare-change')).toHaveText(['Mine · Reserved concurrency: default → 2']);
  await expect(dialog.getByTestId('compare-table')).toBeVisible();
  await screenshot(page, 'compare-changes-1440x900');

  await dialog.getByTestId('compare-use-b').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('notice')).toContainText("Design B's change is on the canvas (undo takes it back).");
  await page.getByTestId('node-Mine').click();
  const reserved = page.getByTestId('inspector-node').getByTestId('field-properties.ReservedConcurrentExecutions');
  await expect(reserved).toHaveValue('2');
  await page.getByTestId('command-undo').click();
  await expect(reserved).toHaveValue('');
});
