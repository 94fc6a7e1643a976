import { expect, test, type Locator, type Page } from '@playwright/test';
import { chartState, openWith, screenshot, setTheme } from './helpers.ts';

/** Users -> API -> a function reserved at 3 (it throttles), over two minutes. */
const scenario = {
  name: 'Reserved concurrency starves an API',
  durationSeconds: 120,
  nodes: [
    { id: 'Users', type: 'Client', position: { x: 0, y: 100 }, properties: { pattern: 'poisson', ratePerSecond: 50 } },
    { id: 'Api', type: 'AWS::ApiGateway::RestApi', position: { x: 320, y: 100 } },
    { id: 'Fn', type: 'AWS::Lambda::Function', position: { x: 640, y: 100 }, properties: { ReservedConcurrentExecutions: 3 } },
  ],
  edges: [
    { from: 'Users', to: 'Api' },
    { from: 'Api', to: 'Fn' },
  ],
};

/** The font size of `el` as drawn on screen (its CSS size times the canvas zoom around it), in px. */
async function onScreenFontPx(el: Locator): Promise<number> {
  return el.evaluate((node) => {
    // Typed by hand: the e2e files are compiled without the DOM library.
    const dom = globalThis as unknown as { getComputedStyle(e: unknown): { fontSize: string; transform: string }; DOMMatrix: new (t: string) => { a: number } };
    const viewport = (node as unknown as { closest(selector: string): unknown }).closest('.react-flow__viewport');
    const scale = viewport ? new dom.DOMMatrix(dom.getComputedStyle(viewport).transform).a : 1;
    return parseFloat(dom.getComputedStyle(node).fontSize) * scale;
  });
}

/**
 * The lowest text contrast among presenter mode's texts (WCAG ratio of the text colour against the first opaque
 * background behind it), with the text that has it.
 */
async function lowestContrast(page: Page): Promise<{ ratio: number; text: string }> {
  return page.getByTestId('presenter').evaluate((root) => {
    type El = { textContent: string | null; parentElement: El | null; children: ArrayLike<El>; querySelectorAll(s: string): ArrayLike<El> };
    type Ctx = { fillStyle: string; clearRect(...n: number[]): void; fillRect(...n: number[]): void; getImageData(...n: number[]): { data: ArrayLike<number> } };
    const dom = globalThis as unknown as {
      getComputedStyle(e: El): { color: string; backgroundColor: string; display: string; visibility: string };
      document: { createElement(tag: 'canvas'): { getContext(kind: '2d', o: object): Ctx } };
    };
    // Colours come back in any CSS syntax (Tailwind's are oklch): a 1x1 canvas turns them into RGBA.
    const ctx = dom.document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    const rgba = (c: string) => {
      ctx.clearRect(0, 0, 1, 1);
      ctx.fillStyle = c;
      ctx.fillRect(0, 0, 1, 1);
      const d = ctx.getImageData(0, 0, 1, 1).data;
      return [d[0], d[1], d[2], d[3] / 255];
    };
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (e: El | null): number[] => {
      for (let x = e; x; x = x.parentElement) {
        const c = rgba(dom.getComputedStyle(x).backgroundColor);
        if (c[3] >= 0.9) return c;
      }
      return [255, 255, 255];
    };
    let worst = { ratio: Infinity, text: '' };
    for (const e of Array.from((root as unknown as El).querySelectorAll('h1, span, p, div, button, th, figcaption'))) {
      const own = Array.from(e.children).length === 0 && (e.textContent ?? '').trim() !== '';
      const style = dom.getComputedStyle(e);
      if (!own || style.display === 'none' || style.visibility === 'hidden') continue;
      const a = lum(rgba(style.color));
      const b = lum(background(e));
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < worst.ratio) worst = { ratio, text: (e.textContent ?? '').trim() };
    }
    return worst;
  });
}

async function figure(page: Page, id: string): Promise<number> {
  const text = (await page.getByTestId(id).textContent()) ?? '';
  const m = /^([\d.,]+)(k?)/.exec(text.trim());
  return m ? Number(m[1].replace(/,/g, '')) * (m[2] ? 1000 : 1) : NaN;
}

