import { expect, test } from '@playwright/test';
import { chartState, connect, openWith, panBy, screenshot, setTheme } from './helpers.ts';

const LAMBDA = 'AWS::Lambda::Function';

/** Users -> Api, 300 requests/s: the person adds the function themselves. */
const start = {
  name: 'E2E: API under load',
  durationSeconds: 600,
  nodes: [
    { id: 'Users', type: 'Client', position: { x: 0, y: 120 }, properties: { pattern: 'constant', ratePerSecond: 300 } },
    { id: 'Api', type: 'AWS::ApiGateway::RestApi', position: { x: 300, y: 120 } },
  ],
  edges: [{ from: 'Users', to: 'Api' }],
};

test('build API Gateway -> Lambda, limit it, run, watch throttles, undo, reload', async ({ page }) => {
  await openWith(page, start);
  await expect(page.locator('[data-testid^="node-"]')).toHaveCount(2);

  // Drag a Lambda from the palette onto the canvas, below the API (the view is zoomed to fit two nodes).
  const canvas = page.getByTestId('canvas');
  const api = (await page.getByTestId('node-Api').boundingBox())!;
  const box = (await canvas.boundingBox())!;
  await page.getByTestId(`palette-item-${LAMBDA}`).dragTo(canvas, {
    targetPosition: { x: box.width * 0.4, y: Math.min(api.y - box.y + api.height + 120, box.height - 60) },
  });
  const fn = page.getByTestId('node-Function');
  await expect(fn).toBeVisible();

  // Connect Api -> Function by dragging between the handles.
  await connect(page, page.getByTestId('handle-Api-out'), page.getByTestId('handle-Function-in'));
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  // Limit the function to 5 concurrent executions in the inspector; 300 requests/s of ~100 ms need ~30.
  await fn.click();
  const reserved = page.getByTestId('field-properties.ReservedConcurrentExecutions');
  await reserved.fill('5');
  await expect(page.getByTestId('field-error-properties.ReservedConcurrentExecutions')).toHaveCount(0);

  // Bad input: a message at the field, and the run below still uses 5 (it never reached the engine).
  await reserved.fill('-3');
  await expect(page.getByTestId('field-error-properties.ReservedConcurrentExecutions')).toBeVisible();
  await expect(page.getByTestId('field-error-properties.ReservedConcurrentExecutions')).toContainText(/0\.\.|whole number|at least/);
  await expect(page.getByTestId('field-error-properties.ReservedConcurrentExecutions')).toContainText('; still using 5');
  await reserved.fill('5');
  await expect(page.getByTestId('field-error-properties.ReservedConcurrentExecutions')).toHaveCount(0);

  // Run at 10x: the charts move and throttles appear.
  await page.getByTestId('run-speed').selectOption('10');
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', 'running');
  const requests = page.getByTestId('chart-h:requests');
  await expect.poll(async () => (await chartState(requests)).points).toBeGreaterThan(2);
  const first = await chartState(requests);
  await expect.poll(async () => (await chartState(requests)).points).toBeGreaterThan(first.points);
  await expect.poll(async () => (await chartState(page.getByTestId('chart-h:throttles'))).max).toBeGreaterThan(0);
  await expect(fn).toHaveAttribute('data-status', 'throttling');
  // Edges show the flow: 300 requests/s from the constant client (rate over the last 2 simulated s).
  await expect(page.getByTestId('edge-label-0')).toHaveText('300/s');
  await expect(page.getByTestId('figure-Function-ConcurrentExecutions')).toContainText('/5');
  // The function's own charts, with its reserved-concurrency limit line.
  await expect(page.getByTestId('chart-Function:ConcurrentExecutions')).toBeVisible();
  await expect(page.getByTestId('chart-Function:ConcurrentExecutions').locator('.u-legend')).toContainText('limit');
  await screenshot(page, 'build-running-light');
  await setTheme(page, 'dark');
  await screenshot(page, 'build-running-dark'); // taken with transitions finished (animations: 'disabled')
  await setTheme(page, 'light');

  // A live edit while running: more concurrency, applied without a restart.
  const before = Number(await page.getByTestId('run-clock').getAttribute('data-seconds'));
  await reserved.fill('50');
  await expect(page.getByTestId('run-message')).toContainText('Applied live: Function');
  expect(Number(await page.getByTestId('run-clock').getAttribute('data-seconds'))).toBeGreaterThanOrEqual(before);
  await expect(page.getByTestId('figure-Function-ConcurrentExecutions')).toContainText('/50');
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', 'paused');

  // Undo, from the keyboard with the canvas focused. Only keystrokes in one field within a second of each
  // other merge, so undo after "50" goes back to the 5 set before the run; a second undo to "not set".
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await fn.click();
  await expect(page.getByTestId('field-properties.ReservedConcurrentExecutions')).toHaveValue('5');
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await fn.click();
  await expect(page.getByTestId('field-properties.ReservedConcurrentExecutions')).toHaveValue('');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);

  // Reload at once: the work is intact (autosave, its pending save flushed as the page unloads): the dragged
  // function, both edges, the undone field.
  await page.reload();
  await expect(page.getByTestId('node-Function')).toBeVisible();
  await expect(page.locator('[data-testid^="node-"]')).toHaveCount(3);
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await page.getByTestId('node-Function').click();
  await expect(page.getByTestId('field-properties.ReservedConcurrentExecutions')).toHaveValue('');
});

