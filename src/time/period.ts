/**
 * The period a command looks at (SPEC §3.1): `[from, to)` as instants; by default the 90 days
 * from today's local midnight; at most 10 calendar years. Pure: "now" and the options are given.
 */
import {
  MS_PER_DAY,
  RANGE_END_DAY,
  RANGE_START_DAY,
  civilFromDays,
  daysFromCivil,
  daysInMonth,
  formatDate,
  inYearRange,
  parseDateTime,
} from './civil.js';
import { zoneTable } from './zone.js';

export interface Period {
  from: number;
  to: number;
}

export const DEFAULT_PERIOD_DAYS = 90;
export const MAX_PERIOD_YEARS = 10;

/**
 * A date or date-time as written on a command line or in a call: local wall time in `zone` unless
 * it carries `Z` or an offset; a date alone is its local midnight. `undefined` if it is not one;
 * `'out-of-range'` if its date is not in the years shiftready reads (SPEC §3.1) — the first
 * midnight after them is allowed as an exclusive end (`end`).
 */
export function writtenInstant(text: string, zone: string, end = false): number | undefined | 'out-of-range' {
  const dt = parseDateTime(text.trim());
  if (!dt) return undefined;
  if (dt.offsetMinutes !== undefined) {
    // An instant: in range when its local time in `zone` is (2100-01-01T01:00+14:00 can be 2099 there).
    const instant = dt.day * MS_PER_DAY + dt.msOfDay - dt.offsetMinutes * 60_000;
    const inRange = instant >= rangeStart(zone) && (end ? instant <= rangeEnd(zone) : instant < rangeEnd(zone));
    return inRange ? instant : 'out-of-range';
  }
  const atEnd = end && dt.day === RANGE_END_DAY && dt.msOfDay === 0;
  if (!inYearRange(dt.day) && !atEnd) return 'out-of-range';
  return zoneTable(zone).wallToInstant(dt.day, dt.msOfDay);
}

/** The start of the years shiftready reads in `zone`: the local midnight starting FIRST_YEAR. */
export function rangeStart(zone: string): number {
  return zoneTable(zone).wallToInstant(RANGE_START_DAY, 0);
}

/** The end of the years shiftready reads in `zone`: the local midnight after LAST_YEAR. */
export function rangeEnd(zone: string): number {
  return zoneTable(zone).wallToInstant(RANGE_END_DAY, 0);
}

/** The local midnight `days` local days after the local date of `instant`. */
export function localMidnightPlus(zone: string, instant: number, days: number): number {
  const table = zoneTable(zone);
  const { day } = table.instantToWall(instant);
  return table.wallToInstant(day + days, 0);
}

/**
 * The latest end of a period from `from`: ten calendar years on, at the same local time
 * (29 February → 28 February).
 */
export function periodLimit(from: number, zone: string): number {
  const table = zoneTable(zone);
  const start = table.instantToWall(from);
  const { year, month, day } = civilFromDays(start.day);
  const limitYear = year + MAX_PERIOD_YEARS;
  const limitDay = daysFromCivil(limitYear, month, Math.min(day, daysInMonth(limitYear, month)));
  // Past the years shiftready reads, the range's end is the limit anyway.
  return limitDay >= RANGE_END_DAY ? Infinity : table.wallToInstant(limitDay, start.msOfDay);
}

/**
 * A local date-time that does not exist (spring-forward gap) or happens twice (fall-back overlap)
 * in the zone, and the instant it was read as (SPEC §3.1), so that commands can say so.
 */
export interface WallReading {
  kind: 'gap' | 'ambiguous';
  /** The local date-time as written, `YYYY-MM-DD HH:MM`. */
  written: string;
  instant: number;
  /** For an ambiguous time: the later of its two instants. */
  other?: number;
}

/** How `text` (as `writtenInstant` reads it) was read, when it is a gap or an overlap. */
export function wallReadingOf(text: string, zone: string): WallReading | undefined {
  const dt = parseDateTime(text.trim());
  if (!dt || dt.offsetMinutes !== undefined) return undefined;
  const table = zoneTable(zone);
  const kind = table.wallKind(dt.day, dt.msOfDay);
  if (kind === 'exists') return undefined;
  const instant = table.wallToInstant(dt.day, dt.msOfDay);
  const minutes = Math.floor(dt.msOfDay / 60_000);
  const written = `${formatDate(dt.day)} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  if (kind === 'gap') return { kind, written, instant };
  // The later reading uses the offset after the change.
  const local = dt.day * MS_PER_DAY + dt.msOfDay;
  const other = local - table.offsetAt(local + MS_PER_DAY);
  return { kind, written, instant, other };
}
