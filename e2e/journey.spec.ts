import { expect, test } from '@playwright/test';
import { openWith, screenshot } from './helpers.ts';

const mine = { name: 'My own work', nodes: [{ id: 'Mine', type: 'AWS::Lambda::Function', position: { x: 0, y: 0 } }], edges: [] };

test('the journey of a poison message shows each receive and the DLQ', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openWith(page, mine);
  await page.getByTestId('examples-open').click();
  await page.getByRole('dialog', { name: 'Examples' }).getByTestId('example-poison-message-dlq.json').click();
  await expect(page.getByTestId('node-PaymentsQueue')).toBeVisible();
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });

  // The header keeps room for the Journey button on a 1280 px projector.
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(page.getByTestId('journey-open')).toBeInViewport({ ratio: 1 });
  expect(await page.evaluate<boolean>(`(() => { const h = document.querySelector('header'); return h.scrollWidth <= h.clientWidth; })()`)).toBe(true);
  await screenshot(page, 'journey-header-1280x720');
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.getByTestId('journey-open').click();
  const dialog = page.getByTestId('journey-dialog');
  await expect(dialog.getByTestId('journey-summary')).toContainText('from Payments');
  await screenshot(page, 'journey-request-1440x900');

  await dialog.getByTestId('journey-pick-failed').click();
  await expect(dialog.getByTestId('journey-failure')).toHaveText('Failed: moved to the dead-letter queue PaymentsDLQ');
  const labels = dialog.getByTestId('journey-hop-label');
  const receives = dialog.getByTestId('journey-hop').filter({ has: page.getByTestId('journey-hop-label').filter({ hasText: /^receive \d$/ }) });
  await expect(receives).toHaveCount(3);
  await expect(receives.getByTestId('journey-hop-label')).toHaveText(['receive 1', 'receive 2', 'receive 3']);
  // Each failed receive is hidden for the 20 s visibility timeout before the next.
  await expect(dialog.locator('[data-kind="retry"]')).toHaveCount(3);
  await expect(dialog.locator('[data-kind="retry"]').first()).toContainText('20 s');
  const dlq = dialog.locator('[data-kind="deadLetter"]');
  await expect(dlq.first()).toContainText('moved to PaymentsDLQ');
  await expect(dlq.first()).toContainText('DLQ');
  await expect(dlq.last()).toHaveAttribute('data-node', 'PaymentsDLQ');
  await expect(labels.last()).toHaveText('arrives from PaymentsQueue');
  await expect(dialog.getByTestId('journey-legend')).toContainText('Retry delay');
  await screenshot(page, 'journey-failed-1440x900', { curated: true });

  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, 'journey-failed-1280x720');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'journey-failed-390x844');

  // The slowest sampled request is no faster than the failed one's 60 s of receives.
  await dialog.getByTestId('journey-pick-slowest').click();
  await expect(dialog.getByTestId('journey-summary')).toContainText(/1 min|6\d(\.\d)? s/);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test("an order's journey goes through its workflow's states, with the function's run and the table's write inside", async ({ page }) => {
  await openWith(page, mine);
  await page.getByTestId('examples-open').click();
  await page.getByRole('dialog', { name: 'Examples' }).getByTestId('example-order-workflow.json').click();
  await expect(page.getByTestId('node-OrderWorkflow')).toBeVisible();
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });

  await page.getByTestId('journey-open').click();
  const dialog = page.getByTestId('journey-dialog');
  await expect(dialog.getByTestId('journey-summary')).toContainText('from Shoppers');
  const hops = dialog.getByTestId('journey-hop');
  const hop = (label: string) => hops.filter({ has: page.getByTestId('journey-hop-label').filter({ hasText: new RegExp(`^${label}$`) }) });
  // The shopper's request first, the API accepting it, then the execution it started, outlined, with its states inside.
  await expect(hops.first()).toHaveAttribute('data-node', 'Shoppers');
  await expect(hops.nth(1)).toHaveAttribute('data-node', 'OrdersApi');
  await expect(hops.nth(2)).toHaveAttribute('data-kind', 'span');
  await expect(hops.nth(2)).toContainText(/execution-\d+/);
  await expect(hop('Task Validate')).toHaveAttribute('data-kind', 'span');
  await expect(hop('cold start \\(Init\\)')).toHaveAttribute('data-node', 'ValidateOrder');
  await expect(hop('runs')).toHaveAttribute('data-node', 'ValidateOrder');
  await expect(hop('Choice Large order\\?')).toHaveAttribute('data-kind', 'event');
  await expect(hop('Task Save')).toHaveAttribute('data-kind', 'span');
  await expect(hop('write')).toHaveAttribute('data-node', 'Orders');
  const labels = await dialog.getByTestId('journey-hop-label').allTextContents();
  expect(labels.indexOf('Task Validate')).toBeLessThan(labels.indexOf('runs'));
  expect(labels.indexOf('runs')).toBeLessThan(labels.indexOf('write'));
  await expect(dialog.getByTestId('journey-legend')).toContainText('Call or state, until it ends');
  await screenshot(page, 'journey-workflow-1440x900');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});
