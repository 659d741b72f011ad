// Bundles the CLI into one file, dist/shiftready.mjs: loading one file instead of ~80 modules
// saves ~70 ms of every run (measured: importing the check pipeline takes ~100 ms unbundled,
// ~30 ms bundled). date-holidays stays outside: it is loaded only when calendars are used.
import { chmodSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';

const outfile = new URL('../dist/shiftready.mjs', import.meta.url).pathname;
await build({
  entryPoints: [new URL('../dist/cli/main.js', import.meta.url).pathname],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['date-holidays'],
  // Bundled CommonJS dependencies call require(); give them one.
  banner: {
    js: "import { createRequire as __shiftreadyRequire } from 'node:module'; const require = __shiftreadyRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
chmodSync(outfile, 0o755);

// The library for CommonJS callers, dist/index.cjs (`require('shiftready')`, the `require`
// condition of package.json's exports): the same code as dist/index.js in one file, with the
// dependencies left to require(). import.meta.url becomes this file's URL, from which
// src/paths.ts finds the package root as it does from dist/.
await build({
  entryPoints: [new URL('../dist/index.js', import.meta.url).pathname],
  outfile: new URL('../dist/index.cjs', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  define: { 'import.meta.url': '__shiftreadyUrl' },
  banner: { js: "const __shiftreadyUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
// The unbundled entry stays runnable too (`node dist/cli/main.js`, older links to it).
chmodSync(new URL('../dist/cli/main.js', import.meta.url), 0o755);

// Its declarations: each dist/**/*.d.ts again as .d.cts with relative specifiers ending in .cjs, so
// a CommonJS consumer's TypeScript (module node16/nodenext) reads them as CommonJS declarations
// instead of refusing to require ES module types (TS1479).
const dist = new URL('../dist/', import.meta.url);
for (const entry of readdirSync(dist, { recursive: true })) {
  if (!entry.endsWith('.d.ts')) continue;
  const text = readFileSync(new URL(entry, dist), 'utf8').replace(/((?:from |import\()['"]\.{1,2}\/[^'"]*)\.js(['"])/g, '$1.cjs$2');
  writeFileSync(new URL(entry.replace(/\.d\.ts$/, '.d.cts'), dist), text);
}
