/**
 * Holiday coverage (SPEC §3.2, §5.5): for each holiday and portal, online time that day and the
 * verdict for what is expected — `closed` (no online time), `covered` (requirements met; a portal
 * without requirements has some human-staffed online time) or `either` (always ok).
 */
import { expectationOf, holidaySpan, type HolidayDay } from '../holidays/index.js';
import { humansTracked, type HolidayExpect, type Model, type Portal } from '../model/types.js';
import { overlapping } from '../time/intervals.js';
import type { Timeline } from '../timeline/types.js';
import { gapsIn, minHumansOf, requirementWindows, totals, type Gap } from './coverage.js';

export type Verdict = 'ok' | 'open' | 'uncovered';

export interface HolidayPortal {
  portal: Portal;
  expect: HolidayExpect;
  onlineMs: number;
  humanMs: number;
  placeholderOnlyMs: number;
  verdict: Verdict;
  /** For a `covered` day: the requirement gaps that day (empty for a portal without requirements). */
  gaps: Gap[];
  /** The staffed shifts online that day (for findings on `closed` days). */
  shifts: string[];
}

export interface HolidayEntry {
  holiday: HolidayDay;
  portals: HolidayPortal[];
}

/**
 * The verdicts for holidays within the timeline's period (each day clipped to the period). Under
 * `staffing: placeholder` a `covered` day needs online time, since humans are not tracked.
 */
export function holidayCoverage(model: Model, timeline: Timeline, zone: string, holidays: readonly HolidayDay[]): HolidayEntry[] {
  const tracked = humansTracked(model);
  return holidays.map((holiday) => {
    const day = holidaySpan(holiday, zone);
    const from = Math.max(day.start, timeline.period.from);
    const to = Math.min(day.end, timeline.period.to);
    const portals = timeline.portals.map(({ portal, intervals: all }): HolidayPortal => {
      // Only the day's intervals matter (the totals, shifts and gaps below are all within it).
      const intervals = overlapping(all, from, to);
      const expect = expectationOf(portal, model, holiday);
      const t = totals(intervals, from, to);
      const shifts = [
        ...new Set(
          intervals
            .filter((i) => i.state === 'online' && i.end > from && i.start < to)
            .flatMap((i) => (i.state === 'online' ? i.shifts : [])),
        ),
      ].sort();
      let verdict: Verdict = 'ok';
      let gaps: Gap[] = [];
      if (expect === 'closed' && t.onlineMs > 0) verdict = 'open';
      if (expect === 'covered') {
        const requirements = model.requirements.filter((r) => r.portal === portal.id);
        if (requirements.length) {
          const outside = [
            { start: -Infinity, end: from },
            { start: to, end: Infinity },
          ];
          gaps = requirements.flatMap((r) => gapsIn(r, intervals, requirementWindows(r, timeline.period, outside), minHumansOf(r, model)));
          if (gaps.length) verdict = 'uncovered';
        } else if ((tracked ? t.humanMs : t.onlineMs) === 0) verdict = 'uncovered';
      }
      return { portal, expect, onlineMs: t.onlineMs, humanMs: t.humanMs, placeholderOnlyMs: t.placeholderOnlyMs, verdict, gaps, shifts };
    });
    return { holiday, portals };
  });
}
