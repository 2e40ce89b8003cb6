import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'apps/*/test/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Two cores: database and browser tests fight for them, so keep the pool small.
    maxWorkers: 2,
    // The JSON report lets .ci/run print the closing 'N passed, N failed' line.
    reporters: ['default', 'json'],
    outputFile: { json: '.artifacts/vitest.json' },
  },
});
