import { expect, test, type Locator, type Page } from '@playwright/test';
import { openWith, pauseIfRunning, screenshot, viewportSettled } from './helpers.ts';

const SM = 'AWS::StepFunctions::StateMachine';

/** Text size in CSS pixels as drawn on the screen: the computed font size times the scale of any transform above it. */
const screenFontPx = (el: Locator) =>
  el.evaluate((node) => {
    // Typed by hand: the e2e files are compiled without the DOM library.
    const dom = globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string; width: string } };
    const style = dom.getComputedStyle(node);
    const drawn = (node as unknown as { getBoundingClientRect(): { width: number } }).getBoundingClientRect().width;
    return parseFloat(style.fontSize) * (drawn / parseFloat(style.width));
  });

/** Box sizes of an element, typed by hand as above. */
type Sized = { scrollWidth: number; clientWidth: number; parentElement: Sized };
const fitsAcross = (el: Locator) => el.evaluate((node) => ((n) => n.scrollWidth <= n.clientWidth + 1)(node as unknown as Sized));

const count = async (scope: Locator, state: string, key: string) => Number((await scope.getByTestId(`state-${state}-${key}`).textContent())?.replace(/[^\d.]/g, '') || 0);

const inside = async (inner: Locator, outer: Locator) => {
  const [a, b] = [await inner.boundingBox(), await outer.boundingBox()];
  return !!a && !!b && a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;
};

async function runToEnd(page: Page) {
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
}

test('a template replaces the definition, binds its Task to the canvas, validates, draws its graph, and undo restores the definition', async ({ page }) => {
  await openWith(page, {
    name: 'Templates',
    durationSeconds: 60,
    nodes: [
      { id: 'Users', type: 'Client', position: { x: 0, y: 100 }, properties: { pattern: 'constant', ratePerSecond: 5 } },
      { id: 'Flow', type: SM, position: { x: 320, y: 100 } },
      { id: 'Worker', type: 'AWS::Lambda::Function', position: { x: 640, y: 100 } },
    ],
    edges: [{ from: 'Users', to: 'Flow' }],
  });
  await page.getByTestId('node-Flow').click();
  const editor = page.getByTestId('field-properties.Definition');
  const before = await editor.inputValue();
  await page.getByTestId('template-pick').selectOption({ label: 'Map: a Lambda function per item, two at a time' });
  await expect(page.getByTestId('template-picker')).toContainText('s3-sqs-eventbridge-pipe-sfn-s3');
  await page.getByTestId('template-apply').click();
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await expect(page.getByTestId('template-binding-ItemFunction')).toHaveText('${ItemFunction} → Worker (edge added)');
  await expect(page.getByTestId('template-validation')).toHaveText('The definition validates.');
  await expect(editor).toHaveValue(/"Process each item"/);
  await expect(page.getByTestId('unconnected-Flow')).toHaveCount(0);
  await screenshot(page, 'sfn-template-1440x900');

  await page.getByTestId('node-view-workflow').click();
  const graph = page.getByTestId('workflow-graph');
  await expect(graph.getByTestId('state-Process item')).toBeVisible();
  expect(await inside(graph.getByTestId('state-Process item'), graph.getByTestId('group-Process each item (Map)'))).toBe(true);
  await runToEnd(page);
  // Five items per execution.
  await expect.poll(() => count(graph, 'Process item', 'entered')).toBeGreaterThan(0);
  // The graph's counts arrive with the last frames: read both until they settle.
  await expect
    .poll(async () => (await count(graph, 'Process item', 'succeeded')) - 5 * (await count(graph, 'Process each item', 'succeeded')))
    .toBe(0);
  expect(await count(graph, 'Process each item', 'succeeded')).toBeGreaterThan(0);

  // Undo puts the previous definition back, and the edge goes with it.
  await page.getByTestId('node-Flow').click();
  await page.keyboard.press('Control+z');
  await expect(editor).toHaveValue(before);
  await expect(page.locator('.react-flow__edge')).toHaveCount(1);
});

