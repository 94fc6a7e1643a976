import { defineConfig } from 'vitest/config';
import './scripts/node20-polyfills.ts';

/** Files that mock modules (vi.mock) need a module graph of their own; every other file shares one per worker. */
const MOCKING = ['src/store/simulationSlice.test.ts', 'src/worker/engineRunner.test.ts'];
const common = { environment: 'node' as const, testTimeout: 60_000, setupFiles: ['src/sim/testSetup.ts'] };

export default defineConfig({
  test: {
    projects: [
      // Sharing modules halves the suite's time: each file no longer loads every service model again.
      { test: { ...common, name: 'shared', include: ['src/**/*.test.ts', 'bench/**/*.test.ts'], exclude: MOCKING, isolate: false } },
      { test: { ...common, name: 'isolated', include: MOCKING } },
    ],
  },
});
