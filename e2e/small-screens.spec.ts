import { expect, test, type Page } from '@playwright/test';
import { openWith, screenshot, throttledApi } from './helpers.ts';

const scenario = throttledApi('Orders API under a spike');

/** The smallest on-screen font size (px) of the node figures: CSS size times the canvas zoom. */
async function smallestFigurePx(page: Page): Promise<number> {
  return page.evaluate<number>(`(() => {
    const m = new DOMMatrix(getComputedStyle(document.querySelector('.react-flow__viewport')).transform);
    const sizes = [...document.querySelectorAll('[data-testid^="figure-"]')].map((e) => parseFloat(getComputedStyle(e).fontSize) * m.a);
    return Math.min(...sizes);
  })()`);
}

test('at 390x844 a phone shows the canvas and Run without sideways scrolling, and runs', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openWith(page, scenario);
  await expect(page.getByTestId('run-toggle')).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('canvas')).toBeVisible();
  await expect(page.getByTestId('node-Fn')).toBeInViewport();
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', 'running');
  await page.waitForTimeout(1500);
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
  await screenshot(page, 'phone-390x844', { curated: true });
});

test('side panels collapse and come back, giving the canvas the width; figures stay readable at 1280x720', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openWith(page, scenario);
  await page.getByTestId('examples-open').click();
  await page.getByTestId('example-sqs-pipeline.json').click();
  await expect(page.locator('[data-testid^="node-"]')).toHaveCount(6);
  const before = (await page.getByTestId('canvas').boundingBox())!.width;
  await page.getByTestId('toggle-palette').click();
  await page.keyboard.press(']');
  await expect(page.getByLabel('Palette', { exact: true })).toHaveCount(0);
  await expect(page.getByLabel('Inspector', { exact: true })).toHaveCount(0);
  const after = (await page.getByTestId('canvas').boundingBox())!.width;
  expect(after).toBeGreaterThan(before + 400);
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await page.waitForTimeout(600); // the view follows the wider canvas
  // With both panels collapsed this five-wide chain shows 11 px figures. Issue 10 asks for 12 px
  // at 1280x720, which needs a denser node layout (open); this guards the gain the collapse gives.
  expect(await smallestFigurePx(page)).toBeGreaterThanOrEqual(10.5);
  await screenshot(page, 'collapsed-1280x720', { curated: true });
  await page.getByTestId('toggle-palette').click();
  await page.getByTestId('toggle-sidebar').click();
  await expect(page.getByLabel('Palette', { exact: true })).toBeVisible();
  await expect(page.getByLabel('Inspector', { exact: true })).toBeVisible();
  await screenshot(page, 'example-1280x720', { curated: true });
});

test('"?" lists the keyboard shortcuts, and Shift+1 (typed as "!") zooms to fit', async ({ page }) => {
  await openWith(page, scenario);
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('?');
  await expect(page.getByTestId('shortcuts-dialog')).toContainText('Zoom to fit');
  await expect(page.getByTestId('shortcuts-dialog')).toContainText('Shift+1');
  await screenshot(page, 'shortcuts-1440x900');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcuts-dialog')).toHaveCount(0);
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.mouse.wheel(0, 600); // zoom out
  const zoomed = await page.evaluate('getComputedStyle(document.querySelector(".react-flow__viewport")).transform');
  await page.keyboard.press('Shift+Digit1');
  await expect.poll(() => page.evaluate('getComputedStyle(document.querySelector(".react-flow__viewport")).transform')).not.toBe(zoomed);
});
