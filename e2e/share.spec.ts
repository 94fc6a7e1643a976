import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { AUTOSAVE_KEY, openWith, screenshot, throttledApi } from './helpers.ts';

const scenario = throttledApi('E2E: shared API');

/** Runs to the end as fast as possible; returns every node figure, and every chart's periods and largest value. */
async function runToEnd(page: Page): Promise<Record<string, string>> {
  await page.getByTestId('run-speed').selectOption('max');
  await page.getByTestId('run-toggle').click();
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(page.locator('[data-testid^="chart-"][data-points]').first()).toBeVisible();
  await page.waitForTimeout(600); // node figures refresh at most 4 times a second
  // All at once, in the page: one round trip instead of three per figure and chart (seconds on a busy machine).
  return inPage<Record<string, string>>(
    page,
    `(() => {
      const out = {};
      for (const figure of document.querySelectorAll('[data-testid^="figure-"]')) out[figure.dataset.testid] = figure.textContent;
      for (const chart of document.querySelectorAll('[data-testid^="chart-"][data-points]')) out[chart.dataset.testid] = chart.dataset.points + '/' + chart.dataset.max;
      return out;
    })()`,
  );
}

/** Runs `expression` in the page (a string: the e2e project is typed for Node, not the DOM). */
function inPage<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate<T>(expression);
}

interface SavedDoc {
  nodes: unknown[];
  edges: { id: string }[];
}

async function savedDoc(page: Page): Promise<SavedDoc> {
  const text = await page.evaluate((k) => localStorage.getItem(k), AUTOSAVE_KEY);
  return (JSON.parse(text ?? 'null') as { doc: SavedDoc } | null)?.doc as SavedDoc;
}

test('a copied link opens the same scenario in a fresh browser, and the same seed gives the same figures', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openWith(page, scenario);
  await page.getByTestId('node-Fn').click();
  await page.getByTestId('command-copy-link').click();
  await expect(page.getByTestId('notice')).toContainText('Link copied');
  const link = await inPage<string>(page, 'navigator.clipboard.readText()');
  expect(link).toMatch(/^http:\/\/localhost:\d+\/#s=1\.[A-Za-z0-9_-]+$/);
  // The address bar holds the same link, kept current as the user edits.
  await expect.poll(() => inPage<string>(page, 'location.href')).toBe(link);
  await screenshot(page, 'share-copied');
  const here = await runToEnd(page);

  const fresh = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByTestId('scenario-name')).toHaveText('E2E: shared API');
  await expect(other.getByTestId('notice')).toContainText('Opened the shared scenario "E2E: shared API"');
  await expect(other.getByTestId('inspector-node')).toBeVisible(); // the sharer's selected node
  const there = await runToEnd(other);
  expect(Object.keys(there).length).toBeGreaterThan(3);
  expect(there).toEqual(here);
  await fresh.close();
});

test('a damaged link says what is wrong and leaves the autosaved work untouched', async ({ page }) => {
  await openWith(page, scenario);
  // The address bar gets the scenario's link once its debounce has run (late on a busy machine: wait for it).
  await expect.poll(() => inPage<string>(page, 'location.hash')).toMatch(/^#s=1\./);
  const before = await savedDoc(page);
  const good = await inPage<string>(page, 'location.hash');
  await page.goto('about:blank');
  await page.goto(`/${good.slice(0, -25)}`);
  await expect(page.getByTestId('notice')).toContainText('This link could not be opened: the link is damaged');
  await expect(page.getByTestId('notice')).toContainText('Your own work is open instead, unchanged.');
  await expect(page.getByTestId('scenario-name')).toHaveText('E2E: shared API');
  await page.waitForTimeout(700);
  expect(await savedDoc(page)).toEqual(before);
  await screenshot(page, 'share-damaged-link');
});

test('names from a link are shown as text, never run as markup', async ({ page, browser }) => {
  await openWith(page, { ...scenario, name: '<img src=x onerror="window.__pwned=1">Evil' });
  await expect.poll(() => inPage<string>(page, 'location.hash')).toMatch(/^#s=1\./);
  const hash = await inPage<string>(page, 'location.hash');
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(`/${hash}`);
  await expect(other.getByTestId('scenario-name')).toHaveText('<img src=x onerror="window.__pwned=1">Evil');
  expect(await inPage<unknown>(other, 'window.__pwned')).toBeUndefined();
  expect(await other.locator('img[src="x"]').count()).toBe(0);
  await fresh.close();
});

test('export then import gives the identical file; a file dropped on the canvas opens', async ({ page }) => {
  await openWith(page, scenario);
  const exportOnce = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('command-export').click()]);
    return readFileSync((await download.path()), 'utf8');
  };
  const exported = await exportOnce();
  expect((JSON.parse(exported) as SavedDoc).edges.map((e) => e.id)).toEqual(['e1', 'e2']);
  await page.getByTestId('command-new-scenario').click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('command-import').click()]);
  await chooser.setFiles({ name: 'exported.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(page.getByTestId('notice')).toHaveText(/^Opened E2E: shared API/);
  expect(await exportOnce()).toBe(exported);

  const dropped = JSON.stringify({ ...JSON.parse(exported), name: 'Dropped on the canvas' });
  const dataTransfer = await page.evaluateHandle(
    `(() => { const dt = new DataTransfer(); dt.items.add(new File([${JSON.stringify(dropped)}], 'dropped.json', { type: 'application/json' })); return dt; })()`,
  );
  await page.dispatchEvent('[data-testid="canvas"]', 'dragover', { dataTransfer });
  await page.dispatchEvent('[data-testid="canvas"]', 'drop', { dataTransfer });
  await expect(page.getByTestId('scenario-name')).toHaveText('Dropped on the canvas');
  await expect(page.locator('.react-flow__node')).toHaveCount(3);
});

