/**
 * Hostile input (SPEC §2, §5): the CLI never crashes, never hangs and never prints a stack trace.
 * Each case runs `shiftready check …` and checks the exit code (1: findings, 2: usage or I/O
 * error), a clear message, and the absence of Node's error output.
 *
 * The cases run in-process (`runCli`, as `cli()` in helpers.ts), with anything written around it
 * to the process's streams, console or warnings caught as a separate process would show it. The
 * cases that could block a reading thread for good (FIFOs, /dev/zero) run the built CLI
 * (dist/shiftready.mjs) as a process with a timeout instead: a blocked read in-process would hang
 * the test run, where a process is killed, and they check a real process's exit code and output.
 *
 * Why each exit code:
 * - 2 when the path or the flags cannot be used at all (missing, not a regular file, no marker
 *   when named explicitly, nothing matched, bad flag or option value): there is nothing to check.
 * - 1 when a shiftready file was found and read but its content is wrong (YAML errors, schema
 *   violations, too big, not UTF-8): these are findings, reported at a file:line:column.
 * - 0 when the hostile-looking detail is in fact fine (BOM, CRLF, `__proto__` as an id).
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BASE, checkText, cli, skipNote, tempDir } from '../helpers.js';
import { RULES } from '../../src/rules/index.js';
import { expectClean, NO_DEV_NULL, NO_DEV_ZERO, NO_MKFIFO, NO_SPECIAL_FILES, run, runBuilt } from './hostile.js';

const check = (args: string[], cwd?: string) => run(['check', ...args], cwd);
const checkBuilt = (args: string[], cwd?: string) => runBuilt(['check', ...args], cwd);

/** An alias bomb: nine levels of nine aliases each (9^9 ≈ 387 million strings when expanded). */
const ALIAS_BOMB = `shiftready: 1
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
`;

/** A valid config whose ids are names of Object.prototype members. */
const PROTO_IDS = `shiftready: 1
organization:
  id: org
  name: Test Line
  timezone: America/Chicago
  offlineMessages:
    sms: "closed"
programs:
  - id: __proto__
  - id: constructor
portals:
  - id: toString
    type: chat
    program: __proto__
  - id: hasOwnProperty
    type: sms
    program: constructor
users:
  - id: __proto__
    role: admin
    programs: [__proto__, constructor]
    canReceive: [chat, sms]
  - id: constructor
    role: basic
    programs: [__proto__]
    canReceive: [chat]
  - id: toString
    role: basic
    programs: [__proto__]
    canReceive: [chat]
  - id: hasOwnProperty
    role: basic
    programs: [constructor]
    canReceive: [sms]
shifts:
  - id: __proto__
    program: __proto__
    messaging: chat
    start: "09:00"
    end: "17:00"
    repeat: FREQ=WEEKLY;BYDAY=MO
    from: 2026-01-05
    staff: [__proto__, constructor, toString]
  - id: constructor
    program: constructor
    messaging: sms
    date: 2026-01-06
    start: "09:00"
    end: "17:00"
    staff: [hasOwnProperty]
`;

/** `__proto__` and `constructor` as mapping keys (top level, in organization, under rules). */
const PROTO_KEYS = `shiftready: 1
__proto__:
  polluted: yes
constructor: 1
organization:
  id: org
  name: Test Line
  timezone: America/Chicago
  __proto__: { polluted: true }
  offlineMessages:
    sms: "closed"
base: &evil { __proto__: { polluted: merged } }
users:
  - <<: *evil
    id: ana
    role: admin
    programs: []
    canReceive: []
rules:
  __proto__: error
  constructor: warn
  toString: off
`;