test('presenter mode at 1280x720: big type, big charts, the keyboard runs it, Esc leaves', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openWith(page, scenario);
  await expect(page.getByTestId('command-toggle-presenter')).toBeVisible();
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('p');
  const presenter = page.getByTestId('presenter');
  await expect(presenter).toBeVisible();
  await expect(page.getByLabel('Palette')).toHaveCount(0);
  await expect(page.getByTestId('run-controls')).toHaveCount(0);
  await expect(page.getByTestId('presenter-title')).toHaveText(scenario.name);

  const clock = page.getByTestId('presenter-clock');
  await page.keyboard.press('Space');
  await expect(clock).toHaveAttribute('data-status', 'running');
  const requests = page.getByTestId('chart-h:requests');
  await expect.poll(async () => (await chartState(requests)).points, { timeout: 20_000 }).toBeGreaterThan(5);
  await page.keyboard.press('Space');
  await expect(clock).toHaveAttribute('data-status', 'paused');
  const seconds = Number(await clock.getAttribute('data-seconds'));
  expect(seconds).toBeGreaterThan(0);

  // The scenario's headline charts, big: axis labels and legend at 16 px or more.
  const charts = page.getByTestId('presenter-charts').locator('.live-chart');
  await expect(charts).toHaveCount(3);
  for (const chart of await charts.all()) {
    expect(Number(await chart.getAttribute('data-axis-px'))).toBeGreaterThanOrEqual(16);
    const legend = chart.locator('.u-legend .u-series:nth-child(2) .u-label');
    expect(await onScreenFontPx(legend)).toBeGreaterThanOrEqual(16);
  }
  // Node figures at least 20 px on screen, whatever zoom the canvas fitted to.
  // A node shows two figures, and a third while it counts throttles: the throttling function's throttles/s, whole.
  for (const id of ['figure-Users-Requests', 'figure-Fn-Invocations', 'figure-Api-Count', 'figure-Fn-Throttles']) {
    const el = page.getByTestId(id);
    await expect(el).toBeVisible();
    expect(await onScreenFontPx(el), id).toBeGreaterThanOrEqual(20);
    expect(await el.evaluate((e) => (e as unknown as { scrollWidth: number; clientWidth: number }).scrollWidth <= (e as unknown as { clientWidth: number }).clientWidth), id).toBe(true);
  }
  await expect(page.getByTestId('figure-Users-Latency')).toBeHidden();
  expect((await lowestContrast(page)).ratio, JSON.stringify(await lowestContrast(page))).toBeGreaterThanOrEqual(7);
  await screenshot(page, 'presenter-light-1280x720');
  await setTheme(page, 'dark');
  expect((await lowestContrast(page)).ratio, JSON.stringify(await lowestContrast(page))).toBeGreaterThanOrEqual(7);
  await screenshot(page, 'presenter-dark-1280x720', { curated: true });
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect.poll(async () => onScreenFontPx(page.getByTestId('figure-Fn-Invocations'))).toBeGreaterThanOrEqual(20);
  await screenshot(page, 'presenter-dark-1440x900');
  await setTheme(page, 'light');
  await screenshot(page, 'presenter-light-1440x900');

  // R resets to 0 s; Esc leaves, and the shortcuts list names the keys.
  await page.keyboard.press('r');
  await expect(clock).toHaveAttribute('data-seconds', '0');
  await page.keyboard.press('Escape');
  await expect(presenter).toHaveCount(0);
  await expect(page.getByTestId('run-controls')).toBeVisible();
  await page.keyboard.press('?');
  const dialog = page.getByTestId('shortcuts-dialog');
  await expect(dialog.getByRole('row', { name: /Presenter mode\s*P/ })).toBeVisible();
  await expect(dialog.getByTestId('presenter-shortcuts')).toContainText('Run / pause');
  await page.keyboard.press('Escape');

  // The header button enters it too.
  await page.getByTestId('command-toggle-presenter').click();
  await expect(presenter).toBeVisible();
  await page.getByTestId('presenter-exit').click();
  await expect(presenter).toHaveCount(0);
});

