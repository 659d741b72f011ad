/**
 * End-to-end golden output of `check` in every format, on test/fixtures/golden-config. The golden
 * files were reviewed line by line (locations computed by hand). To accept an intended change,
 * run with UPDATE_GOLDEN=1 and review the diff before committing.
 */
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FORMATS } from '../../src/cli/formats.js';
import { toUri } from '../../src/format/sarif.js';
import { cli } from '../helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;
/** SARIF names the repository root (this checkout, wherever it is) as a file URI: the golden file has `file:///REPOSITORY/`. */
const ROOT_URI = `${toUri(realpathSync(ROOT))}/`;
describe('check output (golden)', () => {
  for (const format of FORMATS.check) {
    it(`--format ${format}`, async () => {
      const run = await cli(['check', 'test/fixtures/golden-config', '--format', format, '--now', '2026-01-05T12:00'], ROOT);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe('');
      const stdout = run.stdout.replaceAll(`"${ROOT_URI}"`, '"file:///REPOSITORY/"');
      const golden = new URL(`./golden/check.${format}.txt`, import.meta.url);
      if (process.env.UPDATE_GOLDEN) writeFileSync(golden, stdout);
      expect(stdout).toBe(readFileSync(golden, 'utf8'));
    });
  }
});
