/** `explain`: why a portal is online or offline at an instant, in plain sentences (or JSON). */
import { humansTracked, type Model } from '../model/types.js';

import { formatInstant } from '../time/civil.js';
import type { CoveringOccurrence, Explanation, SwitchState, UserVerdict } from '../timeline/explain.js';
import { decorateStatusLine, readingText } from './status.js';
import { paintLines, PLAIN, type Paint } from './paint.js';
import { article, localClock, localTime, offlineReasonText as reasonText, TYPE_WORDS, userLabel, userNames } from '../words.js';

function verdictText(u: UserVerdict, explanation: Explanation, model: Model, zone: string): string {
  const who = userLabel(u.id, model);
  const shiftProgram = explanation.portal.program;
  if (u.counts) {
    if (u.placeholder) {
      return humansTracked(model)
        ? `${who} counts — a placeholder: keeps the portal online, but nobody answers and nobody is alerted`
        : `${who} counts — a placeholder holding the shift open (staffing: placeholder)`;
    }
    return `${who} counts${u.mobileAlerts ? ' and gets mobile alerts of new conversations' : ' (no mobile alerts)'}`;
  }
  switch (u.why) {
    case 'unknown-user':
      return `${who} does not count: there is no such user`;
    case 'not-in-program':
      return `${who} does not count: not assigned to program ${shiftProgram}`;
    case 'no-permission':
      return `${who} does not count: cannot receive ${TYPE_WORDS[explanation.portal.type ?? 'chat'].permission}`;
    case 'away':
      return `${who} does not count: away from ${localClock(u.away.from, zone)} to ${localClock(u.away.to, zone)}`;
  }
}

function switchText(name: string, s: SwitchState, model: Model, zone: string): string {
  if (!s.off) return `The ${name} switch is online.`;
  const by = s.override.by ? ` by ${userLabel(s.override.by, model)}` : '';
  const until = s.until === undefined ? 'and is never set back online' : `until ${localTime(s.until, zone)}`;
  const note = s.override.note ? ` ("${s.override.note}")` : '';
  return `The ${name} switch is OFF: switched off${by} at ${localTime(s.since, zone)} (override ${s.name})${note}, ${until}.`;
}

/** A step towards bringing the portal online; `oneOf` offers real alternatives. */
type Step = string | { lead: string; oneOf: Step[] };

/** What would make one unstaffed occurrence staffed: any of the users who could be made to count. */
function staffStep(o: CoveringOccurrence, e: Explanation): Step {
  const missing = o.minStaff - o.counting;
  const program = e.portal.program ?? '';
  const type = e.portal.type ?? 'chat';
  const options: Step[] = [];
  for (const u of o.users) {
    if (u.counts) continue;
    if (u.why === 'not-in-program') options.push(`assign ${u.id} to program ${program}`);
    if (u.why === 'no-permission') options.push(`let ${u.id} receive ${TYPE_WORDS[type].permission}`);
  }
  options.push(`register another user who is assigned to ${program}, can receive ${type} and is not away then`);
  if (o.minStaff > 1) options.push(`lower minStaff to ${Math.max(1, o.counting)}`);
  const needs = `${missing} more counting user${missing === 1 ? '' : 's'} (minStaff ${o.minStaff}, ${o.counting} ${o.counting === 1 ? 'counts' : 'count'} now)`;
  if (options.length === 1) return `Shift ${o.shift.id} needs ${needs}: ${options[0]}.`;
  return { lead: `Shift ${o.shift.id} needs ${needs} — ${missing === 1 ? 'one of' : `any ${missing} of`}:`, oneOf: options };
}

/**
 * Every step needed to bring an offline portal online (SPEC §4: "all of:"), switches that are off
 * included; alternatives inside a step are "one of:".
 */
function remedies(e: Explanation, zone: string): Step[] {
  const steps: Step[] = [];
  const type = e.portal.type ?? 'chat';
  if (e.reason === 'unstaffed') {
    const unstaffed = e.occurrences.filter((o) => !o.staffed).map((o) => staffStep(o, e));
    steps.push(unstaffed.length === 1 ? unstaffed[0]! : { lead: 'Staff one of the shifts covering this time — one of:', oneOf: unstaffed });
  }
  if (e.reason === 'no-shift') {
    const add = `Add a shift with program ${e.portal.program} and messaging: ${type} that covers this time, with at least one user who can count.`;
    const fixes = e.otherTypeShifts.map(
      (s) =>
        `Set messaging: ${type} on shift ${s.id}, which covers this time but is for ${s.messaging.join(' and ') || 'no type'} (it then serves this portal only).`,
    );
    steps.push(fixes.length ? { lead: 'A shift that serves this portal — one of:', oneOf: [add, ...fixes] } : add);
  }
  // A switch that is off keeps the portal offline however well it is staffed.
  for (const [name, s] of [
    ['organization', e.switches.organization],
    ['portal', e.switches.portal],
  ] as const) {
    if (!s.off) continue;
    steps.push(
      `Set the ${name} switch back online: give override ${s.name} an \`online:\` time${s.until === undefined ? ' (it has none)' : ` before ${localTime(s.until, zone)}`}.`,
    );
  }
  return steps;
}

