/** `status --format json` (exactly SPEC §5.2) and the text a person reads at a glance. */
import { formatInstant } from '../time/civil.js';
import { overrideName, type Model } from '../model/types.js';
import type { PortalInterval } from '../timeline/types.js';
import { STATUS_LOOKAHEAD_MS, type Status } from '../timeline/status.js';
import { localClock, localTime } from '../time/local.js';

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
        shifts: p.shifts,
        staff: p.staff,
        humans: p.humans,
      };
      if (p.log) portal.log = p.log.map((e) => ({ action: e.action, at: formatInstant(e.at), by: e.by, scope: e.scope, override: e.override }));
      return portal;
    }),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** Why an offline interval is offline, in words. */
export function reasonText(interval: PortalInterval, model: Model): string {
  if (interval.state === 'online') return 'online';
  switch (interval.reason) {
    case 'no-shift':
      return 'no shift covers this time';
    case 'unstaffed':
      return 'a shift covers this time but is not staffed';
    case 'override': {
      const o = model.overrides.find((x) => overrideName(x) === interval.override);
      const who = o?.by ? ` by ${o.by}` : '';
      return `switched off${who} (override ${interval.override}, ${interval.scope} switch)`;
    }
  }
}

function untilText(until: number, next: PortalInterval | undefined, at: number, zone: string, model: Model): string {
  if (!next) return until >= at + STATUS_LOOKAHEAD_MS ? ' for at least the next 14 days' : '';
  const then = next.state === 'online' ? 'online' : `offline: ${reasonText(next, model)}`;
  return ` until ${localClock(until, zone, at)} (then ${then})`;
}

export function formatStatusText(status: Status, model: Model, zone: string): string {
  const org = model.organization;
  const lines: string[] = [];
  lines.push(`${org?.name ?? org?.id ?? 'Organization'} at ${localTime(status.at, zone)} = ${formatInstant(status.at)}`);
  lines.push(status.organization.status, '');
  const width = Math.max(...status.portals.map((p) => p.id.length), 4);
  for (const p of status.portals) {
    const type = p.portal.type === 'sms' ? 'SMS' : 'chat';
    const until = untilText(p.until, p.next, status.at, zone, model);
    if (p.online) {
      const placeholderOnly = p.humans.length === 0;
      lines.push(`  ● ${p.id.padEnd(width)}  ${type.padEnd(4)}  ONLINE${until}`);
      lines.push(`      shifts: ${p.shifts.join(', ')}; staff: ${p.staff.join(', ')}`);
      if (placeholderOnly) lines.push('      ⚠ only placeholders count: nobody answers and nobody gets an alert');
      else {
        const alerts = p.interval.state === 'online' ? p.interval.alerts : [];
        lines.push(`      humans: ${p.humans.join(', ')}; alerted of new conversations: ${alerts.join(', ') || 'nobody'}`);
      }
      lines.push(`      new ${p.portal.type === 'sms' ? 'texters' : 'chat visitors'}: accepted`);
    } else {
      lines.push(`  ○ ${p.id.padEnd(width)}  ${type.padEnd(4)}  offline: ${reasonText(p.interval, model)}${until}`);
      const who = p.portal.type === 'sms' ? 'texters receive' : 'chat visitors see';
      lines.push(`      new ${who}: ${p.offlineMessage === null ? 'no offline message (none is configured)' : JSON.stringify(p.offlineMessage)}`);
    }
  }
  const legend = status.portals.filter((p) => p.inLegend).map((p) => p.id);
  const hidden = status.portals.filter((p) => !p.inLegend).map((p) => p.id);
  lines.push('', `Portal Legend: ${legend.join(', ') || '(empty)'}${hidden.length ? ` — not listed while switched off on their own: ${hidden.join(', ')}` : ''}`);
  if (status.portals.some((p) => p.log)) {
    lines.push('', 'Last offline/online actions (newest first):');
    for (const p of status.portals) {
      if (!p.log) continue;
      if (p.log.length === 0) {
        lines.push(`  ${p.id}: none`);
        continue;
      }
      lines.push(`  ${p.id}:`);
      for (const e of p.log) lines.push(`    ${localTime(e.at, zone)}  ${e.action.padEnd(7)}  ${e.scope} switch, override ${e.override}${e.by ? `, by ${e.by}` : ''}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
