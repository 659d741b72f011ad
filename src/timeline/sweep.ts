/**
 * One portal's timeline (SPEC §3.2): a sweep over its serving segments and its two switches. At
 * each instant where something changes, the stretch up to the next change gets one state: online
 * if a staffed segment is active and no switch is off; otherwise offline with the first reason that
 * applies — override (it would be online), unstaffed, no-shift. Equal neighbours merge, so the
 * intervals cover the period exactly.
 */
import type { Portal } from '../model/types.js';
import type { Period } from '../time/period.js';
import { sameTokens, type StaffingPool } from './pool.js';
import type { Segments } from './segments.js';
import { SpanCursor, type OffSpan } from './switches.js';
import type { OfflineReason, PortalInterval, PortalTimeline, Staffing } from './types.js';

/** The segments active at the sweep's instant: started, not yet ended. */
class ActiveSegments {
  private list = new Int32Array(16);
  length = 0;
  /** Position in `order` of the next segment to start. */
  private next = 0;
  private readonly order: Int32Array;

  constructor(private readonly segments: Segments) {
    this.order = segments.order();
  }

  /** Drops the segments that have ended by `t` and adds those that have started. */
  moveTo(t: number): void {
    const { end, start } = this.segments;
    let kept = 0;
    for (let k = 0; k < this.length; k++) if (end[this.list[k]!]! > t) this.list[kept++] = this.list[k]!;
    this.length = kept;
    while (this.next < this.order.length && start[this.order[this.next]!]! <= t) {
      if (this.length === this.list.length) {
        const bigger = new Int32Array(this.list.length * 2);
        bigger.set(this.list);
        this.list = bigger;
      }
      this.list[this.length++] = this.order[this.next++]!;
    }
  }

  /** The earliest instant before `limit` at which a segment starts or an active one ends. */
  nextChange(limit: number): number {
    const { end, start } = this.segments;
    let at = limit;
    if (this.next < this.order.length && start[this.order[this.next]!]! < at) at = start[this.order[this.next]!]!;
    for (let k = 0; k < this.length; k++) if (end[this.list[k]!]! < at) at = end[this.list[k]!]!;
    return at;
  }

  /** The staffing token of the k-th active segment (-1: not staffed). */
  token(k: number): number {
    return this.segments.token[this.list[k]!]!;
  }
}

/**
 * The distinct staffed tokens of the active segments, ascending, and the staffing they stand for —
 * looked up again only when the tokens change.
 */
class StaffedTokens {
  private tokens = new Int32Array(16);
  count = 0;
  private last = new Int32Array(16);
  private lastCount = -1;
  private staffing: Staffing | undefined;

  constructor(private readonly pool: StaffingPool) {}

  collect(active: ActiveSegments): void {
    if (this.tokens.length < active.length) {
      this.tokens = new Int32Array(active.length * 2);
      this.last = new Int32Array(active.length * 2);
      this.lastCount = -1;
    }
    // A handful at a time: insertion sort, without duplicates.
    const tokens = this.tokens;
    let count = 0;
    for (let k = 0; k < active.length; k++) {
      const token = active.token(k);
      if (token < 0) continue;
      let i = count;
      while (i > 0 && tokens[i - 1]! > token) i--;
      if (i > 0 && tokens[i - 1] === token) continue;
      for (let j = count; j > i; j--) tokens[j] = tokens[j - 1]!;
      tokens[i] = token;
      count++;
    }
    this.count = count;
  }

  current(): Staffing {
    if (this.count !== this.lastCount || !sameTokens(this.tokens, this.last, this.count)) {
      this.staffing = this.pool.get(this.tokens, this.count);
      this.last.set(this.tokens.subarray(0, this.count));
      this.lastCount = this.count;
    }
    return this.staffing!;
  }
}

/** Equal id lists (by reference first: interned lists are shared). */
function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The intervals as they are found: the last stretch is kept open (so no interval object is changed
 * after it is made) and closed when the next one differs.
 */
class Stretches {
  readonly intervals: PortalInterval[] = [];
  private start: number;
  private staffing: Staffing | undefined;
  private reason: OfflineReason = 'no-shift';
  private off: OffSpan | undefined;

  constructor(from: number) {
    this.start = from;
  }

  online(t: number, staffing: Staffing): void {
    const open = this.staffing;
    if (open !== undefined && sameIds(open.shifts, staffing.shifts) && sameIds(open.staff, staffing.staff)) return;
    this.close(t);
    this.staffing = staffing;
    this.off = undefined;
  }

  offline(t: number, reason: OfflineReason, off: OffSpan | undefined): void {
    if (this.staffing === undefined && this.reason === reason && this.off?.name === off?.name) return;
    this.close(t);
    this.staffing = undefined;
    this.reason = reason;
    this.off = off;
  }

  finish(to: number): PortalInterval[] {
    this.close(to);
    return this.intervals;
  }

  private close(t: number): void {
    if (t > this.start) this.intervals.push(this.interval(t));
    this.start = t;
  }

  private interval(end: number): PortalInterval {
    const { start, staffing: s, off } = this;
    if (s) return { start, end, state: 'online', shifts: s.shifts, staff: s.staff, humans: s.humans, alerts: s.alerts };
    if (!off) return { start, end, state: 'offline', reason: this.reason as Exclude<OfflineReason, 'override'> };
    return {
      start,
      end,
      state: 'offline',
      reason: 'override',
      override: off.name,
      scope: off.override.portal === undefined ? 'organization' : 'portal',
    };
  }
}

export interface SweepInput {
  portal: Portal;
  period: Period;
  segments: Segments;
  pool: StaffingPool;
  organizationSwitch: readonly OffSpan[];
  portalSwitch: readonly OffSpan[];
}

/** The intervals of one portal over the period. */
export function sweepPortal({ portal, period, segments, pool, organizationSwitch, portalSwitch }: SweepInput): PortalTimeline {
  const active = new ActiveSegments(segments);
  const tokens = new StaffedTokens(pool);
  const stretches = new Stretches(period.from);
  const orgSwitch = new SpanCursor(organizationSwitch);
  const ownSwitch = new SpanCursor(portalSwitch);
  // The next instants at which the switches change; looked up again only once passed.
  let orgNext = -Infinity;
  let ownNext = -Infinity;
  for (let t = period.from; t < period.to;) {
    active.moveTo(t);
    if (t >= orgNext) orgNext = orgSwitch.nextChange(t);
    if (t >= ownNext) ownNext = ownSwitch.nextChange(t);
    const end = active.nextChange(Math.min(period.to, orgNext, ownNext));
    tokens.collect(active);
    // When both switches are off, the organization's override is named (SPEC §3.3).
    const off = tokens.count > 0 ? (orgSwitch.at(t) ?? ownSwitch.at(t)) : undefined;
    if (tokens.count > 0 && !off) stretches.online(t, tokens.current());
    else stretches.offline(t, off ? 'override' : active.length > 0 ? 'unstaffed' : 'no-shift', off);
    t = end;
  }
  return { portal, intervals: stretches.finish(period.to) };
}
