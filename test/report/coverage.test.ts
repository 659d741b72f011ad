/**
 * `report` (SPEC §3.2, §5.4): every number below is worked out by hand from the spec.
 *
 * All in America/Chicago in January 2026, standard time all month (UTC-6): a local 09:00 is
 * 15:00Z. The period is --from 2026-01-05 --to 2026-01-12, i.e. Monday 2026-01-05 00:00 local
 * (2026-01-05T06:00:00Z) to Monday 2026-01-12 00:00 local (2026-01-12T06:00:00Z): 7 × 24 = 168 h.
 * Weekdays: Mon 5, Tue 6, Wed 7, Thu 8, Fri 9, Sat 10, Sun 11.
 *
 * The golden text and markdown files under golden/ were written once with UPDATE_GOLDEN=1 and then
 * reviewed line by line against the hand computation below (every hour, share, gap and mark); to
 * accept an intended change, rerun with UPDATE_GOLDEN=1 and review the diff before committing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadFromTexts } from '../../src/check.js';
import { coverage } from '../../src/compile.js';
import { BASE, cli, tempDir } from '../helpers.js';

const PERIOD = ['--from', '2026-01-05', '--to', '2026-01-12', '--now', '2026-01-05T12:00'];

/**
 * BASE (portals web = chat-program/chat, text = sms-program/sms; ana: admin, both, mobileAlerts;
 * ben: basic, chat, no mobileAlerts) plus:
 * - ben away all of Tuesday 2026-01-06 (appended under ben, the last user of BASE);
 * - cy, a real chat user without mobileAlerts; ph, a placeholder for chat;
 * - web-day   Mon-Fri 09:00-17:00 [ph, ben]  (web)
 * - web-early Tue 2026-01-06 07:00-09:00 [ben] (web; ben is away, so it is unstaffed)
 * - web-late  Mon-Fri 16:00-20:00 [ana]      (web; overlaps web-day 16-17)
 * - web-sat   Sat 2026-01-10 10:00-12:00 [cy] (web)
 * - text-late Mon-Fri 18:00-22:00 [ana]      (text; overlaps ana's web-late 18-20)
 * - override thu-break: web offline Thu 2026-01-08 12:00-13:00
 * - organization holiday Wed 2026-01-07 "Staff Day", expect: either
 * - requirement web-core: web, Mon-Fri 08:00-18:00, minHumans 1
 */
const CONFIG = `${BASE}    away:
      - { from: 2026-01-06, to: 2026-01-06 }
  - id: cy
    role: basic
    programs: [chat-program]
    canReceive: [chat]
  - id: ph
    role: basic
    placeholder: true
    programs: [chat-program]
    canReceive: [chat]
shifts:
  - id: web-day
    program: chat-program
    messaging: chat
    start: "09:00"
    end: "17:00"
    repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
    from: 2026-01-05
    staff: [ph, ben]
  - id: web-early
    program: chat-program
    messaging: chat
    date: 2026-01-06
    start: "07:00"
    end: "09:00"
    staff: [ben]
  - id: web-late
    program: chat-program
    messaging: chat
    start: "16:00"
    end: "20:00"
    repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
    from: 2026-01-05
    staff: [ana]
  - id: web-sat
    program: chat-program
    messaging: chat
    date: 2026-01-10
    start: "10:00"
    end: "12:00"
    staff: [cy]
  - id: text-late
    program: sms-program
    messaging: sms
    start: "18:00"
    end: "22:00"
    repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
    from: 2026-01-05
    staff: [ana]
overrides:
  - id: thu-break
    portal: web
    offline: 2026-01-08T12:00
    online: 2026-01-08T13:00
    by: ana
holidays:
  dates:
    - { date: 2026-01-07, name: Staff Day }
  expect: either
requirements:
  - id: web-core
    portal: web
    repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
    from: 2026-01-05
    start: "08:00"
    end: "18:00"
    minHumans: 1
`;

