/**
 * Where the first interval of each portal's timeline really starts. The period cuts the interval
 * in force at its start; the same interval, compiled from an earlier `--from`, starts earlier.
 * Calendars name events by this uncut start (ICS UIDs), so an event keeps its name whatever
 * period cuts into it.
 */
import type { Model } from '../model/types.js';
import { buildTimeline } from './build.js';
import type { PortalInterval, Timeline } from './types.js';

const DAY = 86_400_000;

/** True when two intervals carry the same fields (the timeline would merge them as neighbours). */
export function sameFields(a: PortalInterval, b: PortalInterval): boolean {
  if (a.state === 'online' && b.state === 'online') {
    const same = (x: readonly string[], y: readonly string[]) => x.length === y.length && x.every((v, i) => v === y[i]);
    return same(a.shifts, b.shifts) && same(a.staff, b.staff) && same(a.humans, b.humans) && same(a.alerts, b.alerts);
  }
  if (a.state === 'offline' && b.state === 'offline' && a.reason === b.reason) {
    return a.reason !== 'override' || (b.reason === 'override' && a.override === b.override && a.scope === b.scope);
  }
  return false;
}

/**
 * Portal id → the uncut start of its first interval (of those portals whose first interval is
 * `wanted`: the others are left out), looking back no further than `earliest` (the
 * first instant shiftready reads). The timeline before the period is compiled over a window that
 * grows fourfold (1 day, 4, 16, …) while the interval reaches back to the window's start, and only
 * for those portals: work is bounded by how far back the interval reaches.
 */
export function uncutStarts(
  model: Model,
  timeline: Timeline,
  earliest: number,
  wanted: (interval: PortalInterval) => boolean = () => true,
): Map<string, number> {
  const from = timeline.period.from;
  const out = new Map<string, number>();
  let pending = timeline.portals.filter((p) => p.intervals.length > 0 && wanted(p.intervals[0]!));
  for (let span = DAY; pending.length > 0; span *= 4) {
    const start = Math.max(earliest, from - span);
    if (start >= from) {
      for (const p of pending) out.set(p.portal.id, from);
      break;
    }
    const before = new Map(
      buildTimeline(model, { from: start, to: from }, new Set(pending.map((p) => p.portal.id))).portals.map((p) => [p.portal.id, p]),
    );
    const still: typeof pending = [];
    for (const p of pending) {
      const last = before.get(p.portal.id)?.intervals.at(-1);
      if (!last || !sameFields(last, p.intervals[0]!)) out.set(p.portal.id, from);
      else if (last.start > start || start === earliest) out.set(p.portal.id, last.start);
      else still.push(p);
    }
    pending = still;
  }
  return out;
}
