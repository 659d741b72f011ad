/**
 * Holidays (SPEC §2.1 `holidays`, §3.2, §5.5): calendars checked against the real 2026 calendars
 * worked out by hand, the verdicts per portal, and the precomputed tables against date-holidays.
 *
 * The golden text and markdown files under golden/ were written once with UPDATE_GOLDEN=1 and then
 * reviewed line by line against the hand computation below; to accept an intended change, rerun
 * with UPDATE_GOLDEN=1 and review the diff before committing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { calendarSource, calendarYear, computeYear } from '../../src/holidays/calendars.js';
import { BASE, cli, tempDir } from '../helpers.js';
// The same small seeded PRNG as the bench and the fuzzer, so the "random" sample is the same on every run.
import { mulberry32 } from '../../scripts/prng.mjs';

interface HolidayJson {
  date: string;
  name: string;
  source: string;
  portals: { id: string; expect: string; onlineHours: number; humanHours: number; placeholderOnlyHours: number; verdict: string }[];
}

async function holidays(text: string, year: number, format = 'json') {
  const dir = tempDir({ 'line.yaml': text });
  return cli(['holidays', '.', '--year', String(year), '--format', format], dir);
}

async function holidayList(text: string, year: number): Promise<HolidayJson[]> {
  const run = await holidays(text, year);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const json = JSON.parse(run.stdout) as { year: number; holidays: HolidayJson[] };
  expect(json.year).toBe(year);
  return json.holidays;
}

function golden(name: string, actual: string): void {
  const file = new URL(`./golden/${name}`, import.meta.url);
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

/*
 * Weekdays of 2026, by hand: 2026-01-01 is a Thursday (2026-01-05 is a Monday).
 *   Feb 1 = Jan 1 + 31 days = Thu + 3 = Sunday; May 1 = Jan 1 + 120 days (31+28+31+30), 120 mod 7 =
 *   1 → Friday; Jun 1 = May 1 + 31 → Monday; Jul 1 = Jun 1 + 30 → Wednesday; Sep 1 = Jul 1 + 62
 *   → Tuesday; Oct 1 = Sep 1 + 30 → Thursday; Nov 1 = Oct 1 + 31 → Sunday; Dec 1 = Nov 1 + 30 →
 *   Tuesday.
 * US federal holidays 2026:
 *   New Year's Day Thu Jan 1; MLK Day = 3rd Monday of January (5, 12, 19) → Jan 19; Washington's
 *   Birthday = 3rd Monday of February (2, 9, 16) → Feb 16; Memorial Day = last Monday of May
 *   (4, 11, 18, 25) → May 25; Juneteenth Jun 19 (a Friday); Independence Day Jul 4 is a Saturday,
 *   so it is observed on Friday Jul 3 (date-holidays: "Independence Day (substitute day)", type
 *   public) and Jul 4 itself is listed too; Labor Day = 1st Monday of September → Sep 7;
 *   Columbus Day = 2nd Monday of October (5, 12) → Oct 12; Veterans Day Nov 11 (a Wednesday);
 *   Thanksgiving = 4th Thursday of November (5, 12, 19, 26) → Nov 26; Christmas Dec 25 (a Friday).
 */
const US_2026: [string, string][] = [
  ['2026-01-01', "New Year's Day"],
  ['2026-01-19', 'Martin Luther King Jr. Day'],
  ['2026-02-16', "Washington's Birthday"],
  ['2026-05-25', 'Memorial Day'],
  ['2026-06-19', 'Juneteenth'],
  ['2026-07-03', 'Independence Day (substitute day)'],
  ['2026-07-04', 'Independence Day'],
  ['2026-09-07', 'Labor Day'],
  ['2026-10-12', 'Columbus Day'],
  ['2026-11-11', 'Veterans Day'],
  ['2026-11-26', 'Thanksgiving Day'],
  ['2026-12-25', 'Christmas Day'],
];