describe('empty and binary files', () => {
  it('an empty file named explicitly: exit 2, not a shiftready file', async () => {
    const dir = tempDir({ 'empty.yaml': '' });
    expectClean(await check(['empty.yaml'], dir), 2, 'empty.yaml', 'not a shiftready file', 'shiftready: 1');
  });

  it('random bytes named explicitly: exit 2, not a shiftready file (no marker)', async () => {
    const dir = tempDir({ 'junk.yaml': Buffer.concat([Buffer.from([0xff, 0x00, 0xfe]), randomBytes(8192)]) });
    expectClean(await check(['junk.yaml'], dir), 2, 'junk.yaml', 'not a shiftready file');
  });

  it('random bytes inside a directory: skipped, so nothing matched: exit 2', async () => {
    const dir = tempDir({ 'conf/junk.yaml': randomBytes(8192), 'conf/junk.yml': randomBytes(100) });
    expectClean(await check(['conf'], dir), 2, 'conf', 'no shiftready files found');
  });

  it('random bytes next to a valid file in a directory: the junk is skipped, exit 0', async () => {
    const dir = tempDir({ 'conf/a.yaml': BASE, 'conf/junk.yaml': Buffer.concat([Buffer.from([0xc3, 0x28]), randomBytes(8192)]) });
    expectClean(await check(['conf'], dir), 0, '1 file checked');
  });

  it('binary junk after the marker: exit 1, a yaml-syntax finding about the control character', async () => {
    const junk = Buffer.concat([Buffer.from('shiftready: 1\nx: '), Buffer.from([0x41, 0x01, 0x02, 0x7f]), Buffer.from('\n')]);
    const dir = tempDir({ 'bin.yaml': junk });
    expectClean(await check(['bin.yaml'], dir), 1, 'bin.yaml:2:', 'control character', 'yaml-syntax');
  });

  it('invalid UTF-8 after the marker: exit 1, "not UTF-8" at 1:1', async () => {
    const junk = Buffer.concat([Buffer.from('shiftready: 1\nx: "'), Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xff]), Buffer.from('"\n')]);
    const dir = tempDir({ 'latin.yaml': junk });
    expectClean(await check(['latin.yaml'], dir), 1, 'latin.yaml:1:1', 'not UTF-8', 'yaml-syntax');
  });
});

describe('encodings and line endings', () => {
  it('a UTF-8 BOM before `shiftready: 1` loads like the same file without it', async () => {
    const dir = tempDir({ 'bom.yaml': `\uFEFF${BASE}` });
    expectClean(await check(['bom.yaml'], dir), 0, '1 file checked');
    // Also found by a directory search.
    expectClean(await check(['.'], dir), 0, '1 file checked');
  });

  it('CRLF line endings work like LF, with the same positions', async () => {
    const body = `${BASE}shifts:\n  - id: s1\n    program: nope\n`;
    const dir = tempDir({ 'lf.yaml': body, 'crlf.yaml': body.replace(/\n/g, '\r\n') });
    expectClean(await check(['crlf.yaml', '--format', 'json'], dir), 1);
    const lf = JSON.parse((await check(['lf.yaml', '--format', 'json'], dir)).stdout) as { findings: { file: string }[] };
    const crlf = JSON.parse((await check(['crlf.yaml', '--format', 'json'], dir)).stdout) as { findings: { file: string }[] };
    expect(crlf.findings.length).toBeGreaterThan(0);
    expect(crlf.findings.map((f) => ({ ...f, file: 'x' }))).toEqual(lf.findings.map((f) => ({ ...f, file: 'x' })));
    // And a clean CRLF file is clean.
    const clean = tempDir({ 'crlf.yaml': BASE.replace(/\n/g, '\r\n') });
    expectClean(await check(['crlf.yaml'], clean), 0, '1 file checked');
  });
});

