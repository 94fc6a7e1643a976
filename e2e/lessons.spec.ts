import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { screenshot, setTheme, viewportSettled } from './helpers.ts';

/** Every lesson the gallery lists (public/lessons/index.json). */
const LESSON_COUNT = (JSON.parse(readFileSync('public/lessons/index.json', 'utf8')) as { lessons: unknown[] }).lessons.length;

test('a lesson link opens the lesson; Check fails with its figures, the reference passes', async ({ page }) => {
  await page.goto('/#lesson=lambda-request-rate');
  const panel = page.getByTestId('lesson-panel');
  await expect(panel.getByTestId('lesson-title')).toHaveText('The request-rate quota for short functions');
  await expect(page.getByTestId('scenario-name')).toHaveText('Lesson: the request-rate quota for short functions');
  await expect(page).toHaveURL(/#lesson=lambda-request-rate/);

  await panel.getByTestId('lesson-check').click();
  const verdict = panel.getByTestId('lesson-verdict');
  await expect(verdict).toHaveAttribute('data-pass', 'false', { timeout: 30_000 });
  await expect(verdict).toHaveText('Not yet: 2 of 2 checks fail.');
  await expect(panel.getByTestId('lesson-graded-check')).toContainText('Press Run to watch the scenario on the charts');
  await expect(panel.getByTestId('lesson-goal-0')).toHaveAttribute('data-state', 'fail');
  // The figure that decided it: thousands of throttles at 300 requests/s against a quota of 100/s.
  await expect(panel.getByTestId('lesson-figures-0')).toContainText(/Lookup\.Throttles\.Sum = \d{1,2},\d{3}/);
  await panel.getByTestId('lesson-next-hint').click();
  await expect(panel.getByTestId('lesson-hint-0')).toContainText('ReservedFunctionInvocationRateLimitExceeded');
  await screenshot(page, 'lesson-failed-1440x900');

  await panel.getByTestId('lesson-show-reference').click();
  await expect(panel.getByTestId('lesson-reference')).toContainText('ReservedConcurrentExecutions 50');
  await panel.getByTestId('lesson-apply-reference').click();
  await panel.getByTestId('lesson-check').click();
  await expect(verdict).toHaveAttribute('data-pass', 'true', { timeout: 30_000 });
  await expect(verdict).toHaveText('Goal met: every check passes.');
  await expect(panel.getByTestId('lesson-figures-0')).toHaveText('Lookup.Throttles.Sum = 0');
  await screenshot(page, 'lesson-passed-1440x900');

  // Undo takes the reference back in one step; Reset lesson puts the start back.
  await page.keyboard.press('Control+z');
  await expect(panel.getByText('You changed the scenario since this check')).toBeVisible();
  await panel.getByTestId('lesson-reset').click();
  await expect(panel.getByTestId('lesson-verdict')).toHaveCount(0);
});

test('the gallery lists the lessons by topic and opens one; the panel leaves the canvas its nodes at 1280x720 and on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await page.getByTestId('lessons-open').click();
  const dialog = page.getByTestId('lessons-dialog');
  await expect(dialog.getByRole('region', { name: 'Lambda' })).toBeVisible();
  await expect(dialog.locator('[data-testid^="lesson-card-"]')).toHaveCount(LESSON_COUNT);
  await screenshot(page, 'lessons-gallery-1280x720');
  await dialog.getByTestId('lesson-card-sqs-visibility-timeout').click();
  await expect(dialog).toHaveCount(0);
  const panel = page.getByTestId('lesson-panel');
  await expect(panel.getByTestId('lesson-title')).toHaveText('SQS visibility timeout, throttled polls and duplicates');
  await expect(page).toHaveURL(/#lesson=sqs-visibility-timeout/);

  // Every node is on screen and none is under the panel.
  await viewportSettled(page);
  const panelBox = (await panel.boundingBox())!;
  for (const node of await page.locator('.react-flow__node').all()) {
    const box = (await node.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(panelBox.x + panelBox.width - 1);
    expect(box.x + box.width).toBeLessThanOrEqual(1280);
  }
  await screenshot(page, 'lesson-1280x720');
  await setTheme(page, 'dark');
  await screenshot(page, 'lesson-1280x720-dark');

  await page.setViewportSize({ width: 390, height: 844 });
  await expect(panel).toBeVisible();
  await screenshot(page, 'lesson-390x844');
});

test('an unknown lesson link says so and opens nothing', async ({ page }) => {
  await page.goto('/#lesson=no-such-lesson');
  await expect(page.getByText('This lesson link could not be opened: there is no lesson "no-such-lesson".')).toBeVisible();
  await expect(page.getByTestId('lesson-panel')).toHaveCount(0);
});

test('a goal with a long metric name wraps in the lesson panel at 1280x720 instead of being cut off', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#lesson=cold-starts');
  const panel = page.getByTestId('lesson-panel');
  await expect(panel.getByTestId('lesson-title')).toBeVisible();
  await panel.getByTestId('lesson-check').click();
  const figures = panel.locator('[data-testid^="lesson-figures-"] span');
  await expect(figures.first()).toBeVisible({ timeout: 30_000 });
  type Box = { scrollWidth: number; clientWidth: number; textContent: string | null; getBoundingClientRect(): { right: number } }; // no DOM library in e2e
  const panelRight = (await panel.boundingBox())!;
  const overflowing = await panel
    .locator('[data-testid^="lesson-figures-"] span, [data-testid="lesson-goal"] code')
    .evaluateAll((els, right) => (els as unknown as Box[]).filter((el) => el.getBoundingClientRect().right > right + 1).map((el) => el.textContent), panelRight.x + panelRight.width);
  expect(overflowing).toEqual([]);
});

test('a run on the canvas that finishes grades the goal as Check would; a run at 2x traffic is not graded and says why', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#lesson=lambda-request-rate');
  const panel = page.getByTestId('lesson-panel');
  await expect(panel.getByTestId('lesson-title')).toHaveText('The request-rate quota for short functions');
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  const verdict = panel.getByTestId('lesson-verdict');
  await expect(verdict).toHaveText('Not yet: 2 of 2 checks fail.');
  await expect(panel.getByTestId('lesson-graded-run')).toHaveText('Graded from your run on the canvas.');
  await expect(panel.getByTestId('lesson-figures-0')).toContainText(/Lookup\.Throttles\.Sum = \d{1,2},\d{3}/);
  await screenshot(page, 'lesson-graded-run-1280x720', { curated: true });

  await page.getByTestId('traffic-scale').selectOption('2');
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  await expect(panel.getByTestId('lesson-ungraded')).toHaveText('Your run was not graded: it ran with traffic at 2×. Press Check to grade the scenario as written.');
  await expect(verdict).toHaveCount(0);
});