/*
 * Easter 2026 (anonymous Gregorian algorithm): a = 2026 mod 19 = 12, b = 20, c = 26, d = 5, e = 0,
 *   f = 1, g = 6, h = (19·12 + 20 − 5 − 6 + 15) mod 30 = 252 mod 30 = 12, i = 6, k = 2,
 *   l = (32 + 0 + 12 − 12 − 2) mod 7 = 2, m = 0, month = (12 + 2 + 114) div 31 = 4,
 *   day = (128 mod 31) + 1 = 5 → Sunday April 5.
 * Bavaria's public holidays 2026: Neujahr Jan 1; Heilige Drei Könige Jan 6; Karfreitag = Easter − 2
 *   = Apr 3; Ostermontag = Easter + 1 = Apr 6; Maifeiertag May 1; Christi Himmelfahrt = Easter + 39
 *   = May 14; Pfingstmontag = Easter + 50 = May 25; Fronleichnam = Easter + 60 = Jun 4; Tag der
 *   Deutschen Einheit Oct 3; Allerheiligen Nov 1; 1. and 2. Weihnachtstag Dec 25, 26.
 *   (Mariä Himmelfahrt is only a holiday in Bavaria's mainly Catholic communities and Buß- und
 *   Bettag is a school holiday there: not `public` for DE-BY as a whole.)
 */
const DE_BY_2026: [string, string][] = [
  ['2026-01-01', 'Neujahr'],
  ['2026-01-06', 'Heilige Drei Könige'],
  ['2026-04-03', 'Karfreitag'],
  ['2026-04-06', 'Ostermontag'],
  ['2026-05-01', 'Maifeiertag'],
  ['2026-05-14', 'Christi Himmelfahrt'],
  ['2026-05-25', 'Pfingstmontag'],
  ['2026-06-04', 'Fronleichnam'],
  ['2026-10-03', 'Tag der Deutschen Einheit'],
  ['2026-11-01', 'Allerheiligen'],
  ['2026-12-25', '1. Weihnachtstag'],
  ['2026-12-26', '2. Weihnachtstag'],
];

/** BASE's portals (text, web) have no shifts: 0 h everywhere, and `either` days are always ok. */
const EMPTY_OK = [
  { id: 'text', expect: 'either', onlineHours: 0, humanHours: 0, placeholderOnlyHours: 0, verdict: 'ok' },
  { id: 'web', expect: 'either', onlineHours: 0, humanHours: 0, placeholderOnlyHours: 0, verdict: 'ok' },
];

describe('calendars against the real 2026 calendars', () => {
  it('US federal holidays 2026 (`calendars: [US]`, `types: [public]`)', async () => {
    const list = await holidayList(`${BASE}holidays:\n  calendars: [US]\n  types: [public]\n`, 2026);
    expect(list).toEqual(US_2026.map(([date, name]) => ({ date, name, source: 'US', portals: EMPTY_OK })));
  });

  it('Bavaria 2026 (`calendars: [DE-BY]`, `types: [public]`)', async () => {
    const text = `${BASE.replace('America/Chicago', 'Europe/Berlin')}holidays:\n  calendars: [DE-BY]\n  types: [public]\n`;
    const list = await holidayList(text, 2026);
    expect(list).toEqual(DE_BY_2026.map(([date, name]) => ({ date, name, source: 'DE-BY', portals: EMPTY_OK })));
  });

  it('`types` defaults to [public]; other types are added when asked for', async () => {
    const byDefault = await holidayList(`${BASE}holidays:\n  calendars: [US]\n`, 2026);
    expect(byDefault.map((h) => [h.date, h.name])).toEqual(US_2026);
    // date-holidays lists Christmas Eve (Thu 2026-12-24) as `optional` in the US.
    const withOptional = await holidayList(`${BASE}holidays:\n  calendars: [US]\n  types: [public, optional]\n`, 2026);
    expect(withOptional.map((h) => [h.date, h.name])).toEqual([...US_2026.slice(0, 11), ['2026-12-24', 'Christmas Eve'], US_2026[11]]);
  });
});

/*
 * Verdicts. Organization expect: closed; holidays are its own dates Thu 2026-12-24 "Christmas Eve"
 * and Fri 2026-12-25 "Christmas Day" (source `organization`). Four portals:
 *   web  (chat, no own setting → closed)
 *   text (sms, `holidays: covered`, overriding closed), requirement text-xmas-day on Dec 25
 *        09:00-17:00 with minHumans 1
 *   teen (chat, `holidays: covered`), no requirement
 *   line (sms, `holidays: either`, overriding closed)
 * Shifts (all one-off, local times):
 *   Dec 24: text-eve 10-12 [ana], teen-eve 10-12 [ana]
 *   Dec 25: web-xmas 10-14 [ph], text-xmas 12-17 [ana], teen-xmas 10-14 [ph], line-xmas 10-14 [ph]
 * Dec 24: line either, nothing → 0 h, ok. teen covered, 2 h with ana → humans 2 h → ok.
 *         text covered, 2 h with ana, its requirement has no window that day → ok.
 *         web closed, nothing online → ok.
 * Dec 25: line either, 4 h placeholder-only → ok (either days are always ok).
 *         teen covered, no requirement, 4 h placeholder-only (humans 0 h) → uncovered.
 *         text covered, online 12-17 with ana = 5 h human; its requirement 09-17 misses 09-12
 *         → uncovered.
 *         web closed, online 10-14 with the placeholder only → 4 h online, 0 h humans,
 *         4 h placeholder-only → open.
 * Totals: 2 holidays, 1 open on a closed day, 2 not covered.
 */
