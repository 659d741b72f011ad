/**
 * `check --fix` and `--fix-dry-run` (SPEC §5.7): golden files fixed by the CLI (the expected files
 * in test/fixtures/fix/*.fixed.yaml are written by hand, byte for byte, comments kept), the exact
 * diff, CRLF and byte order mark kept, a fix that would create an error left alone, and the
 * options that cannot go together.
 */
import { chmodSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFromTexts } from '../../src/check.js';
import { replaceFiles } from '../../src/cli/io.js';
import { UsageError } from '../../src/errors.js';
import { fixConfig } from '../../src/fix.js';
import { applyFixes } from '../../src/fix/apply.js';
import { cli, NOW, tempDir } from '../helpers.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/fix/', import.meta.url));
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const ENV = { ...process.env, SHIFTREADY_NOW: NOW };

/** Runs `shiftready check --fix FILE` on a copy of `text` and returns the file's bytes afterwards. */
async function fixFile(text: string | Buffer, name = 'config.yaml', extra: string[] = []) {
  const dir = tempDir({ [name]: text });
  const run = await cli(['check', '--fix', name, ...extra], dir, ENV);
  return { run, after: readFileSync(join(dir, name)), dir };
}

describe('check --fix: golden files', () => {
  for (const name of ['times', 'placeholders', 'messaging', 'neighbours']) {
    it(`${name}.yaml becomes ${name}.fixed.yaml byte for byte, and nothing is left to report`, async () => {
      const { run, after } = await fixFile(fixture(`${name}.yaml`));
      expect(after.toString('utf8')).toBe(fixture(`${name}.fixed.yaml`));
      expect(run.stderr).toBe('');
      expect(run.stdout).toBe('✓ 1 file checked: no problems\n');
      expect(run.code).toBe(0);
    });

    it(`${name}.fixed.yaml has nothing left to fix: --fix leaves it as it is`, async () => {
      const { run, after } = await fixFile(fixture(`${name}.fixed.yaml`));
      expect(after.toString('utf8')).toBe(fixture(`${name}.fixed.yaml`));
      expect(run.code).toBe(0);
    });
  }

  it('a CRLF file with a byte order mark keeps both; the inserted messaging line ends with CRLF', async () => {
    const crlf = (t: string) => t.replace(/\n/g, '\r\n');
    const { run, after } = await fixFile(Buffer.from(`\uFEFF${crlf(fixture('messaging.yaml'))}`, 'utf8'));
    expect(after.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(after.toString('utf8')).toBe(`\uFEFF${crlf(fixture('messaging.fixed.yaml'))}`);
    expect(run.code).toBe(0);
  });

  it("keeps the file's mode", async () => {
    const dir = tempDir({ 'config.yaml': fixture('neighbours.yaml') });
    chmodSync(join(dir, 'config.yaml'), 0o640);
    await cli(['check', '--fix', 'config.yaml'], dir, ENV);
    expect(statSync(join(dir, 'config.yaml')).mode & 0o777).toBe(0o640);
    expect(readFileSync(join(dir, 'config.yaml'), 'utf8')).toBe(fixture('neighbours.fixed.yaml'));
  });

  it('fixes files across a directory and reports what is left, exiting as check would', async () => {
    const left = fixture('neighbours.yaml').replace('    staff: [holder, ana]\n', '    staff: [holder, ana, nobody]\n');
    const dir = tempDir({ 'config/a.yaml': left });
    const run = await cli(['check', '--fix', 'config'], dir, ENV);
    expect(readFileSync(join(dir, 'config/a.yaml'), 'utf8')).toBe(
      fixture('neighbours.fixed.yaml').replace('    staff: [holder, ana]\n', '    staff: [holder, ana, nobody]\n'),
    );
    expect(run.stdout).toMatch(
      /^config\/a\.yaml:31:26 {2}error {2}.*nobody.* {2}unknown-reference\n\n✖ 1 problem \(1 error, 0 warnings\)\n$/,
    );
    expect(run.code).toBe(1);
  });
});

describe('check --fix-dry-run', () => {
  it('prints the exact unified diff, then the report of the files as they are, and writes nothing', async () => {
    const before = fixture('neighbours.yaml');
    const dir = tempDir({ 'neighbours.yaml': before });
    const run = await cli(['check', '--fix-dry-run', 'neighbours.yaml'], dir, ENV);
    const diff = [
      '--- a/neighbours.yaml',
      '+++ b/neighbours.yaml',
      '@@ -15,7 +15,6 @@',
      '     placeholder: true',
      '     programs: [chat-program]',
      '     canReceive: [chat]',
      '-    mobileAlerts: true',
      '   - id: ana',
      '     role: admin',
      '     programs: [chat-program]',
      '@@ -24,9 +23,9 @@',
      ' shifts:',
      '   - id: weekday-chat',
      '     program: chat-program',
      '-    messaging: sms',
      '-    start: 0900',
      '-    end: 1700',
      '+    messaging: chat',
      '+    start: "09:00"',
      '+    end: "17:00"',
      '     repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
      '     from: 2026-01-05',
      '     staff: [holder, ana]',
      '',
      '',
    ].join('\n');
    expect(run.stdout.slice(0, diff.length)).toBe(diff);
    const report = run.stdout.slice(diff.length).split('\n');
    expect(report.map((l) => l.replace(/ {2}.*? {2}(\S+)$/, ' $1'))).toEqual([
      'neighbours.yaml:18:19 placeholder-mobile-alerts',
      'neighbours.yaml:27:16 shift-type-mismatch',
      '    neighbours.yaml:10:11  portal `web` is a chat portal',
      'neighbours.yaml:28:12 schema',
      'neighbours.yaml:29:10 schema',
      '',
      '✖ 4 problems (3 errors, 1 warning)',
      '',
    ]);
    expect(run.code).toBe(1);
    expect(readFileSync(join(dir, 'neighbours.yaml'), 'utf8')).toBe(before);
  });

  it('prints nothing but the report when there is nothing to fix', async () => {
    const dir = tempDir({ 'a.yaml': fixture('times.fixed.yaml') });
    const run = await cli(['check', '--fix-dry-run', 'a.yaml'], dir, ENV);
    expect(run).toEqual({ code: 0, stdout: '✓ 1 file checked: no problems\n', stderr: '' });
  });

  it('reads standard input, shown as --stdin-filename', async () => {
    const run = await cli(['check', '-', '--fix-dry-run', '--stdin-filename', 'org.yaml'], tempDir(), ENV, {
      stdin: fixture('placeholders.yaml'),
    });
    // Three fixes within three lines of each other: one hunk.
    expect(run.stdout).toMatch(/^--- a\/org\.yaml\n\+\+\+ b\/org\.yaml\n@@ -15,16 \+15,14 @@\n/);
    expect(run.stdout).toContain('\n-    mobileAlerts: true   # nobody receives these\n');
    expect(run.stdout).toContain('\n-  - mobileAlerts: true\n-    id: night-holder\n+  - id: night-holder\n');
    expect(run.code).toBe(0); // warnings only
  });

  it('with a machine-readable format, the report goes to --out and the diff to standard output', async () => {
    const dir = tempDir({ 'a.yaml': fixture('placeholders.yaml') });
    const run = await cli(['check', '--fix-dry-run', 'a.yaml', '--format', 'json', '--out', 'report.json'], dir, ENV);
    expect(run.stdout).toMatch(/^--- a\/a\.yaml\n/);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as { warningCount: number };
    expect(report.warningCount).toBe(3);
  });
});

describe('check --fix: what it refuses', () => {
  it('--fix with standard input is a usage error (there is no file to write)', async () => {
    const run = await cli(['check', '-', '--fix'], tempDir(), ENV, { stdin: fixture('placeholders.yaml') });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'shiftready: --fix writes the fixed files back, and standard input is not a file: use --fix-dry-run to print the fixes as a diff\n',
    );
  });

  it('--fix and --fix-dry-run together are a usage error', async () => {
    const run = await cli(['check', '--fix', '--fix-dry-run', 'a.yaml'], tempDir({ 'a.yaml': fixture('times.yaml') }), ENV);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--fix and --fix-dry-run cannot be used together');
  });

  it('--fix-dry-run with --format json to standard output is a usage error', async () => {
    const run = await cli(['check', '--fix-dry-run', '--format', 'json', 'a.yaml'], tempDir({ 'a.yaml': fixture('times.yaml') }), ENV);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('write the json report to a file with --format json=FILE');
  });

  it('--fix-dry-run with a JSON report to a file: the diff on stdout, the report of the unfixed file in the file', async () => {
    const dir = tempDir({ 'a.yaml': fixture('times.yaml') });
    const run = await cli(['check', '--fix-dry-run', '--format', 'stylish', '--format', 'json=report.json', 'a.yaml'], dir, ENV);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^--- a\/a\.yaml\n\+\+\+ b\/a\.yaml\n/);
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report.errorCount).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe(fixture('times.yaml'));
  });

  it('a fix that would create an error is not applied: messaging set to chat would open the chat on a closed holiday', async () => {
    const text = `${fixture('neighbours.fixed.yaml').replace('    messaging: chat\n', '    messaging: sms\n')}holidays:
  dates:
    - { date: 2026-01-19, name: Founders Day }
  expect: closed
`;
    const { run, after } = await fixFile(text);
    expect(after.toString('utf8')).toBe(text);
    expect(run.stderr).toBe(
      'shiftready: config.yaml:26:16  shift-type-mismatch not fixed: the fix would report holiday-open at config.yaml:24:5\n',
    );
    expect(run.stdout).toMatch(/^config\.yaml:26:16 {2}error {2}.* {2}shift-type-mismatch\n/);
    expect(run.code).toBe(1);
  });

  it('does not write a file that changed since it was read', () => {
    const dir = tempDir({ 'a.yaml': 'shiftready: 1\n# edited meanwhile\n' });
    expect(() => replaceFiles({ cwd: dir }, [{ file: 'a.yaml', before: 'shiftready: 1\n', after: 'shiftready: 1\n# fixed\n' }])).toThrow(
      new UsageError('a.yaml changed while shiftready was fixing it: no file was written; run check --fix again'),
    );
    expect(readFileSync(join(dir, 'a.yaml'), 'utf8')).toBe('shiftready: 1\n# edited meanwhile\n');
  });
});

