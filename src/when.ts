/**
 * What callers give the library about time — a period, an instant, "now", as written — read into
 * instants in the organization's zone (SPEC §3.1). Errors name the option as the caller calls it
 * (`names`: the CLI says `--from`, a library caller `from`).
 */
import { UsageError } from './errors.js';
import { YEAR_RANGE_TEXT } from './time/civil.js';
import {
  DEFAULT_PERIOD_DAYS,
  MAX_PERIOD_YEARS,
  localMidnightPlus,
  periodLimit,
  rangeEnd,
  rangeStart,
  writtenInstant,
  type Period,
} from './time/period.js';

/** How the caller names each input, for messages. */
export interface InputNames {
  from?: string;
  to?: string;
  now?: string;
  at?: string;
}

export interface PeriodInput {
  /** Local date or date-time (or with offset / Z); default today's local midnight. */
  from?: string;
  /** Exclusive end; default 90 days after `from`. */
  to?: string;
  /** Pins "now" (date-time text or epoch ms); default the clock. */
  now?: string | number;
  /** How the caller names these, for messages (default `from`, `to`, `now`). */
  names?: InputNames;
}

/**
 * Reads a date or date-time; a usage error that names `name` when it is not one, or not in the
 * years shiftready reads. `end`: an exclusive end, which may be the first midnight after them.
 */
export function readInstant(text: string, zone: string, name: string, end = false): number {
  const instant = writtenInstant(text, zone, end);
  if (instant === 'out-of-range') {
    // With an offset the instant is placed in the organization's zone, where its year is read.
    const local = /(?:Z|[+-]\d\d:?\d\d)$/i.test(text.trim()) ? ` (as local time in ${zone})` : '';
    throw new UsageError(
      `${name} ${JSON.stringify(text)} is outside the years shiftready reads: give a date from ${YEAR_RANGE_TEXT}${local}`,
    );
  }
  if (instant === undefined) {
    throw new UsageError(
      `${name} ${JSON.stringify(text)} is not a date or date-time: write YYYY-MM-DD or YYYY-MM-DDTHH:MM (optionally with Z or +02:00)`,
    );
  }
  return instant;
}

/** An instant given as epoch milliseconds (library callers); a usage error outside the years shiftready reads. */
export function givenInstant(ms: number, zone: string, name: string): number {
  if (!(ms >= rangeStart(zone) && ms < rangeEnd(zone))) {
    throw new UsageError(
      `${name} ${ms} is outside the years shiftready reads: give a time from ${YEAR_RANGE_TEXT} (as local time in ${zone})`,
    );
  }
  return ms;
}

/** "now": the given instant or text, else the clock. */
export function nowOf(input: Pick<PeriodInput, 'now' | 'names'>, zone: string): number {
  if (typeof input.now === 'number') return givenInstant(input.now, zone, input.names?.now ?? 'now');
  if (input.now !== undefined && input.now !== '') return readInstant(input.now, zone, input.names?.now ?? 'now');
  return Date.now();
}

/** The period `[from, to)` of SPEC §3.1: by default the 90 days from today's local midnight. */
export function readPeriod(input: PeriodInput, zone: string): Period {
  const names = { from: 'from', to: 'to', ...input.names };
  const from = input.from !== undefined ? readInstant(input.from, zone, names.from) : localMidnightPlus(zone, nowOf(input, zone), 0);
  // By default 90 days, but never past the years shiftready reads.
  const to =
    input.to !== undefined
      ? readInstant(input.to, zone, names.to, true)
      : Math.min(localMidnightPlus(zone, from, DEFAULT_PERIOD_DAYS), rangeEnd(zone));
  if (to <= from) throw new UsageError(`${names.to} must be after ${names.from} (the period is [from, to), to exclusive)`);
  if (to > periodLimit(from, zone))
    throw new UsageError(`the period is longer than ${MAX_PERIOD_YEARS} years: give a shorter ${names.from}/${names.to}`);
  return { from, to };
}