function renderSteps(steps: readonly Step[], indent: string, out: string[]): void {
  for (const step of steps) {
    if (typeof step === 'string') out.push(`${indent}- ${step}`);
    else {
      out.push(`${indent}- ${step.lead}`);
      renderSteps(step.oneOf, `${indent}    `, out);
    }
  }
}

export function formatExplainText(e: Explanation, model: Model, zone: string, paint: Paint = PLAIN): string {
  return paintLines(explainText(e, model, zone), paint, decorateStatusLine);
}

function explainText(e: Explanation, model: Model, zone: string): string {
  const lines: string[] = [];
  const state = e.online ? 'ONLINE' : `OFFLINE — ${reasonText(e.interval, model)}`;
  const kind = TYPE_WORDS[e.portal.type ?? 'chat'].portal;
  lines.push(
    `Portal ${e.portal.id}${e.portal.name ? ` (${e.portal.name})` : ''}, ${article(kind)} ${kind} portal for program ${e.portal.program}`,
  );
  lines.push(`at ${localTime(e.at, zone)} = ${formatInstant(e.at)}: ${state}`);
  if (e.reading) lines.push(readingText(e.reading, zone));
  if (e.next)
    lines.push(
      `It stays so until ${localTime(e.until, zone)}; then it is ${e.next.state === 'online' ? 'online' : `offline (${reasonText(e.next, model)})`}.`,
    );
  else lines.push('It stays so for at least the next 60 days.');
  lines.push('');
  if (e.occurrences.length === 0) lines.push(`No shift for program ${e.portal.program} with messaging ${e.portal.type} covers this time.`);
  else lines.push('Shifts covering this time:');
  for (const o of e.occurrences) {
    const counts = `${o.counting} of the registered users ${o.counting === 1 ? 'counts' : 'count'}`;
    lines.push(
      `  ${o.shift.id}, ${localClock(o.start, zone)} to ${localClock(o.end, zone, o.start)}: ${o.staffed ? 'staffed' : 'NOT staffed'} — ${counts}, ${o.minStaff} needed (minStaff)`,
    );
    for (const u of o.users) lines.push(`    ${u.counts ? '✓' : '✗'} ${verdictText(u, e, model, zone)}`);
    if (o.users.length === 0) lines.push('    (no users are registered on this shift)');
  }
  lines.push('', switchText('organization', e.switches.organization, model, zone));
  // With one portal there is only the organization switch (SPEC §3.2), unless one was written anyway.
  if (model.portalById.size > 1 || e.switches.portal.off) lines.push(switchText('portal', e.switches.portal, model, zone));
  if (e.online && e.interval.state === 'online') {
    const i = e.interval;
    const users = (ids: readonly string[]) => userNames(ids, model);
    if (!humansTracked(model))
      lines.push('', 'Humans are not tracked (staffing: placeholder): the real workers answer without being registered.');
    else
      lines.push(
        '',
        `Humans who can answer: ${users(i.humans) || 'none — only placeholders count, so nobody answers'}.`,
        `Alerted of new conversations: ${users(i.alerts) || 'nobody'}.`,
      );
  } else {
    const steps = remedies(e, zone);
    if (steps.length) {
      lines.push('', steps.length === 1 ? 'What would bring it online:' : 'What would bring it online — all of:');
      renderSteps(steps, '  ', lines);
    }
  }
  return `${lines.join('\n')}\n`;
}

export function formatExplainJson(e: Explanation): string {
  const sw = (s: SwitchState) =>
    s.off
      ? {
          off: true,
          override: s.name,
          by: s.override.by ?? null,
          since: formatInstant(s.since),
          until: s.until === undefined ? null : formatInstant(s.until),
        }
      : { off: false };
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
      users: o.users.map((u) => ({
        id: u.id,
        counts: u.counts,
        placeholder: u.placeholder,
        ...(u.counts ? {} : { why: u.why }),
        ...(!u.counts && u.why === 'away' ? { away: { from: formatInstant(u.away.from), to: formatInstant(u.away.to) } } : {}),
      })),
    })),
    switches: { organization: sw(e.switches.organization), portal: sw(e.switches.portal) },
    until: e.next ? formatInstant(e.until) : null,
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}