test('the traffic multiplier changes the arrival rate while running and leaves the scenario and its undo history alone', async ({ page }) => {
  await openWith(page, { ...scenario, durationSeconds: 600, nodes: scenario.nodes.map((n) => (n.id === 'Fn' ? { ...n, properties: {} } : n)) });
  const undo = page.getByTestId('command-undo');
  await expect(undo).toBeDisabled();
  await page.getByTestId('run-speed').selectOption('1');
  await page.getByTestId('run-toggle').click();
  const clock = page.getByTestId('run-clock');
  await expect.poll(async () => Number(await clock.getAttribute('data-seconds')), { timeout: 20_000 }).toBeGreaterThan(3);
  const before = await figure(page, 'figure-Users-Requests');
  expect(before).toBeGreaterThan(25);
  expect(before).toBeLessThan(90);

  const traffic = page.getByTestId('traffic-scale');
  await traffic.selectOption('5');
  await expect(traffic).toHaveAttribute('data-scaled', 'true');
  // Arrivals a second at 5x: about 250 (Poisson), measured over the last simulated second.
  await expect.poll(async () => figure(page, 'figure-Users-Requests'), { timeout: 20_000 }).toBeGreaterThan(170);
  expect(await figure(page, 'figure-Users-Requests')).toBeLessThan(340);
  await screenshot(page, 'traffic-5x-1440x900');
  await page.setViewportSize({ width: 1280, height: 720 });
  // Nothing in the header is pushed off a 1280 px screen while running at real time with the multiplier set.
  await expect(page.getByRole('button', { name: 'Toggle dark theme' })).toBeInViewport({ ratio: 1 });
  await expect(page.getByTestId('command-toggle-presenter')).toBeInViewport({ ratio: 1 });
  // No figure is cut off at a projector's width: the account limit reads "/1k", not a clipped "/10…".
  await expect(page.getByTestId('figure-Fn-ConcurrentExecutions')).toContainText('/1k');
  type Box = { scrollWidth: number; clientWidth: number; textContent: string | null }; // no DOM library in e2e
  const clipped = await page
    .locator('.service-node__figure')
    .evaluateAll((els) => (els as unknown as Box[]).filter((el) => el.scrollWidth > el.clientWidth).map((el) => el.textContent));
  expect(clipped).toEqual([]);
  await screenshot(page, 'traffic-5x-1280x720');
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('traffic-badge')).toHaveText('5× traffic');
  await screenshot(page, 'traffic-5x-390x844');
  await page.setViewportSize({ width: 1440, height: 900 });

  await traffic.selectOption('0.1');
  await expect.poll(async () => figure(page, 'figure-Users-Requests'), { timeout: 20_000 }).toBeLessThan(20);
  await page.getByTestId('run-toggle').click();

  // The document is as it was: no undo step, and the client's rate is still 50.
  await expect(undo).toBeDisabled();
  await page.getByTestId('node-Users').click();
  await expect(page.getByTestId('field-properties.ratePerSecond')).toHaveValue('50');
});

test("a lesson's script in presenter mode: its title, its hints stepped with the arrows, its charts", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/#lesson=reserved-concurrency');
  await expect(page.getByTestId('lesson-panel').getByTestId('lesson-title')).toHaveText('Reserved concurrency protects, and starves');
  await page.keyboard.press('p');
  await expect(page.getByTestId('presenter-title')).toHaveText('Reserved concurrency protects, and starves');
  const text = page.getByTestId('presenter-step-text');
  const count = page.getByTestId('presenter-step-count');
  await expect(text).toHaveText(/^Compare Checkout's Throttles with Reports' ConcurrentExecutions/);
  await expect(count).toHaveText('1 / 3');
  expect(await onScreenFontPx(text)).toBeGreaterThanOrEqual(24);
  await page.keyboard.press('ArrowRight');
  await expect(text).toHaveText(/^Reserving 5 for Checkout makes it worse/);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight'); // past the last step: stays there
  await expect(text).toHaveText(/^Reserve enough for Checkout's peak/);
  await expect(count).toHaveText('3 / 3');
  await page.keyboard.press('ArrowLeft');
  await expect(count).toHaveText('2 / 3');

  // The lesson's three charts (Users.Throttled, Checkout and Reports ConcurrentExecutions), each found.
  await page.keyboard.press('Space');
  const charts = page.getByTestId('presenter-charts').locator('.live-chart');
  await expect(charts).toHaveCount(3);
  await expect(page.getByTestId('presenter-chart-problems')).toHaveCount(0);
  await expect(charts.nth(1)).toHaveAttribute('data-testid', /^chart-Checkout:.*ConcurrentExecutions/);
  await expect(charts.nth(2)).toHaveAttribute('data-testid', /^chart-Reports:.*ConcurrentExecutions/);
  await expect.poll(async () => (await chartState(charts.nth(1))).points, { timeout: 20_000 }).toBeGreaterThan(3);
  await page.keyboard.press('Space');
  await expect(page.getByTestId('presenter-clock')).toHaveAttribute('data-status', 'paused');
  // Four nodes in two rows above the step text still fit with 20 px figures.
  for (const id of ['figure-Checkout-Invocations', 'figure-Reports-ConcurrentExecutions', 'figure-Users-Requests']) {
    expect(await onScreenFontPx(page.getByTestId(id)), id).toBeGreaterThanOrEqual(20);
  }
  expect((await lowestContrast(page)).ratio).toBeGreaterThanOrEqual(7);
  await screenshot(page, 'presenter-lesson-light-1280x720', { curated: true });
  await setTheme(page, 'dark');
  expect((await lowestContrast(page)).ratio).toBeGreaterThanOrEqual(7);
  await screenshot(page, 'presenter-lesson-dark-1280x720');
});

