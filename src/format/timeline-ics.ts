/**
 * `compile --format ics`: an iCalendar (RFC 5545) calendar with one event per online interval.
 * UIDs are stable (portal and start), DTSTAMP is the period's start so the same input gives the
 * same bytes, lines are folded at 75 octets and end with CRLF.
 */
import { formatInstant } from '../time/civil.js';
import type { TimelineStream } from '../timeline/types.js';
import { VERSION } from '../version.js';

/**
 * RFC 5545 §3.3.11 TEXT escaping: backslash, `;` and `,` escaped, a line break (CRLF, LF or a bare
 * CR) written as `\n`; TEXT allows no other control characters, so they become U+FFFD.
 */
export function icsText(text: string): string {
  return (
    text
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex -- the control characters TEXT does not allow, and direction overrides
      .replace(/[\x00-\x08\x0A-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]/g, '\uFFFD')
  );
}

/** RFC 5545 §3.1: fold lines longer than 75 octets, never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return `${line}\r\n`;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--; // continuation byte
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
    limit = 74; // continuation lines start with a space
  }
  return `${parts.join('\r\n ')}\r\n`;
}

function basic(ms: number): string {
  return formatInstant(ms).replace(/[-:]/g, '');
}

export function* formatTimelineIcs(timeline: TimelineStream): Generator<string> {
  yield foldLine('BEGIN:VCALENDAR');
  yield foldLine('VERSION:2.0');
  yield foldLine(`PRODID:-//shiftready//shiftready ${VERSION}//EN`);
  yield foldLine('CALSCALE:GREGORIAN');
  yield foldLine('X-WR-CALNAME:shiftready: portals online');
  const stamp = basic(timeline.period.from);
  for (const { portal, intervals } of timeline.portals) {
    for (const i of intervals) {
      if (i.state !== 'online') continue;
      const who = i.humans.length ? i.staff.join(', ') : `${i.staff.join(', ')} (placeholders only: nobody answers)`;
      yield foldLine('BEGIN:VEVENT');
      yield foldLine(`UID:${icsText(`${portal.id}/${basic(i.start)}`)}@shiftready`);
      yield foldLine(`DTSTAMP:${stamp}`);
      yield foldLine(`DTSTART:${basic(i.start)}`);
      yield foldLine(`DTEND:${basic(i.end)}`);
      yield foldLine(`SUMMARY:${icsText(`${portal.name ?? portal.id} online: ${who}`)}`);
      yield foldLine(
        `DESCRIPTION:${icsText(`Portal: ${portal.id} (${portal.type})\nShifts: ${i.shifts.join(', ')}\nStaff: ${i.staff.join(', ')}\nHumans: ${i.humans.join(', ') || 'none'}\nAlerts: ${i.alerts.join(', ') || 'none'}`)}`,
      );
      yield foldLine(`CATEGORIES:${icsText(portal.id)}`);
      yield foldLine('TRANSP:TRANSPARENT');
      yield foldLine('END:VEVENT');
    }
  }
  yield foldLine('END:VCALENDAR');
}
