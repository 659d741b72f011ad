/**
 * RFC 5545 §3.3.10 recurrence expansion at day granularity.
 *
 * shiftready rules carry no BYHOUR / BYMINUTE / BYSECOND, so every occurrence is one date and the
 * time of day comes from `start`; expanding dates as day numbers makes the work a few integer
 * operations per candidate day. The design follows python-dateutil (which rrule.js ports): for
 * each period of the frequency (a year, month, week or day, stepped by INTERVAL from the period
 * of DTSTART) take every day of the period, drop those that fail a BYxxx filter, apply BYSETPOS,
 * and emit the days on or after DTSTART in order. Where dateutil deviates from the RFC, the RFC
 * wins (see docs/recurrence.md): BYDAY entries with and without a position form a union,
 * BYSETPOS never yields the same date twice, missing parts are taken from DTSTART as libical does,
 * and a YEARLY rule with BYWEEKNO steps through week-numbering years.
 *
 * Work is bounded for every rule: the Gregorian calendar repeats every 400 years, so a rule with
 * no candidate day in 400 years' worth of consecutive periods has none ever, and expansion stops.
 */
import { civilFromDays, daysFromCivil, daysInMonth, daysInYear, weekdayOf, type DayNumber, type Weekday } from './civil.js';
import type { Frequency, RecurrenceRule } from './rrule.js';

/** Periods in one 400-year Gregorian cycle, per frequency. */
const CYCLE: Record<Frequency, number> = { YEARLY: 400, MONTHLY: 4800, WEEKLY: 20871, DAILY: 146097 };
const MAX_YEAR = 9999;

interface Normalized {
  rule: RecurrenceRule;
  byMonth?: Set<number>;
  byMonthDayPos?: Set<number>;
  byMonthDayNeg?: Set<number>;
  byYearDayPos?: Set<number>;
  byYearDayNeg?: Set<number>;
  byWeekNoPos?: Set<number>;
  byWeekNoNeg?: Set<number>;
  /** Weekdays without a position, as a bit mask (bit = weekday). */
  weekdayMask: number;
  positioned: { weekday: Weekday; n: number }[];
  hasDayFilter: boolean;
}

function split(values: number[] | undefined): [Set<number> | undefined, Set<number> | undefined] {
  if (!values) return [undefined, undefined];
  const pos = new Set(values.filter((v) => v > 0));
  const neg = new Set(values.filter((v) => v < 0));
  return [pos, neg];
}

/** Fills in RFC 5545 defaults taken from DTSTART, as dateutil does. */
function normalize(rule: RecurrenceRule, dtstart: DayNumber): Normalized {
  const start = civilFromDays(dtstart);
  let byMonth = rule.byMonth;
  let byMonthDay = rule.byMonthDay;
  let byDay = rule.byDay;
  if (!(rule.byWeekNo || rule.byYearDay || rule.byMonthDay || rule.byDay)) {
    if (rule.freq === 'YEARLY') {
      byMonth ??= [start.month];
      byMonthDay = [start.day];
    } else if (rule.freq === 'MONTHLY') byMonthDay = [start.day];
    else if (rule.freq === 'WEEKLY') byDay = [{ weekday: weekdayOf(dtstart) }];
  }
  // RFC 5545 §3.3.10: "Information, not contained in the rule, necessary to determine the various
  // recurrence instance start time and dates are derived from DTSTART". libical reads two corners
  // this way and so do we (dateutil expands them instead): a YEARLY rule with BYMONTHDAY but no
  // month takes DTSTART's month, and a BYWEEKNO rule with no day takes DTSTART's weekday.
  if (rule.freq === 'YEARLY' && rule.byMonthDay && !(byMonth || rule.byWeekNo || rule.byYearDay)) byMonth = [start.month];
  if (rule.freq === 'YEARLY' && rule.byWeekNo && !(byDay || rule.byMonthDay || rule.byYearDay)) byDay = [{ weekday: weekdayOf(dtstart) }];
  const [byMonthDayPos, byMonthDayNeg] = split(byMonthDay);
  const [byYearDayPos, byYearDayNeg] = split(rule.byYearDay);
  const [byWeekNoPos, byWeekNoNeg] = split(rule.byWeekNo);
  let weekdayMask = 0;
  const positioned: { weekday: Weekday; n: number }[] = [];
  for (const d of byDay ?? []) {
    if (d.n === undefined || rule.freq === 'DAILY' || rule.freq === 'WEEKLY') weekdayMask |= 1 << d.weekday;
    else positioned.push({ weekday: d.weekday, n: d.n });
  }
  return {
    rule,
    byMonth: byMonth ? new Set(byMonth) : undefined,
    byMonthDayPos,
    byMonthDayNeg,
    byYearDayPos,
    byYearDayNeg,
    byWeekNoPos,
    byWeekNoNeg,
    weekdayMask,
    positioned,
    hasDayFilter: weekdayMask !== 0 || positioned.length > 0,
  };
}

