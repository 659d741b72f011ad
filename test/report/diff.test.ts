/**
 * `diff --base REF` (SPEC §5.6) on scratch git repositories made in temporary directories.
 *
 * All in America/Chicago in January 2026 (UTC-6): a local 17:00 is 23:00Z. Period --from
 * 2026-01-05 --to 2026-01-12: Monday 2026-01-05 00:00 to Monday 2026-01-12 00:00 local (168 h);
 * Mon 5 … Fri 9 are the weekdays.
 *
 * The golden text and markdown files under golden/ were written once with UPDATE_GOLDEN=1 and then
 * reviewed line by line against the hand computation below; to accept an intended change, rerun
 * with UPDATE_GOLDEN=1 and review the diff before committing.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BASE, cli, tempDir } from '../helpers.js';

const PERIOD = ['--from', '2026-01-05', '--to', '2026-01-12', '--now', '2026-01-05T12:00'];

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'commit.gpgsign=false', '-c', 'core.autocrlf=false', ...args], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A fresh repository with one commit per entry of `commits` (file name → text). */
function repo(commits: Record<string, string>[]): string {
  const dir = tempDir();
  git(dir, 'init', '-q');
  git(dir, 'config', 'user.email', 'test@example.com');
  git(dir, 'config', 'user.name', 'Test');
  commits.forEach((files, i) => {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', `commit ${i}`);
  });
  return dir;
}

