/**
 * The period a command looks at (SPEC §3.1): `--from` / `--to` (local date or date-time, `--to`
 * exclusive), by default the 90 days from today's local midnight; at most 10 years.
 */
import { UsageError } from '../errors.js';
import { MS_PER_DAY, civilFromDays, daysFromCivil, daysInMonth, formatDate, parseDateTime } from './civil.js';
import { zoneTable } from './zone.js';

export interface Period {
  from: number;
  to: number;
}

export const DEFAULT_PERIOD_DAYS = 90;
export const MAX_PERIOD_YEARS = 10;

/**
 * Reads a date or date-time given on the command line: local wall time in `zone` unless it
 * carries `Z` or an offset. `what` names the option in the error message.
 */
export function parseInstantArg(text: string, zone: string, what: string): number {
  const dt = parseDateTime(text.trim());
  if (!dt) {
    throw new UsageError(`${what} ${JSON.stringify(text)} is not a date or date-time: write YYYY-MM-DD or YYYY-MM-DDTHH:MM (optionally with Z or +02:00)`);
  }
  if (dt.offsetMinutes !== undefined) return dt.day * MS_PER_DAY + dt.msOfDay - dt.offsetMinutes * 60_000;
  return zoneTable(zone).wallToInstant(dt.day, dt.msOfDay);
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

/** How `text` (as `parseInstantArg` reads it) was read, when it is a gap or an overlap. */
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

/**
 * "now": the given value (`label` names where it came from, for messages), else
 * `SHIFTREADY_NOW`, else the clock.
 */
export function resolveNow(now: string | number | undefined, zone: string, label = '--now'): number {
  if (typeof now === 'number') return now;
  if (now !== undefined && now !== '') return parseInstantArg(now, zone, label);
  const env = process.env.SHIFTREADY_NOW;
  if (env !== undefined && env !== '') return parseInstantArg(env, zone, 'SHIFTREADY_NOW');
  return Date.now();
}

/** The CLI's "now" and where it came from: `--now`, else the environment's SHIFTREADY_NOW. */
export function nowFrom(option: string | undefined, env: NodeJS.ProcessEnv): { now?: string; nowLabel?: string } {
  if (option !== undefined) return { now: option, nowLabel: '--now' };
  if (env.SHIFTREADY_NOW !== undefined && env.SHIFTREADY_NOW !== '') return { now: env.SHIFTREADY_NOW, nowLabel: 'SHIFTREADY_NOW' };
  return {};
}

/** Adds whole local days to the local date of an instant and returns that date's midnight. */
function localMidnightPlus(zone: string, instant: number, days: number): number {
  const table = zoneTable(zone);
  const { day } = table.instantToWall(instant);
  return table.wallToInstant(day + days, 0);
}

export interface PeriodOptions {
  from?: string;
  to?: string;
  now: number;
}

export function resolvePeriod(options: PeriodOptions, zone: string): Period {
  const from = options.from !== undefined ? parseInstantArg(options.from, zone, '--from') : localMidnightPlus(zone, options.now, 0);
  const to = options.to !== undefined ? parseInstantArg(options.to, zone, '--to') : localMidnightPlus(zone, from, DEFAULT_PERIOD_DAYS);
  if (to <= from) throw new UsageError(`--to must be after --from (the period is [from, to), to exclusive)`);
  // Ten calendar years from the local date and time of `from` (29 February → 28 February).
  const table = zoneTable(zone);
  const start = table.instantToWall(from);
  const { year, month, day } = civilFromDays(start.day);
  const limit = table.wallToInstant(daysFromCivil(year + MAX_PERIOD_YEARS, month, Math.min(day, daysInMonth(year + MAX_PERIOD_YEARS, month))), start.msOfDay);
  if (to > limit) {
    throw new UsageError(`the period is longer than ${MAX_PERIOD_YEARS} years: give a shorter --from/--to`);
  }
  return { from, to };
}
