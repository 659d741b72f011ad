/**
 * The normalize stage: the time meaning of what the files say, computed once per model. Every
 * local date or time goes through the one wall-clock → instant mapping (`wallToInstant`, SPEC
 * §3.1). A value that is not valid stays `undefined`; the rules that own the problem (schema,
 * invalid-timezone, invalid-recurrence, invalid-shift-time) report it. After this, no stage parses
 * a date, a time, a rule or a zone name again.
 */
import { compareCodeUnits } from '../findings.js';
import {
  MS_PER_DAY,
  MS_PER_MINUTE,
  inYearRange,
  YEAR_RANGE_TEXT,
  parseDate,
  parseDateTime,
  parseTimeOfDay,
  type DayNumber,
  type WrittenDateTime,
} from '../time/civil.js';
import type { Span } from '../time/intervals.js';
import { parseRule, type RuleParse } from '../time/rrule.js';
import type { Series } from '../time/series.js';
import { checkZoneName, wallToInstant } from '../time/zone.js';
import type { AwayEntry, Model, Override, OverrideSpan, RecurrenceFields, RecurrenceTiming, Shift } from './types.js';

/** A date of the configuration, if it is a real date in the years shiftready reads (SPEC §3.1). */
function configDate(text: string | undefined): DayNumber | undefined {
  const day = text === undefined ? undefined : parseDate(text);
  return day !== undefined && inYearRange(day) ? day : undefined;
}

/** A date-time of the configuration, if it is real and its date in the years shiftready reads. */
function configDateTime(text: string): WrittenDateTime | undefined {
  const dt = parseDateTime(text);
  return dt && inYearRange(dt.day) ? dt : undefined;
}

/** A `repeat` of the configuration, parsed; an UNTIL outside the years shiftready reads is a problem. */
function configRule(text: string): RuleParse {
  const parsed = parseRule(text);
  if (!parsed.ok || !parsed.rule.until) return parsed;
  const until = parsed.rule.until;
  const day = until.kind === 'utc' ? Math.floor(until.ms / MS_PER_DAY) : until.day;
  if (inYearRange(day)) return parsed;
  const written = /UNTIL=([^;]*)/i.exec(text)?.[1] ?? '';
  return {
    ok: false,
    problems: [`UNTIL=${written} is outside the years shiftready reads: give a date from ${YEAR_RANGE_TEXT}, or leave UNTIL out`],
  };
}

/** Memos for one model: many items share a zone name or a rule text. */
interface Memo {
  zones: Map<string, boolean>;
  rules: Map<string, RuleParse>;
}

function validZone(name: string | undefined, memo: Memo): string | undefined {
  if (name === undefined) return undefined;
  let ok = memo.zones.get(name);
  if (ok === undefined) {
    ok = checkZoneName(name).ok;
    memo.zones.set(name, ok);
  }
  return ok ? name : undefined;
}

/**
 * A date or date-time as an instant: with `Z` or an offset it is exact; otherwise it is local
 * wall time in `zone`. A date alone is its local midnight.
 */
export function instantOfWritten(dt: WrittenDateTime, zone: string): number {
  if (dt.offsetMinutes !== undefined) return dt.day * MS_PER_DAY + dt.msOfDay - dt.offsetMinutes * MS_PER_MINUTE;
  return wallToInstant(zone, dt.day, dt.msOfDay);
}

/**
 * The series of an item's typed parts in `zone`, or `undefined` when a part written is not valid,
 * one is missing, or they disagree (`written` says which fields the item has).
 */
export function seriesIn(
  t: Omit<RecurrenceTiming, 'zone' | 'series'>,
  written: Pick<RecurrenceFields, 'date' | 'repeat' | 'until'>,
  zone: string,
): Series | undefined {
  if (t.startMs === undefined || t.endMs === undefined) return undefined;
  const times = { zone, startMs: t.startMs, endMs: t.endMs };
  if (written.date !== undefined) {
    // A one-off; with `repeat` as well it is invalid-shift-time's finding.
    return t.once === undefined || written.repeat !== undefined ? undefined : { kind: 'once', day: t.once, ...times };
  }
  if (!t.rule?.ok || t.from === undefined) return undefined;
  if (written.until !== undefined && (t.until === undefined || t.until < t.from)) return undefined;
  return {
    kind: 'repeat',
    rule: t.rule.rule,
    from: t.from,
    ...(t.until !== undefined ? { until: t.until } : {}),
    except: new Set(t.except),
    ...times,
  };
}

