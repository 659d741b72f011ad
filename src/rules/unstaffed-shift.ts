import type { Shift } from '../model/types.js';

import { forEachOccurrence } from '../time/series.js';
import { portalsServed, StaffingContext } from '../timeline/staffing.js';

import { at, type TimelineRule } from './rule.js';
import { list, localClock } from '../words.js';

/** Occurrences that are not staffed (for all or part of their time) keep the portal offline. */
export const unstaffedShift: TimelineRule = {
  meta: {
    id: 'unstaffed-shift',
    severity: 'warn',
    description: 'shift occurrences in the checked period that are not staffed, so the portal stays offline',
    kind: 'timeline',
    fixable: false,
  },
  check(ctx) {
    const { model, period } = ctx;
    // The zone as validated: a name that is not an IANA zone (rule invalid-timezone set off) reads as UTC.
    const zone = model.organization?.zone ?? 'UTC';
    const staffing = new StaffingContext(model);
    const location = (s: Shift) => (Object.prototype.hasOwnProperty.call(s.raw, 'staff') ? at(s.source, ['staff'], 'key') : at(s.source));
    for (const shift of model.shifts) {
      const portals = portalsServed(shift, model);
      const spec = shift.timing.series;
      // A shift with an error of its own (staff who cannot count …) is that error's finding.
      if (portals.length === 0 || !spec || ctx.hasError(shift)) continue;
      let total = 0;
      let unstaffed = 0;
      let first: { start: number; end: number; away: string[] } | undefined;
      forEachOccurrence(spec, period.from, period.to, (o) => {
        // Only the part of the occurrence inside the checked period counts.
        const start = Math.max(o.start, period.from);
        const end = Math.min(o.end, period.to);
        if (end <= start) return;
        total++;
        const gaps = staffing.segments(shift, start, end).filter((seg) => !seg.staffed);
        if (gaps.length === 0) return;
        unstaffed++;
        if (!first) {
          const away = staffing
            .eligibleOf(shift)
            .filter((u) => staffing.isAway(u, gaps[0]!.start))
            .map((u) => u.id);
          first = { start: gaps[0]!.start, end: gaps[0]!.end, away };
        }
      });
      if (!first) continue;
      const eligible = staffing.eligibleOf(shift).length;
      const why =
        eligible === 0
          ? 'none of its registered users can count (program or permission missing)'
          : first.away.length
            ? `${list(first.away)} ${first.away.length === 1 ? 'is' : 'are'} away, leaving fewer than minStaff ${shift.minStaff}`
            : `only ${eligible} registered user${eligible === 1 ? '' : 's'} can count, fewer than minStaff ${shift.minStaff}`;
      ctx.report({
        at: location(shift),
        message: `shift \`${shift.id}\` is not staffed in ${unstaffed} of its ${total} occurrence${total === 1 ? '' : 's'} in the checked period (first ${localClock(first.start, zone)} to ${localClock(first.end, zone, first.start)}: ${why}), so portal ${list(portals.map((p) => `\`${p.id}\``))} stays offline then: register more eligible users${shift.minStaff > 1 ? ' or lower minStaff' : ''}`,
      });
    }
  },
};
