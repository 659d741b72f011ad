/**
 * Validates `check --format sarif` with Microsoft's SARIF validator (Sarif.Multitool, from the npm
 * package @microsoft/sarif-multitool-linux). CI installs it and sets SARIF_MULTITOOL to its path;
 * without it the test is skipped.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, skipNote, tempDir } from '../helpers.js';

const MULTITOOL = process.env.SARIF_MULTITOOL;
const ROOT = new URL('../../', import.meta.url).pathname;
const NO_VALIDATOR = MULTITOOL ? undefined : 'SARIF_MULTITOOL is not set; .ci/run installs the validator and sets it';

describe('SARIF output', () => {
  it.skipIf(NO_VALIDATOR)(`passes Microsoft's SARIF validator with no errors or warnings${skipNote(NO_VALIDATOR)}`, async () => {
    const run = await cli(['check', 'test/fixtures/golden-config', '--format', 'sarif', '--now', '2026-01-05T12:00'], ROOT);
    const dir = tempDir();
    const input = join(dir, 'check.sarif');
    const report = join(dir, 'report.sarif');
    writeFileSync(input, run.stdout);
    const result = spawnSync(MULTITOOL!, ['validate', input, '-o', report], { encoding: 'utf8', timeout: 120_000 });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const validation = JSON.parse(readFileSync(report, 'utf8'));
    const problems = validation.runs.flatMap((r: { results?: unknown[] }) => r.results ?? []);
    expect(problems).toEqual([]);
  });
});
