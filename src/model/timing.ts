/**
 * The time meaning of what the files say: recurrence shapes as series, override and away periods
 * as instants. Every local date or time goes through the one wall-clock → instant mapping
 * (`wallToInstant`, SPEC §3.1). A value that is not valid gives `undefined`; the rules that own
 * the problem (schema, invalid-timezone, invalid-recurrence, invalid-shift-time) report it.
 */
import { MS_PER_DAY, MS_PER_MINUTE, parseDate, parseDateTime, parseTimeOfDay, type DayNumber } from '../time/civil.js';
import { parseRule, type RuleParse } from '../time/rrule.js';
import type { SeriesSpec } from '../time/series.js';
import { checkZoneName, wallToInstant } from '../time/zone.js';
import { zoneOf, type AwayEntry, type Model, type Override, type RecurrenceFields, type User } from './types.js';

const zoneValidity = new Map<string, boolean>();
/** True for a valid IANA zone name (cached). */
export function isValidZone(name: string | undefined): name is string {
  if (name === undefined) return false;
  let ok = zoneValidity.get(name);
  if (ok === undefined) {
    ok = checkZoneName(name).ok;
    zoneValidity.set(name, ok);
  }
  return ok;
}

const ruleCache = new Map<string, RuleParse>();
/** `parseRule`, cached by text (many shifts share a rule). */
export function parsedRule(text: string): RuleParse {
  let parsed = ruleCache.get(text);
  if (!parsed) {
    parsed = parseRule(text);
    ruleCache.set(text, parsed);
  }
  return parsed;
}

/**
 * A date or date-time as an instant: with `Z` or an offset it is exact; otherwise it is local
 * wall time in `zone`. A date alone is its local midnight.
 */
export function instantOf(text: string, zone: string): number | undefined {
  const dt = parseDateTime(text);
  if (!dt) return undefined;
  if (dt.offsetMinutes !== undefined) return dt.day * MS_PER_DAY + dt.msOfDay - dt.offsetMinutes * MS_PER_MINUTE;
  return wallToInstant(zone, dt.day, dt.msOfDay);
}

const seriesCache = new WeakMap<RecurrenceFields, SeriesSpec | null>();

/** The series of a shift or requirement, or `undefined` if any part of it is invalid. */
export function seriesOf(item: RecurrenceFields, model: Model): SeriesSpec | undefined {
  const cached = seriesCache.get(item);
  if (cached !== undefined) return cached ?? undefined;
  const zone = zoneOf(item, model);
  const spec = isValidZone(zone) ? buildSeries(item, zone) : undefined;
  seriesCache.set(item, spec ?? null);
  return spec;
}

/** The series of a shift or requirement in `zone` (a valid zone name), or `undefined` if invalid. */
export function buildSeries(item: RecurrenceFields, zone: string): SeriesSpec | undefined {
  const start = item.start === undefined ? undefined : parseTimeOfDay(item.start);
  const end = item.end === undefined ? undefined : parseTimeOfDay(item.end, true);
  if (start === undefined || end === undefined) return undefined;
  const base = { zone, startMs: start * MS_PER_MINUTE, endMs: end * MS_PER_MINUTE };
  if (item.date !== undefined) {
    if (item.repeat !== undefined) return undefined; // invalid-shift-time
    const once = parseDate(item.date);
    return once === undefined ? undefined : { ...base, once };
  }
  if (item.repeat === undefined || item.from === undefined) return undefined;
  const parsed = parsedRule(item.repeat);
  const from = parseDate(item.from);
  if (!parsed.ok || from === undefined) return undefined;
  let until: DayNumber | undefined;
  if (item.until !== undefined) {
    until = parseDate(item.until);
    if (until === undefined || until < from) return undefined;
  }
  const except = new Set<DayNumber>();
  for (const d of item.except) {
    const day = parseDate(d);
    if (day !== undefined) except.add(day);
  }
  return { ...base, rule: parsed.rule, from, until, except };
}

/** An override's switch period [offline, online); `online` absent = indefinitely. */
export interface OverrideSpan {
  offline: number;
  online?: number;
}

/** The instants of an override, or `undefined` when a time is invalid or there is no zone. */
export function overrideSpan(o: Override, model: Model): OverrideSpan | undefined {
  const zone = model.organization?.timezone;
  if (!isValidZone(zone) || o.offline === undefined) return undefined;
  const offline = instantOf(o.offline, zone);
  if (offline === undefined) return undefined;
  if (o.online === undefined) return { offline };
  const online = instantOf(o.online, zone);
  return online === undefined ? undefined : { offline, online };
}

/**
 * An away entry as instants [from, to). Dates are whole days in the organization's zone
 * (SPEC §3.3): a `to` date is inclusive, so it ends at the next local midnight.
 */
export function awaySpan(entry: AwayEntry, zone: string): { from: number; to: number } | undefined {
  const from = parseDateTime(entry.from);
  const to = parseDateTime(entry.to);
  if (!from || !to) return undefined;
  const fromMs = instantOf(entry.from, zone);
  const toMs = to.dateOnly ? wallToInstant(zone, to.day + 1, 0) : instantOf(entry.to, zone);
  if (fromMs === undefined || toMs === undefined) return undefined;
  return { from: fromMs, to: toMs };
}

/** A user's away periods as instants (invalid entries left out). */
export function awaySpans(user: User, model: Model): { from: number; to: number }[] {
  const zone = model.organization?.timezone;
  if (!isValidZone(zone)) return [];
  return user.away.flatMap((a) => {
    const span = awaySpan(a, zone);
    return span && span.to > span.from ? [span] : [];
  });
}