test('a refused connection says why', async ({ page }) => {
  await openWith(page, {
    name: 'E2E: refused',
    nodes: [
      { id: 'Api', type: 'AWS::ApiGateway::RestApi', position: { x: 0, y: 100 } },
      { id: 'Other', type: 'AWS::ApiGateway::RestApi', position: { x: 320, y: 100 } },
    ],
    edges: [],
  });
  await connect(page, page.getByTestId('handle-Api-out'), page.getByTestId('handle-Other-in'));
  await expect(page.getByTestId('connection-refused')).toContainText("An API Gateway (REST) can't send to an API Gateway (REST). From an API Gateway (REST) you can connect to a Lambda function");
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
});

test('a connection released on a node\'s body, away from its handle, connects to that node or says why not', async ({ page }) => {
  await openWith(page, {
    name: 'E2E: drop on the body',
    nodes: [
      { id: 'Users', type: 'Client', position: { x: 0, y: 100 } },
      { id: 'Api', type: 'AWS::ApiGateway::RestApi', position: { x: 320, y: 100 } },
      { id: 'Fn', type: LAMBDA, position: { x: 640, y: 100 } },
    ],
    edges: [{ from: 'Users', to: 'Api' }],
  });
  await connect(page, page.getByTestId('handle-Api-out'), page.getByTestId('node-Fn').getByText('Lambda function'));
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await expect(page.getByTestId('inspector-edge')).toBeVisible();
  // A Client takes no connections: released on its body, the refusal says so where the pointer is.
  await connect(page, page.getByTestId('handle-Fn-out'), page.getByTestId('node-Users').getByText('Client', { exact: true }));
  await expect(page.getByTestId('connection-refused')).toBeVisible();
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
});

test('an invalid scenario is not run, and the run controls say which field', async ({ page }) => {
  await openWith(page, {
    name: 'E2E: invalid',
    nodes: [
      { id: 'Users', type: 'Client', position: { x: 0, y: 100 }, properties: { pattern: 'constant', ratePerSecond: 10 } },
      { id: 'Fn', type: LAMBDA, position: { x: 320, y: 100 }, properties: { Timeout: 5000 } },
    ],
    edges: [{ from: 'Users', to: 'Fn' }],
  });
  await expect(page).toHaveTitle('E2E: invalid · Serverless Playground');
  // The function is panned out of view: Show brings it back.
  await panBy(page, -700, 0);
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  expect((await page.getByTestId('node-Fn').boundingBox())!.x + 100).toBeLessThan(canvas.x);
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-message')).toContainText('Cannot run: Fn › Timeout: ');
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', 'idle');
  // The message lies over the canvas, never over the inspector it sends the user to.
  const message = await page.getByTestId('run-message').boundingBox();
  const inspector = await page.getByRole('complementary', { name: 'Inspector' }).boundingBox();
  expect(message!.x + message!.width).toBeLessThanOrEqual(inspector!.x);
  // Show opens the field, and the inspector says it there, not only in the list at the top of the panel.
  await page.getByTestId('run-message-show').click();
  await expect(page.getByTestId('field-properties.Timeout')).toBeFocused();
  await expect
    .poll(async () => {
      const fn = (await page.getByTestId('node-Fn').boundingBox())!;
      const view = (await page.getByTestId('canvas').boundingBox())!;
      return fn.x >= view.x && fn.x + fn.width <= view.x + view.width;
    })
    .toBe(true);
  await expect(page.getByTestId('field-error-properties.Timeout')).toContainText('900');
  await expect(page.getByTestId('field-properties.Timeout')).toHaveAttribute('aria-invalid', 'true');
  // Mended before any run, the refusal goes by itself.
  await page.getByTestId('field-properties.Timeout').fill('30');
  await page.getByTestId('field-properties.Timeout').press('Tab');
  await expect(page.getByTestId('run-message')).toHaveCount(0);
  // At a projector's width every field's range and default show whole (wrapped between them if need be, not cut).
  await page.setViewportSize({ width: 1280, height: 720 });
  const cut = await page.getByTestId('field-hint').evaluateAll((els) =>
    (els as unknown as { scrollWidth: number; clientWidth: number; textContent: string | null; getBoundingClientRect(): { right: number } }[])
      .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.getBoundingClientRect().right > 1280)
      .map((el) => el.textContent),
  );
  expect(cut).toEqual([]);
});

