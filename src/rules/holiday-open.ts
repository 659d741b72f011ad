import { holidaysInPeriod } from '../holidays/index.js';
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
            ? ' with only placeholders — help seekers reach a portal where nobody answers'
            : `, ${hours(p.placeholderOnlyMs)} h of it with only placeholders (nobody answers then)`
          : '';
        ctx.report({
          at: at(shift.source),
          message: `portal \`${p.portal.id}\` is online for ${hours(p.onlineMs)} h on ${holidayLabel(entry.holiday)}, a holiday when it should be closed${placeholders}: add \`except: [${entry.holiday.date}]\` to ${p.shifts.map((s) => `\`${s}\``).join(', ')}, or leave ${p.shifts.length === 1 ? 'it' : 'them'} unstaffed that day`,
          related: [holidaySource(entry.holiday, model, `the holiday comes from here`), expectSource(p.portal, model, 'closed is expected here')],
        });
      }
    }
  },
};
