/**
 * Where the package's files are. Every file the code reads at run time (the schema, the rule
 * pages, package.json, the precompiled validator, worker scripts) is found from the package root,
 * so the code works the same from `src/` (tests), `dist/` and the single-file CLI bundle.
 */
import { existsSync } from 'node:fs';

function findRoot(): URL {
  let dir = new URL('.', import.meta.url);
  for (let i = 0; i < 6; i++) {
    if (existsSync(new URL('package.json', dir)) && existsSync(new URL('schema/shiftready.schema.json', dir))) return dir;
    dir = new URL('..', dir);
  }
  throw new Error('shiftready: cannot find the package root (package.json next to schema/)');
}

/** The package root, ending in a slash. */
export const PACKAGE_ROOT: URL = findRoot();

/** A file of the package, by its path from the root. */
export function packageFile(path: string): URL {
  return new URL(path, PACKAGE_ROOT);
}

/** True when running compiled JavaScript (dist/ or the bundle), false from TypeScript sources. */
export const COMPILED = !import.meta.url.endsWith('.ts');
