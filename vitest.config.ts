import { defineConfig } from 'vitest/config';
import './scripts/node20-polyfills.ts';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    setupFiles: ['src/sim/testSetup.ts'],
  },
});