function recurrenceTiming(item: RecurrenceFields, orgZone: string | undefined, memo: Memo): RecurrenceTiming {
  const day = configDate;
  let rule: RuleParse | undefined;
  if (item.repeat !== undefined) {
    rule = memo.rules.get(item.repeat);
    if (!rule) {
      rule = configRule(item.repeat);
      memo.rules.set(item.repeat, rule);
    }
  }
  const start = item.start === undefined ? undefined : parseTimeOfDay(item.start);
  const end = item.end === undefined ? undefined : parseTimeOfDay(item.end, true);
  const parts = {
    ...(start !== undefined ? { startMs: start * MS_PER_MINUTE } : {}),
    ...(end !== undefined ? { endMs: end * MS_PER_MINUTE } : {}),
    once: day(item.date),
    rule,
    from: day(item.from),
    until: day(item.until),
    except: item.except.map(day).filter((d): d is DayNumber => d !== undefined),
  };
  const zone = item.timezone !== undefined ? validZone(item.timezone, memo) : orgZone;
  const series = zone === undefined ? undefined : seriesIn(parts, item, zone);
  return { ...parts, ...(zone !== undefined ? { zone } : {}), ...(series ? { series } : {}) };
}

function overrideSpan(o: Override, zone: string | undefined): OverrideSpan | undefined {
  if (zone === undefined || o.offline === undefined) return undefined;
  const offlineWritten = configDateTime(o.offline);
  if (!offlineWritten) return undefined;
  const offline = instantOfWritten(offlineWritten, zone);
  if (o.online === undefined) return { offline, offlineWritten };
  const onlineWritten = configDateTime(o.online);
  return onlineWritten ? { offline, online: instantOfWritten(onlineWritten, zone), offlineWritten, onlineWritten } : undefined;
}

/**
 * An away entry as instants [from, to). Dates are whole days in the organization's zone
 * (SPEC §3.3): a `to` date is inclusive, so it ends at the next local midnight.
 */
function awaySpan(entry: AwayEntry, zone: string): Span | undefined {
  const from = configDateTime(entry.from);
  const to = configDateTime(entry.to);
  if (!from || !to) return undefined;
  return { start: instantOfWritten(from, zone), end: to.dateOnly ? wallToInstant(zone, to.day + 1, 0) : instantOfWritten(to, zone) };
}

/** The portals' serving shifts (SPEC §3.2), grouped once: same program and type, valid series. */
function servingShifts(model: Model): Map<(typeof model.portals)[number], Shift[]> {
  const groups = new Map<string, Shift[]>();
  for (const shift of model.shifts) {
    if (shift.messaging.length !== 1 || shift.program === undefined || !shift.timing.series) continue;
    const key = `${shift.program}\u0000${shift.messaging[0]}`;
    const list = groups.get(key) ?? [];
    list.push(shift);
    groups.set(key, list);
  }
  for (const list of groups.values()) list.sort((a, b) => compareCodeUnits(a.id, b.id));
  return new Map(model.portals.map((p) => [p, groups.get(`${p.program}\u0000${p.type}`) ?? []]));
}

/** Fills in the typed meaning of the model's dates, times, rules and zones (in place). */
export function normalize(model: Model): Model {
  const memo: Memo = { zones: new Map(), rules: new Map() };
  const org = model.organization;
  const orgZone = validZone(org?.timezone, memo);
  for (const o of model.organizations) {
    const zone = validZone(o.timezone, memo);
    if (zone !== undefined) o.zone = zone;
  }
  for (const item of [...model.shifts, ...model.requirements]) item.timing = recurrenceTiming(item, orgZone, memo);
  for (const o of model.overrides) {
    const span = overrideSpan(o, orgZone);
    if (span) o.span = span;
  }
  // Away periods are compared as instants in the organization's zone, or as written (UTC) when the
  // zone is not valid (invalid-timezone reports that; nothing else reads them then).
  for (const user of model.users) {
    for (const a of user.away) {
      const span = awaySpan(a, orgZone ?? 'UTC');
      if (span) a.span = span;
    }
  }
  for (const section of model.holidaysSections) {
    for (const d of section.dates) {
      const day = configDate(d.date);
      if (day !== undefined) d.day = day;
    }
  }
  model.servingShifts = servingShifts(model);
  return model;
}
