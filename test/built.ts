/**
 * The build (`dist/`) that some suites test: `npm test` builds first, and test/global-setup.ts
 * builds when any of these files is missing, so those suites run rather than skip.
 */
import { existsSync } from 'node:fs';

/** The bundled CLI (end-to-end tests), the unbundled entry, the package entries (ES module and CommonJS), the parsing workers, the precompiled validator. */
export const BUILT_FILES = [
  'dist/shiftready.mjs',
  'dist/cli/main.js',
  'dist/index.js',
  'dist/index.cjs',
  'dist/check.js',
  'dist/load/worker.js',
  'dist/validate/schema-validator.cjs',
] as const;

export type BuiltFile = (typeof BUILT_FILES)[number];

/** The URL of a built file; throws with what to do when it is missing. */
export function builtFile(path: BuiltFile): URL {
  const url = new URL(`../${path}`, import.meta.url);
  if (!existsSync(url)) throw new Error(`${path} is missing: run \`npm run build\` (\`npm test\` builds first)`);
  return url;
}
