/**
 * Validates `check --format sarif` with Microsoft's SARIF validator (Sarif.Multitool, from the npm
 * package @microsoft/sarif-multitool-linux), with the SARIF specification's rules and with GitHub's
 * code-scanning rules (`--rule-kind "Sarif;Gh"`: every rule needs `help`, locations must be
 * relative URIs). CI installs it and sets SARIF_MULTITOOL to its path; without it the test is skipped.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, skipNote, tempDir } from '../helpers.js';

const MULTITOOL = process.env.SARIF_MULTITOOL;
const ROOT = new URL('../../', import.meta.url).pathname;
const NO_VALIDATOR = MULTITOOL ? undefined : 'SARIF_MULTITOOL is not set; .ci/run installs the validator and sets it';

describe.skipIf(NO_VALIDATOR)(`SARIF output${skipNote(NO_VALIDATOR)}`, () => {
  it('passes Microsoft\'s SARIF validator with the SARIF rules and GitHub\'s (--rule-kind "Sarif;Gh"): no errors, warnings or notes', async () => {
    const dir = tempDir();
    const inputs: string[] = [];
    for (const [name, config] of [
      ['golden', 'test/fixtures/golden-config'],
      ['mistakes', 'examples/mistakes'],
    ] as const) {
      const run = await cli(['check', config, '--format', 'sarif', '--now', '2026-01-05T12:00'], ROOT);
      expect(run.code).toBe(1);
      inputs.push(join(dir, `${name}.sarif`));
      writeFileSync(inputs.at(-1)!, run.stdout);
    }
    const report = join(dir, 'report.sarif');
    const result = spawnSync(MULTITOOL!, ['validate', ...inputs, '--rule-kind', 'Sarif;Gh', '-o', report], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain(`${inputs.length} files scanned`);
    const validation = JSON.parse(readFileSync(report, 'utf8'));
    const problems = validation.runs.flatMap((r: { results?: unknown[] }) => r.results ?? []);
    expect(problems).toEqual([]);
  }, 180_000);
});
