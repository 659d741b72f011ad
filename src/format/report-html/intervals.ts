/**
 * An interval of a portal's timeline in the page's words: its kind (how it is painted) and what
 * it is, when, and the details behind it, as text for its tooltip, its table row and the panel.
 */
import { humansTracked, type Model } from '../../model/types.js';
import { weekdayOf } from '../../time/civil.js';
import { duration, localClock, overrideName } from '../../words.js';
import { zoneTable } from '../../time/zone.js';
import type { PortalInterval } from '../../timeline/types.js';
import { DAYS } from '../report.js';

export type Kind = 'on-human' | 'on-placeholder' | 'off-no-shift' | 'off-unstaffed' | 'off-override';

export const KIND_LABEL: Record<Kind, string> = {
  'on-human': 'Online, with humans',
  'on-placeholder': 'Online, placeholders only (nobody answers)',
  'off-no-shift': 'Offline: no shift',
  'off-unstaffed': 'Offline: unstaffed',
  'off-override': 'Offline: switched off',
};

export function kindOf(i: PortalInterval): Kind {
  if (i.state === 'online') return i.humans.length ? 'on-human' : 'on-placeholder';
  return i.reason === 'no-shift' ? 'off-no-shift' : i.reason === 'unstaffed' ? 'off-unstaffed' : 'off-override';
}

/** The local weekday of an instant, "Mon" to "Sun". */
function weekdayName(t: number, zone: string): string {
  return DAYS[weekdayOf(zoneTable(zone).instantToWall(t).day)]!;
}

/** What the interval is, in words (its tooltip, its table row and the details panel). */
export interface IntervalWords {
  /** Local weekday and times, and the length: "Mon 09:00 – 17:00 (8 h)". */
  when: string;
  what: string;
  /** Shifts, staff, humans and who is alerted; or the override and its note. */
  more: string[];
}

export function describeInterval(i: PortalInterval, model: Model, zone: string): IntervalWords {
  return { when: intervalWhen(i, zone), ...intervalSubject(i, model) };
}

/** "Mon 09:00 – 17:00 (8 h)": the local weekday and times of an interval, and its length. */
function intervalWhen(i: PortalInterval, zone: string): string {
  return `${weekdayName(i.start, zone)} ${localClock(i.start, zone)} – ${localClock(i.end, zone, i.start)} (${duration(i.end - i.start)})`;
}

/**
 * What an interval is and the details behind it, which do not depend on its times: the summary
 * page embeds them once per distinct value (summary.ts) and page.js adds the times.
 */
export function intervalSubject(i: PortalInterval, model: Model): Omit<IntervalWords, 'when'> {
  if (i.state === 'online') {
    if (!humansTracked(model))
      return {
        what: 'Online (staffing: placeholder, humans not tracked)',
        more: [`Shifts: ${i.shifts.join(', ')}`, `Staff: ${i.staff.join(', ')}`],
      };
    return {
      what: i.humans.length ? 'Online, with humans' : 'Online with placeholders only: nobody answers, nobody is alerted',
      more: [
        `Shifts: ${i.shifts.join(', ')}`,
        `Staff: ${i.staff.join(', ')}`,
        `Humans: ${i.humans.join(', ') || 'none'}`,
        `Alerted: ${i.alerts.join(', ') || 'nobody'}`,
      ],
    };
  }
  if (i.reason === 'override') {
    const o = model.overrides.find((x) => overrideName(x) === i.override);
    return {
      what: `Offline: switched off${o?.by ? ` by ${o.by}` : ''}`,
      more: [`Override: ${i.override} (${i.scope} switch)${o?.note ? `: ${o.note}` : ''}`],
    };
  }
  return {
    what: i.reason === 'no-shift' ? 'Offline: no shift covers this time' : 'Offline: a shift covers this time but is not staffed',
    more: [],
  };
}
