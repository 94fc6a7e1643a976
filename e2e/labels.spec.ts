import { readdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { openWith, pauseIfRunning, screenshot, viewportSettled } from './helpers.ts';

/**
 * Issue 10: "No clipped figures, chart titles or edge labels hidden under nodes". Every example, run, at
 * 1280x720 (the smallest projector): after zoom to fit no edge label's box meets a node's box, every label hides
 * the edge under it (an opaque background, so a dashed line never runs into its text), and every chart title (the
 * whole system's and each node's) is shown whole.
 */
const EXAMPLE_FILES = readdirSync('examples').filter((f) => f.endsWith('.json')).sort();

type Box = { x: number; y: number; width: number; height: number; name: string; opaque?: boolean };

/** The boxes of the rendered edge labels (and whether their background hides the edge under them) and nodes, on screen. */
async function labelAndNodeBoxes(page: Page): Promise<{ labels: Box[]; nodes: Box[] }> {
  return page.evaluate(`(() => {
    const box = (e, name) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height, name }; };
    const opaque = (e) => { const c = getComputedStyle(e).backgroundColor; const a = c.match(/\\/\\s*([\\d.]+)\\s*\\)$/) ?? c.match(/^rgba\\(.*,\\s*([\\d.]+)\\)$/); return !a || parseFloat(a[1]) >= 1; };
    return {
      labels: [...document.querySelectorAll('[data-testid^="edge-label-"]')].map((e) => ({ ...box(e, e.textContent), opaque: opaque(e) })),
      nodes: [...document.querySelectorAll('.react-flow__node')].map((e) => box(e, e.getAttribute('data-id'))),
    };
  })()`);
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** How many chart titles there are, and those cut off (wider than their room) or covered by something else. */
async function chartTitles(page: Page): Promise<{ count: number; hidden: string[] }> {
  return page.evaluate(`(() => {
    const all = document.querySelectorAll('[data-testid="chart-title"]');
    const hidden = [];
    for (const t of all) {
      const r = t.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) { hidden.push(t.textContent + ' (not shown)'); continue; }
      if (t.scrollWidth > t.clientWidth + 1 || t.scrollHeight > t.clientHeight + 1) hidden.push(t.textContent + ' (cut off)');
      const top = document.elementFromPoint(r.x + Math.min(8, r.width / 2), r.y + r.height / 2);
      if (r.bottom <= innerHeight && top && !t.contains(top)) hidden.push(t.textContent + ' (covered)');
    }
    return { count: all.length, hidden };
  })()`);
}

/** The nodes wholly inside the canvas (their caption row at least), with their kind and a point on their caption to click. */
async function nodesInCanvas(page: Page): Promise<{ id: string; kind: string; x: number; y: number }[]> {
  return page.evaluate(`(() => {
    const c = document.querySelector('[data-testid="canvas"]').getBoundingClientRect();
    return [...document.querySelectorAll('.react-flow__node')].flatMap((n) => {
      const b = n.getBoundingClientRect();
      if (b.x < c.x || b.x + b.width > c.x + c.width || b.y < c.y || b.y + 40 > c.y + c.height) return [];
      return [{ id: n.getAttribute('data-id'), kind: n.querySelector('.service-node__kind')?.textContent ?? '', x: b.x + b.width / 2, y: b.y + 20 }];
    });
  })()`);
}

test('on every example, edge labels stay clear of nodes and hide their edge after zoom to fit, and chart titles show whole (1280x720)', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openWith(page, { name: 'Start', nodes: [], edges: [] });
  let labels = 0;
  let titles = 0;
  const problems: string[] = [];
  const kinds = new Set<string>();
  for (const file of EXAMPLE_FILES) {
    await page.getByTestId('examples-open').click();
    await page.getByTestId(`example-${file}`).click();
    await expect(page.getByTestId('examples-dialog')).toHaveCount(0);
    await page.getByTestId('run-speed').selectOption('max');
    await page.getByTestId('run-toggle').click();
    // A few simulated seconds give every busy edge a rate label; paused, the figures hold still.
    await expect.poll(async () => Number(await page.getByTestId('run-clock').getAttribute('data-seconds')), { timeout: 30_000 }).toBeGreaterThan(5);
    await pauseIfRunning(page);

    for (const panels of ['open', 'collapsed'] as const) {
      if (panels === 'collapsed') {
        await page.keyboard.press('[');
        await page.keyboard.press(']');
      }
      await page.getByTestId('command-zoom-to-fit').click();
      await viewportSettled(page);
      const boxes = await labelAndNodeBoxes(page);
      for (const label of boxes.labels) {
        if (!label.opaque) problems.push(`${file} (panels ${panels}): label "${label.name}" lets its edge show through`);
        for (const node of boxes.nodes) if (overlaps(label, node)) problems.push(`${file} (panels ${panels}): label "${label.name}" under node ${node.name}`);
      }
      labels += boxes.labels.length;
    }
    if (file === 'sns-fanout.json') await screenshot(page, 'labels-sns-fanout-collapsed-1280x720');
    await page.keyboard.press('[');
    await page.keyboard.press(']');
    // The narrower canvas fits the diagram again: read where the nodes are once it has.
    await viewportSettled(page);

    // The whole system's charts, then each kind's (a node of each kind not seen yet, clicked where it is in view).
    // Nodes and titles are read a call at a time, not a call per node: round trips are what this long test spends.
    await expect(page.locator('.live-chart:not(:has(.uplot))')).toHaveCount(0);
    const system = await chartTitles(page);
    problems.push(...system.hidden.map((t) => `${file}: whole-system chart ${t}`));
    titles += system.count;
    for (const node of await nodesInCanvas(page)) {
      if (kinds.has(node.kind)) continue;
      kinds.add(node.kind);
      await page.mouse.click(node.x, node.y);
      // The node's charts mount a few per frame, each growing its figure by a legend: read the titles once all are.
      await expect(page.locator(`.react-flow__node[data-id="${node.id}"]`)).toHaveClass(/\bselected\b/);
      await expect(page.locator('.live-chart:not(:has(.uplot))')).toHaveCount(0);
      const own = await chartTitles(page);
      problems.push(...own.hidden.map((t) => `${file}: ${node.id}'s chart ${t}`));
      titles += own.count;
    }
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  }
  expect(problems).toEqual([]);
  expect(labels).toBeGreaterThan(20);
  expect(titles).toBeGreaterThan(50);
  expect(kinds.size).toBeGreaterThanOrEqual(8); // Client, API, Lambda, SQS, SNS, EventBridge bus and schedule, Kinesis
});
