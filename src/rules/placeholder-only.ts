import { compareCodeUnits } from '../findings.js';
import { humansTracked, type Shift } from '../model/types.js';

import { at, type TimelineRule } from './rule.js';
import { hours, localClock } from '../words.js';

/**
 * Online time with nobody but placeholders: the portal accepts conversations that nobody
 * answers, and nobody is alerted (SPEC §1, §3.2). Reported per shift that is staffed then.
 */
export const placeholderOnly: TimelineRule = {
  meta: {
    id: 'placeholder-only',
    severity: 'warn',
    description: 'online time with nobody but placeholders: no one answers, no mobile alerts',
    kind: 'timeline',
    fixable: false,
  },
  check(ctx) {
    const { model } = ctx;
    // Under staffing: placeholder, placeholders holding shifts open is the design (SPEC §3.2).
    if (!humansTracked(model)) return;
    // The zone as validated: a name that is not an IANA zone (rule invalid-timezone set off) reads as UTC.
    const zone = model.organization?.zone ?? 'UTC';
    const byShift = new Map<string, { ms: number; first: { start: number; end: number }; portals: Set<string> }>();
    for (const { portal, intervals } of ctx.timeline().portals) {
      for (const i of intervals) {
        if (i.state !== 'online' || i.humans.length > 0) continue;
        for (const id of i.shifts) {
          const entry = byShift.get(id);
          if (!entry) byShift.set(id, { ms: i.end - i.start, first: { start: i.start, end: i.end }, portals: new Set([portal.id]) });
          else {
            entry.ms += i.end - i.start;
            entry.portals.add(portal.id);
            if (i.start === entry.first.end) entry.first.end = i.end;
          }
        }
      }
    }
    for (const [id, entry] of [...byShift].sort(([a], [b]) => compareCodeUnits(a, b))) {
      const shift = model.shiftById.get(id) as Shift;
      if (ctx.hasError(shift)) continue; // e.g. a human on it who cannot count: that error is the root
      const portals = [...entry.portals]
        .sort(compareCodeUnits)
        .map((p) => `\`${p}\``)
        .join(', ');
      ctx.report({
        at: Object.prototype.hasOwnProperty.call(shift.raw, 'staff') ? at(shift.source, ['staff'], 'key') : at(shift.source),
        message: `shift \`${id}\` keeps portal ${portals} online with only placeholders for ${hours(entry.ms)} h in the checked period (first ${localClock(entry.first.start, zone)} to ${localClock(entry.first.end, zone, entry.first.start)}): help seekers reach a portal nobody answers, and nobody is alerted; register a real user who can count then, or let the portal go offline`,
      });
    }
  },
};
