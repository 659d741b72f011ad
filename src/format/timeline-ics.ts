/**
 * `compile --format ics`: an iCalendar (RFC 5545) calendar with one event per online interval and,
 * with `includeOffline`, one per switched-off interval. UIDs are stable: the portal and the
 * interval's own start, not where the period cuts it (`runStart`), so a subscribed calendar keeps
 * one event whatever `--from` is. DTSTAMP is `stamp` (`--now`, else the epoch), so the same input
 * gives the same bytes. Lines are folded at 75 octets and end with CRLF.
 */
import type { Model } from '../model/types.js';
import { formatInstant } from '../time/civil.js';
import type { PortalTimeline, SwitchedOff, TimelineStream } from '../timeline/types.js';
import { VERSION } from '../version.js';
import { overrideName, userLabel, userNames } from '../words.js';

export interface IcsOptions {
  /** DTSTAMP of every event (epoch ms). */
  stamp: number;
  /** Where a portal's first interval really starts, when the period cuts into it (asked once per portal). */
  runStart?: (portal: PortalTimeline) => number | undefined;
  /** Also an event per interval in which a switch keeps the portal offline (`--include-offline`). */
  includeOffline?: boolean;
  /** For switched-off events: who switched off, and the note. */
  model?: Model;
}

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

/** The words of a switched-off event: who switched off which switch, and the note. */
function switchedOffText(i: SwitchedOff, portal: { id: string; name?: string; type?: string }, model: Model | undefined) {
  const o = model?.overrides.find((x) => overrideName(x) === i.override);
  const by = o?.by ? (model ? userNames([o.by], model) : o.by) : 'someone';
  const note = o?.note?.trim();
  const what = i.scope === 'organization' ? 'switched off with the organization' : 'switched off';
  return {
    summary: `${portal.name ?? portal.id} ${what} by ${by}${note ? `: ${note.replace(/\s+/g, ' ')}` : ''}`,
    description: [
      `Portal: ${portal.id} (${portal.type})`,
      `Switch: ${i.scope === 'organization' ? 'the organization' : 'the portal'} (override ${i.override})`,
      `By: ${o?.by ? (model ? userLabel(o.by, model) : o.by) : 'unknown'}`,
      ...(note ? [`Note: ${o!.note!}`] : []),
      'New help seekers are turned away; conversations in progress continue.',
    ].join('\n'),
  };
}

export function* formatTimelineIcs(timeline: TimelineStream, options: IcsOptions = { stamp: 0 }): Generator<string> {
  yield foldLine('BEGIN:VCALENDAR');
  yield foldLine('VERSION:2.0');
  yield foldLine(`PRODID:-//shiftready//shiftready ${VERSION}//EN`);
  yield foldLine('CALSCALE:GREGORIAN');
  yield foldLine(`X-WR-CALNAME:shiftready: portals online${options.includeOffline ? ' and switched off' : ''}`);
  const stamp = basic(options.stamp);
  for (const portalTimeline of timeline.portals) {
    const { portal, intervals } = portalTimeline;
    for (let n = 0; n < intervals.length; n++) {
      const i = intervals[n]!;
      const offline = i.state === 'offline' && i.reason === 'override' && options.includeOffline;
      if (i.state !== 'online' && !offline) continue;
      // The first interval may have begun before the period: name it by its own start.
      const own = n === 0 ? (options.runStart?.(portalTimeline) ?? i.start) : i.start;
      yield foldLine('BEGIN:VEVENT');
      yield foldLine(`UID:${icsText(`${portal.id}/${basic(own)}`)}@shiftready`);
      yield foldLine(`DTSTAMP:${stamp}`);
      yield foldLine(`DTSTART:${basic(i.start)}`);
      yield foldLine(`DTEND:${basic(i.end)}`);
      if (i.state === 'online') {
        const who = i.humans.length ? i.staff.join(', ') : `${i.staff.join(', ')} (placeholders only: nobody answers)`;
        yield foldLine(`SUMMARY:${icsText(`${portal.name ?? portal.id} online: ${who}`)}`);
        yield foldLine(
          `DESCRIPTION:${icsText(`Portal: ${portal.id} (${portal.type})\nShifts: ${i.shifts.join(', ')}\nStaff: ${i.staff.join(', ')}\nHumans: ${i.humans.join(', ') || 'none'}\nAlerts: ${i.alerts.join(', ') || 'none'}`)}`,
        );
        yield foldLine(`CATEGORIES:${icsText(portal.id)}`);
      } else {
        const text = switchedOffText(i as SwitchedOff, portal, options.model);
        yield foldLine(`SUMMARY:${icsText(text.summary)}`);
        yield foldLine(`DESCRIPTION:${icsText(text.description)}`);
        yield foldLine(`CATEGORIES:${icsText(portal.id)},switched-off`);
      }
      yield foldLine('TRANSP:TRANSPARENT');
      yield foldLine('END:VEVENT');
    }
  }
  yield foldLine('END:VCALENDAR');
}
