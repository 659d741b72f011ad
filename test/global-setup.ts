/**
 * Once per `vitest run`, before any test file: the build that some suites test, when it is
 * missing, and one temporary directory for the whole run (every `tempDir()` is made inside it,
 * and it is removed at the end, so a run leaves nothing in the OS temp directory even when a test
 * file crashes).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { BUILT_FILES } from './built.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's temporary directory: `tempDir()` makes its directories here. */
    tempRoot: string;
  }
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export default function setup(project: TestProject): () => void {
  // `npm test` builds first; a bare `npx vitest run` on a tree without dist/ builds here, once.
  const missing = BUILT_FILES.filter((f) => !existsSync(join(ROOT, f)));
  if (missing.length) {
    console.log(`${missing.join(', ')} missing: running npm run build before the tests`);
    const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8', shell: process.platform === 'win32' });
    if (build.status !== 0) throw new Error(`npm run build failed:\n${build.stdout}\n${build.stderr}`);
  }

  const tempRoot = mkdtempSync(join(tmpdir(), 'shiftready-test-'));
  project.provide('tempRoot', tempRoot);
  return () => rmSync(tempRoot, { recursive: true, force: true });
}
