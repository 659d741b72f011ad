import { holidaySpan, holidaysInPeriod } from '../holidays/index.js';
import { spansOfShiftsWithErrors } from './deferred.js';
import { holidayCoverage } from '../report/holidays.js';

import { totalLength } from '../time/intervals.js';
import { expectSource, holidayLabel, holidaySource } from './holiday-locations.js';
import { type TimelineRule } from './rule.js';
import { humansTracked } from '../model/types.js';
import { gapReasonText, hours } from '../words.js';

/**
 * A `covered` holiday without the coverage it needs (SPEC §3.2): a portal's requirements not met
 * that day, or, for a portal without requirements, no human-staffed online time at all.
 */
export const holidayUncovered: TimelineRule = {
  meta: {
    id: 'holiday-uncovered',
    severity: 'error',
    description: 'a `covered` holiday without the coverage it needs',
    kind: 'timeline',
    fixable: false,
  },
  check(ctx) {
    const { model, period } = ctx;
    // The zone as validated: a name that is not an IANA zone (rule invalid-timezone set off) reads as UTC.
    const zone = model.organization?.zone ?? 'UTC';
    for (const entry of holidayCoverage(model, ctx.timeline(), zone, holidaysInPeriod(model, zone, period))) {
      for (const p of entry.portals) {
        if (p.verdict !== 'uncovered') continue;
        const day = holidaySpan(entry.holiday, zone);
        if (spansOfShiftsWithErrors(ctx, p.portal, day.start, day.end).length) continue; // their finding
        const why = p.gaps.length
          ? `its requirements are not met for ${hours(totalLength(p.gaps))} h (${[...new Set(p.gaps.map(gapReasonText))].join(', ')})`
          : humansTracked(model)
            ? 'it has no human-staffed online time that day'
            : 'it is not online at all that day';
        ctx.report({
          at: holidaySource(entry.holiday, model, ''),
          message: `${holidayLabel(entry.holiday)} is a holiday the portal \`${p.portal.id}\` should cover, but ${why}: add staffed shifts for that day`,
          related: [expectSource(p.portal, model, 'covered is expected here', entry.holiday)],
        });
      }
    }
  },
};
