import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests in a real Chromium against the BUILT app (`npm run test:e2e` builds first; the web
 * server is `vite preview`). Uses the system Chromium when present (CHROMIUM_PATH or /usr/bin/chromium).
 */
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
/** PREVIEW_PORT lets several checkouts run their end-to-end tests side by side without sharing a server. */
const port = Number(process.env.PREVIEW_PORT ?? 4173);
export const PREVIEW_URL = `http://localhost:${port}`;

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: PREVIEW_URL,
    viewport: { width: 1440, height: 900 },
    // Off: recording a trace of every test cost about a minute and a half of the suite's 9 minutes on this
    // 2-core machine, against CI's 10-minute limit. To debug a failure: npx playwright test --trace retain-on-failure
    trace: 'off',
    screenshot: 'only-on-failure',
    // No service worker but in e2e/offline.spec.ts: each test's fresh profile would otherwise install it and
    // precache the whole build (2.5 s of a thread) in the middle of the test, 58 times over.
    serviceWorkers: 'block',
    launchOptions: {
      ...(existsSync(chromium) ? { executablePath: chromium } : {}),
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1440, height: 900 } } }],
  webServer: {
    command: `npx vite preview --port ${port} --strictPort`,
    url: PREVIEW_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