/**
 * First day of week 1 of `year` for week start `wkst`: week 1 is the first week with at least
 * four days in the year (RFC 5545 §3.3.10, ISO 8601 when WKST=MO).
 */
function weekOneStart(year: number, wkst: Weekday): DayNumber {
  const jan1 = daysFromCivil(year, 1, 1);
  const offset = (weekdayOf(jan1) - wkst + 7) % 7;
  return offset <= 3 ? jan1 - offset : jan1 - offset + 7;
}

/** The first day of the week (starting on `wkst`) that contains `day`: a WEEKLY period's start. */
function weekStart(day: DayNumber, wkst: Weekday): DayNumber {
  return day - ((weekdayOf(day) - wkst + 7) % 7);
}

/** The week-numbering year that contains `day`. */
function weekYearOf(day: DayNumber, wkst: Weekday): number {
  const { year } = civilFromDays(day);
  if (day < weekOneStart(year, wkst)) return year - 1;
  if (day >= weekOneStart(year + 1, wkst)) return year + 1;
  return year;
}

/**
 * Candidate days of one period, already filtered, ascending, into `out` (emptied first; reused
 * across periods so that walking many periods allocates nothing).
 */
function periodCandidates(norm: Normalized, periodStart: DayNumber, periodLen: number, out: DayNumber[]): DayNumber[] {
  const rule = norm.rule;
  out.length = 0;
  const civil = civilFromDays(periodStart);
  let { year, month, day: mday } = civil;
  let monthLen = daysInMonth(year, month);
  let yearStart = daysFromCivil(year, 1, 1);
  let yearLen = daysInYear(year);
  for (let i = 0; i < periodLen; i++) {
    const day = periodStart + i;
    if (i > 0) {
      mday++;
      if (mday > monthLen) {
        mday = 1;
        month++;
        if (month > 12) {
          month = 1;
          year++;
          yearStart = day;
          yearLen = daysInYear(year);
        }
        monthLen = daysInMonth(year, month);
      }
    }
    if (norm.byMonth && !norm.byMonth.has(month)) continue;
    const yday = day - yearStart + 1;
    if (norm.byWeekNoPos) {
      // The period is a week-numbering year starting on the first day of week 1.
      const week = Math.floor(i / 7) + 1;
      if (!(norm.byWeekNoPos.has(week) || norm.byWeekNoNeg!.has(week - periodLen / 7 - 1))) continue;
    }
    if (norm.byMonthDayPos && !(norm.byMonthDayPos.has(mday) || norm.byMonthDayNeg!.has(mday - monthLen - 1))) continue;
    if (norm.byYearDayPos && !(norm.byYearDayPos.has(yday) || norm.byYearDayNeg!.has(yday - yearLen - 1))) continue;
    if (norm.hasDayFilter) {
      const wd = weekdayOf(day);
      let ok = (norm.weekdayMask & (1 << wd)) !== 0;
      if (!ok) {
        // A weekday with a position counts within the month (MONTHLY, or YEARLY with BYMONTH)
        // or within the year (YEARLY without BYMONTH), RFC 5545 §3.3.10.
        const inMonth = rule.freq === 'MONTHLY' || norm.byMonth !== undefined;
        const rangeStart = inMonth ? day - mday + 1 : yearStart;
        const rangeEnd = inMonth ? rangeStart + monthLen - 1 : yearStart + yearLen - 1;
        for (const p of norm.positioned) {
          if (p.weekday !== wd) continue;
          if (p.n > 0 ? Math.floor((day - rangeStart) / 7) === p.n - 1 : Math.floor((rangeEnd - day) / 7) === -p.n - 1) {
            ok = true;
            break;
          }
        }
      }
      if (!ok) continue;
    }
    out.push(day);
  }
  if (!rule.bySetPos || out.length === 0) return out;
  const picked = new Set<DayNumber>();
  for (const pos of rule.bySetPos) {
    const d = pos > 0 ? out[pos - 1] : out[out.length + pos];
    if (d !== undefined) picked.add(d);
  }
  out.length = 0;
  for (const d of [...picked].sort((a, b) => a - b)) out.push(d);
  return out;
}

