/**
 * What a change does to coverage (SPEC §5.6): two configurations' timelines over the same period,
 * compared — hours per portal, gaps against requirements that appear or disappear, the shifts that
 * changed, and everyone whose counted shift time changes (so they can be told).
 */
import { holidaysInPeriod } from '../holidays/index.js';
import { compareCodeUnits } from '../findings.js';
import { humansTracked, type Model } from '../model/types.js';
import { flatLength, subtract } from '../time/intervals.js';
import type { Timeline } from '../timeline/types.js';
import { requirementGaps, totals, userSpans, type Gap, type PortalTotals } from './coverage.js';

export interface Side {
  model: Model;
  timeline: Timeline;
}

export interface PortalDiff {
  id: string;
  before: PortalTotals;
  after: PortalTotals;
  /** Gaps after the change that were not there before. */
  newGaps: Gap[];
  /** Gaps before the change that are gone after it. */
  resolvedGaps: Gap[];
}

export interface ShiftChange {
  id: string;
  change: 'added' | 'removed' | 'changed';
}

export interface UserChange {
  id: string;
  beforeMs: number;
  afterMs: number;
}

export interface DiffReport {
  base: string;
  period: { from: number; to: number };
  portals: PortalDiff[];
  changedShifts: ShiftChange[];
  affectedUsers: UserChange[];
  /**
   * The people to tell (SPEC §5.6): everyone in `affectedUsers`, and every non-placeholder user in
   * the `staff` of a changed shift, before or after the change; sorted by id.
   */
  notify: { id: string; name?: string }[];
  /** Whether human hours are tracked on each side (not under `staffing: placeholder`). */
  humansTracked: { before: boolean; after: boolean };
}

const NONE: PortalTotals = { onlineMs: 0, humanMs: 0, placeholderOnlyMs: 0, alertMs: 0 };

/** JSON with sorted keys, so two equal items compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort(compareCodeUnits)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The parts of `gaps` not covered by `other` gaps of the same requirement (keeping reasons). */
function gapsNotIn(gaps: readonly Gap[], other: readonly Gap[]): Gap[] {
  const out: Gap[] = [];
  for (const g of gaps) {
    const cuts = other.filter((o) => o.requirement.id === g.requirement.id);
    for (const piece of subtract([g], cuts)) out.push({ ...g, start: piece.start, end: piece.end });
  }
  return out;
}

function gapsOf(side: Side, zone: string): Gap[] {
  return requirementGaps(side.model, side.timeline, zone, holidaysInPeriod(side.model, zone, side.timeline.period));
}

export function diffReport(base: string, before: Side, after: Side, zone: string): DiffReport {
  const period = after.timeline.period;
  const beforeGaps = gapsOf(before, zone);
  const afterGaps = gapsOf(after, zone);
  const ids = [...new Set([...before.timeline.portals, ...after.timeline.portals].map((p) => p.portal.id))].sort(compareCodeUnits);
  const portals = ids.map((id): PortalDiff => {
    const b = before.timeline.portals.find((p) => p.portal.id === id);
    const a = after.timeline.portals.find((p) => p.portal.id === id);
    const portalGaps = (gaps: Gap[]) => gaps.filter((g) => g.requirement.portal === id);
    return {
      id,
      before: b ? totals(b.intervals) : NONE,
      after: a ? totals(a.intervals) : NONE,
      newGaps: gapsNotIn(portalGaps(afterGaps), portalGaps(beforeGaps)),
      resolvedGaps: gapsNotIn(portalGaps(beforeGaps), portalGaps(afterGaps)),
    };
  });

  const shiftIds = [...new Set([...before.model.shiftById.keys(), ...after.model.shiftById.keys()])].sort(compareCodeUnits);
  const changedShifts: ShiftChange[] = [];
  for (const id of shiftIds) {
    const b = before.model.shiftById.get(id);
    const a = after.model.shiftById.get(id);
    if (!b) changedShifts.push({ id, change: 'added' });
    else if (!a) changedShifts.push({ id, change: 'removed' });
    else if (canonical(b.raw) !== canonical(a.raw)) changedShifts.push({ id, change: 'changed' });
  }

  // Everyone whose counted time changes — when, not only how much (a moved shift counts).
  const spansBefore = new Map([...userSpans(before.model, before.timeline.period)].map(([u, spans]) => [u.id, spans]));
  const spansAfter = new Map([...userSpans(after.model, period)].map(([u, spans]) => [u.id, spans]));
  const length = (spans: readonly number[] | undefined) => flatLength(spans ?? []);
  const same = (a: readonly number[] = [], b: readonly number[] = []) => a.length === b.length && a.every((x, i) => x === b[i]);
  const affectedUsers = [...new Set([...spansBefore.keys(), ...spansAfter.keys()])]
    .sort(compareCodeUnits)
    .filter((id) => !same(spansBefore.get(id), spansAfter.get(id)))
    .map((id) => ({ id, beforeMs: length(spansBefore.get(id)), afterMs: length(spansAfter.get(id)) }));

  const notify = new Set(affectedUsers.map((u) => u.id));
  for (const { id } of changedShifts) {
    for (const side of [before.model, after.model]) {
      for (const userId of side.shiftById.get(id)?.staff ?? []) {
        const user = side.userById.get(userId);
        if (user && !user.placeholder) notify.add(userId);
      }
    }
  }
  const nameOf = (id: string) => after.model.userById.get(id)?.name ?? before.model.userById.get(id)?.name;

  return {
    base,
    period,
    portals,
    changedShifts,
    affectedUsers,
    notify: [...notify].sort(compareCodeUnits).map((id) => {
      const name = nameOf(id);
      return name === undefined ? { id } : { id, name };
    }),
    humansTracked: { before: humansTracked(before.model), after: humansTracked(after.model) },
  };
}
