/**
 * Coverage (SPEC §3.2, §5.4): requirement windows and their gaps, portal totals, the load each
 * user carries, and the shape of a week. Pure functions of the model and its timeline.
 */
import { expectationOf, holidaySpan, holidaysInPeriod, type HolidayDay } from '../holidays/index.js';
import { compareCodeUnits } from '../findings.js';
import { humansTracked, type Model, type Portal, type Requirement, type User } from '../model/types.js';
import { subtract, union, unionOfRuns, type Span } from '../time/intervals.js';
import { forEachOccurrence } from '../time/series.js';
import type { Period } from '../time/period.js';
import { zoneTable, type Transition, type ZoneTable } from '../time/zone.js';
import { weekdayOf } from '../time/civil.js';
import { servingShifts } from '../timeline/build.js';
import { StaffingContext } from '../timeline/staffing.js';
import { CandidateFinder, type Candidate } from './candidates.js';
import type { PortalInterval, Timeline, TimelineStream } from '../timeline/types.js';

export type GapReason = 'no-shift' | 'unstaffed' | 'override' | 'too-few-humans';

export interface Gap extends Span {
  requirement: Requirement;
  reason: GapReason;
  /** For `override`: the override's name. */
  override?: string;
}

/** The requirement's windows in the period, clipped; optionally with some spans taken out. */
export function requirementWindows(req: Requirement, period: Period, without: readonly Span[] = []): Span[] {
  const spec = req.timing.series;
  if (!spec) return [];
  const windows: Span[] = [];
  forEachOccurrence(spec, period.from, period.to, (o) => {
    const start = Math.max(o.start, period.from);
    const end = Math.min(o.end, period.to);
    if (end > start) windows.push({ start, end });
  });
  return without.length ? subtract(windows, without) : union(windows);
}

/**
 * The humans a requirement asks for: `minHumans`, or none under `staffing: placeholder`, where
 * humans are not tracked (staffing-mismatch reports a `minHumans` there).
 */
export function minHumansOf(req: Requirement, model: Model): number {
  return humansTracked(model) ? req.minHumans : 0;
}

/**
 * Where a portal's intervals fail a requirement within its windows: offline (with the timeline's
 * reason) or online with fewer humans than `minHumans`. Touching pieces with the same reason merge.
 */
export function gapsIn(req: Requirement, intervals: readonly PortalInterval[], windows: readonly Span[], minHumans = req.minHumans): Gap[] {
  const gaps: Gap[] = [];
  let i = 0;
  for (const w of windows) {
    while (i < intervals.length && intervals[i]!.end <= w.start) i++;
    for (let j = i; j < intervals.length && intervals[j]!.start < w.end; j++) {
      const interval = intervals[j]!;
      const start = Math.max(interval.start, w.start);
      const end = Math.min(interval.end, w.end);
      if (end <= start) continue;
      let reason: GapReason | undefined;
      let override: string | undefined;
      if (interval.state === 'offline') {
        reason = interval.reason;
        if (interval.reason === 'override') override = interval.override;
      } else if (interval.humans.length < minHumans) reason = 'too-few-humans';
      if (!reason) continue;
      const last = gaps[gaps.length - 1];
      if (last && last.end === start && last.reason === reason && last.override === override) last.end = end;
      else gaps.push({ requirement: req, start, end, reason, ...(override !== undefined ? { override } : {}) });
    }
  }
  return gaps;
}

/**
 * The holidays on which a portal's requirements do not apply, as instants: every holiday but the
 * `covered` ones (SPEC §3.2: on `covered` days requirements apply as on any day).
 */
export function exemptDays(portal: Portal, model: Model, holidays: readonly HolidayDay[], zone: string): Span[] {
  return holidays.filter((h) => expectationOf(portal, model, h) !== 'covered').map((h) => holidaySpan(h, zone));
}

/** The windows of a requirement in the period, without the holidays on which it does not apply. */
export function applicableWindows(req: Requirement, model: Model, period: Period, holidays: readonly HolidayDay[], zone: string): Span[] {
  const portal = req.portal === undefined ? undefined : model.portalById.get(req.portal);
  return portal ? requirementWindows(req, period, exemptDays(portal, model, holidays, zone)) : [];
}