test('a template whose targets are missing says so, adds them on request, and gives the clients its request body', async ({ page }) => {
  await openWith(page, {
    name: 'Templates',
    durationSeconds: 30,
    nodes: [
      { id: 'Users', type: 'Client', position: { x: 0, y: 100 }, properties: { pattern: 'constant', ratePerSecond: 5 } },
      { id: 'Flow', type: SM, position: { x: 320, y: 100 } },
    ],
    edges: [{ from: 'Users', to: 'Flow' }],
  });
  await page.getByTestId('node-Flow').click();
  await page.getByTestId('template-pick').selectOption({ label: 'SNS: publish each request' });
  await page.getByTestId('template-apply').click();
  await expect(page.getByTestId('template-binding-StateMachineSNSTopic')).toContainText('unconnected: no SNS topic on the canvas');
  await expect(page.getByTestId('unconnected-Flow')).toHaveText('⚠ 1 unconnected');
  await page.getByTestId('template-add-missing').click();
  await expect(page.getByTestId('template-binding-StateMachineSNSTopic')).toHaveText('${StateMachineSNSTopic} → StateMachineSNSTopic (edge added)');
  await expect(page.getByTestId('node-StateMachineSNSTopic')).toBeVisible();
  await expect(page.getByTestId('unconnected-Flow')).toHaveCount(0);
  await page.getByTestId('template-give-body').click();
  await expect(page.getByTestId('template-result')).toContainText('{"message":"hello"}: set.');
  await screenshot(page, 'sfn-template-added-1440x900');
  await runToEnd(page);
  await page.getByTestId('node-StateMachineSNSTopic').click();
  await page.getByTestId('node-Flow').click();
  await page.getByTestId('node-view-workflow').click();
  const graph = page.getByTestId('workflow-graph');
  await expect.poll(() => count(graph, 'SendSNSMessage', 'succeeded')).toBeGreaterThan(100);
  await expect(graph.getByTestId('state-SendSNSMessage-failed')).toHaveCount(0);
});

const groups = {
  StartAt: 'List items',
  States: {
    'List items': { Type: 'Pass', Parameters: { 'items.$': 'States.ArrayRange(1, 3, 1)' }, Next: 'Both' },
    Both: {
      Type: 'Parallel',
      Branches: [
        {
          StartAt: 'Each item',
          States: { 'Each item': { Type: 'Map', ItemsPath: '$.items', MaxConcurrency: 1, ItemProcessor: { StartAt: 'Handle', States: { Handle: { Type: 'Wait', Seconds: 1, End: true } } }, End: true } },
        },
        { StartAt: 'Audit', States: { Audit: { Type: 'Pass', End: true } } },
      ],
      End: true,
    },
  },
};

test('Parallel and Map states are drawn as groups around their branch states, whose counts rise while the run plays', async ({ page }) => {
  await openWith(page, {
    name: 'Groups',
    durationSeconds: 120,
    nodes: [
      { id: 'Users', type: 'Client', position: { x: 0, y: 100 }, properties: { pattern: 'constant', ratePerSecond: 2 } },
      { id: 'Flow', type: SM, position: { x: 320, y: 100 }, properties: { Definition: groups } },
    ],
    edges: [{ from: 'Users', to: 'Flow' }],
  });
  await page.getByTestId('node-Flow').click();
  await page.getByTestId('node-view-workflow').click();
  await page.getByTestId('run-toggle').click();
  await page.getByTestId('workflow-expand').click();
  const dialog = page.getByTestId('workflow-dialog');
  const parallel = dialog.getByTestId('group-Both (Parallel)');
  const map = dialog.getByTestId('group-Each item (Map)');
  await expect(parallel).toBeVisible();
  await expect(map).toBeVisible();
  expect(await inside(map, parallel)).toBe(true);
  expect(await inside(dialog.getByTestId('group-Branch 1'), parallel)).toBe(true);
  expect(await inside(dialog.getByTestId('group-Branch 2'), parallel)).toBe(true);
  expect(await inside(dialog.getByTestId('state-Handle'), map)).toBe(true);
  expect(await inside(dialog.getByTestId('state-Handle'), dialog.getByTestId('group-Iteration'))).toBe(true);
  expect(await inside(dialog.getByTestId('state-Audit'), dialog.getByTestId('group-Branch 2'))).toBe(true);
  expect(await inside(dialog.getByTestId('state-List items'), parallel)).toBe(false);

  // The dialog stays open over the running simulation: its counts move.
  await expect.poll(() => count(dialog, 'Handle', 'entered')).toBeGreaterThan(0);
  const first = await count(dialog, 'Handle', 'entered');
  await expect.poll(() => count(dialog, 'Handle', 'entered'), { timeout: 20_000 }).toBeGreaterThan(first);
  await expect.poll(() => count(dialog, 'Audit', 'entered')).toBeGreaterThan(0);
  // A state shows its succeeded count once it has one: wait for the first Map to finish before pausing, or a
  // fast machine pauses before any has and the count below has nothing to read.
  await expect(dialog.getByTestId('state-Each item-succeeded')).toBeVisible({ timeout: 20_000 });
  await screenshot(page, 'sfn-groups-expanded-1440x900');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  // The run plays in about 30 s, which a slow machine can spend before this point: pause it only if it still runs
  // (a click on a run that has just ended would start it again).
  await pauseIfRunning(page);
  // Three items per execution, each entered Handle once.
  const graph = page.getByTestId('workflow-graph');
  expect(await count(graph, 'Handle', 'entered')).toBeGreaterThanOrEqual(2 * (await count(graph, 'Each item', 'succeeded')));
  await screenshot(page, 'sfn-groups-1440x900');
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, 'sfn-groups-390x844');
  if (await page.getByTestId('workflow-expand').isVisible()) {
    await page.getByTestId('workflow-expand').click();
    await expectReadable(page.getByTestId('workflow-dialog'), ['Handle', 'Audit']);
    await screenshot(page, 'sfn-groups-expanded-390x844');
  }
});

