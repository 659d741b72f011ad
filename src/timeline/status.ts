/** Readiness at an instant (SPEC §3.2, §5.2). */
import { DEFAULT_CHAT_OFFLINE_MESSAGE, type Model, type Portal } from '../model/types.js';
import { compareCodeUnits } from '../findings.js';
import { rangeEnd, type WallReading } from '../time/period.js';
import { buildTimeline } from './build.js';
import { coveringOccurrences } from './explain.js';
import { switchOffSpans, offSpanAt } from './switches.js';
import { stateRun, type OfflineReason, type PortalInterval, type SwitchScope } from './types.js';
import { overrideName } from '../words.js';

export const WITHIN_SHIFT = 'Currently within a staffed Messaging shift time';
export const NOT_WITHIN_SHIFT = 'Currently not within a staffed Messaging shift time';

export interface LogEntry {
  action: 'offline' | 'online';
  at: number;
  by?: string;
  scope: SwitchScope;
  override: string;
}

export interface PortalStatus {
  id: string;
  online: boolean;
  reason: OfflineReason | null;
  /** Listed in the Portal Legend unless its own switch is off. */
  inLegend: boolean;
  newConversations: 'accepted' | 'rejected';
  /** What a new chat visitor or texter receives while conversations are rejected. */
  offlineMessage: string | null;
  /**
   * `continue` while an override has the portal off during staffed shifts: conversations in
   * progress continue and queued help seekers stay queued with the people on shift (SPEC §3.2).
   */
  existingConversations: 'continue' | null;
  /** The staffed serving shifts and who counts on them — online, or switched off during them. */
  shifts: string[];
  staff: string[];
  humans: string[];
  /** Humans among them with mobile alerts. */
  alerts: string[];
  /** The last three offline/online actions up to `at`, newest first (organizations with more than one portal). */
  log?: LogEntry[];
  /** The interval of the timeline that contains `at`, clipped to the lookahead (not in the JSON). */
  interval: PortalInterval;
  /** When the state at `at` changes (within the lookahead), and the interval after. */
  until: number;
  next?: PortalInterval;
  portal: Portal;
}

/** How far status looks ahead to say until when the state lasts. */
export const STATUS_LOOKAHEAD_MS = 14 * 86_400_000;

export interface Status {
  at: number;
  /** How a local `--at` in a gap or overlap was read (SPEC §5), when it was one. */
  reading?: WallReading;
  organization: { online: boolean; status: string };
  portals: PortalStatus[];
}

/** The text a new help seeker receives when a portal of this type rejects conversations. */
export function offlineMessageOf(portal: Portal, model: Model): string | null {
  const messages = model.organization?.offlineMessages ?? {};
  if (portal.type === 'chat') return messages.chat ?? DEFAULT_CHAT_OFFLINE_MESSAGE;
  const sms = messages.sms?.trim();
  return sms ? messages.sms! : null;
}

/** Offline/online actions of the overrides that affect a portal, up to `at`, newest first. */
export function actionLog(model: Model, portal: Portal, at: number, limit = 3): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const o of model.overrides) {
    if (o.portal !== undefined && o.portal !== portal.id) continue;
    const span = o.span;
    if (!span) continue;
    const base = { scope: (o.portal === undefined ? 'organization' : 'portal') as SwitchScope, override: overrideName(o) };
    if (span.offline <= at) entries.push({ action: 'offline', at: span.offline, ...base, ...(o.by ? { by: o.by } : {}) });
    // Who set it back online: `onlineBy`, else the user who switched it off (SPEC §3.2).
    const onlineBy = o.onlineBy ?? o.by;
    if (span.online !== undefined && span.online <= at)
      entries.push({ action: 'online', at: span.online, ...base, ...(onlineBy ? { by: onlineBy } : {}) });
  }
  // Newest first; at the same instant an offline action follows the online one it hands over from.
  entries.sort(
    (a, b) => b.at - a.at || (a.action === b.action ? 0 : a.action === 'offline' ? -1 : 1) || (a.override < b.override ? -1 : 1),
  );
  return entries.slice(0, limit);
}

/**
 * Who works a portal switched off during staffed shifts (SPEC §3.2): the staffed serving
 * occurrences covering `at` and the users who count on them, as if the switches were on.
 */
function staffingUnderSwitch(
  model: Model,
  portal: Portal,
  at: number,
): { shifts: string[]; staff: string[]; humans: string[]; alerts: string[] } {
  const staffed = coveringOccurrences(model, portal, at).filter((o) => o.staffed);
  const counting = new Map(staffed.flatMap((o) => o.users.filter((u) => u.counts).map((u) => [u.id, u] as const)));
  const staff = [...counting.keys()].sort(compareCodeUnits);
  const humans = staff.filter((id) => !counting.get(id)!.placeholder);
  return {
    shifts: [...new Set(staffed.map((o) => o.shift.id))].sort(compareCodeUnits),
    staff,
    humans,
    alerts: humans.filter((id) => counting.get(id)!.mobileAlerts),
  };
}

export function statusAt(model: Model, at: number): Status {
  // Looking ahead, but not past the years shiftready reads (SPEC §3.1).
  const timeline = buildTimeline(model, { from: at, to: Math.min(at + STATUS_LOOKAHEAD_MS, rangeEnd(model.organization?.zone ?? 'UTC')) });
  const multiplePortals = timeline.portals.length > 1;
  const portals = timeline.portals.map(({ portal, intervals }): PortalStatus => {
    const interval = intervals[0]!;
    const online = interval.state === 'online';
    // The timeline names an override only where staffed shifts would keep the portal online.
    const switchedOff = interval.state === 'offline' && interval.reason === 'override';
    const working =
      interval.state === 'online'
        ? { shifts: [...interval.shifts], staff: [...interval.staff], humans: [...interval.humans], alerts: [...interval.alerts] }
        : switchedOff
          ? staffingUnderSwitch(model, portal, at)
          : { shifts: [], staff: [], humans: [], alerts: [] };
    const status: PortalStatus = {
      id: portal.id,
      online,
      reason: interval.state === 'online' ? null : interval.reason,
      // With one portal there is only the organization switch, which leaves the legend as it is.
      inLegend: !multiplePortals || offSpanAt(switchOffSpans(model, portal.id), at) === undefined,
      newConversations: online ? 'accepted' : 'rejected',
      offlineMessage: online ? null : offlineMessageOf(portal, model),
      existingConversations: switchedOff ? 'continue' : null,
      ...working,
      interval,
      ...(({ end, next }) => ({ until: end, next }))(stateRun(intervals)),
      portal,
    };
    if (multiplePortals) status.log = actionLog(model, portal, at);
    return status;
  });
  const online = portals.some((p) => p.online);
  return { at, organization: { online, status: online ? WITHIN_SHIFT : NOT_WITHIN_SHIFT }, portals };
}
