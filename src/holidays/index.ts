/**
 * The holidays of a configuration (SPEC §2.1, §3.2): the calendars' holidays of the chosen types
 * and the organization's own dates, as whole local dates in the organization's zone, and what is
 * expected on them per portal.
 */
import type { HolidayExpect, Model, Portal } from '../model/types.js';
import { civilFromDays, parseDate, type DayNumber } from '../time/civil.js';
import { zoneTable } from '../time/zone.js';
import { calendarYear, checkCalendar } from './calendars.js';

export interface HolidayDay {
  day: DayNumber;
  /** YYYY-MM-DD */
  date: string;
  name: string;
  /** The calendar code, or `organization` for the organization's own dates. */
  source: string;
  /** Index of the entry in `holidays.dates` (organization) or `holidays.calendars`. */
  index: number;
  /** The organization's own expectation for this date, if its entry gives one. */
  expect?: HolidayExpect;
}

/**
 * What is expected of a portal on a holiday (SPEC §3.2): the date's own `expect`, else the
 * portal's `holidays`, else `holidays.expect`.
 */
export function expectationOf(portal: Portal, model: Model, holiday?: Pick<HolidayDay, 'expect'>): HolidayExpect {
  return holiday?.expect ?? portal.holidays ?? model.holidays?.expect ?? 'either';
}

/**
 * The holidays on the local dates from `firstDay` to `lastDay` (inclusive), one per date, sorted.
 * The organization's own dates come first, then the calendars in the order listed; a date named by
 * several takes the first one's name and source. Unknown calendars are skipped (unknown-reference
 * reports them).
 */
export function holidaysBetween(model: Model, firstDay: DayNumber, lastDay: DayNumber): HolidayDay[] {
  const holidays = model.holidays;
  if (!holidays) return [];
  const byDay = new Map<DayNumber, HolidayDay>();
  holidays.dates.forEach((d) => {
    const day = parseDate(d.date);
    if (day === undefined || day < firstDay || day > lastDay || byDay.has(day)) return;
    byDay.set(day, {
      day,
      date: d.date,
      name: d.name ?? 'Closed day',
      source: 'organization',
      index: d.index,
      ...(d.expect ? { expect: d.expect } : {}),
    });
  });
  const types = new Set(holidays.types);
  const firstYear = civilFromDays(firstDay).year;
  const lastYear = civilFromDays(lastDay).year;
  holidays.calendars.forEach((code, index) => {
    if (!checkCalendar(code).ok) return;
    for (let year = firstYear; year <= lastYear; year++) {
      for (const h of calendarYear(code, year)) {
        if (!types.has(h.type)) continue;
        const day = parseDate(h.date)!;
        if (day < firstDay || day > lastDay || byDay.has(day)) continue;
        byDay.set(day, { day, date: h.date, name: h.name, source: code, index });
      }
    }
  });
  return [...byDay.values()].sort((a, b) => a.day - b.day);
}

/** The holidays whose local date overlaps the period [from, to) in the organization's zone. */
export function holidaysInPeriod(model: Model, zone: string, period: { from: number; to: number }): HolidayDay[] {
  const table = zoneTable(zone);
  return holidaysBetween(model, table.instantToWall(period.from).day, table.instantToWall(period.to - 1).day);
}

/** The instants of a holiday: its whole local date, [00:00, next 00:00). */
export function holidaySpan(holiday: { day: DayNumber }, zone: string): { start: number; end: number } {
  const table = zoneTable(zone);
  return { start: table.wallToInstant(holiday.day, 0), end: table.wallToInstant(holiday.day + 1, 0) };
}
