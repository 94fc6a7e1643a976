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

/** Chart titles cut off (wider than their room) or covered by something else. */
async function hiddenChartTitles(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const out = [];
    for (const t of document.querySelectorAll('[data-testid="chart-title"]')) {
      const r = t.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) { out.push(t.textContent + ' (not shown)'); continue; }
      if (t.scrollWidth > t.clientWidth + 1 || t.scrollHeight > t.clientHeight + 1) out.push(t.textContent + ' (cut off)');
      const top = document.elementFromPoint(r.x + Math.min(8, r.width / 2), r.y + r.height / 2);
      if (r.bottom <= innerHeight && top && !t.contains(top)) out.push(t.textContent + ' (covered)');
    }
    return out;
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
    await expect(page.locator('.live-chart:not(:has(.uplot))')).toHaveCount(0);
    problems.push(...(await hiddenChartTitles(page)).map((t) => `${file}: whole-system chart ${t}`));
    titles += await page.getByTestId('chart-title').count();
    const canvas = (await page.getByTestId('canvas').boundingBox())!;
    for (const node of await page.locator('.react-flow__node').all()) {
      const b = await node.boundingBox();
      if (!b || b.x < canvas.x || b.x + b.width > canvas.x + canvas.width || b.y < canvas.y || b.y + 40 > canvas.y + canvas.height) continue;
      const kind = (await node.locator('.service-node__kind').textContent()) ?? '';
      if (kinds.has(kind)) continue;
      kinds.add(kind);
      await page.mouse.click(b.x + b.width / 2, b.y + 20);
      // The node's charts mount a few per frame, each growing its figure by a legend: read the titles once all are.
      await expect(node).toHaveClass(/\bselected\b/);
      await expect(page.locator('.live-chart:not(:has(.uplot))')).toHaveCount(0);
      const id = await node.getAttribute('data-id');
      problems.push(...(await hiddenChartTitles(page)).map((t) => `${file}: ${id}'s chart ${t}`));
      titles += await page.getByTestId('chart-title').count();
    }
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  }
  expect(problems).toEqual([]);
  expect(labels).toBeGreaterThan(20);
  expect(titles).toBeGreaterThan(50);
  expect(kinds.size).toBeGreaterThanOrEqual(8); // Client, API, Lambda, SQS, SNS, EventBridge bus and schedule, Kinesis
});
