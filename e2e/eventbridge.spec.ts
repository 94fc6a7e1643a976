import { expect, test } from '@playwright/test';
import { openWith } from './helpers.ts';

test('a schedule\'s inspector lists its next firing times, and they follow an edited expression', async ({ page }) => {
  await openWith(page, {
    name: 'E2E: nightly job',
    durationSeconds: 86_400,
    nodes: [
      { id: 'Nightly', type: 'AWS::Scheduler::Schedule', position: { x: 0, y: 100 }, properties: { ScheduleExpression: 'cron(0 2 * * ? *)' } },
      { id: 'Job', type: 'AWS::Lambda::Function', position: { x: 320, y: 100 } },
    ],
    edges: [{ from: 'Nightly', to: 'Job' }],
  });
  await page.getByTestId('node-Nightly').click();
  const notes = page.getByTestId('inspector-notes');
  await expect(notes).toContainText('Next firings from the simulation start');
  await expect(notes).toContainText('Mon 2026-01-05 02:00 UTC · at 2 h 00 min');
  await expect(notes).toContainText('Tue 2026-01-06 02:00 UTC');

  const field = page.getByTestId('field-properties.ScheduleExpression');
  await field.fill('rate(6 hours)');
  await field.press('Enter');
  await expect(notes).toContainText('Mon 2026-01-05 06:00 UTC · at 6 h 00 min');
  await expect(page.getByTestId('inspector-problems')).toHaveCount(0);

  await field.fill('cron(0 2 * * * *)');
  await field.press('Enter');
  await expect(page.getByTestId('inspector-problems')).toContainText('exactly one of day-of-month');
});