for (const theme of ['light', 'dark'] as const) {
  test(`screenshots of the main screens (${theme})`, async ({ page }) => {
    await openWith(page, {
      name: 'Throttled API',
      durationSeconds: 300,
      nodes: [
        { id: 'Users', type: 'Client', position: { x: 0, y: 120 }, properties: { pattern: 'poisson', ratePerSecond: 500 } },
        { id: 'SearchApi', type: 'AWS::ApiGateway::RestApi', position: { x: 300, y: 120 } },
        { id: 'Search', type: LAMBDA, position: { x: 600, y: 120 }, properties: { ReservedConcurrentExecutions: 20 } },
      ],
      edges: [
        { from: 'Users', to: 'SearchApi' },
        { from: 'SearchApi', to: 'Search' },
      ],
    });
    await setTheme(page, theme);
    await screenshot(page, `editor-${theme}`, { curated: true });
    await page.getByTestId('node-Search').click();
    await page.getByTestId('run-speed').selectOption('max');
    await page.getByTestId('run-toggle').click();
    await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    await expect.poll(async () => (await chartState(page.getByTestId('chart-h:throttles'))).max).toBeGreaterThan(0);
    await screenshot(page, `running-${theme}`, { curated: true });
    // The charts panel made taller, scrolled to the selected function's own charts.
    const splitter = page.getByTestId('panel-splitter');
    await splitter.focus();
    for (let i = 0; i < 12; i++) await splitter.press('ArrowUp');
    const own = page.getByTestId('chart-Search:ConcurrentExecutions');
    await own.scrollIntoViewIfNeeded();
    await expect(own.locator('.u-legend')).toContainText('limit');
    await page.waitForTimeout(300);
    await screenshot(page, `charts-${theme}`, { curated: true });
  });
}

test('a scenario name over the limit is refused at the field, and the name in use is kept', async ({ page }) => {
  await openWith(page, start);
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  const name = page.getByTestId('field-name');
  await name.fill('N'.repeat(250));
  await name.press('Tab');
  await expect(page.getByTestId('field-error-name')).toContainText('at most 200 characters (this one has 250)');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('scenario-name')).toHaveText('E2E: API under load');
  await name.fill('N'.repeat(200));
  await name.press('Tab');
  await expect(page.getByTestId('field-error-name')).toHaveCount(0);
  await expect(page.getByTestId('scenario-name')).toHaveText('N'.repeat(200));
});

test('a service dropped at the very edge of the canvas lands wholly in view', async ({ page }) => {
  await openWith(page, start);
  const canvas = page.getByTestId('canvas');
  await page.getByTestId(`palette-item-${LAMBDA}`).dragTo(canvas, { targetPosition: { x: 4, y: 4 } });
  const fn = page.getByTestId('node-Function');
  await expect(fn).toBeVisible();
  const box = (await canvas.boundingBox())!;
  const node = (await fn.boundingBox())!;
  expect(node.x).toBeGreaterThanOrEqual(box.x);
  expect(node.y).toBeGreaterThanOrEqual(box.y);
  expect(node.x + node.width).toBeLessThanOrEqual(box.x + box.width);
});
