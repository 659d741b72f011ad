/**
 * End-to-end golden output of `check` in every format, on test/fixtures/golden-config. The golden
 * files were reviewed line by line (locations computed by hand). To accept an intended change,
 * run with UPDATE_GOLDEN=1 and review the diff before committing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/cli/formats.js';
import { cli } from '../helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;
describe('check output (golden)', () => {
  for (const format of FORMATS.check) {
    it(`--format ${format}`, async () => {
      const run = await cli(['check', 'test/fixtures/golden-config', '--format', format, '--now', '2026-01-05T12:00'], ROOT);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('');
      const golden = new URL(`./golden/check.${format}.txt`, import.meta.url);
      if (process.env.UPDATE_GOLDEN) writeFileSync(golden, run.stdout);
      expect(run.stdout).toBe(readFileSync(golden, 'utf8'));
    });
  }
});
