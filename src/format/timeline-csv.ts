/**
 * `compile --format csv`: one row per interval (RFC 4180 quoting; lists space-separated). Times are
 * UTC (`start`, `end`) and, beside them, local to the organization's zone with their offset
 * (`localStart`, `localEnd`: `2027-03-14T03:00:00-07:00`) and the zone's name (`zone`), so a
 * spreadsheet shows wall-clock times without converting, and the two rows around a clock change
 * still say which instant they mean.
 */
import { formatDate, formatInstant } from '../time/civil.js';
import { zoneTable } from '../time/zone.js';
import type { TimelineStream } from '../timeline/types.js';
import { clock, isoOffset } from '../words.js';
import { csvField } from './escape.js';

const HEADER = [
  'portal',
  'type',
  'start',
  'end',
  'localStart',
  'localEnd',
  'zone',
  'state',
  'reason',
  'override',
  'scope',
  'shifts',
  'staff',
  'humans',
  'alerts',
];

/** An instant as local ISO 8601 date-time with its offset, to the second: `2027-03-14T03:00:00-07:00`. */
export function localIso(ms: number, zone: string): string {
  const table = zoneTable(zone);
  const { day, msOfDay } = table.instantToWall(ms);
  const seconds = String(Math.floor((msOfDay % 60_000) / 1000)).padStart(2, '0');
  return `${formatDate(day)}T${clock(Math.floor(msOfDay / 60_000) * 60_000)}:${seconds}${isoOffset(table.offsetAt(ms))}`;
}

export function* formatTimelineCsv(timeline: TimelineStream, zone: string): Generator<string> {
  yield `${HEADER.join(',')}\r\n`;
  for (const { portal, intervals } of timeline.portals) {
    for (const i of intervals) {
      const online = i.state === 'online';
      const row = [
        portal.id,
        portal.type ?? '',
        formatInstant(i.start),
        formatInstant(i.end),
        localIso(i.start, zone),
        localIso(i.end, zone),
        zone,
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
