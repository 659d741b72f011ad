/**
 * The timeline stage: occurrences → portal intervals (SPEC §3.2).
 *
 * For each portal, the occurrences of its serving shifts are cut into segments with one set of
 * counting users, and swept together with the off-spans of the organization switch and the
 * portal's switch. Each elementary stretch gets one state: online if a staffed serving
 * occurrence covers it and no switch is off; otherwise offline with the first reason that
 * applies — override (it would be online), unstaffed, no-shift. Neighbours with equal fields are
 * merged, so the intervals cover the period exactly.
 */
import { seriesOf } from '../model/timing.js';
import type { Model, Portal, Shift } from '../model/types.js';
import { forEachOccurrence } from '../time/series.js';
import type { Period } from '../time/period.js';
import { StaffingContext, type StaffedSegment } from './staffing.js';
import { switchOffSpans, type OffSpan } from './switches.js';
import type { OfflineInterval, PortalInterval, PortalTimeline, Staffing, Timeline } from './types.js';

interface Segment extends StaffedSegment {
  shift: Shift;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Interns staffing field sets, so equal neighbours compare by reference and share memory. */
class StaffingPool {
  private readonly pool = new Map<string, Staffing>();

  get(segments: readonly Segment[]): Staffing {
    const shifts = new Set<string>();
    const users = new Map<string, Segment['counting'][number]>();
    for (const s of segments) {
      if (!s.staffed) continue;
      shifts.add(s.shift.id);
      for (const u of s.counting) users.set(u.id, u);
    }
    const shiftIds = [...shifts].sort(byCodeUnit);
    const staff = [...users.keys()].sort(byCodeUnit);
    const key = `${shiftIds.join('\u0000')}\u0001${staff.join('\u0000')}`;
    let staffing = this.pool.get(key);
    if (!staffing) {
      const humans = staff.filter((id) => !users.get(id)!.placeholder);
      staffing = { shifts: shiftIds, staff, humans, alerts: humans.filter((id) => users.get(id)!.mobileAlerts) };
      this.pool.set(key, staffing);
    }
    return staffing;
  }
}

const servingCache = new WeakMap<Model, Map<string, Shift[]>>();

/**
 * The serving shifts of a portal (SPEC §3.2: same program, exactly one messaging type, the
 * portal's), with valid series, in id order. Grouped once per model.
 */
export function servingShifts(portal: Portal, model: Model): Shift[] {
  let groups = servingCache.get(model);
  if (!groups) {
    groups = new Map();
    for (const shift of model.shifts) {
      if (shift.messaging.length !== 1 || shift.program === undefined || !seriesOf(shift, model)) continue;
      const key = `${shift.program}\u0000${shift.messaging[0]}`;
      const list = groups.get(key) ?? [];
      list.push(shift);
      groups.set(key, list);
    }
    for (const list of groups.values()) list.sort((a, b) => byCodeUnit(a.id, b.id));
    servingCache.set(model, groups);
  }
  return groups.get(`${portal.program}\u0000${portal.type}`) ?? [];
}

/** Staffing segments of every serving occurrence that overlaps the period, sorted by start. */
function segmentsOf(portal: Portal, model: Model, period: Period, staffing: StaffingContext): Segment[] {
  const out: Segment[] = [];
  for (const shift of servingShifts(portal, model)) {
    const spec = seriesOf(shift, model)!;
    forEachOccurrence(spec, period.from, period.to, (o) => {
      if (o.end <= o.start) return; // covers nothing (SPEC §3.3)
      for (const seg of staffing.segments(shift, o.start, o.end)) {
        const start = Math.max(seg.start, period.from);
        const end = Math.min(seg.end, period.to);
        if (end > start) out.push({ ...seg, start, end, shift });
      }
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

function sameInterval(a: PortalInterval, b: PortalInterval): boolean {
  if (a.state === 'online') return b.state === 'online' && a.shifts === b.shifts && a.staff === b.staff;
  return b.state === 'offline' && a.reason === b.reason && a.override === b.override && a.scope === b.scope;
}

/** Walks sorted, disjoint off-spans alongside increasing instants. */
class SpanCursor {
  private i = 0;
  constructor(private readonly spans: readonly OffSpan[]) {}
  at(t: number): OffSpan | undefined {
    while (this.i < this.spans.length && this.spans[this.i]!.end <= t) this.i++;
    const s = this.spans[this.i];
    return s && s.start <= t ? s : undefined;
  }
}

export interface PortalTimelineInput {
  portal: Portal;
  model: Model;
  period: Period;
  staffing: StaffingContext;
  pool: StaffingPool;
  organizationSwitch: readonly OffSpan[];
}

function portalTimeline({ portal, model, period, staffing, pool, organizationSwitch }: PortalTimelineInput): PortalTimeline {
  const segments = segmentsOf(portal, model, period, staffing);
  const portalSwitch = switchOffSpans(model, portal.id);

  const boundaries = new Set<number>([period.from, period.to]);
  for (const s of segments) {
    boundaries.add(s.start);
    boundaries.add(s.end);
  }
  for (const spans of [organizationSwitch, portalSwitch]) {
    for (const s of spans) {
      if (s.start > period.from && s.start < period.to) boundaries.add(s.start);
      if (s.end > period.from && s.end < period.to) boundaries.add(s.end);
    }
  }
  const points = [...boundaries].sort((a, b) => a - b);

  const orgCursor = new SpanCursor(organizationSwitch);
  const portalCursor = new SpanCursor(portalSwitch);
  const intervals: PortalInterval[] = [];
  let active: Segment[] = [];
  let next = 0; // next segment to activate
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    active = active.filter((s) => s.end > start);
    while (next < segments.length && segments[next]!.start <= start) {
      if (segments[next]!.end > start) active.push(segments[next]!);
      next++;
    }
    let interval: PortalInterval;
    const staffed = active.some((s) => s.staffed);
    if (staffed) {
      // When both switches are off, the organization's override is named (SPEC §3.3).
      const off = orgCursor.at(start) ?? portalCursor.at(start);
      if (off) {
        interval = offline(start, end, 'override', off, off.override.portal === undefined ? 'organization' : 'portal');
      } else {
        interval = { start, end, state: 'online', ...pool.get(active) };
      }
    } else {
      interval = offline(start, end, active.length ? 'unstaffed' : 'no-shift');
    }
    const last = intervals[intervals.length - 1];
    if (last && last.end === start && sameInterval(last, interval)) last.end = end;
    else intervals.push(interval);
  }
  return { portal, intervals };
}

function offline(start: number, end: number, reason: OfflineInterval['reason'], off?: OffSpan, scope?: OfflineInterval['scope']): OfflineInterval {
  const interval: OfflineInterval = { start, end, state: 'offline', reason };
  if (off) {
    interval.override = off.name;
    interval.scope = scope;
  }
  return interval;
}

/** The availability timeline of every portal over the period (portals sorted by id). */
export function buildTimeline(model: Model, period: Period): Timeline {
  const staffing = new StaffingContext(model);
  const pool = new StaffingPool();
  const organizationSwitch = switchOffSpans(model, undefined);
  const portals = [...model.portalById.values()]
    .filter((p) => p.type !== undefined)
    .sort((a, b) => byCodeUnit(a.id, b.id))
    .map((portal) => portalTimeline({ portal, model, period, staffing, pool, organizationSwitch }));
  return { period, portals };
}
