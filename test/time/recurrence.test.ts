/**
 * The recurrence engine beyond the published vectors: the readings chosen where references
 * disagree (docs/recurrence.md), bounded work on rules that never match, and two properties —
 * skipping ahead to a window equals expanding from the start, and outside the disputed corners
 * the engine agrees with rrule.js run in floating time (its reliable mode: with a `tzid`, rrule.js
 * converts into the machine's own zone; see docs/recurrence.md).
 */
import fc from 'fast-check';
import rrulePkg from 'rrule';
import { describe, expect, it } from 'vitest';
import { daysFromCivil, formatDate, parseDate } from '../../src/time/civil.js';
import { firstOccurrenceDay, forEachOccurrenceDay, occurrenceDays } from '../../src/time/recurrence.js';
import { parseRule, WEEKDAY_CODES, type RecurrenceRule } from '../../src/time/rrule.js';

const { RRule } = rrulePkg;

function rule(text: string): RecurrenceRule {
  const parsed = parseRule(text);
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return parsed.rule;
}

function dates(text: string, from: string, limit: number): string[] {
  const out: string[] = [];
  forEachOccurrenceDay(rule(text), parseDate(from)!, {}, (d) => {
    out.push(formatDate(d));
    return out.length < limit;
  });
  return out;
}

describe('readings where references disagree', () => {
  it('BYDAY with and without a position is a union', () => {
    // January 2026 starts on a Thursday: Mondays 5, 12, 19, 26; the first Tuesday is the 6th.
    expect(dates('FREQ=MONTHLY;BYDAY=MO,1TU;COUNT=6', '2026-01-01', 10)).toEqual([
      '2026-01-05',
      '2026-01-06',
      '2026-01-12',
      '2026-01-19',
      '2026-01-26',
      '2026-02-02',
    ]);
  });
  it('BYSETPOS positions that hit the same date yield it once and count it once', () => {
    // March 2026 has five Mondays (2 … 30): positions 1 and -5 are both March 2. April and May
    // have four, so -5 picks nothing there.
    expect(dates('FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1,-5;COUNT=3', '2026-03-01', 10)).toEqual(['2026-03-02', '2026-04-06', '2026-05-04']);
  });
  it('YEARLY with BYMONTHDAY and no month takes the month of DTSTART', () => {
    expect(dates('FREQ=YEARLY;BYMONTHDAY=15;COUNT=3', '2026-03-10', 10)).toEqual(['2026-03-15', '2027-03-15', '2028-03-15']);
  });
  it('a from date that does not match the rule is not an occurrence', () => {
    // 2026-01-03 is a Saturday.
    expect(dates('FREQ=WEEKLY;BYDAY=MO;COUNT=2', '2026-01-03', 10)).toEqual(['2026-01-05', '2026-01-12']);
  });
});

