import { expect, test } from '@playwright/test';
import { AUTOSAVE_KEY } from './helpers.ts';

test('an unreadable autosave is kept aside and the user is told, instead of being overwritten', async ({ page }) => {
  const broken = '{"savedAt": 1, "doc": {"format": "serverless-playground/scenario", "nodes": [';
  await page.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [AUTOSAVE_KEY, broken],
  );
  await page.goto('/');
  await expect(page.getByTestId('notice')).toContainText('could not be read');
  await expect(page.getByTestId('notice')).toContainText(`${AUTOSAVE_KEY}/unreadable`);
  // The example opens in its place, and the broken text survives the autosave of the next edit (waited for, not
  // slept on: a fixed wait passed without any autosave when the debounce ran late).
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByTestId('palette-item-AWS::SQS::Queue').click();
  await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), AUTOSAVE_KEY)).toContain('AWS::SQS::Queue');
  expect(await page.evaluate((k) => localStorage.getItem(`${k}/unreadable`), AUTOSAVE_KEY)).toBe(broken);
});