describe('resource exhaustion', () => {
  // How long these take is measured by `node bench/run.mjs hostile`, not asserted here.
  it('an alias bomb: exit 1, a yaml-syntax finding about aliases, without expanding them', async () => {
    const dir = tempDir({ 'bomb.yaml': ALIAS_BOMB });
    const r = await check(['bomb.yaml', '--format', 'json'], dir);
    expectClean(r, 1);
    expectClean(await check(['bomb.yaml'], dir), 1, 'bomb.yaml:', /alias/i, 'yaml-syntax');
    // Expansion stops at the alias limit: one finding says so, and nothing else was built to check.
    const { findings } = JSON.parse(r.stdout) as { findings: { rule: string; message: string }[] };
    expect(findings.map((f) => f.rule)).toEqual(['yaml-syntax']);
    expect(findings[0]!.message).toMatch(/aliases expand to too many nodes \(more than \d+\)/);
  });

  it('20,000-deep flow nesting `[[[…]]]`: exit 1, nested too deeply', async () => {
    const n = 20_000;
    const dir = tempDir({ 'flow.yaml': `shiftready: 1\nx: ${'['.repeat(n)}${']'.repeat(n)}\n` });
    expectClean(await check(['flow.yaml'], dir), 1, 'flow.yaml:2:', 'nested too deeply', 'yaml-syntax');
  });

  it('20,000-deep flow mappings `{a: {a: …}}` inside a section: exit 1, nested too deeply', async () => {
    const n = 20_000;
    const dir = tempDir({ 'flowmap.yaml': `shiftready: 1\nrules: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n` });
    expectClean(await check(['flowmap.yaml'], dir), 1, 'flowmap.yaml:2:', 'nested too deeply', 'yaml-syntax');
  });

  it('20,000-deep block nesting (`- - - … v`): exit 1, nested too deeply', async () => {
    const n = 20_000;
    const dir = tempDir({ 'block.yaml': `shiftready: 1\nusers:\n  ${'- '.repeat(n)}v\n` });
    expectClean(await check(['block.yaml'], dir), 1, 'block.yaml:3:', 'nested too deeply', 'yaml-syntax');
  });

  it('2,000-deep indented block mappings: exit 1, nested too deeply', async () => {
    const n = 2_000;
    let text = 'shiftready: 1\n';
    for (let i = 0; i < n; i++) text += `${' '.repeat(i)}k:\n`;
    text += `${' '.repeat(n)}v\n`;
    const dir = tempDir({ 'indent.yaml': text });
    expectClean(await check(['indent.yaml'], dir), 1, 'indent.yaml:', 'nested too deeply', 'yaml-syntax');
  });

  it('nesting just under the parser limit inside sections: exit 1 with schema findings, no crash', async () => {
    const n = 700;
    const text = `shiftready: 1\nusers: ${'['.repeat(n)}${']'.repeat(n)}\nrules: ${'{a: '.repeat(n)}1${'}'.repeat(n)}\n`;
    const dir = tempDir({ 'deep.yaml': text });
    expectClean(await check(['deep.yaml'], dir), 1, 'deep.yaml:2:', 'schema');
  });

  it('a 20 MB file with the marker: exit 1 at once, too big, with the limit', async () => {
    // The last line is a syntax error: it is reported only if the file is parsed.
    const text = `shiftready: 1\n# ${'x'.repeat(20 * 1024 * 1024)}\nunclosed: [\n`;
    const dir = tempDir({ 'big.yaml': text });
    expectClean(await check(['big.yaml'], dir), 1, 'big.yaml:1:1', '20.0 MB', '4 MB', 'yaml-syntax');
    // Refused by its size before it is parsed: the size is the one finding.
    const { findings } = JSON.parse((await check(['big.yaml', '--format', 'json'], dir)).stdout) as {
      findings: { line: number; message: string }[];
    };
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 1, message: expect.stringContaining('20.0 MB') });
  });
});