/** The gaps of every requirement where it applies, sorted by requirement id, then time. */
export function requirementGaps(model: Model, timeline: Timeline, zone: string, holidays: readonly HolidayDay[]): Gap[] {
  const out: Gap[] = [];
  for (const req of requirementsById(model)) {
    const portal = req.portal === undefined ? undefined : timeline.portals.find((p) => p.portal.id === req.portal);
    if (portal) out.push(...requirementGapsIn(req, model, portal.intervals, timeline.period, holidays, zone));
  }
  return out;
}

function requirementsById(model: Model): Requirement[] {
  return [...model.requirements].sort((a, b) => compareCodeUnits(a.id, b.id));
}

/** The gaps of one requirement in its portal's intervals, where it applies. */
function requirementGapsIn(
  req: Requirement,
  model: Model,
  intervals: readonly PortalInterval[],
  period: Period,
  holidays: readonly HolidayDay[],
  zone: string,
): Gap[] {
  return gapsIn(req, intervals, applicableWindows(req, model, period, holidays, zone), minHumansOf(req, model));
}

export interface PortalTotals {
  onlineMs: number;
  humanMs: number;
  placeholderOnlyMs: number;
  alertMs: number;
}

/** Online time and its kinds, within [from, to). */
export function totals(intervals: readonly PortalInterval[], from = -Infinity, to = Infinity): PortalTotals {
  const t: PortalTotals = { onlineMs: 0, humanMs: 0, placeholderOnlyMs: 0, alertMs: 0 };
  for (const i of intervals) {
    if (i.state !== 'online') continue;
    const ms = Math.min(i.end, to) - Math.max(i.start, from);
    if (ms <= 0) continue;
    t.onlineMs += ms;
    if (i.humans.length > 0) t.humanMs += ms;
    else t.placeholderOnlyMs += ms;
    if (i.alerts.length > 0) t.alertMs += ms;
  }
  return t;
}

/** When each user counts on a staffed shift in the period: normalized spans, flat ([start, end, …]; empty for none). */
export function userSpans(model: Model, period: Period): Map<User, number[]> {
  const staffing = new StaffingContext(model);
  // Spans as flat [start, end, …] runs, each in time order: one per shift, shared by everyone who
  // counts on all of its occurrences, and one per user and shift for the occurrences cut where
  // someone is away. A large configuration has millions of spans; none is an object until merged.
  const runs = new Map<User, number[][]>();
  const runOf = (u: User): number[][] => {
    let list = runs.get(u);
    if (!list) runs.set(u, (list = []));
    return list;
  };
  const seen = new Set<string>();
  for (const portal of model.portals) {
    for (const shift of servingShifts(portal, model)) {
      if (seen.has(shift.id)) continue;
      seen.add(shift.id);
      const candidates = staffing.eligibleOf(shift);
      const shared: number[] = [];
      const own = new Map<User, number[]>();
      staffing.forEachOccurrencePiece(
        shift,
        period,
        // Nobody away: everyone who can count, when they are enough (as a whole segment says).
        (start, end) => {
          if (candidates.length >= shift.minStaff) shared.push(start, end);
        },
        (seg) => {
          if (!seg.staffed) return;
          for (const u of seg.counting) {
            let list = own.get(u);
            if (!list) own.set(u, (list = []));
            list.push(seg.start, seg.end);
          }
        },
      );
      if (shared.length) for (const u of candidates) runOf(u).push(shared);
      for (const [u, list] of own) runOf(u).push(list);
    }
  }
  const out = new Map<User, number[]>();
  for (const user of model.users) out.set(user, unionOfRuns(runs.get(user) ?? []));
  return out;
}

/**
 * Adds [start, end) to a grid of local weekday (Monday = 0) × hour, in ms. `transitions` are the
 * zone's offset changes over a period that holds the span.
 */