export interface ExpandOptions {
  /** Last day on which an occurrence may start (inclusive): UNTIL and `until` folded together. */
  lastDay?: DayNumber;
  /** Only days in [windowStart, windowEnd) are reported; COUNT still counts from DTSTART. */
  windowStart?: DayNumber;
  windowEnd?: DayNumber;
  /** Tests only: always take the general path, to compare it with the fast one. */
  general?: boolean;
  /** Tests only: walk COUNT's periods one by one, to compare with the skipping. */
  walkCount?: boolean;
  /** Tests only: counts the periods whose candidates are computed. */
  stats?: { periods: number };
}

/** The first day of year 10000: no period starts on or after it (MAX_YEAR). */
const END_OF_RANGE = daysFromCivil(MAX_YEAR + 1, 1, 1);

/**
 * The common shapes — DAILY, or WEEKLY with only weekdays (BYDAY without positions), no COUNT —
 * stepped directly: every day of each period in order, kept when its weekday is in the mask. The
 * same days, in the same order, as the general path (a test compares them), without its
 * per-period work. Returns false when the rule has another shape.
 */
function forEachSimpleDay(
  norm: Normalized,
  dtstart: DayNumber,
  lastDay: number,
  windowStart: number,
  windowEnd: number,
  emit: (day: DayNumber) => boolean | void,
): boolean {
  const rule = norm.rule;
  if (rule.count !== undefined || rule.bySetPos || (rule.freq !== 'DAILY' && rule.freq !== 'WEEKLY')) return false;
  if (norm.byMonth || norm.byMonthDayPos || norm.byYearDayPos || norm.byWeekNoPos || norm.positioned.length > 0) return false;
  const mask = norm.hasDayFilter ? norm.weekdayMask : 0x7f;
  if (mask === 0) return false;
  // As in the general path, no period starts after year 9999; a week starting in it may end later.
  const stop = Math.min(lastDay, windowEnd - 1);
  const first = Math.max(dtstart, windowStart);
  if (rule.freq === 'DAILY') {
    const n = rule.interval;
    let day = first <= dtstart ? dtstart : dtstart + Math.ceil((first - dtstart) / n) * n;
    for (; day <= stop && day < END_OF_RANGE; day += n) {
      if ((mask & (1 << weekdayOf(day))) !== 0 && emit(day) === false) return true;
    }
    return true;
  }
  const step = 7 * rule.interval;
  const week0 = weekStart(dtstart, rule.wkst);
  let week = first <= week0 ? week0 : week0 + Math.floor((first - week0) / step) * step;
  for (; week <= stop && week < END_OF_RANGE; week += step) {
    const weekday0 = weekdayOf(week);
    for (let i = 0; i < 7; i++) {
      const day = week + i;
      if (day < first) continue;
      if (day > stop) return true;
      if ((mask & (1 << ((weekday0 + i) % 7))) !== 0 && emit(day) === false) return true;
    }
  }
  return true;
}

