import { expect, test, type Locator, type Page } from '@playwright/test';
import { READABLE_ZOOM } from '../src/components/canvas/readableFit.ts';
import { openWith, panBy, throttledApi, viewportSettled } from './helpers.ts';

type Box = { x: number; y: number; width: number; height: number };

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (a: Box, b: Box) => a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height;

/**
 * The element's box, or null when it is not there, read in one step: the minimap unmounts as the panel grows past
 * where it fits, and a count then a boundingBox could see it and then wait for it forever (a CI timeout).
 */
async function boxOf(l: Locator): Promise<Box | null> {
  return l.evaluateAll((els) => {
    const e = els[0] as unknown as { getBoundingClientRect(): Box } | undefined;
    if (!e) return null;
    const r = e.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
}

/** The zoom controls, the minimap (when shown) and the splitter never overlap, and the overlays stay in the canvas. */
async function expectNoOverlap(page: Page) {
  const canvas = (await boxOf(page.getByTestId('canvas')))!;
  const splitter = (await boxOf(page.getByTestId('panel-splitter')))!;
  const controls = await boxOf(page.locator('.react-flow__controls'));
  const minimap = await boxOf(page.locator('.react-flow__minimap'));
  for (const overlay of [controls, minimap]) {
    if (!overlay) continue;
    expect(inside(overlay, canvas)).toBe(true);
    expect(overlaps(overlay, splitter)).toBe(false);
  }
  if (controls && minimap) expect(overlaps(controls, minimap)).toBe(false);
}

const doc = {
  name: 'Orders API: API Gateway -> Lambda',
  nodes: [
    { id: 'Users', type: 'Client', position: { x: 0, y: 100 } },
    { id: 'Fn', type: 'AWS::Lambda::Function', position: { x: 320, y: 100 } },
  ],
  edges: [{ from: 'Users', to: 'Fn' }],
};

for (const viewport of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test(`minimap, zoom controls and splitter never overlap at any panel height (${viewport.width}x${viewport.height})`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openWith(page, doc);
    await expectNoOverlap(page);
    const splitter = page.getByTestId('panel-splitter');
    await splitter.focus();
    let last = -1;
    // Grow the charts panel step by step up to its limit, checking the overlays at each height.
    for (let i = 0; i < 40; i++) {
      await splitter.press('ArrowUp');
      const now = Number(await splitter.getAttribute('aria-valuenow'));
      await expectNoOverlap(page);
      if (now === last) break;
      last = now;
    }
    // The canvas keeps room for the diagram at the largest panel.
    expect((await page.getByTestId('canvas').boundingBox())!.height).toBeGreaterThanOrEqual(190);
    await expect(page.getByTestId('node-Fn')).toBeInViewport();
    await expect(page.getByTestId('scenario-name')).toBeVisible();
    // Nothing in the header is pushed off screen, even with the longest clock text.
    await page.getByTestId('run-speed').selectOption('max');
    await page.getByTestId('run-toggle').click();
    await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', 'done');
    await expect(page.getByRole('button', { name: 'Toggle dark theme' })).toBeInViewport({ ratio: 1 });
    expect((await page.getByTestId('scenario-name').boundingBox())!.width).toBeGreaterThan(120);
  });
}

test('click-to-add never drops a node on top of another (1280x720); after zoom-to-fit the minimap covers no node', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openWith(page, doc);
  const types = ['AWS::Lambda::Function', 'AWS::SQS::Queue', 'AWS::SNS::Topic', 'AWS::DynamoDB::Table', 'AWS::Lambda::Function', 'AWS::SQS::Queue'];
  for (const type of types) await page.getByTestId(`palette-item-${type}`).click();
  const nodes = page.locator('.react-flow__node');
  await expect(nodes).toHaveCount(2 + types.length);
  const boxes = async () => (await nodes.evaluateAll((els) => els.length)) && Promise.all((await nodes.all()).map(async (n) => (await n.boundingBox())!));
  const placed = (await boxes()) as Box[];
  for (let i = 0; i < placed.length; i++)
    for (let j = i + 1; j < placed.length; j++) expect(overlaps(placed[i], placed[j]), `nodes ${i} and ${j} overlap`).toBe(false);

  // At 1280x720 with both panels open these three rows need the canvas to pan at a readable zoom (figures
  // 12 px, small-screens.spec.ts): after the fit the minimap waits, so it covers no node, and it comes back
  // as soon as the user pans.
  await page.getByTestId('command-zoom-to-fit').click();
  await viewportSettled(page);
  await expect(page.locator('.react-flow__minimap')).toHaveCount(0);
  await panBy(page, -60, 0);
  await expect(page.locator('.react-flow__minimap')).toBeVisible();

  // Where the whole diagram fits readable, the minimap stays after the fit and no node is under it.
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.getByTestId('command-zoom-to-fit').click();
  await viewportSettled(page);
  const zoom = await page.evaluate<number>('new DOMMatrix(getComputedStyle(document.querySelector(".react-flow__viewport")).transform).a');
  expect(zoom, 'the whole diagram fits at the readable zoom (11/12) or above').toBeGreaterThanOrEqual(READABLE_ZOOM - 1e-6);
  const canvas = (await boxOf(page.getByTestId('canvas')))!;
  const minimap = (await boxOf(page.locator('.react-flow__minimap')))!;
  expect(minimap).not.toBeNull();
  for (const box of (await boxes()) as Box[]) {
    expect(inside(box, canvas), 'a node outside the canvas').toBe(true);
    expect(overlaps(box, minimap), 'a node under the minimap').toBe(false);
  }
});