describe('applying edits', () => {
  const edit = (line: number, column: number, endLine: number, endColumn: number, text: string) => ({
    fix: [{ file: 'a', line, column, endLine, endColumn, text }],
  });

  it('applies from the end, so that earlier offsets stay valid', () => {
    const done = applyFixes('ab\ncd\nef\n', [edit(1, 1, 2, 1, ''), edit(3, 2, 3, 3, 'X')]);
    expect(done.text).toBe('cd\neX\n');
    expect(done.lines(3)).toBe(2);
  });

  it('leaves a fix that overlaps or touches one taken for the next pass', () => {
    const first = edit(1, 1, 2, 1, '');
    const touching = edit(2, 1, 3, 1, '');
    const inside = edit(1, 2, 1, 3, 'Y');
    const done = applyFixes('ab\ncd\nef\n', [first, touching, inside]);
    expect(done.text).toBe('cd\nef\n');
    expect(done.applied).toEqual([first]);
    expect(done.skipped).toEqual([touching, inside]);
  });

  it('a file that YAML cannot read is never edited (yaml-syntax has no fix)', () => {
    const text = `${fixture('placeholders.fixed.yaml').replace('    placeholder: true\n    programs: [chat-program]\n    canReceive: [chat]\n  - id: night', '    placeholder: true\n    mobileAlerts: true\n    mobileAlerts: false\n    programs: [chat-program]\n    canReceive: [chat]\n  - id: night')}`;
    // mobileAlerts twice is a duplicate key: the file is unusable, so no rule sees the placeholder.
    const config = loadFromTexts([{ file: 'a.yaml', text }]);
    const fixed = fixConfig(config, new Map([['a.yaml', text]]), { now: NOW });
    expect(fixed.applied).toBe(0);
    expect(fixed.files).toEqual([]);
    expect(fixed.result.findings.map((f) => f.rule)).toEqual(['yaml-syntax']);
  });
});

describe('shiftready rules', () => {
  it('marks the fixable rules in the list, and a rule page says whether --fix fixes it', async () => {
    const list = await cli(['rules']);
    expect(list.stdout).toMatch(/^placeholder-mobile-alerts\s+warn\s+fixable\s+`mobileAlerts: true` on a placeholder$/m);
    expect(list.stdout).toMatch(/^staff-lacks-permission\s+error\s+a registered user/m);
    expect(list.stdout).toContain('`shiftready check --fix` fixes the findings of the rules marked fixable');
    expect((await cli(['rules', 'single-messaging-type'])).stdout).toContain('**Fixable:** yes, by `shiftready check --fix`');
    expect((await cli(['rules', 'duplicate-id'])).stdout).toContain('**Fixable:** no');
  });
});
