/**
 * The one wall-clock → instant mapping (SPEC §3.1), by hand in eight zones. 2026 transitions (also
 * confirmed with Python's zoneinfo, an independent implementation):
 *   America/New_York   Mar 8 02:00 EST → 03:00 EDT (07:00Z); Nov 1 02:00 EDT → 01:00 EST (06:00Z)
 *   Europe/London      Mar 29 01:00 GMT → 02:00 BST (01:00Z); Oct 25 02:00 BST → 01:00 GMT (01:00Z)
 *   Australia/Sydney   Apr 5 03:00 +11 → 02:00 +10 (Apr 4 16:00Z); Oct 4 02:00 +10 → 03:00 +11 (Oct 3 16:00Z)
 *   Australia/Lord_Howe Apr 5 02:00 +11 → 01:30 +10:30 (Apr 4 15:00Z); Oct 4 02:00 +10:30 → 02:30 +11 (Oct 3 15:30Z)
 *   America/Santiago   Apr 5 00:00 -3 → Apr 4 23:00 -4 (03:00Z); Sep 6 00:00 -4 → 01:00 -3 (04:00Z)
 *   America/Havana     Mar 8 00:00 -5 → 01:00 -4 (05:00Z); Nov 1 01:00 -4 → 00:00 -5 (05:00Z)
 *   Asia/Kolkata       +5:30 all year;  Pacific/Chatham Apr 5 03:45 +13:45 → 02:45 +12:45 (Apr 4 14:00Z),
 *                      Sep 27 02:45 +12:45 → 03:45 +13:45 (Sep 26 14:00Z);  UTC
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, formatInstant } from '../../src/time/civil.js';
import { ZoneTable, checkZoneName, wallToInstant, zoneTable } from '../../src/time/zone.js';

function at(zone: string, date: string, time: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  return formatInstant(wallToInstant(zone, daysFromCivil(y, m, d), (h * 60 + min) * 60_000));
}

describe('wallToInstant', () => {
  const cases: [string, string, string, string, string][] = [
    // zone, local date, local time, expected instant, why
    ['America/New_York', '2026-01-05', '09:00', '2026-01-05T14:00:00Z', 'EST, UTC-5'],
    ['America/New_York', '2026-07-06', '09:00', '2026-07-06T13:00:00Z', 'EDT, UTC-4'],
    ['America/New_York', '2026-03-08', '02:30', '2026-03-08T07:30:00Z', 'in the gap: read with EST, the offset before (= 03:30 EDT)'],
    ['America/New_York', '2026-03-08', '03:00', '2026-03-08T07:00:00Z', 'the first valid time after the gap'],
    ['America/New_York', '2026-11-01', '01:30', '2026-11-01T05:30:00Z', 'ambiguous: the earlier, EDT'],
    ['America/New_York', '2026-11-01', '02:00', '2026-11-01T07:00:00Z', 'after the repeated hour: EST'],
    ['Europe/London', '2026-03-29', '01:30', '2026-03-29T01:30:00Z', 'in the gap: read with GMT (= 02:30 BST)'],
    ['Europe/London', '2026-10-25', '01:30', '2026-10-25T00:30:00Z', 'ambiguous: the earlier, BST'],
    ['Australia/Sydney', '2026-04-05', '02:30', '2026-04-04T15:30:00Z', 'ambiguous: the earlier, +11'],
    ['Australia/Sydney', '2026-10-04', '02:30', '2026-10-03T16:30:00Z', 'in the gap: read with +10 (= 03:30 +11)'],
    ['Australia/Lord_Howe', '2026-10-04', '02:15', '2026-10-03T15:45:00Z', 'in the 30-minute gap: read with +10:30 (= 02:45 +11)'],
    ['Australia/Lord_Howe', '2026-04-05', '01:45', '2026-04-04T14:45:00Z', 'ambiguous half hour: the earlier, +11'],
    ['America/Santiago', '2026-09-06', '00:00', '2026-09-06T04:00:00Z', 'midnight in the gap: read with -4 (= 01:00 -3)'],
    ['America/Santiago', '2026-04-04', '23:30', '2026-04-05T02:30:00Z', 'ambiguous before midnight: the earlier, -3'],
    ['America/Havana', '2026-03-08', '00:00', '2026-03-08T05:00:00Z', 'midnight in the gap: read with -5 (= 01:00 -4)'],
    ['America/Havana', '2026-11-01', '00:30', '2026-11-01T04:30:00Z', 'ambiguous: the earlier, -4'],
    ['Asia/Kolkata', '2026-06-01', '09:00', '2026-06-01T03:30:00Z', '+5:30'],
    ['Pacific/Chatham', '2026-09-27', '03:00', '2026-09-26T14:15:00Z', 'in the gap 02:45-03:45: read with +12:45 (= 04:00 +13:45)'],
    ['Pacific/Chatham', '2026-04-05', '03:00', '2026-04-04T13:15:00Z', 'ambiguous: the earlier, +13:45'],
    ['UTC', '2026-03-29', '01:30', '2026-03-29T01:30:00Z', 'no offset'],
  ];
  for (const [zone, date, time, expected, why] of cases) {
    it(`${zone} ${date} ${time} → ${expected} (${why})`, () => {
      expect(at(zone, date, time)).toBe(expected);
    });
  }

  it('classifies times as existing, in a gap, or ambiguous', () => {
    const ny = zoneTable('America/New_York');
    const day = (d: number, m = 3) => daysFromCivil(2026, m, d);
    expect(ny.wallKind(day(8), 150 * 60_000)).toBe('gap'); // 02:30 on Mar 8
    expect(ny.wallKind(day(8), 180 * 60_000)).toBe('exists'); // 03:00
    expect(ny.wallKind(day(1, 11), 90 * 60_000)).toBe('ambiguous'); // 01:30 on Nov 1
    expect(ny.wallKind(day(1, 11), 120 * 60_000)).toBe('exists'); // 02:00
  });

  it('the fast path agrees with a fresh table (no state leaks between lookups)', () => {
    const zones = ['America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'America/Havana', 'Pacific/Chatham'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(
          fc.tuple(fc.integer({ min: daysFromCivil(2025, 1, 1), max: daysFromCivil(2027, 12, 31) }), fc.integer({ min: 0, max: 1439 })),
          { minLength: 1, maxLength: 30 },
        ),
        (zone, lookups) => {
          const shared = new ZoneTable(zone);
          for (const [day, minute] of lookups) {
            expect(shared.wallToInstant(day, minute * 60_000)).toBe(new ZoneTable(zone).wallToInstant(day, minute * 60_000));
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("maps back: every instant's wall time maps to the same instant, unless it is the second of a repeated time", () => {
    const ny = zoneTable('America/New_York');
    for (let t = Date.UTC(2026, 10, 1, 3); t < Date.UTC(2026, 10, 1, 9); t += 15 * 60_000) {
      const { day, msOfDay } = ny.instantToWall(t);
      const back = ny.wallToInstant(day, msOfDay);
      // 01:00-01:59 EST (06:00Z-06:59Z) repeats 01:00-01:59 EDT, which comes an hour earlier.
      expect(back).toBe(t >= Date.UTC(2026, 10, 1, 6) && t < Date.UTC(2026, 10, 1, 7) ? t - 3_600_000 : t);
    }
  });
});

/** The offset (ms east of UTC) at an instant, straight from Intl: the table's independent reference. */
const formats = new Map<string, Intl.DateTimeFormat>();
function intlOffset(zone: string, ms: number): number {
  let format = formats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(zone, format);
  }
  const parts = format.formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - Math.floor(ms / 1000) * 1000;
}