describe('prototype names', () => {
  it('`__proto__`, `constructor`, `toString`, `hasOwnProperty` as ids: a valid config, exit 0', async () => {
    const dir = tempDir({ 'ids.yaml': PROTO_IDS });
    expectClean(await check(['ids.yaml'], dir), 0, '1 file checked');
  });

  it('an unknown reference to `valueOf` is still reported (ids are not looked up on prototypes)', async () => {
    const dir = tempDir({ 'ids.yaml': PROTO_IDS.replace('staff: [hasOwnProperty]', 'staff: [hasOwnProperty, valueOf, isPrototypeOf]') });
    expectClean(
      await check(['ids.yaml'], dir),
      1,
      'user `valueOf`, which does not exist',
      'user `isPrototypeOf`, which does not exist',
      'unknown-reference',
    );
  });

  it('duplicate prototype-named ids are duplicates', async () => {
    const text = PROTO_IDS.replace('  - id: hasOwnProperty\n    role: basic', '  - id: __proto__\n    role: basic');
    expect(text).not.toBe(PROTO_IDS);
    const dir = tempDir({ 'ids.yaml': text });
    expectClean(await check(['ids.yaml'], dir), 1, 'ids.yaml:31:9', 'user id `__proto__` is already used at ids.yaml:19:9', 'duplicate-id');
  });

  it('`__proto__` and `constructor` as mapping keys: unknown keys / unknown rules, exit 1', async () => {
    const dir = tempDir({ 'keys.yaml': PROTO_KEYS });
    expectClean(
      await check(['keys.yaml'], dir),
      1,
      'keys.yaml:2:1',
      'unknown key `__proto__` at the top level',
      'unknown key `constructor` at the top level',
      'unknown key `__proto__` in `organization`',
      'unknown rule `__proto__`',
      'unknown rule `toString`',
    );
  });

  it('in-process, checking them does not pollute Object.prototype', async () => {
    const before = Object.getOwnPropertyNames(Object.prototype).sort();
    const r1 = checkText(PROTO_KEYS);
    const r2 = checkText(PROTO_IDS);
    const r3 = checkText(
      `shiftready: 1\n"__proto__": { "polluted": 1 }\norganization: { "__proto__": { "polluted": 1 }, id: o, name: n, timezone: UTC }\n`,
    );
    expect(r1.findings.length).toBeGreaterThan(0);
    expect(r2.findings).toEqual([]);
    expect(r3.findings.length).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
    expect(typeof ({} as { toString: unknown }).toString).toBe('function');
    expect(Object.getOwnPropertyNames(Array.prototype)).not.toContain('polluted');
  });
});