/**
 * Calls `emit` with each occurrence date of `rule` whose DTSTART date is `dtstart`, in order,
 * until `emit` returns false, the rule ends, or the window is passed. A DTSTART date that does not
 * match the rule is not an occurrence (SPEC §3.1).
 */
export function forEachOccurrenceDay(
  rule: RecurrenceRule,
  dtstart: DayNumber,
  options: ExpandOptions,
  emit: (day: DayNumber) => boolean | void,
): void {
  const norm = normalize(rule, dtstart);
  const lastDay = options.lastDay ?? Infinity;
  const windowStart = options.windowStart ?? -Infinity;
  const windowEnd = options.windowEnd ?? Infinity;
  if (!options.general && forEachSimpleDay(norm, dtstart, lastDay, windowStart, windowEnd, emit)) return;
  const stopDay = Math.min(lastDay, windowEnd - 1);
  let remaining = rule.count ?? Infinity;
  const n = rule.interval;
  const start = civilFromDays(dtstart);

  // Period k starts at periodStart(k); without COUNT we may skip straight to the window.
  let periodIndex = 0;
  let periodStart: (k: number) => DayNumber;
  let periodLen: (k: number) => number;
  let periodOfDay: (day: DayNumber) => number; // index k of the period containing day (floored)
  switch (rule.freq) {
    case 'YEARLY':
      if (rule.byWeekNo) {
        // libical's reading, and the only one in which a week never straddles two periods: with
        // BYWEEKNO the yearly period is the week-numbering year (week 1 to the last week).
        const wkst = rule.wkst;
        const y0 = weekYearOf(dtstart, wkst);
        periodStart = (k) => weekOneStart(y0 + k * n, wkst);
        periodLen = (k) => weekOneStart(y0 + k * n + 1, wkst) - weekOneStart(y0 + k * n, wkst);
        periodOfDay = (d) => Math.floor((weekYearOf(d, wkst) - y0) / n);
        break;
      }
      periodStart = (k) => daysFromCivil(start.year + k * n, 1, 1);
      periodLen = (k) => daysInYear(start.year + k * n);
      periodOfDay = (d) => Math.floor((civilFromDays(d).year - start.year) / n);
      break;
    case 'MONTHLY': {
      const m0 = start.year * 12 + start.month - 1;
      const ym = (k: number) => [Math.floor((m0 + k * n) / 12), ((m0 + k * n) % 12) + 1] as const;
      periodStart = (k) => {
        const [y, m] = ym(k);
        return daysFromCivil(y, m, 1);
      };
      periodLen = (k) => {
        const [y, m] = ym(k);
        return daysInMonth(y, m);
      };
      periodOfDay = (d) => {
        const c = civilFromDays(d);
        return Math.floor((c.year * 12 + c.month - 1 - m0) / n);
      };
      break;
    }
    case 'WEEKLY': {
      const week0 = weekStart(dtstart, rule.wkst);
      periodStart = (k) => week0 + k * 7 * n;
      periodLen = () => 7;
      periodOfDay = (d) => Math.floor((d - week0) / (7 * n));
      break;
    }
    case 'DAILY':
      periodStart = (k) => dtstart + k * n;
      periodLen = () => 1;
      periodOfDay = (d) => Math.floor((d - dtstart) / n);
      break;
  }
  const cycle = CYCLE[rule.freq];
  const buffer: DayNumber[] = [];
  const candidates = (k: number): DayNumber[] => {
    if (options.stats) options.stats.periods++;
    return periodCandidates(norm, periodStart(k), periodLen(k), buffer);
  };
  if (windowStart > dtstart) {
    const target = Math.max(0, periodOfDay(windowStart));
    if (rule.count === undefined) periodIndex = target;
    else {
      // COUNT counts from DTSTART: spend it on the periods before the window without visiting
      // each (options.walkCount: one by one, for the tests that compare both).
      const skipped = options.walkCount
        ? walkCount(candidates, dtstart, target, remaining)
        : skipCount(candidates, dtstart, target, remaining, cycle, n);
      if (skipped.remaining <= 0) return;
      periodIndex = target;
      remaining = skipped.remaining;
    }
  }

  let emptyPeriods = 0;
  for (; ; periodIndex++) {
    const pStart = periodStart(periodIndex);
    if (pStart > stopDay || civilFromDays(pStart).year > MAX_YEAR) return;
    const days = candidates(periodIndex);
    if (days.length === 0) {
      if (++emptyPeriods >= cycle) return;
      continue;
    }
    emptyPeriods = 0;
    for (const day of days) {
      if (day < dtstart) continue;
      if (day > lastDay) return;
      if (day >= windowEnd) return;
      if (day >= windowStart && emit(day) === false) return;
      if (--remaining <= 0) return;
    }
  }
}

