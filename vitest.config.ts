import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/browser/**'],
    // Builds dist/ if it is missing; one temporary directory for the run, removed at its end.
    globalSetup: ['test/global-setup.ts'],
    // The default reporter, then the skipped tests with their reasons.
    reporters: ['default', './test/skipped-reporter.ts'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