describe('wrong types', () => {
  it('numbers where strings belong: schema findings that say to quote, exit 1', async () => {
    const text = `shiftready: 1
organization:
  id: 42
  name: 12
  timezone: America/Chicago
programs:
  - id: 8
portals:
  - id: 7
    type: chat
    program: 8
shifts:
  - id: s1
    program: "8"
    messaging: chat
    start: 0900
    end: 1700
    date: 2026-01-06
    staff: []
`;
    const dir = tempDir({ 'nums.yaml': text });
    expectClean(
      await check(['nums.yaml'], dir),
      1,
      'nums.yaml:3:7',
      '`id` of `organization` must be an id of letters, digits, _, - and . (starting with a letter, digit or _), not a number: quote it, e.g. "42"',
      'nums.yaml:4:9',
      'nums.yaml:16:12',
      'YAML read the unquoted 0900 as the number 900; write "09:00"',
      'write "17:00"',
    );
  });

  it('booleans where lists belong: schema findings, exit 1', async () => {
    const dir = tempDir({ 'bools.yaml': `${BASE}shifts: true\noverrides: false\n` });
    expectClean(
      await check(['bools.yaml'], dir),
      1,
      'bools.yaml:29:9',
      'must be a list of shifts',
      'not true/false',
      'bools.yaml:30:12',
      'schema',
    );
  });

  it('null sections (`users:` with nothing): a schema finding on the section, exit 1', async () => {
    const dir = tempDir({ 'nulls.yaml': `${BASE.replace(/users:[\s\S]*$/, '')}users:\nshifts:\n` });
    expectClean(await check(['nulls.yaml'], dir), 1, 'nulls.yaml:19:', 'must be a list of users', 'not empty', 'nulls.yaml:20:', 'schema');
  });

  it('a section or list item of the wrong type is named once in the message', async () => {
    const dir = tempDir({ 'shape.yaml': `${BASE.replace(/users:[\s\S]*$/, '')}users: [[]]\nholidays:\nrules:\n` });
    const r = await check(['shape.yaml'], dir);
    expectClean(r, 1, 'shape.yaml:19:9', 'shape.yaml:20:', 'shape.yaml:21:', 'schema');
    // Not "item 1 of `users` of user #1 in `users`", "`holidays` of `holidays`", "`rules` of `rules`".
    expect(r.out).not.toMatch(/of `users` of user #1 in `users`|`holidays` of `holidays`|`rules` of `rules`/);
  });

  it('`organization: !!binary …` (a Buffer in JS) gives one clear finding, not one per Buffer method', async () => {
    const dir = tempDir({ 'bin.yaml': 'shiftready: 1\norganization: !!binary aGVsbG8=\n' });
    const r = await check(['bin.yaml', '--format', 'json'], dir);
    expectClean(r, 1);
    const { findings } = JSON.parse(r.stdout) as { findings: { message: string }[] };
    expect(findings.map((f) => f.message).join('\n')).not.toMatch(/asciiSlice|readUInt|unknown key `0`/);
    expect(findings.length).toBeLessThanOrEqual(3);
  });

  it('`rules: !!timestamp 2001-12-14` (a Date in JS) is not accepted as a mapping', async () => {
    const dir = tempDir({ 'ts.yaml': `${BASE}rules: !!timestamp 2001-12-14\n` });
    expectClean(await check(['ts.yaml'], dir), 1, 'ts.yaml:29:', 'schema');
  });
});

describe('complex mapping keys', () => {
  it('a list or mapping as a key: exit 1, a yaml-syntax finding at each key, no Node warning on stderr', async () => {
    const text = `${BASE}? [a, b]\n: 1\n{x: 1}: 2\n`;
    const dir = tempDir({ 'keys.yaml': text });
    const r = await check(['keys.yaml'], dir);
    expectClean(r, 1, 'keys.yaml:29:', 'keys.yaml:31:', 'yaml-syntax', 'plain name');
  });
});

describe('unresolvable aliases and merges', () => {
  it('an alias to an undefined anchor: exit 1, says the anchor is not defined (not "too many nodes")', async () => {
    const dir = tempDir({ 'alias.yaml': 'shiftready: 1\norganization: *nope\n' });
    const r = await check(['alias.yaml'], dir);
    expectClean(r, 1, 'alias.yaml:', 'yaml-syntax', 'nope');
    expect(r.out).not.toContain('too many nodes');
  });

  // Found by the fuzzer (npm run fuzz): circular data made every later stage recurse until the stack ran out (exit 3).
  it.each([
    ['a list', 'organization: &x [*x]\n', ['2:19']],
    ['a mapping', 'organization: &x { a: *x }\n', ['2:23']],
    ['two anchors', 'programs: &a [&b [*a, *b]]\n', ['2:19', '2:23']],
    ['compile', 'organization: &x [*x]\n', []],
  ])('an alias inside its own anchor’s value (%s): exit 1, a yaml-syntax finding at each such alias', async (name, yaml, at) => {
    const dir = tempDir({ 'self.yaml': `shiftready: 1\n${yaml}` });
    const r = name === 'compile' ? await run(['compile', 'self.yaml'], dir) : await check(['self.yaml', '--format', 'json'], dir);
    expectClean(r, 1, /inside the value its anchor/);
    if (name !== 'compile') {
      const { findings } = JSON.parse(r.stdout) as { findings: { rule: string; line: number; column: number }[] };
      expect(findings.map((f) => `${f.rule}@${f.line}:${f.column}`)).toEqual(at.map((a) => `yaml-syntax@${a}`));
    }
  });

  it('a merge key `<<` with a scalar: exit 1, says what is wrong with the merge (not "too many nodes")', async () => {
    const dir = tempDir({ 'merge.yaml': 'shiftready: 1\nusers:\n  - <<: 5\n    id: c\n' });
    const r = await check(['merge.yaml'], dir);
    expectClean(r, 1, 'merge.yaml:', 'yaml-syntax', /merge|<</i);
    expect(r.out).not.toContain('too many nodes');
  });
});

describe('special files', () => {
  // FIFOs and /dev/zero run the built CLI as a process: opening or reading one by mistake blocks.

  /** Makes a FIFO (the tests that call it are skipped where mkfifo does not work). */
  const mkfifo = (path: string) => expect(spawnSync('mkfifo', [path]).status, `mkfifo ${path}`).toBe(0);

  it.skipIf(NO_MKFIFO)(`a FIFO named as the path: exit 2 at once (never blocks)${skipNote(NO_MKFIFO)}`, () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe.yaml');
    mkfifo(fifo);
    expectClean(checkBuilt(['pipe.yaml'], dir), 2, 'pipe.yaml', 'a FIFO', 'not a file or directory');
  });

  it.skipIf(NO_MKFIFO)(`a FIFO inside a directory is skipped, not opened${skipNote(NO_MKFIFO)}`, () => {
    const dir = tempDir({ 'conf/a.yaml': BASE });
    mkfifo(join(dir, 'conf/pipe.yaml'));
    mkfifo(join(dir, 'conf/pipe.yml'));
    expectClean(checkBuilt(['conf'], dir), 0, '1 file checked');
    // Only a FIFO: nothing matched.
    const only = tempDir();
    mkdirSync(join(only, 'conf'));
    mkfifo(join(only, 'conf/pipe.yaml'));
    expectClean(checkBuilt(['conf'], only), 2, 'no shiftready files found');
  });

  it.skipIf(NO_DEV_ZERO)(`/dev/zero as the path: exit 2 at once, a character device${skipNote(NO_DEV_ZERO)}`, () => {
    expectClean(checkBuilt(['/dev/zero']), 2, '/dev/zero', 'character device');
  });

  it.skipIf(NO_DEV_NULL)(`/dev/null as the path: exit 2${skipNote(NO_DEV_NULL)}`, async () => {
    expectClean(await check(['/dev/null']), 2, '/dev/null', 'character device');
  });

  it.skipIf(NO_SPECIAL_FILES)(
    `a symlink loop (a -> .) and a dangling symlink in a directory: searched once, skipped${skipNote(NO_SPECIAL_FILES)}`,
    async () => {
      const dir = tempDir({ 'conf/a.yaml': BASE });
      symlinkSync('.', join(dir, 'conf/loop'));
      symlinkSync('nowhere.yaml', join(dir, 'conf/dangling.yaml'));
      symlinkSync('b', join(dir, 'conf/c'));
      symlinkSync('c', join(dir, 'conf/b'));
      const r = await check(['conf'], dir);
      expectClean(r, 0, '1 file checked');
    },
  );

  it.skipIf(NO_SPECIAL_FILES)(`a dangling symlink named explicitly: exit 2, no such file${skipNote(NO_SPECIAL_FILES)}`, async () => {
    const dir = tempDir();
    symlinkSync('nowhere.yaml', join(dir, 'dangling.yaml'));
    expectClean(await check(['dangling.yaml'], dir), 2, 'dangling.yaml', 'no such file or directory');
  });

  it.skipIf(NO_SPECIAL_FILES)(
    `a symlink loop named explicitly: exit 2, too many levels of symbolic links${skipNote(NO_SPECIAL_FILES)}`,
    async () => {
      const dir = tempDir();
      symlinkSync('b.yaml', join(dir, 'a.yaml'));
      symlinkSync('a.yaml', join(dir, 'b.yaml'));
      expectClean(await check(['a.yaml'], dir), 2, 'a.yaml', 'too many levels of symbolic links');
    },
  );
});