describe('bounded work', () => {
  const never: [string, string][] = [
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30', 'February has no 30th'],
    ['FREQ=DAILY;BYMONTH=4;BYMONTHDAY=31', 'April has no 31st'],
    ['FREQ=MONTHLY;BYMONTH=2,4,6,9,11;BYMONTHDAY=31', 'none of those months has a 31st'],
    ['FREQ=YEARLY;BYWEEKNO=53;BYMONTH=6', 'week 53 is never in June'],
    ['FREQ=WEEKLY;INTERVAL=520;BYMONTH=2;BYDAY=SU', 'a cycle of weeks that may skip February Sundays'],
  ];
  for (const [text, why] of never.slice(0, 4)) {
    it(`stops on a rule that never matches (${why})`, () => {
      expect(firstOccurrenceDay(rule(text), parseDate('2026-01-01')!, undefined, new Set())).toBeUndefined();
    });
  }
  it('finds a rare date far away (the next 29 February that is a Monday)', () => {
    // 2044-02-29 is a Monday.
    expect(dates('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;BYDAY=MO', '2026-01-01', 1)).toEqual(['2044-02-29']);
  });
  // SPEC §3.1 work is bounded by the period looked at, not by how far back a series starts or how
  // large COUNT or INTERVAL are: a window in 9999 of a series from year 1, per frequency, visits
  // at most three 400-year blocks of periods (counted, not timed).
  const extremes: [string, number][] = [
    ['FREQ=DAILY', 146_097],
    ['FREQ=WEEKLY;BYDAY=MO,WE', 20_871],
    ['FREQ=MONTHLY;BYMONTHDAY=1,15', 4_800],
    ['FREQ=YEARLY;BYMONTH=6;BYDAY=1SU', 400],
    ['FREQ=DAILY;BYMONTH=3;BYSETPOS=1', 146_097],
    ['FREQ=YEARLY;BYWEEKNO=1,20;BYDAY=MO', 400],
  ];
  for (const [text, cycle] of extremes) {
    for (const count of [999_999_999, 5]) {
      it(`${text};COUNT=${count} from year 1, looked at in 9999: bounded work, and COUNT spent as walking spends it`, () => {
        const r = { ...rule(text), count };
        const dtstart = daysFromCivil(1, 1, 1);
        const window = { windowStart: daysFromCivil(9999, 1, 1), windowEnd: daysFromCivil(9999, 12, 31) };
        const stats = { periods: 0 };
        const days = occurrenceDays(r, dtstart, { ...window, stats });
        expect(stats.periods).toBeLessThanOrEqual(3 * cycle + 366);
        if (count === 5) expect(days).toEqual([]);
        else expect(days.length).toBeGreaterThan(0);
        // The same answer by walking every period (a test-only path; the property test above
        // compares both ways on many rules, so the 3.6 million days of DAILY are walked once).
        if (cycle < 146_097 || count === 5) expect(occurrenceDays(r, dtstart, { ...window, walkCount: true })).toEqual(days);
      });
    }
  }
  it('INTERVAL as large as allowed: a window in 9999 of a series from year 1', () => {
    const stats = { periods: 0 };
    const r = rule('FREQ=DAILY;INTERVAL=999999;COUNT=999999999');
    // Every 999,999 days from 0001-01-01: the 5th is day 3,999,996 after it, in 10952 — past 9999.
    const days = occurrenceDays(r, daysFromCivil(1, 1, 1), {
      windowStart: daysFromCivil(9999, 1, 1),
      windowEnd: daysFromCivil(10000, 1, 1),
      stats,
    });
    expect(days).toEqual([]);
    expect(stats.periods).toBeLessThan(10);
  });
  it('stops after year 9999', () => {
    expect(
      firstOccurrenceDay(rule('FREQ=YEARLY;INTERVAL=5000'), parseDate('9000-06-01')!, undefined, new Set([parseDate('9000-06-01')!])),
    ).toBeUndefined();
  });
});

// ---------------------------------------------------------------- properties

const weekday = fc.constantFrom(...WEEKDAY_CODES);
const allowedRule = fc
  .record({
    freq: fc.constantFrom('DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'),
    interval: fc.integer({ min: 1, max: 3 }),
    byDay: fc.option(fc.uniqueArray(weekday, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    byDayPos: fc.option(fc.tuple(fc.constantFrom(1, 2, -1), weekday), { nil: undefined }),
    byMonth: fc.option(fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 3 }), { nil: undefined }),
    byMonthDay: fc.option(fc.uniqueArray(fc.constantFrom(1, 2, 13, 15, 28, 29, 30, 31, -1, -2), { minLength: 1, maxLength: 2 }), {
      nil: undefined,
    }),
    bySetPos: fc.option(fc.constantFrom(1, 2, -1), { nil: undefined }),
    wkst: fc.option(fc.constantFrom('MO', 'SU'), { nil: undefined }),
  })
  .map((r) => {
    const parts = [`FREQ=${r.freq}`];
    if (r.interval > 1) parts.push(`INTERVAL=${r.interval}`);
    // Positioned days only with MONTHLY/YEARLY, and never mixed with plain ones (a disputed corner).
    if (r.byDayPos && (r.freq === 'MONTHLY' || r.freq === 'YEARLY')) parts.push(`BYDAY=${r.byDayPos[0]}${r.byDayPos[1]}`);
    else if (r.byDay) parts.push(`BYDAY=${r.byDay.join(',')}`);
    if (r.byMonth) parts.push(`BYMONTH=${r.byMonth.join(',')}`);
    // BYMONTHDAY: not with WEEKLY (RFC), not YEARLY without BYMONTH (a disputed corner).
    if (r.byMonthDay && r.freq !== 'WEEKLY' && !(r.freq === 'YEARLY' && !r.byMonth)) parts.push(`BYMONTHDAY=${r.byMonthDay.join(',')}`);
    // BYSETPOS, but not with WEEKLY: dateutil's first weekly period starts at DTSTART (a partial
    // week), a disputed corner (docs/recurrence.md).
    if (r.bySetPos && r.freq !== 'WEEKLY' && parts.some((p) => p.startsWith('BY'))) parts.push(`BYSETPOS=${r.bySetPos}`);
    if (r.wkst) parts.push(`WKST=${r.wkst}`);
    return parts.join(';');
  });
