import { holidaySpan, holidaysInPeriod } from '../holidays/index.js';
import { seriesOf } from '../model/timing.js';
import { formatDate } from '../time/civil.js';
import { forEachOccurrence } from '../time/series.js';
import { holidayCoverage } from '../report/holidays.js';
import { hours } from '../text.js';
import { at, type Rule } from './rule.js';
import { expectSource, holidayLabel, holidaySource } from './holiday-locations.js';

/**
 * A portal online on a holiday whose expectation is `closed` (SPEC §1: its shifts must be removed
 * or left unstaffed). Online time with only placeholders is the dangerous case: the portal is open
 * and nobody is there to answer.
 */
export const holidayOpen: Rule = {
  meta: {
    id: 'holiday-open',
    severity: 'error',
    description: 'a portal online on a holiday whose expectation is `closed` (placeholder-only named as such)',
    kind: 'timeline',
  },
  check(ctx) {
    const { model, period } = ctx;
    const zone = model.organization!.timezone!;
    for (const entry of holidayCoverage(model, ctx.timeline(), zone, holidaysInPeriod(model, zone, period))) {
      for (const p of entry.portals) {
        if (p.verdict !== 'open') continue;
        const shift = model.shiftById.get(p.shifts[0]!)!;
        const placeholders = p.placeholderOnlyMs > 0
          ? p.humanMs === 0
            ? '; only placeholders count then — help seekers reach a portal where nobody answers'
            : `; for ${hours(p.placeholderOnlyMs)} h of it only placeholders count (nobody answers then)`
          : '';
        // The fix is an `except` on the dates the occurrences start (an overnight shift from the
        // evening before starts the day before the holiday).
        const day = holidaySpan(entry.holiday, zone);
        const fixes = p.shifts.map((id) => {
          const spec = seriesOf(model.shiftById.get(id)!, model)!;
          const dates = new Set<string>();
          forEachOccurrence(spec, day.start, day.end, (o) => {
            if (o.end > o.start) dates.add(formatDate(o.day));
          });
          return `\`except: [${[...dates].join(', ')}]\` to \`${id}\``;
        });
        ctx.report({
          at: at(shift.source),
          message: `portal \`${p.portal.id}\` is online for ${hours(p.onlineMs)} h on ${holidayLabel(entry.holiday)}, a holiday when it should be closed${placeholders}: add ${fixes.join(' and ')}, or leave ${p.shifts.length === 1 ? 'it' : 'them'} unstaffed that day`,
          related: [holidaySource(entry.holiday, model, `the holiday comes from here`), expectSource(p.portal, model, 'closed is expected here')],
        });
      }
    }
  },
};
