import { defineConfig } from 'vitest/config';

// `npm run test:package`: the packed package in real consumer projects (see test/package/):
// npm pack, npm install of the tarball, require/import in Node, tsc in the consumer. It installs
// from npm's cache or the registry and takes ~30 s, so it runs in CI (.ci/run), not in `npm test`.
export default defineConfig({
  test: {
    include: ['test/package/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
  },
});
