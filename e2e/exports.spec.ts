import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { ResultDocument } from '../src/sim/result.ts';
import { expect, test, type Page } from '@playwright/test';
import { openWith, screenshot, SCREENSHOTS } from './helpers.ts';

const scenario = {
  name: 'E2E: exports',
  durationSeconds: 60,
  nodes: [
    { id: 'Users', type: 'Client', position: { x: 0, y: 100 }, properties: { pattern: 'poisson', ratePerSecond: 60 } },
    { id: 'Api', type: 'AWS::ApiGateway::RestApi', position: { x: 320, y: 100 } },
    { id: 'Fn', type: 'AWS::Lambda::Function', position: { x: 640, y: 100 }, properties: { ReservedConcurrentExecutions: 3 } },
    // Far past the right edge of the canvas at 1440x900: the canvas does not draw it until panned to.
    { id: 'Ledger', type: 'AWS::DynamoDB::Table', position: { x: 2600, y: 100 } },
  ],
  edges: [
    { from: 'Users', to: 'Api' },
    { from: 'Api', to: 'Fn' },
    { from: 'Fn', to: 'Ledger', properties: { operation: 'PutItem' } },
  ],
};

async function exportFile(page: Page, id: string): Promise<{ name: string; bytes: Buffer }> {
  await page.getByTestId('export-menu').click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`command-${id}`).click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())) };
}

test('PNG and SVG of the diagram, and the metrics as CSV whose totals match the result JSON', async ({ page }) => {
  await openWith(page, scenario);
  await page.getByTestId('export-menu').click();
  await expect(page.getByTestId('command-export-csv')).toBeDisabled(); // no run yet
  await screenshot(page, 'export-menu');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('offscreen-right')).toBeVisible();
  await expect(page.locator('.react-flow__node[data-id="Ledger"]')).toHaveCount(0);

  const png = await exportFile(page, 'export-png');
  expect(png.name).toBe('e2e-exports.png');
  expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
  expect(png.bytes.length).toBeGreaterThan(5_000);
  const width = png.bytes.readUInt32BE(16);
  expect(width).toBeGreaterThan(5000); // four nodes across 2,880 px at 2x
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(`${SCREENSHOTS}/export-diagram.png`, png.bytes); // to look at

  const svg = await exportFile(page, 'export-svg');
  expect(svg.name).toBe('e2e-exports.svg');
  const svgText = svg.bytes.toString();
  expect(svgText).toContain('<svg');
  expect(svgText).toContain('Fn'); // node names as text
  expect(svgText).toContain('Lambda function');
  // Ledger lies off screen, where the canvas draws nothing until panned to: the image draws it all the same.
  expect(svgText.includes('Ledger') && svgText.includes('DynamoDB table'), 'the off-screen Ledger table is in the SVG').toBe(true);
  expect(svgText).toMatch(/class="react-flow__edge-path[^"]*"[^>]*style="[^"]*stroke: rgb/); // edges drawn, not just arrowheads

  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  const csv = (await exportFile(page, 'export-csv')).bytes.toString();
  const result = JSON.parse((await exportFile(page, 'export-result')).bytes.toString()) as ResultDocument;
  expect(result.format).toBe('serverless-playground/result');
  const rows = csv.trimEnd().split('\r\n').map((l) => l.split(','));
  expect(rows).toHaveLength(result.simulatedSeconds / result.periodSeconds + 1);
  for (const [node, metric] of [['Users', 'Requests'], ['Fn', 'Invocations'], ['Fn', 'Throttles']]) {
    const col = rows[0].indexOf(`${node} ${metric}`);
    expect(col, `${node} ${metric}`).toBeGreaterThan(0);
    const sum = rows.slice(1).reduce((s, r) => s + Number(r[col] || 0), 0);
    expect(sum).toBeCloseTo(result.nodes[node].totals[metric].Sum, 3);
  }
  expect(result.nodes.Fn.totals.Throttles.Sum).toBeGreaterThan(0);
});

test('the export menu works from the keyboard, and its Escape leaves the canvas selection alone', async ({ page }) => {
  await openWith(page, scenario);
  const fn = page.locator('.react-flow__node[data-id="Fn"]');
  await fn.click();
  await expect(fn).toHaveClass(/\bselected\b/);
  const button = page.getByTestId('export-menu');
  await button.focus();
  await page.keyboard.press('Enter');
  // Before a run only the diagram and the embed code can be exported: the menu focuses its first item and moves
  // among those three, wrapping around.
  await expect(page.getByTestId('command-export-png')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('command-export-svg')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('command-export-embed')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('command-export-png')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('command-export-embed')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.getByTestId('command-export-png')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(fn).toHaveClass(/\bselected\b/);

  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
  await expect(page.getByTestId('command-export-embed')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('command-export-svg')).toBeFocused();
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toBe('e2e-exports.svg');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(button).toBeFocused();
});
