import { expect, test, type Page } from '@playwright/test';
import { READABLE_ZOOM } from '../src/components/canvas/readableFit.ts';
import { openWith, screenshot, viewportSettled } from './helpers.ts';

const mine = { name: 'My own work', nodes: [{ id: 'Mine', type: 'AWS::Lambda::Function', position: { x: 0, y: 0 } }], edges: [] };

async function openOrderWorkflow(page: Page) {
  await openWith(page, mine);
  await page.getByTestId('examples-open').click();
  await page.getByRole('dialog', { name: 'Examples' }).getByTestId('example-order-workflow.json').click();
  await expect(page.getByTestId('node-OrderWorkflow')).toBeVisible();
  // The view glides to fit the example; a click on a node while it moves would drag the node instead.
  await viewportSettled(page);
}

/** ValidateOrder reserved at 1 instead of 8: more throttles than the Retry absorbs, so Catch sends orders to Rejected. */
async function starveValidation(page: Page) {
  await page.getByTestId('node-ValidateOrder').click({ position: { x: 24, y: 24 } });
  const field = page.getByTestId('field-properties.ReservedConcurrentExecutions');
  await field.fill('1');
  await field.press('Enter');
}

test('the Step Functions example shows its five services whole and readable at 1440x900 with both panels open', async ({ page }) => {
  await openOrderWorkflow(page);
  await viewportSettled(page);
  await expect(page.getByTestId('palette')).toBeVisible();
  await expect(page.getByTestId('sidebar-tab-inspector')).toBeVisible();
  const zoom = await page.evaluate<number>('new DOMMatrix(getComputedStyle(document.querySelector(".react-flow__viewport")).transform).a');
  expect(zoom).toBeGreaterThanOrEqual(READABLE_ZOOM - 1e-6);
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  for (const id of ['Shoppers', 'OrdersApi', 'OrderWorkflow', 'ValidateOrder', 'Orders']) {
    const box = (await page.getByTestId(`node-${id}`).boundingBox())!;
    expect(box.x, `${id} left`).toBeGreaterThanOrEqual(canvas.x);
    expect(box.y, `${id} top`).toBeGreaterThanOrEqual(canvas.y);
    expect(box.x + box.width, `${id} right`).toBeLessThanOrEqual(canvas.x + canvas.width);
    expect(box.y + box.height, `${id} bottom`).toBeLessThanOrEqual(canvas.y + canvas.height);
  }
});

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
  // Both read together: the view may still be drawing the last period's figures when the clock says done.
  await expect.poll(async () => (await count(page, 'Rejected', 'entered')) - (await count(page, 'Validate', 'caught'))).toBe(0);
  await expect(graph.getByTestId('state-Save')).toHaveAttribute('data-tone', 'active');
  await screenshot(page, 'sfn-workflow-1440x900', { curated: true });
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
  await screenshot(page, 'sfn-history-1440x900', { curated: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, 'sfn-history-1280x720');
});

test('the definition editor numbers its lines and marks each problem at the line of its state and field', async ({ page }) => {
  await openOrderWorkflow(page);
  await page.getByTestId('node-OrderWorkflow').click();
  const editor = page.getByTestId('field-properties.Definition');
  await expect(editor).toBeVisible();
  const text = await editor.inputValue();
  // The service's own check (BackoffRate below 1) and one only asl-validator makes (a malformed InputPath).
  const edited = text.replace('"BackoffRate": 2', '"BackoffRate": 0.5').replace('"Type": "Pass",', '"Type": "Pass",\n      "InputPath": "$.a[",');
  await editor.fill(edited);
  const lineOf = (needle: string) => edited.split('\n').findIndex((l) => l.includes(needle)) + 1;
  const backoff = lineOf('"BackoffRate"');
  const inputPath = lineOf('"InputPath"');
  await expect(page.getByTestId(`field-properties.Definition-marker-${backoff}`)).toBeVisible();
  await expect(page.getByTestId(`field-properties.Definition-marker-${inputPath}`)).toBeVisible();
  const problems = page.getByTestId('field-properties.Definition-problems');
  await expect(problems).toContainText(`Line ${backoff} States.Validate.Retry[0].BackoffRate: must be >= 1`);
  await expect(problems).toContainText(`Line ${inputPath} States.Review.InputPath: must match format "asl_path"`);
  // A problem's line number puts the cursor on that line.
  await problems.getByRole('button', { name: new RegExp(`^Line ${inputPath} `) }).click();
  await expect(editor).toBeFocused();
  const cursor = await editor.evaluate((el): number => {
    const area = el as unknown as { value: string; selectionStart: number };
    return area.value.slice(0, area.selectionStart).split('\n').length;
  });
  expect(cursor).toBe(inputPath);
  await screenshot(page, 'sfn-editor-1440x900');

  // Text that is not JSON: the line of the syntax error.
  await editor.fill(edited.replace('"StartAt": "Validate",', '"StartAt": "Validate"'));
  await expect(problems).toContainText(`Line ${lineOf('"States"')}`);
  await expect(problems).toContainText('not valid JSON here');
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, 'sfn-editor-1280x720');
});

test('a Task whose target is not on the canvas marks the state machine as unconnected', async ({ page }) => {
  await openOrderWorkflow(page);
  await expect(page.getByTestId('unconnected-OrderWorkflow')).toHaveCount(0);
  await page.getByTestId('node-OrderWorkflow').click();
  const editor = page.getByTestId('field-properties.Definition');
  await editor.fill((await editor.inputValue()).replace('"TableName": "${OrdersTable}"', '"TableName": "Archive"'));
  const badge = page.getByTestId('unconnected-OrderWorkflow');
  await expect(badge).toHaveText('⚠ 1 unconnected');
  await expect(badge).toHaveAttribute('title', 'Save calls Archive, which is not on the canvas: each call fails (ResourceNotFoundException)');
  await screenshot(page, 'sfn-unconnected-1440x900');
});