const VERDICTS = `shiftready: 1
organization:
  id: org
  name: Test Line
  timezone: America/Chicago
  offlineMessages:
    sms: "Text line closed. In danger? Call 911."
programs:
  - id: chat-program
  - id: sms-program
  - id: teen-program
  - id: line-program
portals:
  - id: web
    type: chat
    program: chat-program
  - id: text
    type: sms
    program: sms-program
    holidays: covered
  - id: teen
    type: chat
    program: teen-program
    holidays: covered
  - id: line
    type: sms
    program: line-program
    holidays: either
users:
  - id: ana
    role: admin
    programs: [chat-program, sms-program, teen-program]
    canReceive: [chat, sms]
    mobileAlerts: true
  - id: ph
    role: basic
    placeholder: true
    programs: [chat-program, sms-program, teen-program, line-program]
    canReceive: [chat, sms]
shifts:
  - { id: text-eve, program: sms-program, messaging: sms, date: 2026-12-24, start: "10:00", end: "12:00", staff: [ana] }
  - { id: teen-eve, program: teen-program, messaging: chat, date: 2026-12-24, start: "10:00", end: "12:00", staff: [ana] }
  - { id: web-xmas, program: chat-program, messaging: chat, date: 2026-12-25, start: "10:00", end: "14:00", staff: [ph] }
  - { id: text-xmas, program: sms-program, messaging: sms, date: 2026-12-25, start: "12:00", end: "17:00", staff: [ana] }
  - { id: teen-xmas, program: teen-program, messaging: chat, date: 2026-12-25, start: "10:00", end: "14:00", staff: [ph] }
  - { id: line-xmas, program: line-program, messaging: sms, date: 2026-12-25, start: "10:00", end: "14:00", staff: [ph] }
holidays:
  dates:
    - { date: 2026-12-24, name: Christmas Eve }
    - { date: 2026-12-25, name: Christmas Day }
  expect: closed
requirements:
  - { id: text-xmas-day, portal: text, date: 2026-12-25, start: "09:00", end: "17:00", minHumans: 1 }
`;

const row = (id: string, expect: string, onlineHours: number, humanHours: number, placeholderOnlyHours: number, verdict: string) => ({
  id,
  expect,
  onlineHours,
  humanHours,
  placeholderOnlyHours,
  verdict,
});

