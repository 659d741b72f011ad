/** `explain`: why a portal is online or offline at an instant, in plain sentences (or JSON). */
import type { Model } from '../model/types.js';
import { formatInstant } from '../time/civil.js';
import type { Explanation, SwitchState, UserVerdict } from '../timeline/explain.js';
import { reasonText } from './status.js';
import { localClock, localTime } from '../time/local.js';

const TYPE_WORDS = { chat: 'chat (Instant Messages)', sms: 'SMS' } as const;

function verdictText(u: UserVerdict, explanation: Explanation, zone: string): string {
  const shiftProgram = explanation.portal.program;
  if (u.counts) {
    if (u.placeholder) return `${u.id} counts — a placeholder: keeps the portal online, but nobody answers and nobody is alerted`;
    return `${u.id} counts${u.mobileAlerts ? ' and gets mobile alerts of new conversations' : ' (no mobile alerts)'}`;
  }
  switch (u.why) {
    case 'unknown-user':
      return `${u.id} does not count: there is no such user`;
    case 'not-in-program':
      return `${u.id} does not count: not assigned to program ${shiftProgram}`;
    case 'no-permission':
      return `${u.id} does not count: cannot receive ${TYPE_WORDS[explanation.portal.type ?? 'chat']}`;
    case 'away':
      return `${u.id} does not count: away from ${localClock(u.away!.from, zone)} to ${localClock(u.away!.to, zone)}`;
    default:
      return `${u.id} does not count`;
  }
}

function switchText(name: string, s: SwitchState, zone: string): string {
  if (!s.off) return `The ${name} switch is online.`;
  const by = s.override?.by ? ` by ${s.override.by}` : '';
  const until = s.until === undefined ? 'and is never set back online' : `until ${localTime(s.until, zone)}`;
  const note = s.override?.note ? ` ("${s.override.note}")` : '';
  return `The ${name} switch is OFF: switched off${by} at ${localTime(s.since!, zone)} (override ${s.name})${note}, ${until}.`;
}

/** What would bring an offline portal online. */
function remedies(e: Explanation, zone: string): string[] {
  const out: string[] = [];
  const type = e.portal.type ?? 'chat';
  if (e.reason === 'override') {
    for (const [name, s] of [['organization', e.switches.organization], ['portal', e.switches.portal]] as const) {
      if (!s.off) continue;
      out.push(`Set the ${name} switch back online: give override ${s.name} an \`online:\` time${s.until === undefined ? ' (it has none)' : ` before ${localTime(s.until, zone)}`}.`);
    }
  }
  if (e.reason === 'unstaffed') {
    for (const o of e.occurrences) {
      if (o.staffed) continue;
      const missing = o.minStaff - o.counting;
      const fixable = o.users.filter((u) => !u.counts);
      out.push(
        `Shift ${o.shift.id} needs ${missing} more counting user${missing === 1 ? '' : 's'} (minStaff ${o.minStaff}, ${o.counting} count now): register an eligible user who is not away` +
          (fixable.some((u) => u.why === 'not-in-program') ? `, assign ${fixable.filter((u) => u.why === 'not-in-program').map((u) => u.id).join(', ')} to program ${e.portal.program}` : '') +
          (fixable.some((u) => u.why === 'no-permission') ? `, let ${fixable.filter((u) => u.why === 'no-permission').map((u) => u.id).join(', ')} receive ${type}` : '') +
          (o.minStaff > 1 ? ', or lower minStaff' : '') +
          '.',
      );
    }
  }
  if (e.reason === 'no-shift') {
    out.push(`Add a shift with program ${e.portal.program} and messaging: ${type} that covers this time, with at least one eligible user.`);
    for (const s of e.otherTypeShifts) out.push(`Shift ${s.id} covers this time but is not for ${type} only (messaging: ${s.messaging.join(', ') || 'none'}), so it does not serve this ${type} portal.`);
  }
  return out;
}

export function formatExplainText(e: Explanation, model: Model, zone: string): string {
  const lines: string[] = [];
  const state = e.online ? 'ONLINE' : `OFFLINE — ${reasonText(e.interval, model)}`;
  lines.push(`Portal ${e.portal.id}${e.portal.name ? ` (${e.portal.name})` : ''}, a ${e.portal.type === 'sms' ? 'SMS/Text' : 'Live Chat'} portal for program ${e.portal.program}`);
  lines.push(`at ${localTime(e.at, zone)} = ${formatInstant(e.at)}: ${state}`);
  if (e.next) lines.push(`It stays so until ${localTime(e.until, zone)}; then it is ${e.next.state === 'online' ? 'online' : `offline (${reasonText(e.next, model)})`}.`);
  else lines.push('It stays so for at least the next 60 days.');
  lines.push('');
  if (e.occurrences.length === 0) lines.push(`No shift for program ${e.portal.program} with messaging ${e.portal.type} covers this time.`);
  else lines.push('Shifts covering this time:');
  for (const o of e.occurrences) {
    lines.push(
      `  ${o.shift.id}, ${localClock(o.start, zone)} to ${localClock(o.end, zone, o.start)}: ${o.staffed ? 'staffed' : 'NOT staffed'} — ${o.counting} of the registered users count, ${o.minStaff} needed (minStaff)`,
    );
    for (const u of o.users) lines.push(`    ${u.counts ? '✓' : '✗'} ${verdictText(u, e, zone)}`);
    if (o.users.length === 0) lines.push('    (no users are registered on this shift)');
  }
  lines.push('', switchText('organization', e.switches.organization, zone), switchText('portal', e.switches.portal, zone));
  if (e.online && e.interval.state === 'online') {
    const i = e.interval;
    lines.push('', `Humans who can answer: ${i.humans.join(', ') || 'none — only placeholders count, so nobody answers'}.`, `Alerted of new conversations: ${i.alerts.join(', ') || 'nobody'}.`);
  } else {
    const fixes = remedies(e, zone);
    if (fixes.length) lines.push('', 'What would bring it online:', ...fixes.map((f) => `  - ${f}`));
  }
  return `${lines.join('\n')}\n`;
}

export function formatExplainJson(e: Explanation): string {
  const sw = (s: SwitchState) => (s.off ? { off: true, override: s.name, by: s.override?.by ?? null, since: formatInstant(s.since!), until: s.until === undefined ? null : formatInstant(s.until) } : { off: false });
  const out = {
    portal: e.portal.id,
    at: formatInstant(e.at),
    online: e.online,
    reason: e.reason,
    occurrences: e.occurrences.map((o) => ({
      shift: o.shift.id,
      start: formatInstant(o.start),
      end: formatInstant(o.end),
      minStaff: o.minStaff,
      counting: o.counting,
      staffed: o.staffed,
      users: o.users.map((u) => ({ id: u.id, counts: u.counts, placeholder: u.placeholder, ...(u.why ? { why: u.why } : {}), ...(u.away ? { away: { from: formatInstant(u.away.from), to: formatInstant(u.away.to) } } : {}) })),
    })),
    switches: { organization: sw(e.switches.organization), portal: sw(e.switches.portal) },
    until: e.next ? formatInstant(e.until) : null,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