/*
 * Portal web, day by day (local times):
 *   Mon 5:  09-16 web-day (ph, ben): humans [ben], no alerts (ben has no mobileAlerts)
 *           16-17 web-day + web-late: humans [ana, ben], alerts [ana]
 *           17-20 web-late: humans [ana], alerts [ana]
 *           → online 11 h, humans 11 h, placeholder-only 0, alerted 4 h (16-20)
 *   Tue 6:  07-09 web-early: ben away → unstaffed (offline)
 *           09-16 web-day: only ph counts → placeholder-only 7 h
 *           16-20 as Monday (ana) → humans 4 h, alerted 4 h
 *           → online 11, humans 4, placeholder-only 7, alerted 4
 *   Wed 7:  as Monday (the holiday changes nothing in the timeline) → 11 / 11 / 0 / 4
 *   Thu 8:  as Monday but 12-13 switched off by thu-break → 10 / 10 / 0 / 4
 *   Fri 9:  as Monday → 11 / 11 / 0 / 4
 *   Sat 10: 10-12 web-sat (cy, no mobileAlerts) → 2 / 2 / 0 / 0
 *   web: online 11+11+11+10+11+2 = 56 h; humans 11+4+11+10+11+2 = 49 h; placeholder-only 7 h;
 *        alerted 4×5 = 20 h; coverage 56/168 = 0.3333… → 0.333.
 * Portal text: text-late Mon-Fri 18-22 (ana, mobileAlerts): 4 h × 5 = 20 h online, 20 h humans,
 *   0 placeholder-only, 20 h alerted; coverage 20/168 = 0.11904… → 0.119.
 *
 * Requirement web-core (Mon-Fri 08-18, at least 1 human), Wednesday excluded (holiday, expect
 * either: requirements do not apply that day):
 *   Mon 08-09 no shift              → 2026-01-05T14:00Z-15:00Z no-shift
 *   Tue 08-09 web-early unstaffed   → 2026-01-06T14:00Z-15:00Z unstaffed
 *   Tue 09-16 placeholder only      → 2026-01-06T15:00Z-22:00Z too-few-humans
 *       (16-18: ana counts on web-late → met)
 *   Thu 08-09 no shift              → 2026-01-08T14:00Z-15:00Z no-shift
 *   Thu 12-13 switched off          → 2026-01-08T18:00Z-19:00Z override
 *   Fri 08-09 no shift              → 2026-01-09T14:00Z-15:00Z no-shift
 *   (without the holiday, Wed 08-09 would be a no-shift gap too.) 1+1+7+1+1+1 = 12 h missing.
 *
 * Users (time counting on staffed shifts, any portal, switches aside; union per user):
 *   ana: web-late 16-20 ∪ text-late 18-22 = 16-22 = 6 h/day × 5 = 30 h (not 8 h/day: the 18-20
 *        overlap counts once)
 *   ben: web-day 8 h on Mon, Wed, Thu, Fri = 32 h (away Tue; web-early unstaffed; the override
 *        switches the portal, not his counting)
 *   cy:  2 h (Saturday); ph: web-day 8 h × 5 = 40 h.
 * Load marks: average of real users with counted time = (30 + 32 + 2) / 3 = 21.333 h;
 *   1.5 × 21.333 = 32 h exactly, so ben (32 h) is NOT over it (strictly "over");
 *   half = 10.667 h, so cy (2 h) is far less; ana (30 h) unmarked; ph is a placeholder.
 */

/*
 * Candidates per gap (SPEC §5.7): the real users of chat-program who can receive chat are ana
 * (30 h), ben (32 h) and cy (2 h); ranked by fewest hours, then id.
 * - the 08:00-09:00 no-shift gaps (Mon, Thu, Fri): nobody is away or counting then: cy, ana, ben;
 * - Tue 08-09 (web-early) and Tue 09-16 (web-day): ben is away all Tuesday (and is on both
 *   shifts); ana's web-late starts at 16:00, so she is free: cy, ana;
 * - the override gap: staffing does not help, no candidates.
 */