describe('holiday verdicts (SPEC §3.2, §5.5)', () => {
  it('closed → open, covered with an unmet requirement → uncovered, covered without requirements and no humans → uncovered, either → ok; portal settings win', async () => {
    const run = await holidays(VERDICTS, 2026);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      year: 2026,
      holidays: [
        {
          date: '2026-12-24',
          name: 'Christmas Eve',
          source: 'organization',
          portals: [
            row('line', 'either', 0, 0, 0, 'ok'),
            row('teen', 'covered', 2, 2, 0, 'ok'),
            row('text', 'covered', 2, 2, 0, 'ok'),
            row('web', 'closed', 0, 0, 0, 'ok'),
          ],
        },
        {
          date: '2026-12-25',
          name: 'Christmas Day',
          source: 'organization',
          portals: [
            row('line', 'either', 4, 0, 4, 'ok'),
            row('teen', 'covered', 4, 0, 4, 'uncovered'),
            row('text', 'covered', 5, 5, 0, 'uncovered'),
            row('web', 'closed', 4, 0, 4, 'open'),
          ],
        },
      ],
    });
  });

  it('a portal `holidays: closed` under an organization `either`; `covered` met by its requirement', async () => {
    // Organization: US calendar, expect either. web: `holidays: closed`; text: `holidays: covered`
    // with requirement text-mon (every Monday 09:00-17:00, 1 human).
    // MLK Day, Mon 2026-01-19: web-mlk 09-12 [ana] → web online 3 h with a human: still open on a
    // closed day (humans 3 h, placeholder-only 0). text-mlk 08-18 [ana] covers 09-17 → text
    // online 10 h, humans 10 h → ok.
    // Washington's Birthday, Mon 2026-02-16: nothing online; web closed → ok; text's requirement
    // 09-17 is not met at all → uncovered.
    const text = `${BASE.replace('    program: chat-program\n', '    program: chat-program\n    holidays: closed\n').replace('    program: sms-program\n', '    program: sms-program\n    holidays: covered\n')}shifts:
  - { id: web-mlk, program: chat-program, messaging: chat, date: 2026-01-19, start: "09:00", end: "12:00", staff: [ana] }
  - { id: text-mlk, program: sms-program, messaging: sms, date: 2026-01-19, start: "08:00", end: "18:00", staff: [ana] }
holidays:
  calendars: [US]
  expect: either
requirements:
  - { id: text-mon, portal: text, start: "09:00", end: "17:00", repeat: "FREQ=WEEKLY;BYDAY=MO", from: 2026-01-05, minHumans: 1 }
`;
    expect(text).toContain('    holidays: closed\n  - id: text');
    const list = await holidayList(text, 2026);
    expect(list.map((h) => h.date)).toEqual(US_2026.map(([date]) => date));
    expect(list[1]).toEqual({
      date: '2026-01-19',
      name: 'Martin Luther King Jr. Day',
      source: 'US',
      portals: [row('text', 'covered', 10, 10, 0, 'ok'), row('web', 'closed', 3, 3, 0, 'open')],
    });
    expect(list[2]).toEqual({
      date: '2026-02-16',
      name: "Washington's Birthday",
      source: 'US',
      portals: [row('text', 'covered', 0, 0, 0, 'uncovered'), row('web', 'closed', 0, 0, 0, 'ok')],
    });
  });

  it('text (golden, reviewed)', async () => {
    const run = await holidays(VERDICTS, 2026, 'text');
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('2026-12-25  Christmas Day (organization)\n');
    expect(out).toContain('  line    expect either   online   4.00 h (humans 0.00 h, placeholders only 4.00 h)  ok\n');
    expect(out).toContain('  teen    expect covered  online   4.00 h (humans 0.00 h, placeholders only 4.00 h)  NOT COVERED\n');
    expect(out).toContain('  text    expect covered  online   5.00 h (humans 5.00 h)  NOT COVERED\n');
    expect(out).toContain('  web     expect closed   online   4.00 h (humans 0.00 h, placeholders only 4.00 h)  OPEN on a closed day\n');
    expect(out).toContain('2 holidays; per portal and day: 1 open on a closed day, 2 not covered.\n');
    golden('holidays.text.txt', out);
  });

  it('markdown (golden, reviewed)', async () => {
    const run = await holidays(VERDICTS, 2026, 'markdown');
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('❌ 2 holidays; per portal and day: 1 open on a closed day, 2 not covered.');
    expect(out).toContain('| 2026-12-25 | Christmas Day | organization | web | closed | 4.00 h | 0.00 h | ⚠️ 4.00 h | ❌ open |');
    expect(out).toContain('| 2026-12-25 | Christmas Day | organization | text | covered | 5.00 h | 5.00 h | 0.00 h | ❌ uncovered |');
    expect(out).toContain('| 2026-12-25 | Christmas Day | organization | line | either | 4.00 h | 0.00 h | ⚠️ 4.00 h | ok |');
    golden('holidays.markdown.txt', out);
  });
});

const TABLES = new URL('../../data/holidays/', import.meta.url);
const index = JSON.parse(readFileSync(new URL('index.json', TABLES), 'utf8')) as {
  version: string;
  years: [number, number];
  countries: Record<string, string>;
};

/** The table's own answer, decoded here independently of src/holidays. */
function decodeTable(code: string, year: number): { date: string; name: string; type: string }[] | undefined {
  const table = JSON.parse(readFileSync(new URL(`${code.split('-')[0]}.json`, TABLES), 'utf8')) as {
    types: string[];
    names: string[];
    calendars: Record<string, Record<string, number[]>>;
  };
  const flat = table.calendars[code]?.[String(year)];
  if (!flat) return undefined;
  const out = [];
  for (let i = 0; i < flat.length; i += 3) {
    const md = flat[i]!;
    out.push({
      date: `${year}-${String(Math.floor(md / 100)).padStart(2, '0')}-${String(md % 100).padStart(2, '0')}`,
      name: table.names[flat[i + 1]!]!,
      type: table.types[flat[i + 2]!]!,
    });
  }
  return out;
}