function addToWeek(grid: number[][], table: ZoneTable, transitions: readonly Transition[], start: number, end: number): void {
  // The offset changes only at transitions: find the first after `start`, then walk hour by hour.
  let lo = 0;
  let hi = transitions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (transitions[mid]!.at <= start) lo = mid + 1;
    else hi = mid;
  }
  let k = lo;
  let t = start;
  let offset = table.offsetAt(t);
  while (t < end) {
    if (k < transitions.length && transitions[k]!.at <= t) {
      while (k < transitions.length && transitions[k]!.at <= t) k++;
      offset = table.offsetAt(t);
    }
    const local = t + offset;
    const day = Math.floor(local / 86_400_000);
    const msOfDay = local - day * 86_400_000;
    const hour = Math.floor(msOfDay / 3_600_000);
    // To the next local hour, or sooner if the offset changes (a transition).
    let next = t + ((hour + 1) * 3_600_000 - msOfDay);
    if (k < transitions.length) next = Math.min(next, transitions[k]!.at);
    next = Math.min(next, end);
    grid[weekdayOf(day)]![hour]! += next - t;
    t = next;
  }
}

/** How long each local weekday (Monday = 0) and hour lasts in the period, in ms: the same for every portal. */
export function hoursOfWeek(period: Period, zone: string): number[][] {
  const total = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const table = zoneTable(zone);
  if (period.to > period.from) addToWeek(total, table, table.transitionsBetween(period.from, period.to), period.from, period.to);
  return total;
}

/**
 * The share of time a portal is online for each local weekday (Monday = 0) and hour, over the
 * period: online time in that hour of the week / how long that hour of the week lasts in the period.
 */
export function weekShape(
  intervals: readonly PortalInterval[],
  period: Period,
  zone: string,
  total = hoursOfWeek(period, zone),
): number[][] {
  const online = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const table = zoneTable(zone);
  const transitions = period.to > period.from ? table.transitionsBetween(period.from, period.to) : [];
  for (const i of intervals)
    if (i.state === 'online') addToWeek(online, table, transitions, Math.max(i.start, period.from), Math.min(i.end, period.to));
  return online.map((row, d) => row.map((ms, h) => (total[d]![h]! > 0 ? ms / total[d]![h]! : 0)));
}

/** A gap of the report, with the users who could fill it (SPEC §5.7; none for an override). */
export interface ReportGap extends Gap {
  candidates: Candidate[];
}

export interface PortalReport extends PortalTotals {
  portal: Portal;
  coverage: number;
  gaps: ReportGap[];
  weekShape: number[][];
}

export interface CoverageReport {
  period: Period;
  zone: string;
  /** False under `staffing: placeholder`: human and placeholder-only hours are not tracked. */
  humansTracked: boolean;
  portals: PortalReport[];
  users: { user: User; ms: number }[];
  holidays: HolidayDay[];
}

/**
 * The coverage report of SPEC §5.4 (and the week's shape), from a timeline over the period. The
 * portals are read once, in order, so a streamed timeline (`compileStream`) holds one portal's
 * intervals at a time.
 */
export function coverageReport(model: Model, timeline: TimelineStream, zone: string): CoverageReport {
  const period = timeline.period;
  const holidays = holidaysInPeriod(model, zone, period);
  const requirements = requirementsById(model);
  const length = period.to - period.from;
  const finder = new CandidateFinder(model, period);
  const hours = hoursOfWeek(period, zone);
  const withCandidates = (portal: Portal, g: Gap): ReportGap => {
    if (g.reason === 'override') return { ...g, candidates: [] };
    // The shifts with an occurrence in the gap: those who count on them are not candidates.
    const shifts = servingShifts(portal, model).filter((shift) => {
      let overlaps = false;
      forEachOccurrence(shift.timing.series!, g.start, g.end, (o) => (overlaps ||= o.end > o.start));
      return overlaps;
    });
    return { ...g, candidates: finder.candidates(portal, g, shifts).candidates };
  };
  const portals: PortalReport[] = [];
  for (const { portal, intervals } of timeline.portals) {
    const t = totals(intervals);
    // The portal's requirements by id, each one's gaps in time order (as `requirementGaps` lists them).
    const gaps = requirements
      .filter((r) => r.portal === portal.id)
      .flatMap((r) => requirementGapsIn(r, model, intervals, period, holidays, zone));
    portals.push({
      portal,
      ...t,
      coverage: length > 0 ? t.onlineMs / length : 0,
      gaps: gaps.map((g) => withCandidates(portal, g)),
      weekShape: weekShape(intervals, period, zone, hours),
    });
  }
  const users = [...model.userById.values()]
    .sort((a, b) => compareCodeUnits(a.id, b.id))
    .map((user) => ({ user, ms: finder.loadOf(user) }));
  return { period, zone, humansTracked: humansTracked(model), portals, users, holidays };
}