describe('paths', () => {
  it('a missing path: exit 2, no such file or directory, naming the path as given', async () => {
    const dir = tempDir();
    const r = await check(['nope.yaml'], dir);
    expectClean(r, 2, 'nope.yaml: no such file or directory');
    // The path as the user wrote it, not an absolute path (SPEC §5.3: relative paths stay relative).
    expect(r.stderr).toBe('shiftready: nope.yaml: no such file or directory\n');
  });

  it('a directory with no shiftready files: exit 2, nothing matched', async () => {
    const dir = tempDir({
      'conf/other.yaml': 'name: not ours\n',
      'conf/readme.txt': 'shiftready: 1\n',
      'conf/.hidden/x.yaml': BASE,
      'conf/node_modules/x.yaml': BASE,
    });
    expectClean(await check(['conf'], dir), 2, 'conf: no shiftready files found');
  });

  it('an empty path argument (e.g. an unset "$CONFIG_DIR") is a usage error, not the current directory', async () => {
    const dir = tempDir({ 'a.yaml': BASE });
    expectClean(await check([''], dir), 2, /empty|no such file/i);
  });

  it('no path argument and an empty current directory: exit 2, nothing matched', async () => {
    const dir = tempDir();
    expectClean(await check([], dir), 2, 'no shiftready files found');
  });

  it('a file whose first key is not `shiftready`, named explicitly: exit 2', async () => {
    const dir = tempDir({ 'other.yaml': 'organization:\n  id: x\nshiftready: 1\n' });
    expectClean(await check(['other.yaml'], dir), 2, 'other.yaml: not a shiftready file', 'shiftready: 1');
  });

  it('the same file found in a directory search is skipped; the rest is checked', async () => {
    const dir = tempDir({ 'conf/a.yaml': BASE, 'conf/other.yaml': 'organization:\n  id: x\nshiftready: 1\n' });
    const r = await check(['conf', '--format', 'json'], dir);
    expectClean(r, 0);
    expect(r.stdout).not.toContain('other.yaml');
  });
});

