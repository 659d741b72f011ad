/**
 * Once per `vitest run`, before any test file: one temporary directory for the whole run (every
 * `tempDir()` is made inside it, and it is removed at the end, so a run leaves nothing in the OS
 * temp directory even when a test file crashes).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's temporary directory: `tempDir()` makes its directories here. */
    tempRoot: string;
  }
}

export default function setup(project: TestProject): () => void {
  const tempRoot = mkdtempSync(join(tmpdir(), 'shiftready-test-'));
  project.provide('tempRoot', tempRoot);
  return () => rmSync(tempRoot, { recursive: true, force: true });
}
