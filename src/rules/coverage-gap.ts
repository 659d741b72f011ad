import { holidaysInPeriod } from '../holidays/index.js';
import { applicableWindows, requirementGaps, type Gap } from '../report/coverage.js';
import { localClock } from '../time/local.js';
import { hours, plural } from '../text.js';
import { at, type Rule } from './rule.js';

/** A gap's reason in words. */
export function gapReasonText(gap: Gap): string {
  switch (gap.reason) {
    case 'no-shift':
      return 'no shift';
    case 'unstaffed':
      return 'unstaffed';
    case 'override':
      return `switched off by override ${gap.override}`;
    case 'too-few-humans':
      return gap.requirement.minHumans === 1 ? 'no human: only placeholders' : `fewer than ${gap.requirement.minHumans} humans`;
  }
}

const SHOWN = 3;

/**
 * Required coverage (`requirements`) missing in the checked period: one finding per requirement,
 * with the total missing hours and the first gaps with their reasons. On `closed` and `either`
 * holidays requirements do not apply; on `covered` ones they apply as on any day (SPEC §3.2).
 */
export const coverageGap: Rule = {
  meta: {
    id: 'coverage-gap',
    severity: 'error',
    description: 'required coverage (`requirements`) missing inside the checked period',
    kind: 'timeline',
  },
  check(ctx) {
    const { model, period } = ctx;
    const zone = model.organization!.timezone!;
    const holidays = holidaysInPeriod(model, zone, period);
    const gaps = requirementGaps(model, ctx.timeline(), zone, holidays);
    const byRequirement = new Map<string, Gap[]>();
    for (const g of gaps) byRequirement.set(g.requirement.id, [...(byRequirement.get(g.requirement.id) ?? []), g]);
    for (const [id, list] of byRequirement) {
      const req = list[0]!.requirement;
      const missing = list.reduce((sum, g) => sum + g.end - g.start, 0);
      const required = applicableWindows(req, model, period, holidays, zone).reduce((sum, w) => sum + w.end - w.start, 0);
      const shown = list.slice(0, SHOWN).map((g) => `${localClock(g.start, zone)} to ${localClock(g.end, zone, g.start)} (${gapReasonText(g)})`);
      const more = list.length > SHOWN ? `, and ${plural(list.length - SHOWN, 'more gap')}` : '';
      const humans = req.minHumans > 0 ? ` with at least ${plural(req.minHumans, 'human')}` : '';
      ctx.report({
        at: at(req.source),
        message: `requirement \`${id}\`: portal \`${req.portal}\` is not online${humans} for ${hours(missing)} of the ${hours(required)} h required in the checked period: ${shown.join('; ')}${more}; add or staff shifts for those times`,
      });
    }
  },
};
