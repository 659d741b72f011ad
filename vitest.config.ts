import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // test/browser and test/package have their own configs (npm run test:browser, test:package).
    exclude: ['test/browser/**', 'test/package/**'],
    // Builds dist/ if it is missing; one temporary directory for the run, removed at its end.
    globalSetup: ['test/global-setup.ts'],
    // The default reporter, then the skipped tests with their reasons.
    reporters: ['default', './test/skipped-reporter.ts'],
    testTimeout: 30_000,
    pool: 'forks',
    // vitest's default (cores - 1) is one worker on a 2-core machine, where two finish the run
    // ~15-20% sooner (npm test measured on the project's 2-vCPU machine at load 4-6: 63-72 s, not 78-82 s).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
