/**
 * The period a command looks at (SPEC §3.1): `--from` / `--to` (local date or date-time, `--to`
 * exclusive), by default the 90 days from today's local midnight; at most 10 years.
 */
import { UsageError } from '../errors.js';
import { MS_PER_DAY, parseDateTime } from './civil.js';
import { zoneTable } from './zone.js';

export interface Period {
  from: number;
  to: number;
}

export const DEFAULT_PERIOD_DAYS = 90;
export const MAX_PERIOD_YEARS = 10;
const MAX_PERIOD_DAYS = 3653;

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

/** "now": `--now`, else `SHIFTREADY_NOW`, else the clock. */
export function resolveNow(now: string | number | undefined, zone: string): number {
  if (typeof now === 'number') return now;
  const text = now ?? process.env.SHIFTREADY_NOW;
  if (text !== undefined && text !== '') return parseInstantArg(text, zone, now !== undefined ? '--now' : 'SHIFTREADY_NOW');
  return Date.now();
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
  // Ten years hold at most 3,653 days (three leap days).
  if (to - from > MAX_PERIOD_DAYS * MS_PER_DAY) {
    throw new UsageError(`the period is longer than ${MAX_PERIOD_YEARS} years: give a shorter --from/--to`);
  }
  return { from, to };
}
