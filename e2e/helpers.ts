import { copyFileSync, mkdirSync } from 'node:fs';
import { expect, type Locator, type Page } from '@playwright/test';

export const AUTOSAVE_KEY = 'serverless-playground/autosave/v1';
/** Every run writes its screenshots here (git-ignored, cleared by Playwright at the start of a run). */
export const SCREENSHOTS = 'test-results/screenshots';
/** The curated copies the README shows; refreshed only with DOCS_SCREENSHOTS=1. */
export const DOCS_SCREENSHOTS = 'docs/screenshots';

/**
 * With SCREENSHOTS=1 saves a screenshot of the page as test-results/screenshots/NAME.png (to look at the UI
 * after a change); with `curated` and DOCS_SCREENSHOTS=1, also as docs/screenshots/NAME.png for the README.
 * Without either, nothing: encoding some seventy full-page PNGs in software rendering slowed every CI run.
 */
export async function screenshot(page: Page, name: string, options: { curated?: boolean } = {}) {
  // Settle colour transitions (a theme switch, Run turning back from Pause) and take the pointer off buttons.
  await page.mouse.move(0, 0);
  const docs = options.curated === true && process.env.DOCS_SCREENSHOTS === '1';
  if (process.env.SCREENSHOTS !== '1' && !docs) return;
  const path = `${SCREENSHOTS}/${name}.png`;
  await page.screenshot({ path, animations: 'disabled' });
  if (docs) {
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    copyFileSync(path, `${DOCS_SCREENSHOTS}/${name}.png`);
  }
}

export interface SeedNode {
  id: string;
  type: string;
  position: { x: number; y: number };
  properties?: Record<string, unknown>;
  behaviour?: Record<string, unknown>;
}

/** Clients -> API Gateway -> a function reserved at 3: a small scenario that runs and throttles. */
export function throttledApi(name: string) {
  return {
    name,
    durationSeconds: 60,
    nodes: [
      { id: 'Users', type: 'Client', position: { x: 0, y: 100 }, properties: { pattern: 'poisson', ratePerSecond: 80 } },
      { id: 'Api', type: 'AWS::ApiGateway::RestApi', position: { x: 320, y: 100 } },
      { id: 'Fn', type: 'AWS::Lambda::Function', position: { x: 640, y: 100 }, properties: { ReservedConcurrentExecutions: 3 } },
    ],
    edges: [
      { from: 'Users', to: 'Api' },
      { from: 'Api', to: 'Fn' },
    ],
  };
}

/**
 * Opens the app with `doc` as the autosaved work, once per tab: a reload keeps whatever the app saved
 * since, which is what the "reload and find the work intact" step checks.
 */
export async function openWith(page: Page, doc: { name: string; durationSeconds?: number; nodes: SeedNode[]; edges: { from: string; to: string }[] }) {
  const saved = JSON.stringify({ savedAt: Date.now(), doc: { format: 'serverless-playground/scenario', version: 1, seed: 7, ...doc } });
  await page.addInitScript(
    ([key, value]) => {
      if (sessionStorage.getItem('e2e-seeded')) return;
      localStorage.setItem(key, value);
      localStorage.setItem('serverless-playground/theme', 'light');
      sessionStorage.setItem('e2e-seeded', '1');
    },
    [AUTOSAVE_KEY, saved],
  );
  await page.goto('/');
  await expect(page.locator('.react-flow__pane')).toBeVisible();
}

/** Drags from one handle to another with real mouse moves (React Flow listens to pointer events). */
export async function connect(page: Page, from: Locator, to: Locator) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 10, { steps: 8 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

/** A chart's number of periods drawn and its largest value (published by LiveChart on its element). */
export async function chartState(chart: Locator): Promise<{ points: number; max: number }> {
  return {
    points: Number((await chart.getAttribute('data-points')) ?? 0),
    max: Number((await chart.getAttribute('data-max')) ?? 0),
  };
}

export async function setTheme(page: Page, theme: 'light' | 'dark') {
  const isDark = /\bdark\b/.test((await page.locator('html').getAttribute('class')) ?? '');
  if (isDark !== (theme === 'dark')) await page.getByRole('button', { name: 'Toggle dark theme' }).click();
  await expect(page.locator('html')).toHaveClass(theme === 'dark' ? /dark/ : /^(?!.*dark).*$/);
}

/**
 * Waits until the canvas has stopped moving after an action that fits it (zoom to fit, opening a diagram, a
 * panel opening or closing): a fit animates for 250 ms (Canvas.tsx), so wait past that, then until the
 * viewport's transform is the same on two animation frames in a row. Unlike a fixed sleep this holds on a busy
 * machine, where the animation's frames come late.
 */
export async function viewportSettled(page: Page) {
  await page.evaluate(`new Promise((resolve) => setTimeout(() => {
    const transform = () => document.querySelector('.react-flow__viewport').style.transform;
    let last = transform();
    const frame = () => requestAnimationFrame(() => {
      const now = transform();
      if (now === last) resolve();
      else { last = now; frame(); }
    });
    frame();
  }, 300))`);
}

/**
 * Pauses the run if it still runs, and waits until it is paused or done. Checked and clicked in one task in the
 * page: read here and clicked in a second step, a run that ended in between was started again by the click (the
 * Run/Pause button turns from Pause to Run when a run ends, and acts on what it shows).
 */
export async function pauseIfRunning(page: Page) {
  await page.evaluate(`document.querySelector('[data-testid="run-clock"][data-status="running"]') && document.querySelector('[data-testid="run-toggle"]').click()`);
  await expect(page.getByTestId('run-clock')).toHaveAttribute('data-status', /^(paused|done)$/);
}

/**
 * Drags the canvas by (dx, dy) with the mouse, from a point of empty canvas (a node there would move instead).
 * First it waits for the canvas to stop moving, as a user would: a drag stops a fit that is still animating (one
 * starts as an example opens), which would leave the view short of where the fit and the drag take it.
 */
export async function panBy(page: Page, dx: number, dy: number) {
  await viewportSettled(page);
  const from = await page.evaluate<{ x: number; y: number } | null>(`(() => {
    const r = document.querySelector('[data-testid=canvas]').getBoundingClientRect();
    for (let y = r.top + 10; y < r.bottom - 10; y += 12)
      for (let x = r.right - 10; x > r.left + 60; x -= 12)
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
    return null;
  })()`);
  expect(from, 'an empty spot on the canvas to drag').not.toBeNull();
  await page.mouse.move(from!.x, from!.y);
  await page.mouse.down();
  await page.mouse.move(from!.x + dx, from!.y + dy, { steps: 10 });
  await page.mouse.up();
}