test('presenter mode at 1280x720 widens a diagram into the free width, so long names show whole, and nothing moves', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  // Three columns, three rows: fitted to the canvas's height, it would leave the right third of a projector empty.
  const at = (col: number, row: number) => ({ x: col * 320, y: row * 160 });
  await openWith(page, {
    name: 'Fan-out with long names: one topic, three queues, every checkout to each',
    nodes: [
      { id: 'StoreCheckouts', type: 'Client', position: at(0, 0), properties: { pattern: 'poisson', ratePerSecond: 20 } },
      { id: 'OrderEventsTopic', type: 'AWS::SNS::Topic', position: at(1, 0) },
      { id: 'ShippingQueue', type: 'AWS::SQS::Queue', position: at(2, 0) },
      { id: 'AnalyticsQueue', type: 'AWS::SQS::Queue', position: at(2, 1) },
      { id: 'FraudChecksQueue', type: 'AWS::SQS::Queue', position: at(2, 2) },
    ],
    edges: [
      { from: 'StoreCheckouts', to: 'OrderEventsTopic' },
      { from: 'OrderEventsTopic', to: 'ShippingQueue' },
      { from: 'OrderEventsTopic', to: 'AnalyticsQueue' },
      { from: 'OrderEventsTopic', to: 'FraudChecksQueue' },
    ],
  });
  await page.keyboard.press('p');
  await expect(page.getByTestId('presenter')).toBeVisible();
  type Box = { scrollWidth: number; clientWidth: number; textContent: string | null }; // no DOM library in e2e
  const names = page.locator('.service-node__name');
  await expect(names).toHaveCount(5);
  await expect
    .poll(() => names.evaluateAll((els) => (els as unknown as Box[]).filter((el) => el.scrollWidth > el.clientWidth).map((el) => el.textContent)))
    .toEqual([]);
  // So does the scenario's long name, on two lines.
  const title = page.getByTestId('presenter-title');
  expect(
    await title.evaluate((el) => {
      const e = el as unknown as { scrollWidth: number; clientWidth: number; scrollHeight: number; clientHeight: number };
      return e.scrollWidth <= e.clientWidth + 1 && e.scrollHeight <= e.clientHeight + 1;
    }),
  ).toBe(true);
  expect((await title.boundingBox())!.height).toBeLessThanOrEqual(64);
  // Nodes are drawn wider than their usual 240 canvas px, and the diagram spans most of the canvas.
  const flowWidth = await page.locator('.react-flow__node[data-id="ShippingQueue"]').evaluate((el) => parseFloat((el as unknown as { style: { width: string } }).style.width));
  expect(flowWidth).toBeGreaterThan(300);
  const canvas = (await page.getByTestId('canvas').boundingBox())!;
  const client = (await page.getByTestId('node-StoreCheckouts').boundingBox())!;
  const shipping = (await page.getByTestId('node-ShippingQueue').boundingBox())!;
  expect(shipping.x + shipping.width - client.x).toBeGreaterThan(0.85 * canvas.width);
  // Nothing to connect: the handles' dots are hidden.
  await expect(page.getByTestId('handle-ShippingQueue-failure')).toBeHidden();
  await screenshot(page, 'presenter-wide-1280x720');

  // A drag in presenter mode moves nothing (the canvas there is for showing), and on leaving the layout is the user's.
  await page.mouse.move(shipping.x + 60, shipping.y + 20);
  await page.mouse.down();
  await page.mouse.move(shipping.x + 60, shipping.y + 220, { steps: 6 });
  await page.mouse.up();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('presenter')).toHaveCount(0);
  await expect(page.getByTestId('command-undo')).toBeDisabled();
});
