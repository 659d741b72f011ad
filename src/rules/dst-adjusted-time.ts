import type { Override, Shift } from '../model/types.js';

import { MS_PER_DAY, formatDate, type DayNumber } from '../time/civil.js';
import { endsNextDay, forEachOccurrence } from '../time/series.js';
import { zoneTable } from '../time/zone.js';
import { at, type TimelineRule } from './rule.js';
import { clock, isoOffset, localTime, overrideLabel } from '../words.js';

/**
 * The local times skipped or repeated by the offset change nearest to a wall time, e.g.
 * "02:00-03:00", and the offsets before and after it.
 */
function affectedWindow(zone: string, day: DayNumber, msOfDay: number): { window: string; before: number; after: number } {
  const table = zoneTable(zone);
  const local = day * MS_PER_DAY + msOfDay;
  const [tr] = table
    .transitionsBetween(local - 2 * MS_PER_DAY, local + 2 * MS_PER_DAY)
    .sort((a, b) => Math.abs(a.at - local) - Math.abs(b.at - local));
  const before = table.offsetAt(tr!.at - 1);
  const after = tr!.offset;
  const from = tr!.at + Math.min(before, after);
  const to = tr!.at + Math.max(before, after);
  const dayStart = (x: number) => x - Math.floor(x / MS_PER_DAY) * MS_PER_DAY;
  return { window: `${clock(dayStart(from))}-${clock(dayStart(to)) === '00:00' ? '24:00' : clock(dayStart(to))}`, before, after };
}

/** Local dates on which the zone's offset changes, around the period. */
function changeDays(zone: string, from: number, to: number): Set<DayNumber> {
  const table = zoneTable(zone);
  const days = new Set<DayNumber>();
  for (const tr of table.transitionsBetween(from - 2 * MS_PER_DAY, to + 2 * MS_PER_DAY)) {
    const day = table.instantToWall(tr.at).day;
    for (const d of [day - 1, day, day + 1]) days.add(d);
  }
  return days;
}

const KIND_TEXT = {
  gap: (time: string, date: string) => `${time} does not exist on ${date} (the clocks move forward)`,
  ambiguous: (time: string, date: string) => `${time} happens twice on ${date} (the clocks move back)`,
};

/**
 * A shift or override time that does not exist (spring forward) or happens twice (fall back) on a
 * date in the checked period. It still has one meaning (SPEC §3.1: a missing time takes the offset
 * before the gap; a repeated time is the earlier instant), but probably not the one intended.
 */
export const dstAdjustedTime: TimelineRule = {
  meta: {
    id: 'dst-adjusted-time',
    severity: 'warn',
    description: 'a shift or override time that does not exist or is ambiguous on some date in the period',
    kind: 'timeline',
    fixable: false,
  },
  check(ctx) {
    const { model, period } = ctx;
    for (const shift of model.shifts) checkShift(shift);
    for (const o of model.overrides) checkOverride(o);

    function checkShift(shift: Shift): void {
      const spec = shift.timing.series;
      if (!spec) return;
      const zone = spec.zone;
      const days = changeDays(zone, period.from, period.to);
      if (days.size === 0) return;
      const table = zoneTable(zone);
      const hits = {
        start: [] as { day: DayNumber; kind: 'gap' | 'ambiguous'; instant: number }[],
        end: [] as { day: DayNumber; kind: 'gap' | 'ambiguous'; instant: number }[],
      };
      forEachOccurrence(spec, period.from, period.to, (o) => {
        const endDay = endsNextDay(spec) ? o.day + 1 : o.day;
        for (const [field, day, ms, instant] of [
          ['start', o.day, spec.startMs, o.start],
          ['end', endDay, spec.endMs, o.end],
        ] as const) {
          if (!days.has(day)) continue;
          const kind = table.wallKind(day, ms);
          if (kind !== 'exists') hits[field].push({ day, kind, instant });
        }
      });
      for (const field of ['start', 'end'] as const) {
        const list = hits[field];
        if (list.length === 0) continue;
        const first = list[0]!;
        const time = `"${shift[field]}"`;
        const reading =
          first.kind === 'gap'
            ? `that day it means ${localTime(first.instant, zone)}`
            : `the first, ${localTime(first.instant, zone)}, is used`;
        const more = list.length > 1 ? ` (and on ${list.length - 1} more date${list.length > 2 ? 's' : ''} in the checked period)` : '';
        const { window } = affectedWindow(zone, first.day, field === 'start' ? spec.startMs : spec.endMs);
        ctx.report({
          at: at(shift.source, [field]),
          message: `${field} ${KIND_TEXT[first.kind](time, formatDate(first.day))} in ${zone} for shift \`${shift.id}\`: ${reading}${more}; pick a time outside ${window}, or check that this is what you meant`,
        });
      }
    }

    function checkOverride(o: Override): void {
      const zone = model.organization?.zone;
      if (zone === undefined || !o.span) return;
      for (const field of ['offline', 'online'] as const) {
        const text = o[field];
        const dt = field === 'offline' ? o.span.offlineWritten : o.span.onlineWritten;
        if (text === undefined || !dt || dt.offsetMinutes !== undefined) continue;
        const table = zoneTable(zone);
        const instant = table.wallToInstant(dt.day, dt.msOfDay);
        if (instant < period.from || instant >= period.to) continue;
        const kind = table.wallKind(dt.day, dt.msOfDay);
        if (kind === 'exists') continue;
        const name = overrideLabel(o);
        const reading = kind === 'gap' ? `it is read as ${localTime(instant, zone)}` : `the first, ${localTime(instant, zone)}, is used`;
        // The offset that gives the reading above: before the change for a gap, the earlier one
        // (also the one before the change) for a repeated time.
        const { before, after } = affectedWindow(zone, dt.day, dt.msOfDay);
        const written = text.slice(0, 16);
        const other = kind === 'ambiguous' ? `, or ${written}${isoOffset(after)} for the second` : '';
        ctx.report({
          at: at(o.source, [field]),
          message: `${field} of ${name}: ${KIND_TEXT[kind](text.slice(11, 16), formatDate(dt.day))} in ${zone}: ${reading}; to be exact, write the offset: ${written}${isoOffset(before)} is this reading${other}`,
        });
      }
    }
  },
};