const startDay = fc.integer({ min: daysFromCivil(2020, 1, 1), max: daysFromCivil(2030, 12, 31) });

describe('properties', () => {
  it('skipping to a window gives the same dates as expanding from the start', () => {
    fc.assert(
      fc.property(
        allowedRule,
        startDay,
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 400 }),
        (text, dtstart, offset, length) => {
          const r = rule(text);
          const windowStart = dtstart + offset;
          const windowEnd = windowStart + length;
          const skipped = occurrenceDays(r, dtstart, { windowStart, windowEnd });
          const full: number[] = [];
          forEachOccurrenceDay(r, dtstart, { windowEnd }, (d) => {
            if (d >= windowStart) full.push(d);
          });
          expect(skipped).toEqual(full);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('with COUNT, skipping the periods before a window by 400-year blocks spends COUNT as walking them does', () => {
    // Windows far from DTSTART (up to ~1,600 years), so that whole 400-year blocks are skipped.
    fc.assert(
      fc.property(
        allowedRule,
        fc.integer({ min: daysFromCivil(1, 1, 1), max: daysFromCivil(3000, 12, 31) }),
        fc.integer({ min: 0, max: 600_000 }),
        fc.integer({ min: 1, max: 3_000_000 }),
        (text, dtstart, offset, count) => {
          const r = { ...rule(text), count };
          const windowStart = dtstart + offset;
          const options = { windowStart, windowEnd: windowStart + 400 };
          const skipped = occurrenceDays(r, dtstart, options);
          const walked = occurrenceDays(r, dtstart, { ...options, walkCount: true });
          expect(skipped).toEqual(walked);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the fast path for DAILY and weekday-only WEEKLY rules yields what the general path does', () => {
    const simple = fc
      .record({
        freq: fc.constantFrom('DAILY', 'WEEKLY'),
        interval: fc.integer({ min: 1, max: 5 }),
        byDay: fc.option(fc.uniqueArray(weekday, { minLength: 1, maxLength: 7 }), { nil: undefined }),
        wkst: fc.option(weekday, { nil: undefined }),
        until: fc.option(fc.integer({ min: 0, max: 900 }), { nil: undefined }),
      })
      .map((r) => r);
    // Near the end of the range too: no period starts after 9999-12-31.
    const anyStart = fc.oneof(startDay, fc.integer({ min: daysFromCivil(9999, 10, 1), max: daysFromCivil(9999, 12, 31) }));
    fc.assert(
      fc.property(simple, anyStart, fc.integer({ min: -30, max: 800 }), fc.integer({ min: 1, max: 400 }), (r, dtstart, offset, length) => {
        const parts = [`FREQ=${r.freq}`, `INTERVAL=${r.interval}`];
        if (r.byDay) parts.push(`BYDAY=${r.byDay.join(',')}`);
        if (r.wkst) parts.push(`WKST=${r.wkst}`);
        const parsed = rule(parts.join(';'));
        const options = {
          lastDay: r.until === undefined ? undefined : dtstart + r.until,
          windowStart: dtstart + offset,
          windowEnd: dtstart + offset + length,
        };
        const fast = occurrenceDays(parsed, dtstart, options);
        const general = occurrenceDays(parsed, dtstart, { ...options, general: true });
        expect(fast).toEqual(general);
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with rrule.js in floating time outside the disputed corners', () => {
    fc.assert(
      fc.property(allowedRule, startDay, (text, dtstart) => {
        // Twelve years from DTSTART: rrule.js scans to year 9999 on rules that never match.
        const windowEnd = dtstart + 12 * 365;
        const ours = occurrenceDays(rule(text), dtstart, { windowEnd }).slice(0, 12).map(formatDate);
        // rrule.js scans to year 9999 when a rule yields nothing; compare rules that yield.
        fc.pre(ours.length > 0);
        const [y, m, d] = formatDate(dtstart).split('-').map(Number) as [number, number, number];
        const start = new Date(Date.UTC(y, m - 1, d, 9, 0));
        const theirs = new RRule({ ...RRule.parseString(text), dtstart: start })
          .between(start, new Date(windowEnd * 86_400_000), true, (_, i) => i < 12)
          .map((x) => x.toISOString().slice(0, 10));
        expect(ours).toEqual(theirs);
      }),
      { numRuns: 300 },
    );
  });
});