describe('--out targets', () => {
  it.skipIf(NO_SPECIAL_FILES)(
    `--out through a symlink writes the file it points to and keeps the link${skipNote(NO_SPECIAL_FILES)}`,
    async () => {
      const dir = tempDir({ 'a.yaml': BASE, 'real.json': 'old\n' });
      symlinkSync('real.json', join(dir, 'link.json'));
      expectClean(await check(['a.yaml', '--format', 'json', '--out', 'link.json'], dir), 0);
      expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
      expect(readFileSync(join(dir, 'real.json'), 'utf8')).toContain('"findings"');
    },
  );

  it('--out into a missing directory: exit 2, cannot write', async () => {
    const dir = tempDir({ 'a.yaml': BASE });
    expectClean(await check(['a.yaml', '--out', 'no/such/dir/out.txt'], dir), 2, '--out no/such/dir/out.txt: cannot write');
  });

  it('--out onto a directory: exit 2, cannot write', async () => {
    const dir = tempDir({ 'a.yaml': BASE, 'sub/x.txt': '' });
    expectClean(await check(['a.yaml', '--out', 'sub'], dir), 2, '--out sub: cannot write');
  });
});

describe('flags and option values', () => {
  let dir: string;
  const withBase = () => (dir ??= tempDir({ 'a.yaml': BASE }));

  const cases: [string, string[], (string | RegExp)[]][] = [
    ['an unknown flag', ['--bogus'], ["unknown option '--bogus'"]],
    ['an unknown format', ['--format', 'xml'], ["argument 'xml' is invalid", 'stylish']],
    ['an unknown --fail-on', ['--fail-on', 'info'], ["argument 'info' is invalid"]],
    ['a negative --max-warnings', ['--max-warnings', '-1'], ['--max-warnings "-1": give a whole number of 0 or more']],
    ['a non-numeric --max-warnings', ['--max-warnings', 'lots'], ['--max-warnings "lots"']],
    ['an unknown rule in --rule', ['--rule', 'nope=error'], ['unknown rule `nope`']],
    ['a close misspelling in --rule', ['--rule', 'staff-lacks-permision=error'], ['did you mean `staff-lacks-permission`']],
    ['an unknown severity in --rule', ['--rule', 'schema=loud'], ['--rule schema=loud', 'error|warn|off']],
    ['a --rule without a value', ['--rule'], ["'--rule <id=severity>' argument missing"]],
    ['a --from that is not a date', ['--from', 'notadate'], ['--from "notadate" is not a date']],
    ['an impossible --from date', ['--from', '2026-02-30'], ['--from "2026-02-30" is not a date']],
    ['a --to before --from', ['--from', '2026-02-01', '--to', '2026-01-01'], ['--to must be after --from']],
    ['a period longer than 10 years', ['--from', '2020-01-01', '--to', '2031-01-01'], ['longer than 10 years']],
    ['a --now that is not a date-time', ['--now', 'soon'], ['--now "soon"']],
  ];

  for (const [name, flags, messages] of cases) {
    it(`${name}: exit 2 (${flags.join(' ')})`, async () => {
      expectClean(await check(['a.yaml', ...flags], withBase()), 2, ...messages);
    });
  }

  it('a bad SHIFTREADY_NOW: exit 2, names the variable', async () => {
    const r = await run(['check', 'a.yaml'], withBase(), { SHIFTREADY_NOW: 'whenever' });
    expectClean(r, 2, 'SHIFTREADY_NOW "whenever"');
  });

  it('an unknown command: exit 2', async () => {
    expectClean(await run(['frobnicate'], withBase()), 2, 'frobnicate');
  });
});

