/** The availability timeline (SPEC §3.2, §5.1). */
import type { Portal } from '../model/types.js';
import type { Period } from '../time/period.js';

export type OfflineReason = 'override' | 'unstaffed' | 'no-shift';
export type SwitchScope = 'organization' | 'portal';

/** Who keeps a portal online: the staffed serving shifts and the users who count on them. */
export interface Staffing {
  /** Ids of the staffed serving shifts, sorted. */
  shifts: readonly string[];
  /** Users who count (placeholders included), sorted. */
  staff: readonly string[];
  /** Counting users who are not placeholders. */
  humans: readonly string[];
  /** Humans with mobile alerts. */
  alerts: readonly string[];
}

export interface OnlineInterval extends Staffing {
  start: number;
  end: number;
  state: 'online';
}

/** Offline because nothing serving the portal is staffed then, or nothing covers the time. */
export interface OfflineNotServed {
  start: number;
  end: number;
  state: 'offline';
  reason: 'unstaffed' | 'no-shift';
}

/** Offline although staffed shifts would keep it online: a switch is off (SPEC §3.2). */
export interface SwitchedOff {
  start: number;
  end: number;
  state: 'offline';
  reason: 'override';
  /** The override's id, or its index when it has none (SPEC §3.3). */
  override: string;
  scope: SwitchScope;
}

export type OfflineInterval = OfflineNotServed | SwitchedOff;

export type PortalInterval = OnlineInterval | OfflineInterval;

export interface PortalTimeline {
  portal: Portal;
  /** Sorted, non-overlapping, covering the period exactly; equal neighbours merged. */
  intervals: PortalInterval[];
}

export interface Timeline {
  period: Period;
  /** Sorted by portal id. */
  portals: PortalTimeline[];
}

/**
 * A timeline whose portals come one at a time (`compileStream`): what the `compile` formats
 * read, so a large organization's output is written without holding all of it.
 */
export interface TimelineStream {
  period: Period;
  /** Sorted by portal id; may be read once only. */
  portals: Iterable<PortalTimeline>;
}

/** True when staffed serving shifts would keep the portal online (switches aside). */
export function wouldBeOnline(interval: PortalInterval): boolean {
  return interval.state === 'online' || interval.reason === 'override';
}

/**
 * The stretch of the same state starting at `intervals[index]` (online, or offline for the same
 * reason): where it ends, and the interval after it. Staffing changes inside an online stretch do
 * not end it.
 */
export function stateRun(intervals: readonly PortalInterval[], index = 0): { end: number; next?: PortalInterval } {
  const first = intervals[index]!;
  const override = (i: PortalInterval) => (i.state === 'offline' && i.reason === 'override' ? i.override : undefined);
  const same = (i: PortalInterval) =>
    i.state === first.state &&
    (i.state === 'online' || (first.state === 'offline' && i.reason === first.reason && override(i) === override(first)));
  let j = index;
  while (j + 1 < intervals.length && same(intervals[j + 1]!)) j++;
  return { end: intervals[j]!.end, next: intervals[j + 1] };
}
