import { expect, test } from '@playwright/test';
import { openWith, screenshot, throttledApi } from './helpers.ts';

const scenario = throttledApi('E2E: embedded API');

test('the embed page in a 700x450 iframe: diagram and charts, read-only, Run/Reset and a link to the playground', async ({ page, browser, baseURL }) => {
  await openWith(page, scenario);
  await expect.poll(() => page.evaluate<string>('location.hash')).toMatch(/^#s=1\./);
  const hash = await page.evaluate<string>('location.hash');

  const blog = await browser.newContext({ viewport: { width: 900, height: 600 } });
  const post = await blog.newPage();
  await post.goto(`${baseURL}/favicon-does-not-matter`).catch(() => {});
  await post.setContent(`<h1 style="font:16px sans-serif">A blog post</h1><iframe title="scenario" src="${baseURL}/?embed${hash}" width="700" height="450" style="border:1px solid #ccc"></iframe>`);
  const frame = post.frameLocator('iframe');
  await expect(frame.getByTestId('embed')).toBeVisible();
  await expect(frame.getByTestId('scenario-name')).toHaveText('E2E: embedded API');
  await expect(frame.locator('.react-flow__node')).toHaveCount(3);
  await expect(frame.getByLabel('Palette')).toHaveCount(0);
  await expect(frame.getByTestId('command-copy-link')).toHaveCount(0);
  const link = frame.getByTestId('open-in-playground');
  await expect(link).toHaveAttribute('href', `${baseURL}/${hash}`);
  await expect(link).toHaveAttribute('target', '_blank');

  // Embeds play at the watchable default (about 30 s a run, 2x here): let it move a few seconds, then pause.
  await frame.getByTestId('run-toggle').click();
  await expect(frame.getByTestId('run-clock')).toHaveAttribute('data-status', 'running');
  await expect.poll(async () => Number(await frame.getByTestId('run-clock').getAttribute('data-seconds')), { timeout: 20_000 }).toBeGreaterThan(3);
  await frame.getByTestId('run-toggle').click();
  await expect(frame.getByTestId('run-clock')).toHaveAttribute('data-status', 'paused');
  await expect(frame.locator('[data-testid^="chart-"][data-points]').first()).toBeVisible();
  // Everything fits the 700x450 frame: no scrollbars inside it.
  const iframe = await post.locator('iframe').elementHandle();
  const inner = await (await iframe.contentFrame())!.evaluate('[document.documentElement.scrollWidth, document.documentElement.scrollHeight]');
  expect(inner).toEqual([700, 450]);
  await screenshot(post, 'embed-700x450');
  // Read-only: a node does not move against the others when dragged (the view may pan), Delete removes nothing.
  // Fn is the last node, at the frame's right edge: drag it left and up, so a pan keeps it in view (and rendered).
  const fn = frame.getByTestId('node-Fn');
  const api = frame.getByTestId('node-Api');
  const gap = async () => (await fn.boundingBox())!.x - (await api.boundingBox())!.x;
  const gapBefore = await gap();
  const before = (await fn.boundingBox())!;
  await post.mouse.move(before.x + 20, before.y + 20);
  await post.mouse.down();
  await post.mouse.move(before.x - 80, before.y - 60, { steps: 5 });
  await post.mouse.up();
  expect(await gap()).toBeCloseTo(gapBefore, 0);
  await post.keyboard.press('Delete');
  await expect(frame.locator('.react-flow__node')).toHaveCount(3);

  await frame.getByTestId('run-reset').click();
  await expect(frame.getByTestId('run-clock')).toHaveAttribute('data-seconds', '0');
  // The embedding page never touched this browser's own autosave.
  expect(await blog.storageState().then((s) => s.origins.flatMap((o) => o.localStorage).filter((e) => e.name.includes('autosave')))).toEqual([]);
  await blog.close();
});

test('an embedded lesson link shows the lesson\'s starting scenario, read-only', async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 500 });
  await page.goto('/?embed#lesson=cold-starts');
  await expect(page.getByTestId('embed')).toBeVisible();
  await expect(page.getByTestId('scenario-name')).toHaveText('Lesson: cold starts vs provisioned concurrency');
  await expect(page.getByTestId('notice')).toHaveCount(0);
  // Nothing in an embed is selected by a click, so the charts' placeholder does not ask for one.
  await expect(page.getByTestId('dashboard-empty')).toContainText('to see live metrics.');
  await expect(page.getByTestId('dashboard-empty')).not.toContainText('Select a node');

  // In a phone-wide frame the header still fits: the name keeps some room, nothing runs off the right edge.
  await page.setViewportSize({ width: 360, height: 640 });
  await expect(page.getByTestId('open-in-playground')).toHaveText('Open ↗', { useInnerText: true });
  const header = await page.evaluate<{ overflow: number; link: number; name: number; clock: number }>(`(() => {
    const h = document.querySelector('[data-testid="embed"] header');
    const right = (id) => document.querySelector('[data-testid="' + id + '"]').getBoundingClientRect().right;
    return { overflow: h.scrollWidth - h.clientWidth, link: right('open-in-playground'), name: document.querySelector('[data-testid="scenario-name"]').getBoundingClientRect().width, clock: document.querySelector('[data-testid="run-clock"]').getBoundingClientRect().height };
  })()`);
  expect(header.overflow).toBe(0);
  expect(header.link).toBeLessThanOrEqual(360);
  expect(header.name).toBeGreaterThan(60);
  expect(header.clock).toBeLessThan(20);
});

test('Export > Embed code copies an iframe that, pasted into a page, shows the scenario read-only', async ({ page, context, browser, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openWith(page, scenario);
  await page.getByTestId('export-menu').click();
  await page.getByTestId('command-export-embed').click();
  await expect(page.getByTestId('notice')).toContainText('Embed code copied');
  const code = await page.evaluate<string>('navigator.clipboard.readText()');
  expect(code).toMatch(new RegExp(`^<iframe src="${baseURL}/\\?embed#s=1\\.[A-Za-z0-9_-]+" title="E2E: embedded API \\(serverless-playground\\)" width="800" height="500" style="border:0" loading="lazy"></iframe>$`));

  const blog = await browser.newContext({ viewport: { width: 1000, height: 700 } });
  const post = await blog.newPage();
  await post.goto(`${baseURL}/favicon-does-not-matter`).catch(() => {});
  await post.setContent(`<h1 style="font:16px sans-serif">A course page</h1>${code}`);
  const frame = post.frameLocator('iframe');
  await expect(frame.getByTestId('embed')).toBeVisible();
  await expect(frame.getByTestId('scenario-name')).toHaveText('E2E: embedded API');
  await expect(frame.locator('.react-flow__node')).toHaveCount(3);
  await blog.close();
});