/** Occurrences (days on or after DTSTART) of one period. */
function countIn(days: readonly DayNumber[], dtstart: DayNumber): number {
  let c = 0;
  for (const d of days) if (d >= dtstart) c++;
  return c;
}

/** COUNT spent on periods [0, target), one period at a time. */
function walkCount(candidates: (k: number) => DayNumber[], dtstart: DayNumber, target: number, remaining: number): { remaining: number } {
  for (let k = 0; k < target && remaining > 0; k++) remaining -= countIn(candidates(k), dtstart);
  return { remaining };
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/**
 * COUNT spent on periods [0, target) with bounded work. The Gregorian calendar repeats every 400
 * years with the weekdays (146,097 days = 20,871 weeks), so periods k and k + L, with L = the
 * frequency's cycle / gcd(cycle, INTERVAL), have the same candidates shifted by whole cycles: the
 * occurrences of any L consecutive periods after the first number the same. So at most two blocks
 * of L periods are visited, and the blocks between are counted by multiplying.
 */
function skipCount(
  candidates: (k: number) => DayNumber[],
  dtstart: DayNumber,
  target: number,
  remaining: number,
  cycle: number,
  interval: number,
): { remaining: number } {
  const block = cycle / gcd(cycle, interval);
  if (target < 2 * block) return walkCount(candidates, dtstart, target, remaining);
  // Block 0 counts only days on or after DTSTART (period 0 may start before it); the same periods
  // counted whole give what every later block counts.
  let first = 0;
  let whole = 0;
  for (let k = 0; k < block; k++) {
    const days = candidates(k);
    whole += days.length;
    first += k === 0 ? countIn(days, dtstart) : days.length;
  }
  remaining -= first;
  if (remaining <= 0 || whole === 0) return { remaining };
  const blocks = Math.floor((target - block) / block);
  remaining -= blocks * whole;
  if (remaining <= 0) return { remaining };
  for (let k = block + blocks * block; k < target && remaining > 0; k++) remaining -= candidates(k).length;
  return { remaining };
}

/** Occurrence dates in [windowStart, windowEnd), ascending. */
export function occurrenceDays(rule: RecurrenceRule, dtstart: DayNumber, options: ExpandOptions): DayNumber[] {
  const out: DayNumber[] = [];
  forEachOccurrenceDay(rule, dtstart, options, (d) => {
    out.push(d);
  });
  return out;
}

/** The first occurrence date not in `except`, or `undefined` if the series yields nothing. */
export function firstOccurrenceDay(
  rule: RecurrenceRule,
  dtstart: DayNumber,
  lastDay: DayNumber | undefined,
  except: ReadonlySet<DayNumber>,
): DayNumber | undefined {
  let first: DayNumber | undefined;
  forEachOccurrenceDay(rule, dtstart, { lastDay }, (d) => {
    if (except.has(d)) return true;
    first = d;
    return false;
  });
  return first;
}
