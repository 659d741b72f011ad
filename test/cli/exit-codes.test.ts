/** Exit codes and the options that decide them (SPEC §5). */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { schemaLink } from '../../src/cli/init.js';
import { BASE, cli, tempDir } from '../helpers.js';

const WARN_ONLY = `${BASE}  - id: cy\n    programs: [chat-program]\n    canReceive: [chat, sms]\n`; // one user-without-access warning
const WITH_ERROR = `${BASE}  - id: cy\n    programs: [nowhere]\n`; // one unknown-reference error
const NOW = ['--now', '2026-01-05T12:00'];

describe('check exit codes', () => {
  it('is 0 for a clean configuration', async () => {
    const dir = tempDir({ 'a.yaml': BASE });
    const run = await cli(['check', ...NOW], dir);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toBe('✓ 1 file checked: no problems\n');
  });

  it('is 1 when there is an error', async () => {
    expect((await cli(['check', 'a.yaml', ...NOW], tempDir({ 'a.yaml': WITH_ERROR }))).code).toBe(1);
  });

  it('is 0 for warnings alone, 1 with --fail-on warn', async () => {
    const dir = tempDir({ 'a.yaml': WARN_ONLY });
    expect((await cli(['check', ...NOW], dir)).code).toBe(0);
    expect((await cli(['check', '--fail-on', 'warn', ...NOW], dir)).code).toBe(1);
  });

  it('is 1 when warnings exceed --max-warnings', async () => {
    const dir = tempDir({ 'a.yaml': WARN_ONLY });
    expect((await cli(['check', '--max-warnings', '0', ...NOW], dir)).code).toBe(1);
    expect((await cli(['check', '--max-warnings', '1', ...NOW], dir)).code).toBe(0);
  });

  it('--quiet prints errors only but does not change the exit code', async () => {
    const dir = tempDir({ 'a.yaml': WARN_ONLY });
    const quiet = await cli(['check', '--quiet', '--format', 'json', ...NOW], dir);
    expect(JSON.parse(quiet.stdout)).toEqual({ findings: [], errorCount: 0, warningCount: 0 });
    expect(quiet.code).toBe(0);
    expect((await cli(['check', '--quiet', '--max-warnings', '0', ...NOW], dir)).code).toBe(1);
  });

  it('--rule changes a severity, over the config', async () => {
    const dir = tempDir({ 'a.yaml': `${WARN_ONLY}rules:\n  user-without-access: off\n` });
    expect((await cli(['check', ...NOW], dir)).stdout).toContain('no problems');
    const promoted = await cli(['check', '--rule', 'user-without-access=error', '--format', 'json', ...NOW], dir);
    expect(promoted.code).toBe(1);
    expect(JSON.parse(promoted.stdout).findings[0]).toMatchObject({ rule: 'user-without-access', severity: 'error' });
  });

  it('a disable comment silences the rule on the next line only', async () => {
    const text = `${BASE}  - id: cy\n    # shiftready-disable-next-line unknown-reference -- program arrives next week\n    programs: [nowhere]\n  - id: dee\n    programs: [nowhere]\n`;
    const run = await cli(['check', '--format', 'json', ...NOW], tempDir({ 'a.yaml': text }));
    const findings = JSON.parse(run.stdout).findings;
    expect(findings.map((f: { rule: string; line: number }) => `${f.rule}@${f.line}`)).toEqual(['unknown-reference@33']);
  });

  it('is 2 for usage and I/O errors, with a message and no stack trace', async () => {
    const dir = tempDir({ 'a.yaml': BASE, 'notes.txt': 'hello' });
    const cases: [string[], RegExp][] = [
      [['check', '--bogus'], /unknown option '--bogus'/],
      [['check', '--format', 'xml'], /argument 'xml' is invalid/],
      [['check', 'missing.yaml'], /missing\.yaml: no such file or directory/],
      [['check', 'notes.txt'], /notes\.txt: not a shiftready file/],
      [['check', '--rule', 'nope=error'], /unknown rule `nope`/],
      [['check', '--rule', 'schema=loud'], /--rule <rule-id>=<error\|warn\|off>/],
      [['check', '--max-warnings', 'many'], /--max-warnings "many"/],
      [['check', '--from', 'tomorrow'], /--from "tomorrow" is not a date/],
      [['check', '--from', '2020-01-01', '--to', '2031-01-01'], /longer than 10 years/],
      [['frobnicate'], /unknown command 'frobnicate'/],
    ];
    for (const [argv, message] of cases) {
      const run = await cli(argv, dir);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr, argv.join(' ')).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('is 2 when a directory holds no shiftready files', async () => {
    const run = await cli(['check', '.'], tempDir({ 'other.yaml': 'name: not ours\n' }));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no shiftready files found/);
  });

  it('is 0 for --help and --version', async () => {
    expect((await cli(['--help'])).code).toBe(0);
    const version = await cli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('--out', () => {
  it('writes the same bytes as stdout, and nothing to stdout', async () => {
    const dir = tempDir({ 'a.yaml': WITH_ERROR });
    const printed = await cli(['check', '--format', 'json', ...NOW], dir);
    const written = await cli(['check', '--format', 'json', '--out', 'report.json', ...NOW], dir);
    expect(written.code).toBe(1);
    expect(written.stdout).toBe('');
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).toBe(printed.stdout);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
  it('fails with exit 2 and leaves no file when the folder does not exist', async () => {
    const dir = tempDir({ 'a.yaml': BASE });
    const run = await cli(['check', '--out', 'no/such/dir/report.txt', ...NOW], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot write/);
    expect(existsSync(join(dir, 'no'))).toBe(false);
  });
});

describe('init', () => {
  it('writes a starter configuration that checks clean', async () => {
    const dir = tempDir();
    const init = await cli(['init', 'helpline'], dir);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('helpline/shiftready.yaml');
    const run = await cli(['check', 'helpline', ...NOW], dir);
    expect(run).toMatchObject({ code: 0, stdout: '✓ 1 file checked: no problems\n' });
  });
  it('refuses to overwrite without --force', async () => {
    const dir = tempDir();
    await cli(['init'], dir);
    const again = await cli(['init'], dir);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists: remove it or use --force/);
    expect((await cli(['init', '--force'], dir)).code).toBe(0);
  });
  it('points the modeline at where a local install will put the schema, and says how to install it', async () => {
    // No node_modules/shiftready here (as when run with npx): the project is the folder with package.json.
    const dir = tempDir({ 'package.json': '{}\n' });
    const init = await cli(['init', 'config/team'], dir);
    expect(init.code).toBe(0);
    const first = readFileSync(join(dir, 'config/team/shiftready.yaml'), 'utf8').split('\n')[0];
    expect(first).toBe('# yaml-language-server: $schema=../../node_modules/shiftready/schema/shiftready.schema.json');
    expect(init.stdout).toContain(
      'Its first line points editors to ../../node_modules/shiftready/schema/shiftready.schema.json, which is not there yet: run `npm install --save-dev shiftready` in . for',
    );
  });
  it('points the modeline at the nearest installed schema, relative to the written file', async () => {
    const dir = tempDir({ 'node_modules/shiftready/schema/shiftready.schema.json': '{}\n' });
    const init = await cli(['init'], dir);
    expect(readFileSync(join(dir, 'shiftready.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=./node_modules/shiftready/schema/shiftready.schema.json',
    );
    expect(init.stdout).not.toContain('npm install');
  });
  it("inside a checkout of shiftready, points at the checkout's own schema", () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    expect(schemaLink(join(root, 'examples', 'new'), root)).toEqual({ path: '../../schema/shiftready.schema.json' });
  });
  it("takes the organization's time zone, and refuses an invalid one", async () => {
    const dir = tempDir();
    expect((await cli(['init', '--timezone', 'Europe/London'], dir)).code).toBe(0);
    expect(readFileSync(join(dir, 'shiftready.yaml'), 'utf8')).toContain('timezone: Europe/London');
    expect((await cli(['init', 'x', '--timezone', 'Europe/Londn'], dir)).code).toBe(2);
  });
});

describe('schema and rules', () => {
  it('schema prints the JSON Schema', async () => {
    const run = await cli(['schema']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).$schema).toBe('http://json-schema.org/draft-07/schema#');
  });
  it('rules lists every rule with its default severity', async () => {
    const run = await cli(['rules']);
    expect(run.stdout).toMatch(/^staff-lacks-permission\s+error\s+a registered user without permission/m);
    expect(run.stdout).toMatch(/^user-without-access\s+warn\s+/m);
  });
  it('rules <id> prints its documentation; an unknown id is a usage error with a suggestion', async () => {
    expect((await cli(['rules', 'duplicate-id'])).stdout).toMatch(/^# duplicate-id/);
    const bad = await cli(['rules', 'duplicate-ids']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/did you mean `duplicate-id`\?/);
  });
});