test('on a phone a lesson can be solved by hand: tapping a node opens its settings in a sheet, Done closes it, Check passes', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/#lesson=lambda-request-rate');
  const panel = page.getByTestId('lesson-panel');
  await expect(panel.getByTestId('lesson-title')).toHaveText('The request-rate quota for short functions');
  await expect(page.getByTestId('phone-settings')).toHaveCount(0);
  // The function sits at the canvas's right edge, half out of view: tap the part that shows.
  await page.getByTestId('node-Lookup').click({ position: { x: 12, y: 30 } });
  const sheet = page.getByTestId('phone-settings');
  await expect(sheet).toBeInViewport();
  await expect(sheet.getByRole('heading', { level: 2 })).toHaveText('Settings · Lookup');
  const reserved = sheet.getByTestId('field-properties.ReservedConcurrentExecutions');
  await reserved.fill('50');
  await reserved.press('Enter');
  await screenshot(page, 'lesson-phone-settings-390x844');
  await sheet.getByTestId('phone-settings-done').click();
  await expect(sheet).toHaveCount(0);
  await panel.getByTestId('lesson-check').click();
  await expect(panel.getByTestId('lesson-verdict')).toHaveAttribute('data-pass', 'true', { timeout: 30_000 });
});

test('at 1280x720 the verdict of a three-goal lesson shows without scrolling the panel', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#lesson=sns-filter-policies');
  const panel = page.getByTestId('lesson-panel');
  await panel.getByTestId('lesson-check').click();
  const verdict = panel.getByTestId('lesson-verdict');
  await expect(verdict).toHaveText('Not yet: 3 of 3 checks fail.', { timeout: 30_000 });
  await expect(verdict).toBeInViewport({ ratio: 1 });
  // Nothing throttles in this lesson: the Throttles chart's legend says so rather than listing every queue and topic.
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', 'done', { timeout: 60_000 });
  const throttles = page.getByTestId('chart-h:throttles');
  await expect(throttles).toHaveAttribute('data-quiet-none', 'true');
  await expect(throttles.locator('.u-legend .u-series:visible')).toHaveCount(0);
});