describe('precomputed tables (data/holidays) = date-holidays', () => {
  const NAMED = ['US', 'US-IL', 'DE-BY', 'GB-SCT', 'FR', 'JP', 'AU-NSW', 'CA-QC'];
  const random = mulberry32(20260105);
  const pool = Object.keys(index.countries).filter((c) => !NAMED.includes(c));
  const RANDOM: string[] = [];
  while (RANDOM.length < 20) {
    const pick = pool[Math.floor(random() * pool.length)]!;
    if (!RANDOM.includes(pick)) RANDOM.push(pick);
  }
  const CODES = [...NAMED, ...RANDOM];

  it('the tables were made by the installed date-holidays for 2024-2035 (so they are what is read)', () => {
    const require = createRequire(import.meta.url);
    const installed = (JSON.parse(readFileSync(require.resolve('date-holidays/package.json'), 'utf8')) as { version: string }).version;
    expect(index.version).toBe(installed);
    for (const code of CODES) expect(calendarSource(code), code).toBe('tables');
    expect(index.years).toEqual([2024, 2035]);
    expect(RANDOM).toHaveLength(20);
    expect(new Set(CODES).size).toBe(28);
  });

  for (const year of [2024, 2026, 2035]) {
    it(`${year}: ${CODES.length} calendars give the same lists from the tables as from the library`, () => {
      for (const code of CODES) {
        const computed = computeYear(code, year);
        expect(computed.length, `${code} ${year} has holidays`).toBeGreaterThan(0);
        expect(calendarYear(code, year), `${code} ${year}`).toEqual(computed);
        expect(decodeTable(code, year), `${code} ${year} (table decoded)`).toEqual(computed);
      }
    });
  }

  it('a year outside the tables (2040) comes from the library, with the right dates', async () => {
    // 2040-01-01: 14 years after 2026-01-01 (a Thursday) with 3 leap days (2028, 2032, 2036):
    // 17 mod 7 = 3 → Sunday, so New Year's Day is observed Monday Jan 2.
    // Nov 1 2040 = Jan 1 + 305 days (leap year: 31+29+31+30+31+30+31+31+30+31), 305 mod 7 = 4 →
    // Thursday; the 4th Thursday is Nov 22: Thanksgiving.
    // 3rd Monday of January: Jan 2, 9, 16 → MLK Day Jan 16.
    expect(decodeTable('US', 2040)).toBeUndefined();
    const us = calendarYear('US', 2040).filter((h) => h.type === 'public');
    expect(us).toContainEqual({ date: '2040-11-22', name: 'Thanksgiving Day', type: 'public' });
    expect(us).toContainEqual({ date: '2040-01-02', name: "New Year's Day (substitute day)", type: 'public' });
    expect(us).toContainEqual({ date: '2040-01-16', name: 'Martin Luther King Jr. Day', type: 'public' });
    // Easter 2040: a = 7, h = (133 + 20 − 5 − 6 + 15) mod 30 = 7, i = 10, k = 0,
    // l = (32 + 20 − 7) mod 7 = 3, m = 0, month = 124 div 31 = 4, day = 124 mod 31 + 1 = 1 →
    // April 1. Karfreitag Mar 30, Ostermontag Apr 2, Christi Himmelfahrt (+39) May 10.
    const de = calendarYear('DE-BY', 2040).filter((h) => h.type === 'public');
    expect(de).toContainEqual({ date: '2040-03-30', name: 'Karfreitag', type: 'public' });
    expect(de).toContainEqual({ date: '2040-04-02', name: 'Ostermontag', type: 'public' });
    expect(de).toContainEqual({ date: '2040-05-10', name: 'Christi Himmelfahrt', type: 'public' });
    // And through the command.
    const list = await holidayList(`${BASE}holidays:\n  calendars: [US]\n`, 2040);
    expect(list.find((h) => h.date === '2040-11-22')?.name).toBe('Thanksgiving Day');
    expect(list.find((h) => h.date === '2040-01-02')?.name).toBe("New Year's Day (substitute day)");
  });
});