function golden(name: string, actual: string): void {
  const file = new URL(`./golden/${name}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

const WEB_DAY = `  - id: web-day
    program: chat-program
    messaging: chat
    start: "09:00"
    end: "17:00"
    repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
    from: 2026-01-05
    staff: [ph, ben]
`;
const WEB_EVE = `  - id: web-eve
    program: chat-program
    messaging: chat
    start: "17:00"
    end: "21:00"
    repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
    from: 2026-01-05
    staff: [ana]
`;
const textDay = (end: string) => `  - id: text-day
    program: sms-program
    messaging: sms
    start: "10:00"
    end: "${end}"
    repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
    from: 2026-01-05
    staff: [ana]
`;
const REQUIREMENT = `requirements:
  - id: web-core
    portal: web
    repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
    from: 2026-01-05
    start: "09:00"
    end: "21:00"
    minHumans: 1
`;
/** BASE + ben away on Wednesday 2026-01-07 (appended under ben, BASE's last user) + a placeholder. */
const PEOPLE = `${BASE}    away:
      - { from: 2026-01-07, to: 2026-01-07 }
  - id: ph
    role: basic
    placeholder: true
    programs: [chat-program]
    canReceive: [chat]
`;

/*
 * Base (committed):  web-day Mon-Fri 09-17 [ph, ben] (ben away Wed), web-eve Mon-Fri 17-21 [ana],
 *                    text-day Mon-Fri 10-14 [ana]; requirement web-core: web Mon-Fri 09-21, 1 human.
 * Working tree:      web-eve removed; text-day lengthened to 10-16.
 *
 * Before: web online = web-day 8 h × 5 + web-eve 4 h × 5 = 60 h; humans = 60 − 8 (Wed 09-17 has
 *           only the placeholder) = 52 h. text online = 4 h × 5 = 20 h, humans 20 h (ana).
 *         gaps: Wed 09-17 too-few-humans only.
 * After:  web online = 40 h, humans = 32 h; text = 6 h × 5 = 30 h, humans 30 h.
 *         gaps: Wed 09-17 too-few-humans (already there: not new) and 17-21 no-shift every
 *         weekday (new): 23:00Z to 03:00Z the next day, Mon 5 … Fri 9.
 * changedShifts: text-day (changed), web-eve (removed) → ["text-day", "web-eve"].
 * Users' counted time: ana before 17-21 (web) + 10-14 (text) = 8 h/day = 40 h, after 10-16 = 6 h/day
 *   = 30 h → affected. ben (web-day, 32 h) and ph (web-day, 40 h) unchanged → not affected.
 * notify (1.1): affected users ∪ the non-placeholder staff of the changed shifts before and after
 *   (text-day [ana], web-eve [ana]) → ["ana"].
 */
const BEFORE = `${PEOPLE}shifts:\n${WEB_DAY}${WEB_EVE}${textDay('14:00')}${REQUIREMENT}`;
const AFTER = `${PEOPLE}shifts:\n${WEB_DAY}${textDay('16:00')}${REQUIREMENT}`;
/** The same base with an error: a shift names a user who does not exist. */
const BROKEN = BEFORE.replace('staff: [ph, ben]', 'staff: [ph, bob]');

const newGap = (day: number) => ({
  requirement: 'web-core',
  start: `2026-01-${String(day).padStart(2, '0')}T23:00:00Z`,
  end: `2026-01-${String(day + 1).padStart(2, '0')}T03:00:00Z`,
  reason: 'no-shift',
});

const EXPECTED = {
  base: 'HEAD',
  portals: [
    { id: 'text', before: { onlineHours: 20, humanHours: 20 }, after: { onlineHours: 30, humanHours: 30 }, newGaps: [] },
    {
      id: 'web',
      before: { onlineHours: 60, humanHours: 52 },
      after: { onlineHours: 40, humanHours: 32 },
      newGaps: [5, 6, 7, 8, 9].map(newGap),
    },
  ],
  changedShifts: ['text-day', 'web-eve'],
  affectedUsers: ['ana'],
  notify: ['ana'],
};

let dir: string;

beforeAll(() => {
  // HEAD~1: the broken configuration; HEAD: the valid base; working tree: the change.
  dir = repo([{ 'line.yaml': BROKEN }, { 'line.yaml': BEFORE }]);
  writeFileSync(join(dir, 'line.yaml'), AFTER);
});

describe('diff --base (SPEC §5.6)', () => {
  it('json: hours before and after, new gaps, changed shifts, affected users', async () => {
    const run = await cli(['diff', '--base', 'HEAD', dir, '--format', 'json', ...PERIOD], dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(EXPECTED);
  });

  it('text (golden, reviewed)', async () => {
    const run = await cli(['diff', '--base', 'HEAD', '.', ...PERIOD], dir);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('text: online 20.00 h → 30.00 h (+10.00 h), with humans 20.00 h → 30.00 h (+10.00 h)\n');
    expect(out).toContain('web: online 60.00 h → 40.00 h (−20.00 h), with humans 52.00 h → 32.00 h (−20.00 h)\n');
    for (const day of ['05', '06', '07', '08', '09'])
      expect(out).toContain(`  new gap: web-core 2026-01-${day} 17:00 to 21:00 (no shift)\n`);
    expect(out).not.toContain('09:00 to 17:00');
    expect(out).toContain('Shifts changed: text-day (changed), web-eve (removed)');
    expect(out).toContain('  ana: counted time 40.00 h → 30.00 h (−10.00 h)\n');
    expect(out).not.toMatch(/^ {2}(ben|ph):/m);
    expect(out).toContain('5 new gaps against requirements.');
    golden('diff.text.txt', out);
  });

  it('markdown (golden, reviewed)', async () => {
    const run = await cli(['diff', '--base', 'HEAD', '--format', 'markdown', ...PERIOD], dir);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('| text | 20.00 h | 30.00 h | +10.00 h | 20.00 h | 30.00 h | +10.00 h |');
    expect(out).toContain('| web | 60.00 h | 40.00 h | −20.00 h | 52.00 h | 32.00 h | −20.00 h |');
    expect(out).toContain('| new | web-core | web | 2026-01-07 17:00 | 21:00 | no shift |');
    expect(out).toContain('| ana | 40.00 h | 30.00 h | −10.00 h |');
    expect(out).not.toContain('| ben |');
    golden('diff.markdown.txt', out);
  });

  it('--fail-on-new-gaps exits 1 when the change opens gaps', async () => {
    const run = await cli(['diff', '--base', 'HEAD', '--fail-on-new-gaps', '--format', 'json', ...PERIOD], dir);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual(EXPECTED);
  });

  it('--fail-on-new-gaps exits 0 when there are none (comparing with itself: no change at all)', async () => {
    // The repository at HEAD against HEAD: nothing changes and the pre-existing Wednesday gap
    // (too-few-humans 09-17) is not new.
    const same = repo([{ 'line.yaml': BEFORE }]);
    const run = await cli(['diff', '--base', 'HEAD', '--fail-on-new-gaps', '--format', 'json', ...PERIOD], same);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      base: 'HEAD',
      portals: [
        { id: 'text', before: { onlineHours: 20, humanHours: 20 }, after: { onlineHours: 20, humanHours: 20 }, newGaps: [] },
        { id: 'web', before: { onlineHours: 60, humanHours: 52 }, after: { onlineHours: 60, humanHours: 52 }, newGaps: [] },
      ],
      changedShifts: [],
      affectedUsers: [],
      notify: [],
    });
    const text = await cli(['diff', '--base', 'HEAD', ...PERIOD], same);
    expect(text.stdout).toContain("No change to coverage, shifts or anyone's hours.");
  });

  it('a base that does not exist: exit 2 with a clear message', async () => {
    const run = await cli(['diff', '--base', 'no-such-branch', '--format', 'json', ...PERIOD], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('--base no-such-branch');
    expect(run.stderr).toContain('no such commit, branch or tag');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('a base whose configuration has errors: exit 1, naming the base and the error', async () => {
    const run = await cli(['diff', '--base', 'HEAD~1', '--format', 'json', ...PERIOD], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('the configuration at HEAD~1 has errors');
    expect(run.stderr).toContain('unknown-reference');
    expect(run.stderr).toContain('`bob`');
  });

  it('outside a git repository: exit 2', async () => {
    const plain = tempDir({ 'line.yaml': AFTER });
    const run = await cli(['diff', '--base', 'HEAD', '--format', 'json', ...PERIOD], plain);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('not inside a git repository');
  });

  it('a shift that moves (same length) affects everyone on it, though their totals stay the same', async () => {
    // web-day moves from 09-17 to 10-18. ben (32 h: Mon, Tue, Thu, Fri) and ph (40 h) keep their
    // totals but count at other times: both must be told. ana (web-eve, text-day) is untouched.
    // web: before 60 h online / 52 h humans; after web-day 10-18 ∪ web-eve 17-21 = 10-21 = 11 h ×
    // 5 = 55 h online; humans: Wed 10-17 is placeholder-only (7 h) → 48 h.
    // New gaps: 09-10 every weekday, no-shift (15:00Z-16:00Z); Wednesday 09-10 was part of the
    // old too-few-humans gap, but as a gap it was there before, so only Mon, Tue, Thu, Fri are new.
    const moved = repo([{ 'line.yaml': BEFORE }]);
    writeFileSync(join(moved, 'line.yaml'), BEFORE.replace('start: "09:00"\n    end: "17:00"', 'start: "10:00"\n    end: "18:00"'));
    const run = await cli(['diff', '--base', 'HEAD', '--format', 'json', ...PERIOD], moved);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.portals[1]).toEqual({
      id: 'web',
      before: { onlineHours: 60, humanHours: 52 },
      after: { onlineHours: 55, humanHours: 48 },
      newGaps: [5, 6, 8, 9].map((d) => ({
        requirement: 'web-core',
        start: `2026-01-0${d}T15:00:00Z`,
        end: `2026-01-0${d}T16:00:00Z`,
        reason: 'no-shift',
      })),
    });
    expect(json.changedShifts).toEqual(['web-day']);
    expect(json.affectedUsers).toEqual(['ben', 'ph']);
    // notify (1.1) = affectedUsers ∪ the non-placeholder staff of web-day ([ph, ben]) = [ben, ph].
    expect(json.notify).toEqual(['ben', 'ph']);
    const text = (await cli(['diff', '--base', 'HEAD', ...PERIOD], moved)).stdout;
    expect(text).toContain('People to tell:\n  ben: counted time 32.00 h → 32.00 h (same hours, other times)\n');
  });

  it('notify: the staff of a changed shift are told even when their counted time stays the same', async () => {
    // web-eve [ana] gets an explicit `minStaff: 1` (the default): the shift changed, nobody's
    // counted time did → affectedUsers [], notify [ana] (SPEC §5.6, 1.1).
    const same = repo([{ 'line.yaml': BEFORE }]);
    writeFileSync(join(same, 'line.yaml'), BEFORE.replace('    staff: [ana]\n', '    minStaff: 1\n    staff: [ana]\n'));
    const json = JSON.parse((await cli(['diff', '--base', 'HEAD', '--format', 'json', ...PERIOD], same)).stdout);
    expect(json.changedShifts).toEqual(['web-eve']);
    expect(json.affectedUsers).toEqual([]);
    expect(json.notify).toEqual(['ana']);
    const text = (await cli(['diff', '--base', 'HEAD', ...PERIOD], same)).stdout;
    expect(text).toContain('People to tell:\n  ana: on a changed shift; their counted time stays the same\n');
    const md = (await cli(['diff', '--base', 'HEAD', '--format', 'markdown', ...PERIOD], same)).stdout;
    expect(md).toContain('| ana | | | on a changed shift; counted time unchanged |');
  });

  it('uses the repository that contains the path, wherever it is run from', async () => {
    const elsewhere = tempDir();
    const run = await cli(['diff', '--base', 'HEAD', dir, '--format', 'json', ...PERIOD], elsewhere);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(EXPECTED);
  });
});
