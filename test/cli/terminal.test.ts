/**
 * The CLI in a terminal (SPEC §5, issue 12): colour when standard output is a terminal or
 * FORCE_COLOR asks for it, never with NO_COLOR or --no-color, never into a file, and never letting
 * a configuration's own escape sequences through; a config read from standard input (`check -`,
 * `--stdin-filename`); help with examples, exit codes and environment, on stdout.
 */
/* eslint-disable no-control-regex -- colour codes and control characters are what these tests look for */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colourWanted } from '../../src/cli/colour.js';
import { BASE, cli, NOW, SHIFTS, tempDir } from '../helpers.js';
import { BIN } from './hostile.js';

/** One error: shift `bad` names a program that does not exist (line 39, column 14). */
const WITH_ERROR = `${BASE}${SHIFTS}  - id: bad
    program: chat-programme
    messaging: chat
    start: "09:00"
    end: "10:00"
    repeat: FREQ=DAILY
    from: 2026-01-05
    staff: [ana]
`;

/** Everything but the colour codes this project writes (SGR: ESC [ digits m). */
const stripSgr = (text: string) => text.replace(/\x1b\[\d+m/g, '');
const ESC = /\x1b/;

const CLEAN_ENV: NodeJS.ProcessEnv = { SHIFTREADY_NOW: NOW };

describe('whether to colour (colourWanted)', () => {
  // [flag, env, isTTY, expected]: the order of SPEC §5 — flag, NO_COLOR, FORCE_COLOR, terminal.
  const cases: [boolean | undefined, NodeJS.ProcessEnv, boolean, boolean][] = [
    [undefined, {}, true, true],
    [undefined, {}, false, false],
    [undefined, { TERM: 'dumb' }, true, false],
    [undefined, { NO_COLOR: '1' }, true, false],
    [undefined, { NO_COLOR: '' }, true, true], // empty NO_COLOR is not set (no-color.org)
    [undefined, { FORCE_COLOR: '1' }, false, true],
    [undefined, { FORCE_COLOR: '' }, false, true],
    [undefined, { FORCE_COLOR: '0' }, true, false],
    [undefined, { FORCE_COLOR: 'false' }, true, false],
    [undefined, { NO_COLOR: '1', FORCE_COLOR: '1' }, true, false],
    [false, { FORCE_COLOR: '1' }, true, false],
    [true, { NO_COLOR: '1' }, false, true],
  ];
  it.each(cases)('--color=%s env %j tty=%s → %s', (flag, env, tty, expected) => {
    expect(colourWanted(flag, env, tty)).toBe(expected);
  });
});

describe('colour in the output', () => {
  const dir = tempDir({ 'org.yaml': WITH_ERROR });

  it('check on a terminal: the severity red, the location underlined, the rule dimmed, the count red', async () => {
    const r = await cli(['check', 'org.yaml'], dir, CLEAN_ENV, { isTTY: true });
    expect(r.code).toBe(1);
    const first = r.stdout.split('\n')[0]!;
    expect(first).toMatch(/^\x1b\[4morg\.yaml:\d+:\d+\x1b\[24m {2}\x1b\[31merror\x1b\[39m {2}shift `bad` names program/);
    expect(first).toMatch(/ {2}\x1b\[2munknown-reference\x1b\[22m$/);
    expect(r.stdout).toContain('\x1b[1m\x1b[31m✖ 1 problem (1 error, 0 warnings)\x1b[39m\x1b[22m');
    // The same words as without colour.
    const plain = await cli(['check', 'org.yaml'], dir, CLEAN_ENV);
    expect(stripSgr(r.stdout)).toBe(plain.stdout);
    expect(plain.stdout).not.toMatch(ESC);
  });

  it('FORCE_COLOR colours a pipe; NO_COLOR and --no-color win over a terminal; --color wins over NO_COLOR', async () => {
    expect((await cli(['check', 'org.yaml'], dir, { ...CLEAN_ENV, FORCE_COLOR: '1' })).stdout).toMatch(ESC);
    expect((await cli(['check', 'org.yaml'], dir, { ...CLEAN_ENV, NO_COLOR: '1' }, { isTTY: true })).stdout).not.toMatch(ESC);
    expect((await cli(['--no-color', 'check', 'org.yaml'], dir, CLEAN_ENV, { isTTY: true })).stdout).not.toMatch(ESC);
    expect((await cli(['check', 'org.yaml', '--no-color'], dir, { ...CLEAN_ENV, FORCE_COLOR: '1' })).stdout).not.toMatch(ESC);
    expect((await cli(['check', 'org.yaml', '--color'], dir, { ...CLEAN_ENV, NO_COLOR: '1' })).stdout).toMatch(ESC);
  });

  it('never in a file (--out), nor in formats other programs read', async () => {
    const env = { ...CLEAN_ENV, FORCE_COLOR: '1' };
    const out = await cli(['check', 'org.yaml', '--out', 'findings.txt'], dir, env, { isTTY: true });
    expect(out.code).toBe(1);
    expect(readFileSync(join(dir, 'findings.txt'), 'utf8')).not.toMatch(ESC);
    for (const format of ['json', 'sarif', 'junit', 'github', 'markdown'])
      expect((await cli(['check', 'org.yaml', '--format', format], dir, env, { isTTY: true })).stdout).not.toMatch(ESC);
  });

  it("a configuration's own escape sequences stay shown, not run, when the output is coloured", async () => {
    const hostile = tempDir({
      'org.yaml': WITH_ERROR.replace('name: Test Line', 'name: "Line \\e]0;pwned\\a"').replace(
        'chat-programme',
        '"chat-\\e[2K\\rprogramme"',
      ),
    });
    const r = await cli(['check', 'org.yaml', '--rule', 'schema=off'], hostile, { ...CLEAN_ENV, FORCE_COLOR: '1' });
    expect(r.stdout).toContain('chat-\\x1B[2K\\x0Dprogramme');
    // Every ESC written is one of ours (SGR colour codes), and nothing else acts on the terminal.
    expect(stripSgr(r.stdout)).not.toMatch(/[\x00-\x08\x0B-\x1F\x7F-\x9F]/);
    const status = await cli(
      ['status', 'org.yaml', '--rule', 'schema=off', '--rule', 'unknown-reference=off', '--at', '2026-01-05T10:00'],
      hostile,
      {
        ...CLEAN_ENV,
        FORCE_COLOR: '1',
      },
    );
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('Line \\x1B]0;pwned\\x07');
    expect(stripSgr(status.stdout)).not.toMatch(/[\x00-\x08\x0B-\x1F\x7F-\x9F]/);
  });

  it('status and explain colour their glyphs: ● online green, ○ offline red, ✓ counts green, ✗ does not count red', async () => {
    const ok = tempDir({ 'org.yaml': BASE + SHIFTS });
    const env = { ...CLEAN_ENV, FORCE_COLOR: '1' };
    const status = await cli(['status', 'org.yaml', '--at', '2026-01-05T10:00'], ok, env);
    expect(status.stdout).toMatch(/^ {2}\x1b\[32m●\x1b\[39m web /m);
    expect(status.stdout).toMatch(/^ {2}\x1b\[31m○\x1b\[39m text /m);
    const explain = await cli(['explain', 'org.yaml', '--portal', 'web', '--at', '2026-01-05T10:00'], ok, env);
    expect(explain.stdout).toMatch(/^ {4}\x1b\[32m✓\x1b\[39m ana counts/m);
    const plain = await cli(['status', 'org.yaml', '--at', '2026-01-05T10:00'], ok, CLEAN_ENV);
    expect(stripSgr(status.stdout)).toBe(plain.stdout);
  });
});

describe('a configuration from standard input', () => {
  const ORG = BASE + SHIFTS;

  it('check - reads one file from standard input, shown as <stdin>', async () => {
    const r = await cli(['check', '-'], tempDir(), CLEAN_ENV, { stdin: WITH_ERROR });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^<stdin>:39:14 {2}error {2}shift `bad` names program `chat-programme`/);
    expect((await cli(['check', '/dev/stdin'], tempDir(), CLEAN_ENV, { stdin: ORG })).stdout).toBe('✓ 1 file checked: no problems\n');
  });

  it('--stdin-filename names it, and replaces that file among the others (an editor checking an unsaved buffer)', async () => {
    const dir = tempDir({ 'config/org.yaml': BASE, 'config/shifts.yaml': `shiftready: 1\n${SHIFTS}` });
    expect((await cli(['check', 'config'], dir, CLEAN_ENV)).stdout).toBe('✓ 2 files checked: no problems\n');
    const edited = `shiftready: 1\n${SHIFTS.replace('staff: [ana]', 'staff: [anna]')}`;
    const r = await cli(['check', 'config', '-', '--stdin-filename', 'config/shifts.yaml'], dir, CLEAN_ENV, { stdin: edited });
    expect(r.code).toBe(1);
    // Line 10 of the buffer (its `staff:` line), not of the file on disk; still two files.
    expect(r.stdout).toMatch(/^config\/shifts\.yaml:10:13 {2}error {2}.*`anna`.*unknown-reference$/m);
    expect(r.stdout).toContain('✖ 1 problem');
    // The files on disk were read with it: alone, the buffer names a program and a user it lacks.
    const alone = await cli(['check', '-', '--stdin-filename', 'config/shifts.yaml'], dir, CLEAN_ENV, { stdin: edited });
    expect(alone.stdout).toMatch(/`chat-program`/);
  });

  it('through the built CLI: the real standard input; a pipe, not a terminal, gets no colour', () => {
    const env = { ...process.env, ...CLEAN_ENV };
    delete env.FORCE_COLOR;
    delete env.NO_COLOR;
    const r = spawnSync(process.execPath, [BIN, 'check', '-'], { input: WITH_ERROR, encoding: 'utf8', env });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^<stdin>:39:14 {2}error {2}/);
    expect(r.stdout).not.toMatch(ESC);
  });

  it('the timeline commands read it too', async () => {
    const r = await cli(['status', '-', '--at', '2026-01-05T10:00', '--format', 'json'], tempDir(), CLEAN_ENV, { stdin: ORG });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).portals.find((p: { id: string }) => p.id === 'web').online).toBe(true);
  });

  it.each([
    [['check', '-'], 'org: 1\n', /<stdin>: not a shiftready file: its first key must be `shiftready: 1`/],
    [['check', '-'], Buffer.from([0x73, 0x68, 0xff]), /<stdin> \(standard input\): the text is not UTF-8/],
    [['check', '-'], 'shiftready: 1\n' + 'x'.repeat(4 * 1024 * 1024), /standard input\): more than 4,194,304 bytes \(4 MB\) came/],
    [['check', '-', '-'], ORG, /standard input can be read once/],
    [['check', '.', '--stdin-filename', 'org.yaml'], ORG, /--stdin-filename names the text read from standard input: add -/],
    [['check', '-', '--stdin-filename', ''], ORG, /the name given to standard input is empty/],
    [['diff', '-', '--base', 'HEAD'], ORG, /diff compares the files .* it does not read standard input/],
  ] as [string[], string | Buffer, RegExp][])('%j is a usage error (exit 2) that says why', async (argv, stdin, message) => {
    const r = await cli(argv, tempDir({ 'org.yaml': ORG }), CLEAN_ENV, { stdin });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});

describe('help', () => {
  it('with no arguments: the help on standard output, exit 0', async () => {
    const r = await cli([], tempDir(), CLEAN_ENV);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Usage: shiftready \[options\] \[command\]/);
    for (const command of ['check', 'compile', 'status', 'explain', 'report', 'holidays', 'diff', 'init', 'schema', 'rules'])
      expect(r.stdout).toMatch(new RegExp(`^ {2}${command} `, 'm'));
  });

  it('each command: examples of itself, the exit codes and the environment', async () => {
    for (const command of ['check', 'compile', 'status', 'explain', 'report', 'holidays', 'diff', 'init']) {
      const r = await cli([command, '--help'], tempDir(), CLEAN_ENV);
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Examples:\\n {2}\\$ shiftready ${command} `, 'm'));
      expect(r.stdout).toMatch(/^Exit codes:\n {2}0 .*\n {2}1 .*\n {2}2 .*usage.*\n {2}3 .*bug/m);
    }
  });

  it('names every environment variable the CLI reads, and nothing it does not', async () => {
    const help = (await cli(['--help'], tempDir(), CLEAN_ENV)).stdout;
    const documented = [...help.matchAll(/^ {2}([A-Z_]+) {2,}/gm)].map((m) => m[1]).sort();
    // Read from the sources: io.env.X or env.X in src/.
    const read = new Set<string>();
    const walk = (d: string): void => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else if (e.name.endsWith('.ts'))
          for (const m of readFileSync(join(d, e.name), 'utf8').matchAll(/\benv\.([A-Z][A-Z_]+)\b/g)) read.add(m[1]!);
      }
    };
    walk(join(import.meta.dirname, '../../src'));
    read.delete('TERM'); // a terminal's own setting, not one of ours
    expect(documented).toEqual([...read].sort());
  });
});
