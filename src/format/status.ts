/** `status --format json` (exactly SPEC §5.2) and the text a person reads at a glance. */
import { formatInstant } from '../time/civil.js';
import { paintLines, PLAIN, type Paint } from './paint.js';
import { humansTracked, type Model } from '../model/types.js';
import type { PortalInterval } from '../timeline/types.js';
import { STATUS_LOOKAHEAD_MS, type Status } from '../timeline/status.js';

import type { WallReading } from '../time/period.js';
import { zoneTable } from '../time/zone.js';
import {
  isoOffset,
  localClock,
  localTime,
  offlineReasonText as reasonText,
  portalLabel,
  TYPE_WORDS,
  userLabel,
  userNames,
} from '../words.js';

export function formatStatusJson(status: Status): string {
  const out = {
    at: formatInstant(status.at),
    organization: status.organization,
    portals: status.portals.map((p) => {
      const portal: Record<string, unknown> = {
        id: p.id,
        online: p.online,
        reason: p.reason,
        inLegend: p.inLegend,
        newConversations: p.newConversations,
        offlineMessage: p.offlineMessage,
        existingConversations: p.existingConversations,
        shifts: p.shifts,
        staff: p.staff,
        humans: p.humans,
      };
      if (p.log)
        portal.log = p.log.map((e) => ({ action: e.action, at: formatInstant(e.at), by: e.by, scope: e.scope, override: e.override }));
      return portal;
    }),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/**
 * How a local `--at` in a spring-forward gap or a fall-back overlap was read (SPEC §3.1, §5), in
 * a sentence: the instant the answer is for, and how to ask about the other reading.
 */
export function readingText(reading: WallReading, zone: string): string {
  const read = `${localTime(reading.instant, zone)} = ${formatInstant(reading.instant)}`;
  if (reading.kind === 'gap')
    return `Note: ${reading.written} does not exist in ${zone} (the clocks move forward); it was read as ${read}.`;
  const offset = isoOffset(zoneTable(zone).offsetAt(reading.other!));
  return `Note: ${reading.written} happens twice in ${zone} (the clocks move back); it was read as the first, ${read}; for the second write ${reading.written.replace(' ', 'T')}${offset}.`;
}

function untilText(until: number, next: PortalInterval | undefined, at: number, zone: string, model: Model): string {
  if (!next) return until >= at + STATUS_LOOKAHEAD_MS ? ' for at least the next 14 days' : '';
  const then = next.state === 'online' ? 'online' : `offline, ${reasonText(next, model)}`;
  return ` until ${localClock(until, zone, at)} (then ${then})`;
}

/** Colours the glyphs the status text starts its lines with: ● online, ○ offline, ⚠ a warning. */
export function decorateStatusLine(line: string, paint: Paint): string {
  const m = /^( *)([●○⚠✓✗])( |$)/.exec(line);
  if (!m) return line;
  const glyph = m[2]!;
  const coloured = glyph === '●' || glyph === '✓' ? paint.green(glyph) : glyph === '⚠' ? paint.yellow(glyph) : paint.red(glyph);
  return `${m[1]}${coloured}${line.slice(m[1]!.length + 1)}`;
}

export function formatStatusText(status: Status, model: Model, zone: string, paint: Paint = PLAIN): string {
  return paintLines(statusText(status, model, zone), paint, decorateStatusLine);
}

function statusText(status: Status, model: Model, zone: string): string {
  const org = model.organization;
  const tracked = humansTracked(model);
  const lines: string[] = [];
  lines.push(`${org?.name ?? org?.id ?? 'Organization'} at ${localTime(status.at, zone)} = ${formatInstant(status.at)}`);
  if (status.reading) lines.push(readingText(status.reading, zone));
  lines.push(status.organization.status, '');
  const labels = status.portals.map((p) => portalLabel(p.portal));
  const width = Math.max(...labels.map((l) => l.length), 4);
  status.portals.forEach((p, index) => {
    const words = TYPE_WORDS[p.portal.type ?? 'chat'];
    const type = words.short;
    const until = untilText(p.until, p.next, status.at, zone, model);
    const seekers = words.seekers;
    const label = labels[index]!.padEnd(width);
    if (p.online) {
      lines.push(`  ● ${label}  ${type.padEnd(4)}  ONLINE${until}`);
      lines.push(`      shifts: ${p.shifts.join(', ')}; staff: ${p.staff.join(', ')}`);
      if (!tracked) lines.push('      humans: not tracked (staffing: placeholder; the real workers answer without being registered)');
      else if (p.humans.length === 0) lines.push('      ⚠ only placeholders count: nobody answers and nobody gets an alert');
      else
        lines.push(`      humans: ${userNames(p.humans, model)}; alerted of new conversations: ${userNames(p.alerts, model) || 'nobody'}`);
      lines.push(`      new ${seekers}: accepted`);
      return;
    }
    lines.push(`  ○ ${label}  ${type.padEnd(4)}  offline${until}: ${reasonText(p.interval, model)}`);
    if (p.existingConversations === 'continue') {
      // SPEC §3.2: switched off during a shift, the people on shift are still working.
      lines.push(`      during shifts ${p.shifts.join(', ')}; staff: ${p.staff.join(', ')}`);
      lines.push(
        `      conversations in progress continue and queued ${seekers} stay queued with the people on shift; new ${seekers} are turned away`,
      );
    }
    const who = `${seekers} ${words.offlineMessageVerb}`;
    lines.push(
      `      new ${who}: ${p.offlineMessage === null ? 'no offline message (none is configured)' : JSON.stringify(p.offlineMessage)}`,
    );
  });
  const legend = status.portals.filter((p) => p.inLegend).map((p) => p.id);
  const hidden = status.portals.filter((p) => !p.inLegend).map((p) => p.id);
  lines.push(
    '',
    `Portal Legend: ${legend.join(', ') || '(empty)'}${hidden.length ? ` — not listed while switched off on their own: ${hidden.join(', ')}` : ''}`,
  );
  if (status.portals.some((p) => p.log)) {
    lines.push('', 'Last offline/online actions (newest first):');
    for (const p of status.portals) {
      if (!p.log) continue;
      if (p.log.length === 0) {
        lines.push(`  ${p.id}: none`);
        continue;
      }
      lines.push(`  ${p.id}:`);
      for (const e of p.log)
        lines.push(
          `    ${localTime(e.at, zone)}  ${e.action.padEnd(7)}  ${e.scope} switch, override ${e.override}${e.by ? `, by ${userLabel(e.by, model)}` : ''}`,
        );
    }
  }
  return `${lines.join('\n')}\n`;
}
