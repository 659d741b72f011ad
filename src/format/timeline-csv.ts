/** `compile --format csv`: one row per interval (RFC 4180 quoting; lists space-separated). */
import { formatInstant } from '../time/civil.js';
import { csvField } from './escape.js';
import type { TimelineStream } from '../timeline/types.js';

const HEADER = ['portal', 'type', 'start', 'end', 'state', 'reason', 'override', 'scope', 'shifts', 'staff', 'humans', 'alerts'];

export function* formatTimelineCsv(timeline: TimelineStream): Generator<string> {
  yield `${HEADER.join(',')}\r\n`;
  for (const { portal, intervals } of timeline.portals) {
    for (const i of intervals) {
      const online = i.state === 'online';
      const row = [
        portal.id,
        portal.type ?? '',
        formatInstant(i.start),
        formatInstant(i.end),
        i.state,
        online ? '' : i.reason,
        i.state === 'offline' && i.reason === 'override' ? i.override : '',
        i.state === 'offline' && i.reason === 'override' ? i.scope : '',
        online ? i.shifts.join(' ') : '',
        online ? i.staff.join(' ') : '',
        online ? i.humans.join(' ') : '',
        online ? i.alerts.join(' ') : '',
      ];
      yield `${row.map(csvField).join(',')}\r\n`;
    }
  }
}
