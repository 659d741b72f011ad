import { defineConfig } from 'vitest/config';

// `npm run test:browser`: the HTML report in a real headless Chromium (see test/browser/).
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
