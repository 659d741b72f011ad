/**
 * Validates `check --format junit` against the Jenkins xUnit plugin's JUnit schema
 * (test/fixtures/junit-10.xsd, MIT) with a real XML Schema validator: libxml2's xmllint. CI
 * (.ci/run) installs it (Debian's libxml2-utils) and sets XMLLINT to its path; there a missing or
 * broken xmllint fails the test. Elsewhere the test uses xmllint from PATH, or is skipped saying why.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, skipNote, tempDir } from '../helpers.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const SCHEMA = join(ROOT, 'test', 'fixtures', 'junit-10.xsd');
const XMLLINT = process.env.XMLLINT ?? 'xmllint';
const found = spawnSync(XMLLINT, ['--version'], { encoding: 'utf8' }).status === 0;
const NO_XMLLINT =
  found || process.env.XMLLINT !== undefined
    ? undefined
    : 'xmllint is not installed (apt-get install libxml2-utils); .ci/run installs it and sets XMLLINT';

/** Validates one document; returns xmllint's exit code and what it said. */
function validate(xml: string): { status: number | null; output: string } {
  const file = join(tempDir(), 'report.xml');
  writeFileSync(file, xml);
  const run = spawnSync(XMLLINT, ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8', timeout: 60_000 });
  return { status: run.status, output: `${run.stdout}${run.stderr}${run.error ? String(run.error) : ''}` };
}

describe.skipIf(NO_XMLLINT)(`JUnit output against junit-10.xsd (xmllint)${skipNote(NO_XMLLINT)}`, () => {
  it('the validator works: it rejects a test case with file and line attributes (what the output used to have)', () => {
    const bad = validate(
      '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites><testsuite name="a" tests="1" failures="0" errors="0"><testcase name="a" file="a.yaml" line="2"/></testsuite></testsuites>\n',
    );
    expect(bad.status, bad.output).not.toBe(0);
    expect(bad.output).toMatch(/attribute 'file' is not allowed/);
  });

  it.each([
    ['examples/mistakes', 1],
    ['examples/crisis-line', 0],
  ])('check %s --format junit validates (exit %i)', async (example, code) => {
    const run = await cli(['check', example, '--format', 'junit', '--now', '2026-01-05T12:00'], ROOT);
    expect(run.code).toBe(code);
    const result = validate(run.stdout);
    expect(result.output).toContain('validates');
    expect(result.status, result.output).toBe(0);
  });

  it('a finding whose message holds markup and control characters still validates, with its location in the failure text', async () => {
    const dir = tempDir({
      'a.yaml':
        'shiftready: 1\norganization:\n  id: org\n  name: "<Test> & \\u0007 \\u009B line"\n  timezone: America/Chicago\n  bogus: "]]> &amp;"\n',
    });
    const run = await cli(['check', '.', '--format', 'junit', '--rule', 'schema=warn', '--now', '2026-01-05T12:00'], dir);
    expect(run.stdout).toMatch(/<failure [^>]*>a\.yaml:\d+:\d+ /);
    const result = validate(run.stdout);
    expect(result.status, result.output).toBe(0);
  });
});