test('a second tab saving different work is noticed, and the user chooses which version to keep', async ({ page, context }) => {
  await openWith(page, scenario);
  const second = await context.newPage();
  await second.goto('/');
  await expect(second.getByTestId('scenario-name')).toHaveText('E2E: shared API');
  await second.getByTestId('node-Api').click();
  await second.keyboard.press('Delete');
  await expect(second.locator('.react-flow__node')).toHaveCount(2);

  await expect(page.getByTestId('autosave-banner')).toContainText('Another tab saved different work');
  await screenshot(page, 'autosave-conflict');
  await page.getByTestId('autosave-keep-mine').click();
  await expect(page.getByTestId('autosave-banner')).toHaveCount(0);
  expect((await savedDoc(page)).nodes).toHaveLength(3);
  // Now the second tab is told, and can take the first tab's version.
  await expect(second.getByTestId('autosave-banner')).toBeVisible();
  await second.getByTestId('autosave-use-theirs').click();
  await expect(second.locator('.react-flow__node')).toHaveCount(3);
});

test('a full storage is reported instead of silently losing edits', async ({ page }) => {
  await page.addInitScript((key) => {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called back with .call(this) below
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (this: Storage, k: string, v: string) {
      if (k === key && sessionStorage.getItem('e2e-full') === '1') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return setItem.call(this, k, v);
    };
  }, AUTOSAVE_KEY);
  await openWith(page, scenario);
  await page.evaluate(() => sessionStorage.setItem('e2e-full', '1'));
  await page.getByTestId('node-Api').click();
  await page.keyboard.press('Delete');
  await expect(page.getByTestId('autosave-banner')).toContainText("Autosave failed: this browser's storage for the playground is full");
});

test('a link pasted into the address bar of an open tab opens there, one undo from the work it replaced', async ({ page }) => {
  await openWith(page, scenario);
  await expect.poll(() => inPage<string>(page, 'location.hash')).toMatch(/^#s=1\./);
  const shared = await inPage<string>(page, 'location.hash');
  await page.getByTestId('examples-open').click();
  await page.getByRole('dialog', { name: 'Examples' }).getByTestId('example-spike.json').click();
  const own = (await page.getByTestId('scenario-name').textContent()) ?? '';
  expect(own).not.toBe('E2E: shared API');
  await expect.poll(() => inPage<string>(page, 'location.hash')).not.toBe(shared);
  // Pasting changes only the fragment: no reload, a hashchange (an earlier link of this very tab, as a teacher's
  // copied link would be).
  await inPage(page, `location.hash = ${JSON.stringify(shared)}`);
  await expect(page.getByTestId('scenario-name')).toHaveText('E2E: shared API');
  await expect(page.getByTestId('notice')).toContainText('Opened the shared scenario "E2E: shared API"; undo brings your own work back');
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('scenario-name')).toHaveText(own);

  await inPage(page, `location.hash = '#s=1.AAAA'`);
  await expect(page.getByTestId('notice')).toContainText('This link could not be opened');
  await expect(page.getByTestId('scenario-name')).toHaveText(own);
});
