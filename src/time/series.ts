/**
 * The recurrence shape shared by shifts and requirements (SPEC §2.1, §3.1): a one-off `date` or
 * a `repeat` series from `from`, each occurrence running from `start` on its date to `end` on the
 * same date, or on the next date when `end <= start`.
 */
import { MS_PER_DAY, type DayNumber } from './civil.js';
import { forEachOccurrenceDay, firstOccurrenceDay } from './recurrence.js';
import type { RecurrenceRule, RuleUntil } from './rrule.js';
import { zoneTable } from './zone.js';

/** What every series has: its zone and the local times of day of its occurrences. */
interface SeriesTimes {
  zone: string;
  /** Local start time, ms after midnight (0 … 23:59). */
  startMs: number;
  /** Local end time, ms after midnight (0 … 24:00). */
  endMs: number;
}

/** A one-off occurrence (`date`). */
export interface OnceSeries extends SeriesTimes {
  kind: 'once';
  day: DayNumber;
}

/** A repeating series: the rule, its first date (DTSTART's date), optional last date, EXDATEs. */
export interface RepeatSeries extends SeriesTimes {
  kind: 'repeat';
  rule: RecurrenceRule;
  from: DayNumber;
  until?: DayNumber;
  except: ReadonlySet<DayNumber>;
}

export type Series = OnceSeries | RepeatSeries;

/** One occurrence: the local date it starts on and its instants (epoch ms), half-open. */
export interface Occurrence {
  day: DayNumber;
  start: number;
  end: number;
}

/** True when an occurrence ends on the next date: `end <= start` ("24:00" is the same date's end). */
export function endsNextDay(spec: Pick<Series, 'startMs' | 'endMs'>): boolean {
  return spec.endMs <= spec.startMs;
}

/** The last date on which an occurrence may start, from the rule's UNTIL and `until`. */
export function lastStartDay(spec: RepeatSeries): DayNumber | undefined {
  const candidates: DayNumber[] = [];
  if (spec.until !== undefined) candidates.push(spec.until);
  const u = spec.rule.until;
  if (u) candidates.push(untilToLastDay(u, spec.zone, spec.startMs));
  return candidates.length ? Math.min(...candidates) : undefined;
}

/**
 * RFC 5545: UNTIL is inclusive. A floating date-time is compared with local start times; a UTC
 * one with the occurrences' instants, which is why the zone is needed.
 */
function untilToLastDay(until: RuleUntil, zoneName: string, startMs: number): DayNumber {
  switch (until.kind) {
    case 'date':
      return until.day;
    case 'local':
      return startMs <= until.msOfDay ? until.day : until.day - 1;
    case 'utc': {
      const zone = zoneTable(zoneName);
      let d = zone.instantToWall(until.ms).day;
      while (zone.wallToInstant(d, startMs) > until.ms) d--;
      while (zone.wallToInstant(d + 1, startMs) <= until.ms) d++;
      return d;
    }
  }
}

/**
 * Calls `emit` for every occurrence that overlaps [fromMs, toMs), in start order. An occurrence
 * whose end is not after its start (a spring-forward day, SPEC §3.3) is reported when its start
 * is in the window; it covers nothing.
 */
export function forEachOccurrence(spec: Series, fromMs: number, toMs: number, emit: (o: Occurrence) => void): void {
  forEachOccurrenceSpan(spec, fromMs, toMs, (start, end, day) => emit({ day, start, end }));
}

/** `forEachOccurrence` without an object per occurrence (for the timeline's inner loop). */
export function forEachOccurrenceSpan(
  spec: Series,
  fromMs: number,
  toMs: number,
  emit: (start: number, end: number, day: DayNumber) => void,
): void {
  // An occurrence starting on local date d lies within [d - 1 day, d + 2 days] in UTC terms.
  const windowStart = Math.floor(fromMs / MS_PER_DAY) - 2;
  const windowEnd = Math.floor(toMs / MS_PER_DAY) + 2;
  const zone = zoneTable(spec.zone);
  const nextDay = endsNextDay(spec) ? 1 : 0;
  const except = spec.kind === 'repeat' ? spec.except : undefined;
  const visit = (day: DayNumber) => {
    if (except?.has(day)) return;
    const start = zone.wallToInstant(day, spec.startMs);
    const end = zone.wallToInstant(day + nextDay, spec.endMs);
    const overlaps = end > start ? start < toMs && end > fromMs : start >= fromMs && start < toMs;
    if (overlaps) emit(start, end, day);
  };
  if (spec.kind === 'once') {
    if (spec.day >= windowStart && spec.day < windowEnd) visit(spec.day);
    return;
  }
  forEachOccurrenceDay(spec.rule, spec.from, { lastDay: lastStartDay(spec), windowStart, windowEnd }, (day) => {
    visit(day);
  });
}

/** The first date the series yields (after `except`), or `undefined` if it yields nothing. */
export function firstSeriesDay(spec: Series): DayNumber | undefined {
  if (spec.kind === 'once') return spec.day;
  return firstOccurrenceDay(spec.rule, spec.from, lastStartDay(spec), spec.except);
}
