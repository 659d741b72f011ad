import { seriesIn } from '../model/normalize.js';
import type { Requirement, Shift } from '../model/types.js';
import { firstSeriesDay } from '../time/series.js';
import { at, type ConfigRule } from './rule.js';

/**
 * An RRULE that does not parse, is not allowed (SPEC §3.1), or yields no date at all. Expansion
 * work is bounded, so even rules that can never match (February 30th) are found at once.
 */
export const invalidRecurrence: ConfigRule = {
  meta: {
    id: 'invalid-recurrence',
    severity: 'error',
    description: 'an RRULE that does not parse, or is not allowed (§3.1), or yields nothing',
    kind: 'config',
    fixable: false,
    structural: true,
  },
  check(ctx) {
    const { model } = ctx;
    const items: [string, Shift | Requirement][] = [
      ...model.shifts.map((s): [string, Shift] => [`shift \`${s.id}\``, s]),
      ...model.requirements.map((r): [string, Requirement] => [`requirement \`${r.id}\``, r]),
    ];
    for (const [owner, item] of items) {
      if (item.repeat === undefined || item.date !== undefined) continue;
      const parsed = item.timing.rule!;
      if (!parsed.ok) {
        ctx.report({ at: at(item.source, ['repeat']), message: `repeat of ${owner}: ${parsed.problems.join('; ')}` });
        continue;
      }
      // Whether a rule yields a date depends on dates alone (but for a UTC UNTIL), so this is
      // checked even while the zone is invalid (invalid-timezone reports that).
      const spec = item.timing.series ?? seriesIn(item.timing, item, 'UTC');
      if (spec?.kind !== 'repeat') continue; // another rule reports the invalid part
      if (firstSeriesDay(spec) === undefined) {
        const bounds = [
          item.until ? `until ${item.until}` : '',
          spec.rule.count ? `COUNT=${spec.rule.count}` : '',
          spec.rule.until ? 'its UNTIL' : '',
          item.except.length ? 'except' : '',
        ]
          .filter(Boolean)
          .join(', ');
        ctx.report({
          at: at(item.source, ['repeat']),
          message: `repeat of ${owner} never yields a date from ${item.from}${bounds ? ` within ${bounds}` : ''}: check the BY… parts (e.g. BYMONTH=2;BYMONTHDAY=30 never happens) and the dates`,
        });
      }
    }
  },
};