test("every kind's type line shows whole on its node (no ellipsis)", async ({ page }) => {
  await openWith(page, { name: 'Every kind', nodes: [], edges: [] });
  const types = await page.evaluate<string[]>(`[...document.querySelectorAll('[data-testid^="palette-item-"]')].map((e) => e.dataset.testid.slice('palette-item-'.length))`);
  expect(types.length).toBeGreaterThanOrEqual(10);
  for (const type of types) await page.getByTestId(`palette-item-${type}`).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(types.length);
  const cut = await page.evaluate<string[]>(`[...document.querySelectorAll('.service-node__kind')].filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent)`);
  expect(cut).toEqual([]);
});

/** index.css's colour of a moving edge (#0ea5e9). */
const SKY = 'rgb(14, 165, 233)';

/** Each edge's line colour and its arrowhead's fill, as computed. */
async function edgeColours(page: Page): Promise<{ line: string; arrow: string }[]> {
  return page.evaluate(`[...document.querySelectorAll('.react-flow__edge-path')].map((path) => {
    const id = path.getAttribute('marker-end').match(/url\\(#(.+)\\)/)[1];
    const arrow = document.getElementById(id).querySelector('polyline');
    return { line: getComputedStyle(path).stroke, arrow: getComputedStyle(arrow).fill };
  })`);
}

test('an arrowhead takes its edge line colour: grey when idle, sky blue while messages move, in both themes', async ({ page }) => {
  await openWith(page, throttledApi('Arrowheads'));
  for (const theme of ['light', 'dark']) {
    if (theme === 'dark') await page.getByRole('button', { name: 'Toggle dark theme' }).click();
    await page.getByTestId('run-reset').click();
    const idle = async () => (await edgeColours(page)).map((e) => (e.line === SKY ? 'moving' : e.arrow === e.line ? 'same' : `${e.line} != ${e.arrow}`));
    await expect.poll(idle, `${theme}, idle`).toEqual(['same', 'same']);
    await page.getByTestId('run-speed').selectOption('max');
    await page.getByTestId('run-toggle').click();
    await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', 'done');
    const sky = { line: SKY, arrow: SKY };
    await expect.poll(() => edgeColours(page), `${theme}, moving`).toEqual([sky, sky]);
  }
});
