import { expect, test, type Page } from '@playwright/test';
import { openWith, screenshot } from './helpers.ts';

const mine = { name: 'My own work', nodes: [{ id: 'Mine', type: 'AWS::Lambda::Function', position: { x: 0, y: 0 } }], edges: [] };

async function openOrderWorkflow(page: Page) {
  await openWith(page, mine);
  await page.getByTestId('examples-open').click();
  await page.getByRole('dialog', { name: 'Examples' }).getByTestId('example-order-workflow.json').click();
  await expect(page.getByTestId('node-OrderWorkflow')).toBeVisible();
}

/** ValidateOrder reserved at 1 instead of 8: more throttles than the Retry absorbs, so Catch sends orders to Rejected. */
async function starveValidation(page: Page) {
  await page.getByTestId('node-ValidateOrder').click();
  const field = page.getByTestId('field-properties.ReservedConcurrentExecutions');
  await field.fill('1');
  await field.press('Enter');
}

const count = async (page: Page, state: string, key: string) => Number((await page.getByTestId(`state-${state}-${key}`).textContent())?.replace(/[^\d.]/g, '') || 0);

test('the Step Functions example: the Workflow tab counts each state as it runs and colours the failing one', async ({ page }) => {
  await openOrderWorkflow(page);
  await page.getByTestId('node-OrderWorkflow').click();
  await page.getByTestId('node-view-workflow').click();
  const graph = page.getByTestId('workflow-graph');
  await expect(graph.getByTestId('state-Validate')).toBeVisible();
  await expect(graph.getByTestId('state-Rejected')).toHaveAttribute('data-tone', 'idle');

  await starveValidation(page);
  await page.getByTestId('node-OrderWorkflow').click();
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-toggle').click();
  await expect.poll(() => count(page, 'Validate', 'entered')).toBeGreaterThan(0);
  const first = await count(page, 'Validate', 'entered');
  await expect.poll(() => count(page, 'Validate', 'entered')).toBeGreaterThan(first);
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  // Throttles are retried, and those that run out of retries are caught: Validate is failing, Rejected entered.
  await expect.poll(() => count(page, 'Validate', 'retried')).toBeGreaterThan(0);
  await expect.poll(() => count(page, 'Validate', 'caught')).toBeGreaterThan(0);
  await expect(graph.getByTestId('state-Validate')).toHaveAttribute('data-tone', 'failing');
  await expect.poll(() => count(page, 'Rejected', 'entered')).toBe(await count(page, 'Validate', 'caught'));
  await expect(graph.getByTestId('state-Save')).toHaveAttribute('data-tone', 'active');
  await screenshot(page, 'sfn-workflow-1440x900');
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, 'sfn-workflow-1280x720');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'sfn-workflow-390x844');
});

test('the sampled execution history lists a retried Task with its delays on the simulated clock', async ({ page }) => {
  await openOrderWorkflow(page);
  await starveValidation(page);
  await page.getByTestId('node-OrderWorkflow').click();
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await page.getByTestId('node-view-history').click();
  const table = page.getByTestId('history-table');
  await expect(table).toBeVisible();
  await expect(table.locator('tr[data-type="ExecutionStarted"]')).toHaveCount(1);
  // Samples include the first execution to fail in some period: its Task was retried, then caught.
  const options = await page.getByTestId('sample-pick').locator('option').allTextContents();
  const retried = options.findIndex((o) => o.includes('first to fail'));
  expect(retried).toBeGreaterThanOrEqual(0);
  await page.getByTestId('sample-pick').selectOption(String(retried));
  await expect(table.locator('tr[data-type="TaskFailed"]').first()).toContainText('Lambda.TooManyRequestsException');
  await expect(table.locator('tr[data-type="TaskFailed"]').first()).toContainText(/retry 1 in \d/);
  await expect(table.locator('tr').last()).toContainText('ExecutionFailed');
  await screenshot(page, 'sfn-history-1440x900');
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, 'sfn-history-1280x720');
});
