/**
 * Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), with no Date
 * objects and no machine time zone involved. Algorithms from Howard Hinnant, "chrono-compatible
 * low-level date algorithms".
 */

/** Days since 1970-01-01 (negative before). */
export type DayNumber = number;

/** Weekday with Monday = 0 … Sunday = 6 (ISO order, as RFC 5545's WKST uses). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

export interface CivilDate {
  year: number;
  month: number; // 1-12
  day: number; // 1-31
}

/**
 * The years shiftready reads (SPEC §3.1): every date in a configuration, on the command line or
 * asked for (`--year`) lies in them; nothing outside reaches the zone tables or the holiday
 * calendars. Helplines schedule within a lifetime, and within these years every calendar of
 * date-holidays answers quickly (a test checks each one, every year).
 */
export const FIRST_YEAR = 1970;
export const LAST_YEAR = 2099;

export const MS_PER_MINUTE = 60_000;
export const MS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 1440;

export function daysFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(days: DayNumber): CivilDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Monday = 0 … Sunday = 6. 1970-01-01 was a Thursday (3). */
export function weekdayOf(days: DayNumber): Weekday {
  return ((((days + 3) % 7) + 7) % 7) as Weekday;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function daysInYear(year: number): number {
  return isLeapYear(year) ? 366 : 365;
}

/** "00" to "99": instants are formatted millions of times in a large timeline. */
const TWO_DIGITS = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));

function pad(n: number, width = 2): string {
  return width === 2 && n >= 0 && n < 100 ? TWO_DIGITS[n]! : String(n).padStart(width, '0');
}

/** `YYYY-MM-DD` for a day number. */
export function formatDate(days: DayNumber): string {
  const { year, month, day } = civilFromDays(days);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses a real calendar date `YYYY-MM-DD` (year 0001-9999, the calendar's own range; callers
 * reading input check `inYearRange`); `undefined` if it is not one.
 */
export function parseDate(text: string): DayNumber | undefined {
  const m = DATE_RE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

const TIME_RE = /^(\d{2}):(\d{2})$/;

/** Parses `HH:MM` (00:00-23:59, plus `24:00` when allowed) into minutes after midnight. */
export function parseTimeOfDay(text: string, allow2400 = false): number | undefined {
  const m = TIME_RE.exec(text);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h === 24 && min === 0 && allow2400) return MINUTES_PER_DAY;
  if (h > 23 || min > 59) return undefined;
  return h * 60 + min;
}

/** A date-time as written in a config or on the command line. */
export interface WrittenDateTime {
  day: DayNumber;
  /** Milliseconds after local midnight. */
  msOfDay: number;
  /** Offset written with the value, in minutes east of UTC (`Z` = 0); absent = local wall time. */
  offsetMinutes?: number;
  /** True when only a date was written (it then means that date's local midnight). */
  dateOnly: boolean;
}

const DATETIME_RE = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:(Z)|([+-])(\d{2}):?(\d{2}))?)?$/;

/**
 * Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]`, optionally followed by `Z` or `±HH:MM`.
 * Returns `undefined` for text that is not a real date and time.
 */
export function parseDateTime(text: string): WrittenDateTime | undefined {
  const m = DATETIME_RE.exec(text);
  if (!m) return undefined;
  const day = parseDate(m[1]!);
  if (day === undefined) return undefined;
  if (m[2] === undefined) return { day, msOfDay: 0, dateOnly: true };
  const h = Number(m[2]);
  const min = Number(m[3]);
  const sec = m[4] === undefined ? 0 : Number(m[4]);
  if (h > 23 || min > 59 || sec > 59) return undefined;
  const result: WrittenDateTime = { day, msOfDay: ((h * 60 + min) * 60 + sec) * 1000, dateOnly: false };
  if (m[5]) result.offsetMinutes = 0;
  else if (m[6]) {
    const oh = Number(m[7]);
    const om = Number(m[8]);
    if (oh > 23 || om > 59) return undefined;
    result.offsetMinutes = (m[6] === '-' ? -1 : 1) * (oh * 60 + om);
  }
  return result;
}

/** Formats an instant (epoch milliseconds) as `YYYY-MM-DDTHH:MM:SSZ` (SPEC §3.1). */
export function formatInstant(ms: number): string {
  const days = Math.floor(ms / MS_PER_DAY);
  const rest = ms - days * MS_PER_DAY;
  const secs = Math.floor(rest / 1000);
  return `${formatDate(days)}T${pad(Math.floor(secs / 3600))}:${pad(Math.floor(secs / 60) % 60)}:${pad(secs % 60)}Z`;
}

/** The first day of FIRST_YEAR and the day after the last day of LAST_YEAR. */
export const RANGE_START_DAY: DayNumber = daysFromCivil(FIRST_YEAR, 1, 1);
export const RANGE_END_DAY: DayNumber = daysFromCivil(LAST_YEAR + 1, 1, 1);

/** True for a day in the years shiftready reads (FIRST_YEAR to LAST_YEAR). */
export function inYearRange(day: DayNumber): boolean {
  return day >= RANGE_START_DAY && day < RANGE_END_DAY;
}

/** "1970 to 2099": the years shiftready reads, as messages say them. */
export const YEAR_RANGE_TEXT = `${FIRST_YEAR} to ${LAST_YEAR}`;