const ALL_FREE = [
  { user: 'cy', hours: 2 },
  { user: 'ana', hours: 30 },
  { user: 'ben', hours: 32 },
];
const BEN_AWAY = [
  { user: 'cy', hours: 2 },
  { user: 'ana', hours: 30 },
];

const EXPECTED_JSON = {
  period: { from: '2026-01-05T06:00:00Z', to: '2026-01-12T06:00:00Z' },
  portals: [
    { id: 'text', onlineHours: 20, humanHours: 20, placeholderOnlyHours: 0, alertHours: 20, coverage: 0.119, gaps: [] },
    {
      id: 'web',
      onlineHours: 56,
      humanHours: 49,
      placeholderOnlyHours: 7,
      alertHours: 20,
      coverage: 0.333,
      gaps: [
        { requirement: 'web-core', start: '2026-01-05T14:00:00Z', end: '2026-01-05T15:00:00Z', reason: 'no-shift', candidates: ALL_FREE },
        { requirement: 'web-core', start: '2026-01-06T14:00:00Z', end: '2026-01-06T15:00:00Z', reason: 'unstaffed', candidates: BEN_AWAY },
        {
          requirement: 'web-core',
          start: '2026-01-06T15:00:00Z',
          end: '2026-01-06T22:00:00Z',
          reason: 'too-few-humans',
          candidates: BEN_AWAY,
        },
        { requirement: 'web-core', start: '2026-01-08T14:00:00Z', end: '2026-01-08T15:00:00Z', reason: 'no-shift', candidates: ALL_FREE },
        { requirement: 'web-core', start: '2026-01-08T18:00:00Z', end: '2026-01-08T19:00:00Z', reason: 'override', candidates: [] },
        { requirement: 'web-core', start: '2026-01-09T14:00:00Z', end: '2026-01-09T15:00:00Z', reason: 'no-shift', candidates: ALL_FREE },
      ],
    },
  ],
  users: [
    { id: 'ana', hours: 30 },
    { id: 'ben', hours: 32 },
    { id: 'cy', hours: 2 },
    { id: 'ph', hours: 40 },
  ],
};

async function report(text: string, format: string) {
  const dir = tempDir({ 'line.yaml': text });
  return cli(['report', '.', '--format', format, ...PERIOD], dir);
}