async function openOrderWorkflow(page: Page) {
  await openWith(page, { name: 'Mine', nodes: [{ id: 'Mine', type: 'AWS::Lambda::Function', position: { x: 0, y: 0 } }], edges: [] });
  await page.getByTestId('examples-open').click();
  await page.getByRole('dialog', { name: 'Examples' }).getByTestId('example-order-workflow.json').click();
  await expect(page.getByTestId('node-OrderWorkflow')).toBeVisible();
  // Opening an example animates the fit: a click during it can land as a drag and select nothing.
  await viewportSettled(page);
}

async function expectReadable(scope: Locator, states: string[]) {
  for (const state of states) {
    expect(await screenFontPx(scope.getByTestId(`state-${state}-name`)), `${state} name`).toBeGreaterThanOrEqual(12);
    expect(await screenFontPx(scope.getByTestId(`state-${state}-entered`)), `${state} count`).toBeGreaterThanOrEqual(12);
  }
}

for (const [width, height] of [
  [1440, 900],
  [1280, 720],
] as const) {
  test(`at ${width}x${height} the workflow's names and counts are at least 12 px, and the expanded view shows every state whole`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openOrderWorkflow(page);
    await page.getByTestId('node-OrderWorkflow').click();
    await page.getByTestId('node-view-workflow').click();
    await runToEnd(page);
    const states = ['Validate', 'Large order?', 'Review', 'Save', 'Rejected'];
    const panel = page.getByTestId('workflow-graph');
    await expectReadable(panel, states);
    await screenshot(page, `sfn-workflow-panel-${width}x${height}`);

    await page.getByTestId('workflow-expand').click();
    const dialog = page.getByTestId('workflow-dialog');
    const frame = dialog.getByTestId('workflow-graph');
    await expect(frame).toHaveAttribute('data-fits', 'true');
    await expectReadable(frame, states);
    for (const state of states) expect(await inside(frame.getByTestId(`state-${state}`), frame), state).toBe(true);
    await screenshot(page, `sfn-workflow-expanded-${width}x${height}`);
  });
}

test('the history wraps long details and the definition editor wraps long lines, keeping line numbers at their lines', async ({ page }) => {
  // A screen wide enough to show the whole diagram at a readable zoom, so both nodes are in view to click.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openOrderWorkflow(page);
  await expect(page.getByTestId('node-ValidateOrder')).toBeInViewport({ ratio: 0.99 });
  await page.getByTestId('node-ValidateOrder').click();
  const reserved = page.getByTestId('field-properties.ReservedConcurrentExecutions');
  await reserved.fill('1');
  await reserved.press('Enter');
  await page.getByTestId('node-OrderWorkflow').click();
  await page.setViewportSize({ width: 1280, height: 720 });

  const editor = page.getByTestId('field-properties.Definition');
  const long = 'Validate, route large orders to review, store. This comment is long on purpose: it must wrap, not hide past the right edge of the editor.';
  await editor.fill((await editor.inputValue()).replace('"Comment": "Validate, route large orders to review, store."', `"Comment": "${long}",\n  "TimeoutSeconds": -1`));
  await editor.blur();
  expect(await fitsAcross(editor)).toBe(true);
  await editor.evaluate((el) => void ((el as unknown as { scrollTop: number }).scrollTop = 0));
  // The problem marker of the line after the wrapped one sits at that line's own row, several rows down.
  const text = await editor.inputValue();
  const line = text.split('\n').findIndex((l) => l.includes('TimeoutSeconds')) + 1;
  const marker = page.getByTestId(`field-properties.Definition-marker-${line}`);
  await expect(marker).toBeVisible();
  const editorBox = (await editor.boundingBox())!;
  const markerBox = (await marker.boundingBox())!;
  expect(markerBox.y - editorBox.y).toBeGreaterThan((line + 1) * 20);
  await screenshot(page, 'sfn-editor-wrapped-1280x720');
  await page.keyboard.press('Control+z');

  await runToEnd(page);
  await page.getByTestId('node-view-history').click();
  const options = await page.getByTestId('sample-pick').locator('option').allTextContents();
  await page.getByTestId('sample-pick').selectOption(String(options.findIndex((o) => o.includes('first to fail'))));
  const details = page.getByTestId('history-detail');
  await expect(details.first()).toBeVisible();
  // Every cell in one call (a round trip per cell took a second each on a busy machine): the ones cut off.
  const cutOff = await details.evaluateAll((cells) => (cells as unknown as Sized[]).flatMap((n, i) => (n.scrollWidth <= n.clientWidth + 1 ? [] : [i])));
  expect(cutOff).toEqual([]);
  expect(await fitsAcross(page.getByTestId('history-table').locator('..'))).toBe(true);
  await expect(page.locator('tr[data-type="ExecutionFailed"]')).toContainText('OrderRejected');
  await screenshot(page, 'sfn-history-wrapped-1280x720');
});
