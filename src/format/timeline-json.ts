/**
 * `compile --format json`, exactly SPEC §5.1, laid out as its example is: indented, with one
 * interval per line (a year of a large organization stays a manageable file, and a change to one
 * interval is a one-line diff). Written in chunks, so a timeline larger than the longest string
 * V8 can hold is still written.
 */
import { formatInstant } from '../time/civil.js';
import type { PortalInterval, TimelineStream } from '../timeline/types.js';

export function intervalJson(i: PortalInterval): Record<string, unknown> {
  const base = { start: formatInstant(i.start), end: formatInstant(i.end), state: i.state };
  if (i.state === 'online') return { ...base, shifts: i.shifts, staff: i.staff, humans: i.humans, alerts: i.alerts };
  return i.reason === 'override' ? { ...base, reason: i.reason, override: i.override, scope: i.scope } : { ...base, reason: i.reason };
}

/**
 * `JSON.stringify(intervalJson(i))`, written directly: a year of a large organization is millions
 * of intervals, and their staffing lists are shared arrays (timeline/pool.ts), each turned into
 * JSON once. The same bytes as `JSON.stringify` (a test compares them).
 */
export function intervalLine(i: PortalInterval, lists: WeakMap<readonly string[], string>): string {
  const head = `{"start":"${formatInstant(i.start)}","end":"${formatInstant(i.end)}","state":"${i.state}"`;
  if (i.state === 'online')
    return `${head},"shifts":${listJson(i.shifts, lists)},"staff":${listJson(i.staff, lists)},"humans":${listJson(i.humans, lists)},"alerts":${listJson(i.alerts, lists)}}`;
  if (i.reason === 'override') return `${head},"reason":"override","override":${JSON.stringify(i.override)},"scope":"${i.scope}"}`;
  return `${head},"reason":"${i.reason}"}`;
}

function listJson(list: readonly string[], lists: WeakMap<readonly string[], string>): string {
  let json = lists.get(list);
  if (json === undefined) {
    json = JSON.stringify(list);
    lists.set(list, json);
  }
  return json;
}

export function* formatTimelineJson(timeline: TimelineStream): Generator<string> {
  const lists = new WeakMap<readonly string[], string>();
  const period = { from: formatInstant(timeline.period.from), to: formatInstant(timeline.period.to) };
  yield `{\n  "shiftready": 1,\n  "period": ${JSON.stringify(period, null, 2).replace(/\n/g, '\n  ')},\n  "portals": [`;
  let firstPortal = true;
  for (const { portal, intervals } of timeline.portals) {
    yield `${firstPortal ? '' : ','}\n    {\n      "id": ${JSON.stringify(portal.id)},\n      "type": ${JSON.stringify(portal.type)},\n      "intervals": [`;
    firstPortal = false;
    let first = true;
    for (const interval of intervals) {
      yield `${first ? '' : ','}\n        ${intervalLine(interval, lists)}`;
      first = false;
    }
    yield intervals.length ? '\n      ]\n    }' : ']\n    }';
  }
  yield firstPortal ? ']\n}\n' : '\n  ]\n}\n';
}
