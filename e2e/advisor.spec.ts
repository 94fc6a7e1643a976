import { expect, test } from '@playwright/test';
import { openWith } from './helpers.ts';

test('the advisor fixes an async Lambda with no DLQ in one click, and undo takes the fix back', async ({ page }) => {
  await openWith(page, {
    name: 'E2E: async without a DLQ',
    nodes: [
      { id: 'Users', type: 'Client', position: { x: 0, y: 100 }, properties: { pattern: 'constant', ratePerSecond: 10 } },
      { id: 'Topic', type: 'AWS::SNS::Topic', position: { x: 320, y: 100 } },
      { id: 'Fn', type: 'AWS::Lambda::Function', position: { x: 640, y: 100 } },
    ],
    edges: [
      { from: 'Users', to: 'Topic' },
      { from: 'Topic', to: 'Fn' },
    ],
  });
  await expect(page.getByTestId('advisor-count')).toHaveText('1');
  await page.getByTestId('sidebar-tab-advisor').click();
  await expect(page.getByTestId('advisor-item-async-dlq:Fn')).toContainText('no dead-letter queue or on-failure destination');
  await page.getByTestId('advisor-fix-async-dlq:Fn').click();
  await expect(page.getByTestId('node-FnFailures')).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  await expect(page.getByTestId('advisor-item-async-dlq:Fn')).toHaveCount(0);
  await expect(page.getByTestId('advisor-count')).toHaveCount(0);

  // The fixed architecture runs: failed events would now be kept in FnFailures.
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', /running|done/);
  await expect(page.getByTestId('run-message')).toHaveCount(0);

  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('node-FnFailures')).toHaveCount(0);
  await expect(page.getByTestId('advisor-count')).toHaveText('1');
});