describe('format version and document shape', () => {
  it('`shiftready: 2`: exit 1, an unsupported-version finding at the value', async () => {
    const dir = tempDir({ 'v2.yaml': BASE.replace('shiftready: 1', 'shiftready: 2') });
    expectClean(await check(['v2.yaml'], dir), 1, 'v2.yaml:1:13', 'unsupported format version 2', 'schema');
  });

  it('`shiftready: 2` is found by a directory search too (not silently skipped)', async () => {
    const dir = tempDir({ 'conf/v2.yaml': BASE.replace('shiftready: 1', 'shiftready: 2') });
    expectClean(await check(['conf'], dir), 1, 'unsupported format version 2');
  });

  it('a multi-document file: exit 1, one YAML document per file, at the second `---`', async () => {
    const dir = tempDir({ 'multi.yaml': `---\n${BASE}---\nshiftready: 1\n---\nprograms: []\n` });
    expectClean(await check(['multi.yaml'], dir), 1, 'multi.yaml:30:1', 'one YAML document', 'yaml-syntax');
  });

  it('tabs as indentation: exit 1, a yaml-syntax finding on each tab-indented line', async () => {
    const dir = tempDir({ 'tabs.yaml': 'shiftready: 1\norganization:\n\tid: org\n\tname: x\n' });
    expectClean(await check(['tabs.yaml'], dir), 1, 'tabs.yaml:3:1', 'tabs are not allowed as indentation', 'yaml-syntax');
  });

  it('a duplicate key: exit 1, a yaml-syntax finding at the duplicate', async () => {
    const dir = tempDir({
      'dup.yaml': 'shiftready: 1\norganization:\n  id: org\n  name: Test Line\n  timezone: America/Chicago\n  name: Other\n',
    });
    expectClean(await check(['dup.yaml'], dir), 1, 'dup.yaml:6:3', 'appears twice', 'yaml-syntax');
  });
});

describe('internal errors (in-process)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  function breakRule() {
    const rule = RULES.find((r) => r.meta.id === 'duplicate-id')!;
    vi.spyOn(rule, 'check').mockImplementation(() => {
      throw new TypeError("Cannot read properties of undefined (reading 'id')");
    });
  }

  it('a rule that throws gives exit 3 and a request to report the bug, without a stack trace', async () => {
    breakRule();
    const dir = tempDir({ 'a.yaml': BASE });
    const r = await cli(['check', '.'], dir, { ...process.env, SHIFTREADY_DEBUG: '' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/internal error/);
    expect(r.stderr).toMatch(/report/);
    expect(r.stderr).toContain("Cannot read properties of undefined (reading 'id')");
    expect(r.stderr).not.toContain('    at ');
    expect(r.stdout).toBe('');
  });

  it('with SHIFTREADY_DEBUG=1 the stack trace follows', async () => {
    breakRule();
    const dir = tempDir({ 'a.yaml': BASE });
    const r = await cli(['check', '.'], dir, { ...process.env, SHIFTREADY_DEBUG: '1' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/internal error/);
    expect(r.stderr).toContain('    at ');
  });

  it('a thrown non-Error value is handled the same way', async () => {
    const rule = RULES.find((r) => r.meta.id === 'schema')!;
    vi.spyOn(rule, 'check').mockImplementation(() => {
      throw 'boom';
    });
    const dir = tempDir({ 'a.yaml': BASE });
    const r = await cli(['check', 'a.yaml'], dir, { ...process.env, SHIFTREADY_DEBUG: '' });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/internal error: boom/);
    expect(r.stderr).toMatch(/report/);
  });
});
