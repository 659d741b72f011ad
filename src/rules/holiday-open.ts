import { holidaySpan, holidaysInPeriod } from '../holidays/index.js';
import { formatDate } from '../time/civil.js';
import { forEachOccurrence } from '../time/series.js';
import { holidayCoverage } from '../report/holidays.js';

import { humansTracked, type Shift } from '../model/types.js';
import { subtract, type Span } from '../time/intervals.js';

import { appendItem, removeItem } from '../load/edits.js';
import type { TextEdit } from '../findings.js';
import { at, suggest, type TimelineRule } from './rule.js';
import { expectSource, holidayLabel, holidaySource } from './holiday-locations.js';
import { hours, list, localClock } from '../words.js';

/**
 * The fix for one shift open on a holiday: remove a one-off, or `except` the dates its occurrences
 * start — an overnight shift from the evening before starts the day before the holiday, so that
 * `except` also closes hours outside the holiday, which the advice states (SPEC §4).
 */
function exceptAdvice(shift: Shift, day: Span, zone: string): { text: string; edit: TextEdit[] | undefined } {
  const { doc, path } = shift.source;
  if (shift.date !== undefined) {
    const index = path[path.length - 1];
    const edit = typeof index === 'number' ? removeItem(doc, path.slice(0, -1), index) : undefined;
    return { text: `remove the one-off shift \`${shift.id}\` (or move its date)`, edit };
  }
  const spec = shift.timing.series!;
  const dates: string[] = [];
  const outside: Span[] = [];
  forEachOccurrence(spec, day.start, day.end, (o) => {
    if (o.end <= o.start) return;
    dates.push(formatDate(o.day));
    outside.push(...subtract([o], [day]));
  });
  const what = shift.except.length
    ? `add ${list(dates)} to the \`except\` of \`${shift.id}\``
    : `add \`except: [${dates.join(', ')}]\` to \`${shift.id}\``;
  const edit = appendItem(doc, path, 'except', dates);
  if (outside.length === 0) return { text: what, edit };
  const hoursOutside = outside.map((s) => `${localClock(s.start, zone)} to ${localClock(s.end, zone, s.start)}`);
  return {
    text: `${what} (this also closes ${list(hoursOutside)}, outside the holiday: add a one-off shift for ${outside.length === 1 ? 'that time' : 'those times'} if it should stay open)`,
    edit,
  };
}

/**
 * A portal online on a holiday whose expectation is `closed` (SPEC §1: its shifts must be removed
 * or left unstaffed). Online time with only placeholders is the dangerous case: the portal is open
 * and nobody is there to answer.
 */
export const holidayOpen: TimelineRule = {
  meta: {
    id: 'holiday-open',
    severity: 'error',
    description: 'a portal online on a holiday whose expectation is `closed` (placeholder-only named as such)',
    kind: 'timeline',
    fixable: false,
  },
  check(ctx) {
    const { model, period } = ctx;
    // The zone as validated: a name that is not an IANA zone (rule invalid-timezone set off) reads as UTC.
    const zone = model.organization?.zone ?? 'UTC';
    for (const entry of holidayCoverage(model, ctx.timeline(), zone, holidaysInPeriod(model, zone, period))) {
      for (const p of entry.portals) {
        if (p.verdict !== 'open') continue;
        const shift = model.shiftById.get(p.shifts[0]!)!;
        const placeholders =
          humansTracked(model) && p.placeholderOnlyMs > 0
            ? p.humanMs === 0
              ? '; only placeholders count then — help seekers reach a portal where nobody answers'
              : `; for ${hours(p.placeholderOnlyMs)} h of it only placeholders count (nobody answers then)`
            : '';
        const day = holidaySpan(entry.holiday, zone);
        const fixes = p.shifts.map((id) => exceptAdvice(model.shiftById.get(id)!, day, zone));
        const texts = fixes.map((f) => f.text);
        ctx.report({
          at: at(shift.source),
          message: `portal \`${p.portal.id}\` is online for ${hours(p.onlineMs)} h on ${holidayLabel(entry.holiday)}, a holiday when it should be closed${placeholders}: ${texts.join('; ')}; or leave ${p.shifts.length === 1 ? 'it' : 'them'} unstaffed that day`,
          related: [
            holidaySource(entry.holiday, model, `the holiday comes from here`),
            expectSource(p.portal, model, 'closed is expected here', entry.holiday),
          ],
          // One suggestion: every shift that keeps the portal open, so that it closes (SPEC §5.7).
          suggestions: suggest(
            texts.join('; '),
            fixes.map((f) => f.edit),
          ),
        });
      }
    }
  },
};
