/**
 * Why a portal is online or offline at an instant: the shift occurrences covering it, every
 * registered user and whether they count (or why not), the switches, and what would bring the
 * portal online.
 */
import type { Model, Override, Portal, Shift } from '../model/types.js';
import { rangeEnd, type WallReading } from '../time/period.js';
import { forEachOccurrence } from '../time/series.js';
import { buildTimeline, servingShifts } from './build.js';
import { ineligibility, StaffingContext, type Ineligibility } from './staffing.js';
import { offSpanAt, switchOffSpans } from './switches.js';
import { stateRun, type OfflineReason, type PortalInterval } from './types.js';

interface UserFacts {
  id: string;
  placeholder: boolean;
  mobileAlerts: boolean;
}

/** Whether a registered user counts on an occurrence at the instant, and if not, why. */
export type UserVerdict =
  | (UserFacts & { counts: true })
  | (UserFacts & { counts: false; why: Ineligibility })
  /** Away: with the away period containing the instant. */
  | (UserFacts & { counts: false; why: 'away'; away: { from: number; to: number } });

export interface CoveringOccurrence {
  shift: Shift;
  start: number;
  end: number;
  minStaff: number;
  counting: number;
  staffed: boolean;
  users: UserVerdict[];
}

/** A switch at the instant: on, or off since an override took it offline. */
export type SwitchState =
  | { off: false }
  | {
      off: true;
      override: Override;
      name: string;
      since: number;
      /** When it goes back online; undefined = never. */
      until?: number;
    };

export interface Explanation {
  portal: Portal;
  at: number;
  /** How a local `--at` in a gap or overlap was read (SPEC §5), when it was one. */
  reading?: WallReading;
  online: boolean;
  reason: OfflineReason | null;
  occurrences: CoveringOccurrence[];
  /** Shifts of the portal's program for the other messaging type that cover the instant (they do not serve it). */
  otherTypeShifts: Shift[];
  switches: { organization: SwitchState; portal: SwitchState };
  /** The interval of the timeline containing the instant; when its state changes, and the interval after (within 60 days). */
  interval: PortalInterval;
  until: number;
  next?: PortalInterval;
}

function switchState(model: Model, portalId: string | undefined, at: number): SwitchState {
  const span = offSpanAt(switchOffSpans(model, portalId), at);
  if (!span) return { off: false };
  return {
    off: true,
    override: span.override,
    name: span.name,
    since: span.start,
    until: Number.isFinite(span.end) ? span.end : undefined,
  };
}

const LOOKAHEAD = 60 * 86_400_000;

/**
 * The occurrences of the portal's serving shifts that cover `at`, each with every registered user
 * and whether they count then (SPEC §3.2), in shift id order. Switches play no part.
 */
export function coveringOccurrences(model: Model, portal: Portal, at: number, staffing = new StaffingContext(model)): CoveringOccurrence[] {
  const occurrences: CoveringOccurrence[] = [];
  for (const shift of servingShifts(portal, model)) {
    forEachOccurrence(shift.timing.series!, at, at + 1, (o) => {
      if (!(o.start <= at && at < o.end)) return;
      const seen = new Set<string>();
      const users: UserVerdict[] = [];
      for (const id of shift.staff) {
        if (seen.has(id)) continue;
        seen.add(id);
        const user = model.userById.get(id);
        const base = { id, placeholder: user?.placeholder ?? false, mobileAlerts: user?.mobileAlerts ?? false };
        const why = ineligibility(id, shift, model);
        if (why) {
          users.push({ ...base, counts: false, why });
          continue;
        }
        const away = staffing.awayOf(user!).find((a) => at >= a.start && at < a.end);
        users.push(away ? { ...base, counts: false, why: 'away', away: { from: away.start, to: away.end } } : { ...base, counts: true });
      }
      const counting = users.filter((u) => u.counts).length;
      occurrences.push({
        shift,
        start: o.start,
        end: o.end,
        minStaff: shift.minStaff,
        counting,
        staffed: counting >= shift.minStaff,
        users,
      });
    });
  }
  return occurrences;
}

export function explainAt(model: Model, portal: Portal, at: number): Explanation {
  const occurrences = coveringOccurrences(model, portal, at);
  const otherTypeShifts = model.shifts.filter((s) => {
    if (s.program !== portal.program || (s.messaging.length === 1 && s.messaging[0] === portal.type)) return false;
    const spec = s.timing.series;
    let covers = false;
    if (spec) forEachOccurrence(spec, at, at + 1, (o) => (covers ||= o.start <= at && at < o.end));
    return covers;
  });
  const timeline = buildTimeline(model, { from: at, to: Math.min(at + LOOKAHEAD, rangeEnd(model.organization?.zone ?? 'UTC')) });
  const intervals = timeline.portals.find((p) => p.portal === portal)!.intervals;
  const interval = intervals[0]!;
  return {
    portal,
    at,
    online: interval.state === 'online',
    reason: interval.state === 'online' ? null : interval.reason,
    occurrences,
    otherTypeShifts,
    switches: { organization: switchState(model, undefined, at), portal: switchState(model, portal.id, at) },
    interval,
    ...(({ end, next }) => ({ until: end, next }))(stateRun(intervals)),
  };
}