function golden(name: string, actual: string): void {
  const file = new URL(`./golden/${name}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('report --format json (SPEC §5.4)', () => {
  it('hours, coverage, gaps with their reasons and users, exactly as computed by hand', async () => {
    const run = await report(CONFIG, 'json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(EXPECTED_JSON);
    // Exactly the keys of §5.4, in its order.
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(['period', 'portals', 'users']);
    expect(Object.keys(json.portals[0])).toEqual([
      'id',
      'onlineHours',
      'humanHours',
      'placeholderOnlyHours',
      'alertHours',
      'coverage',
      'gaps',
    ]);
    expect(Object.keys(json.portals[1].gaps[0])).toEqual(['requirement', 'start', 'end', 'reason', 'candidates']);
  });

  it('the holiday (expect: either) lifts the requirement that day; on an ordinary day it applies', async () => {
    // Without the holidays section, Wednesday 08:00-09:00 (14:00Z-15:00Z) is a no-shift gap like
    // the other weekdays, and nothing else changes (7 gaps instead of 6).
    const noHoliday = CONFIG.replace(/holidays:\n {2}dates:\n.*\n {2}expect: either\n/, '');
    expect(noHoliday).not.toContain('Staff Day');
    const run = await report(noHoliday, 'json');
    expect(run.code).toBe(0);
    const gaps = JSON.parse(run.stdout).portals[1].gaps;
    expect(gaps).toEqual([
      ...EXPECTED_JSON.portals[1]!.gaps.slice(0, 3),
      { requirement: 'web-core', start: '2026-01-07T14:00:00Z', end: '2026-01-07T15:00:00Z', reason: 'no-shift', candidates: ALL_FREE },
      ...EXPECTED_JSON.portals[1]!.gaps.slice(3),
    ]);
  });

  it('on a `covered` holiday the requirements apply as on any day: its gaps are in the report', async () => {
    // SPEC §3.2: "`covered` — requirements apply as on any day". Monday 2026-01-19 is Martin
    // Luther King Jr. Day (third Monday of January: Mondays 5, 12, 19) in the US calendar.
    // Requirement core: web 09:00-17:00 that day, 1 human; shift mon: web 10:00-17:00 [ben].
    // Period: that day, 2026-01-19T06:00Z to 2026-01-20T06:00Z (24 h).
    // → web online 7 h, humans 7 h, no alerts (ben), coverage 7/24 = 0.2917 → 0.292;
    //   one gap 09:00-10:00 local = 15:00Z-16:00Z, no-shift; candidates ana (no shifts, 0 h) and
    //   ben (7 h, free until 10:00).
    const text = `${BASE}shifts:
  - { id: mon, program: chat-program, messaging: chat, start: "10:00", end: "17:00", date: 2026-01-19, staff: [ben] }
holidays:
  calendars: [US]
  expect: covered
requirements:
  - { id: core, portal: web, start: "09:00", end: "17:00", date: 2026-01-19, minHumans: 1 }
`;
    const dir = tempDir({ 'line.yaml': text });
    const run = await cli(
      ['report', '.', '--format', 'json', '--from', '2026-01-19', '--to', '2026-01-20', '--now', '2026-01-05T12:00'],
      dir,
    );
    expect(run.code).toBe(0);
    const web = JSON.parse(run.stdout).portals[1];
    expect(web).toEqual({
      id: 'web',
      onlineHours: 7,
      humanHours: 7,
      placeholderOnlyHours: 0,
      alertHours: 0,
      coverage: 0.292,
      gaps: [
        {
          requirement: 'core',
          start: '2026-01-19T15:00:00Z',
          end: '2026-01-19T16:00:00Z',
          reason: 'no-shift',
          candidates: [
            { user: 'ana', hours: 0 },
            { user: 'ben', hours: 7 },
          ],
        },
      ],
    });
  });

  it('hours are exact sums rounded to 0.01 at the end; coverage to 3 decimals; far more / far less', async () => {
    // BASE + fulltime: Mon-Fri 08:00-12:00 [ana] on web (4 h × 5 = 20 h);
    //        blip: Sat 2026-01-10 09:00-09:20 [ben] on web (20 min = 0.3333 h → 0.33).
    // web online = 20 h 20 min = 20.3333 → 20.33; humans the same; alerted = ana's 20 h only
    // (ben has no mobileAlerts); coverage = 20.3333/168 = 0.121031… → 0.121. text: nothing.
    // Users: ana 20, ben 0.33. Average = (20 + 0.3333)/2 = 10.1667 h: 1.5× = 15.25 → ana is far
    // more; half = 5.083 → ben is far less.
    const text = `${BASE}shifts:
  - { id: fulltime, program: chat-program, messaging: chat, start: "08:00", end: "12:00", repeat: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", from: 2026-01-05, staff: [ana] }
  - { id: blip, program: chat-program, messaging: chat, start: "09:00", end: "09:20", date: 2026-01-10, staff: [ben] }
`;
    const run = await report(text, 'json');
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      period: { from: '2026-01-05T06:00:00Z', to: '2026-01-12T06:00:00Z' },
      portals: [
        { id: 'text', onlineHours: 0, humanHours: 0, placeholderOnlyHours: 0, alertHours: 0, coverage: 0, gaps: [] },
        { id: 'web', onlineHours: 20.33, humanHours: 20.33, placeholderOnlyHours: 0, alertHours: 20, coverage: 0.121, gaps: [] },
      ],
      users: [
        { id: 'ana', hours: 20 },
        { id: 'ben', hours: 0.33 },
      ],
    });
    const out = (await report(text, 'text')).stdout;
    expect(out).toContain('  ana      20.00 h  ▲ far more than average\n');
    expect(out).toContain('  ben       0.33 h  ▼ far less than average\n');
    expect(out).toContain('average of the people with counted time: 10.17 h;');
    const md = (await report(text, 'markdown')).stdout;
    expect(md).toContain('| ana | 20.00 h | ▲ far more than average |');
    expect(md).toContain('| ben | 0.33 h | ▼ far less than average |');
  });
});

describe('report text and markdown (golden, reviewed)', () => {
  it('text', async () => {
    const run = await report(CONFIG, 'text');
    expect(run.code).toBe(0);
    const out = run.stdout;
    // Totals (see the computation above).
    expect(out).toContain('Period: 2026-01-05 00:00 (UTC-6) to 2026-01-12 00:00 (UTC-6) (7 days)');
    expect(out).toContain('text       20.00 h      20.00 h             0.00 h     20.00 h     11.9%');
    expect(out).toContain('web        56.00 h      49.00 h             7.00 h     20.00 h     33.3%');
    // Gaps, in local time, 12 h missing in all.
    expect(out).toContain(
      [
        '  web-core (portal web): 12.00 h missing',
        '    2026-01-05 08:00 to 09:00  no shift',
        '      candidates: cy (2.00 h), ana (30.00 h), ben (32.00 h)',
        '    2026-01-06 08:00 to 09:00  unstaffed',
        '      candidates: cy (2.00 h), ana (30.00 h)',
        '    2026-01-06 09:00 to 16:00  no human (only placeholders)',
        '      candidates: cy (2.00 h), ana (30.00 h)',
        '    2026-01-08 08:00 to 09:00  no shift',
        '      candidates: cy (2.00 h), ana (30.00 h), ben (32.00 h)',
        '    2026-01-08 12:00 to 13:00  switched off (override thu-break)',
        '      candidates: none: the portal is switched off',
        '    2026-01-09 08:00 to 09:00  no shift',
        '      candidates: cy (2.00 h), ana (30.00 h), ben (32.00 h)',
      ].join('\n'),
    );
    expect(out).not.toContain('2026-01-07 08:00');
    expect(out).toContain('Holidays in the period: 2026-01-07 Staff Day');
    // Week's shape: web is online 09-20 on weekdays (hours 9..19), Thursday without 12, Saturday
    // 10-11; text 18-21 on weekdays. One week, so every share is 0 or 1.
    expect(out).toContain('web     Mon  ·········███████████····\n');
    expect(out).toContain('        Thu  ·········███·███████····\n');
    expect(out).toContain('        Sat  ··········██············\n');
    expect(out).toContain('text    Mon  ··················████··\n');
    // The two-line hour ruler (tens, units) stands over the grid: hour h's digits are in the same
    // column as hour h's cell. Rows are `id.padEnd(6)` + 2 spaces + `Mon` + 2 spaces = 13 columns
    // before the first cell, so the ruler must start after 13 spaces too.
    const lines = out.split('\n');
    const tens = lines.find((l) => l.trim() === '000000000011111111112222')!;
    const units = lines.find((l) => l.trim() === '012345678901234567890123')!;
    const monday = lines.find((l) => l.startsWith('text    Mon'))!;
    const gridStart = monday.indexOf('·');
    expect(gridStart).toBe(13);
    expect(tens.indexOf('0')).toBe(gridStart);
    expect(units.indexOf('0')).toBe(gridStart);
    // Hour 18 (text's first online hour) sits under "1" / "8".
    expect([tens[gridStart + 18], units[gridStart + 18], monday[gridStart + 18]]).toEqual(['1', '8', '█']);
    // Load: cy far less; ben exactly 1.5 × the average (32 h) is not "over" it.
    expect(out).toContain('  ana      30.00 h\n');
    expect(out).toContain('  ben      32.00 h\n');
    expect(out).toContain('  cy        2.00 h  ▼ far less than average\n');
    expect(out).toContain('  ph       40.00 h  (placeholder)\n');
    expect(out).toContain('average of the people with counted time: 21.33 h');
    expect(out).not.toContain('far more than average');
    golden('coverage.text.txt', out);
  });

  it('markdown', async () => {
    const run = await report(CONFIG, 'markdown');
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('| text | 20.00 h | 20.00 h | 0.00 h | 20.00 h | 11.9% |');
    expect(out).toContain('| web | 56.00 h | 49.00 h | ⚠️ 7.00 h | 20.00 h | 33.3% |');
    expect(out).toContain(
      [
        '| web-core | web | 2026-01-05 08:00 | 09:00 | no shift | cy (2.00 h), ana (30.00 h), ben (32.00 h) |',
        '| web-core | web | 2026-01-06 08:00 | 09:00 | unstaffed | cy (2.00 h), ana (30.00 h) |',
        '| web-core | web | 2026-01-06 09:00 | 16:00 | no human (only placeholders) | cy (2.00 h), ana (30.00 h) |',
        '| web-core | web | 2026-01-08 08:00 | 09:00 | no shift | cy (2.00 h), ana (30.00 h), ben (32.00 h) |',
        '| web-core | web | 2026-01-08 12:00 | 13:00 | switched off (override thu-break) | none: the portal is switched off |',
        '| web-core | web | 2026-01-09 08:00 | 09:00 | no shift | cy (2.00 h), ana (30.00 h), ben (32.00 h) |',
      ].join('\n'),
    );
    expect(out).toContain('| cy | 2.00 h | ▼ far less than average |');
    expect(out).toContain('| ben | 32.00 h |  |');
    expect(out).toContain('| ph | 40.00 h | placeholder |');
    expect(out).toContain('Average of the people with counted time: 21.33 h');
    golden('coverage.markdown.txt', out);
  });
});

describe("the week's shape (library)", () => {
  it('7 × 24 shares of online time, Monday first, in local hours', () => {
    // Two weeks: Mon 2026-01-05 00:00 to Mon 2026-01-19 00:00 local, so every hour of the week
    // occurs twice (2 h of it in the period).
    // - mon-once: Mon 2026-01-05 09:00-10:30 [ana] (once only) → Mon 09: 1 h of 2 = 0.5;
    //   Mon 10: 0.5 h of 2 = 0.25.
    // - tue-night: every Tuesday 22:00-02:00 [ana] → Tue 22, Tue 23, Wed 00, Wed 01 = 1 (both
    //   weeks). In UTC that is 04:00Z-08:00Z on Wednesday: the grid is in local hours.
    // - sun-late: Sun 2026-01-11 23:00-24:00 [ana] (once) → Sun 23 (row 6) = 0.5.
    // All on web; text has no shifts (all zeros).
    const text = `${BASE}shifts:
  - { id: mon-once, program: chat-program, messaging: chat, start: "09:00", end: "10:30", date: 2026-01-05, staff: [ana] }
  - { id: tue-night, program: chat-program, messaging: chat, start: "22:00", end: "02:00", repeat: "FREQ=WEEKLY;BYDAY=TU", from: 2026-01-06, staff: [ana] }
  - { id: sun-late, program: chat-program, messaging: chat, start: "23:00", end: "24:00", date: 2026-01-11, staff: [ana] }
`;
    const report = coverage(loadFromTexts([{ file: 't.yaml', text }]), { from: '2026-01-05', to: '2026-01-19', now: '2026-01-05T12:00' });
    const expected = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
    expected[0]![9] = 0.5;
    expected[0]![10] = 0.25;
    expected[1]![22] = 1;
    expected[1]![23] = 1;
    expected[2]![0] = 1;
    expected[2]![1] = 1;
    expected[6]![23] = 0.5;
    const [textPortal, webPortal] = report.portals;
    expect(webPortal!.portal.id).toBe('web');
    expect(webPortal!.weekShape).toEqual(expected);
    expect(textPortal!.weekShape).toEqual(Array.from({ length: 7 }, () => new Array<number>(24).fill(0)));
    // Its totals agree: 1.5 + 4 × 2 + 1 = 10.5 h online over 336 h.
    expect(webPortal!.onlineMs).toBe(10.5 * 3_600_000);
    expect(webPortal!.coverage).toBeCloseTo(10.5 / 336, 12);
  });
});