describe('offset tables', () => {
  // Zones whose changes come close together or at odd times: Morocco's and Egypt's Ramadan
  // breaks, Gaza's and Hebron's moving dates, Lord Howe's 30 minutes, Troll's two hours,
  // Casey's changes months apart, Samoa's skipped day (2011), Kiritimati's jump (1994/1995),
  // Chile's midnight changes, and Moscow's 2011/2014 switches.
  const zones = [
    'Africa/Casablanca',
    'Africa/Cairo',
    'Asia/Gaza',
    'Asia/Hebron',
    'Australia/Lord_Howe',
    'Antarctica/Troll',
    'Antarctica/Casey',
    'Pacific/Apia',
    'Pacific/Kiritimati',
    'America/Santiago',
    'Europe/Moscow',
    'America/New_York',
  ];
  it.each(zones)('%s: every change from 1994 to 2035 is where Intl puts it, to the second', (zone) => {
    const table = new ZoneTable(zone);
    const from = Date.UTC(1994, 0, 1);
    const to = Date.UTC(2036, 0, 1);
    const wrong: string[] = [];
    // At each change the offset before and after is Intl's ...
    const changes = table.transitionsBetween(from, to);
    for (const tr of changes) {
      if (intlOffset(zone, tr.at) !== tr.offset || intlOffset(zone, tr.at - 1000) === tr.offset)
        wrong.push(`change at ${new Date(tr.at).toISOString()}`);
    }
    // ... and between changes it is Intl's, sampled daily at an hour that moves through the day.
    const check = new ZoneTable(zone);
    for (let t = from; t < to; t += 25 * 3_600_000)
      if (check.offsetAt(t) !== intlOffset(zone, t)) wrong.push(`offset at ${new Date(t).toISOString()}`);
    expect(wrong).toEqual([]);
    expect(changes.length).toBeGreaterThan(0);
  });
});

describe('zone names', () => {
  it('accepts IANA zones and links, refuses the rest', () => {
    expect(checkZoneName('America/Chicago')).toEqual({ ok: true });
    expect(checkZoneName('US/Eastern')).toEqual({ ok: true });
    expect(checkZoneName('Mars/Olympus')).toEqual({ ok: false });
    expect(checkZoneName('america/chicago')).toEqual({ ok: false, suggestion: 'America/Chicago' });
    expect(checkZoneName('BST')).toEqual({ ok: false, abbreviation: true });
  });
});
