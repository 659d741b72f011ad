/** `diff --base REF`: JSON (exactly SPEC §5.6), text, and markdown for a pull-request comment. */
import type { DiffReport } from '../report/diff.js';

import { mdCell as cell, mdCode } from './escape.js';
import { gapJson } from './report.js';
import { gapReasonText, hoursDelta as delta, hoursText as hours, localClock, localTime, roundHours, trackedHours } from '../words.js';

export function diffJson(d: DiffReport): Record<string, unknown> {
  return {
    base: d.base,
    portals: d.portals.map((p) => ({
      id: p.id,
      before: { onlineHours: roundHours(p.before.onlineMs), humanHours: trackedHours(p.before.humanMs, d.humansTracked.before) },
      after: { onlineHours: roundHours(p.after.onlineMs), humanHours: trackedHours(p.after.humanMs, d.humansTracked.after) },
      newGaps: p.newGaps.map(gapJson),
    })),
    changedShifts: d.changedShifts.map((s) => s.id),
    affectedUsers: d.affectedUsers.map((u) => u.id),
    notify: d.notify.map((u) => u.id),
  };
}

export function formatDiffJson(d: DiffReport): string {
  return `${JSON.stringify(diffJson(d), null, 2)}\n`;
}

/** Human hours before → after, or "not tracked" on a side under `staffing: placeholder`. */
function humansChange(d: DiffReport, before: number, after: number): string {
  if (!d.humansTracked.before && !d.humansTracked.after) return 'not tracked';
  const side = (ms: number, tracked: boolean) => (tracked ? hours(ms) : 'not tracked');
  const change = d.humansTracked.before && d.humansTracked.after ? ` (${delta(before, after)})` : '';
  return `${side(before, d.humansTracked.before)} → ${side(after, d.humansTracked.after)}${change}`;
}

/** A person to tell, and how their counted time changes (or that only their shift changed). */
function notifyLines(d: DiffReport): { who: string; change: string }[] {
  const affected = new Map(d.affectedUsers.map((u) => [u.id, u]));
  return d.notify.map(({ id, name }) => {
    const u = affected.get(id);
    const who = name ? `${id} (${name})` : id;
    if (!u) return { who, change: 'on a changed shift; their counted time stays the same' };
    return {
      who,
      change: `counted time ${hours(u.beforeMs)} → ${hours(u.afterMs)} (${u.beforeMs === u.afterMs ? 'same hours, other times' : delta(u.beforeMs, u.afterMs)})`,
    };
  });
}

function changed(d: DiffReport): boolean {
  return (
    d.changedShifts.length > 0 ||
    d.affectedUsers.length > 0 ||
    d.portals.some(
      (p) => p.newGaps.length || p.resolvedGaps.length || p.before.onlineMs !== p.after.onlineMs || p.before.humanMs !== p.after.humanMs,
    )
  );
}

export function formatDiffText(d: DiffReport, zone: string): string {
  const lines = [`Coverage change against ${d.base}, ${localTime(d.period.from, zone)} to ${localTime(d.period.to, zone)}`];
  if (!changed(d)) return `${lines.join('\n')}\nNo change to coverage, shifts or anyone's hours.\n`;
  lines.push('');
  for (const p of d.portals) {
    lines.push(
      `${p.id}: online ${hours(p.before.onlineMs)} → ${hours(p.after.onlineMs)} (${delta(p.before.onlineMs, p.after.onlineMs)}), with humans ${humansChange(d, p.before.humanMs, p.after.humanMs)}`,
    );
    for (const g of p.newGaps)
      lines.push(
        `  new gap: ${g.requirement.id} ${localClock(g.start, zone)} to ${localClock(g.end, zone, g.start)} (${gapReasonText(g)})`,
      );
    for (const g of p.resolvedGaps)
      lines.push(`  gap closed: ${g.requirement.id} ${localClock(g.start, zone)} to ${localClock(g.end, zone, g.start)}`);
  }
  if (d.changedShifts.length) lines.push('', `Shifts changed: ${d.changedShifts.map((s) => `${s.id} (${s.change})`).join(', ')}`);
  if (d.notify.length) {
    lines.push('', 'People to tell:');
    for (const { who, change } of notifyLines(d)) lines.push(`  ${who}: ${change}`);
  }
  const newGaps = d.portals.reduce((n, p) => n + p.newGaps.length, 0);
  lines.push('', newGaps ? `⚠ ${newGaps} new gap${newGaps === 1 ? '' : 's'} against requirements.` : 'No new gaps against requirements.');
  return `${lines.join('\n')}\n`;
}

export function formatDiffMarkdown(d: DiffReport, zone: string): string {
  const out = [
    '## shiftready: coverage change',
    '',
    `Compared with ${mdCode(d.base)}, ${localTime(d.period.from, zone)} to ${localTime(d.period.to, zone)}.`,
    '',
  ];
  if (!changed(d)) return `${out.join('\n')}✅ No change to coverage, shifts or anyone's hours.\n`;
  const newGaps = d.portals.flatMap((p) => p.newGaps);
  const resolved = d.portals.flatMap((p) => p.resolvedGaps);
  out.push(
    newGaps.length
      ? `❌ **${newGaps.length} new gap${newGaps.length === 1 ? '' : 's'}** against requirements.`
      : '✅ No new gaps against requirements.',
    '',
  );
  out.push(
    '| Portal | Online before | Online after | Change | With humans before | With humans after | Change |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const p of d.portals) {
    out.push(
      `| ${cell(p.id)} | ${hours(p.before.onlineMs)} | ${hours(p.after.onlineMs)} | ${delta(p.before.onlineMs, p.after.onlineMs)} | ${d.humansTracked.before ? hours(p.before.humanMs) : 'not tracked'} | ${d.humansTracked.after ? hours(p.after.humanMs) : 'not tracked'} | ${d.humansTracked.before && d.humansTracked.after ? delta(p.before.humanMs, p.after.humanMs) : ''} |`,
    );
  }
  if (newGaps.length || resolved.length) {
    out.push(
      '',
      '### Gaps against requirements',
      '',
      '| | Requirement | Portal | From | To | Why |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const g of newGaps)
      out.push(
        `| new | ${cell(g.requirement.id)} | ${cell(g.requirement.portal ?? '')} | ${localClock(g.start, zone)} | ${localClock(g.end, zone, g.start)} | ${cell(gapReasonText(g))} |`,
      );
    for (const g of resolved)
      out.push(
        `| closed | ${cell(g.requirement.id)} | ${cell(g.requirement.portal ?? '')} | ${localClock(g.start, zone)} | ${localClock(g.end, zone, g.start)} | |`,
      );
  }
  if (d.changedShifts.length) out.push('', `**Shifts changed:** ${d.changedShifts.map((s) => `${mdCode(s.id)} (${s.change})`).join(', ')}`);
  if (d.notify.length) {
    const affected = new Map(d.affectedUsers.map((u) => [u.id, u]));
    out.push('', '### People to tell', '', '| User | Hours before | Hours after | Change |', '| --- | ---: | ---: | ---: |');
    for (const { id, name } of d.notify) {
      const u = affected.get(id);
      const who = `${cell(id)}${name ? ` (${cell(name)})` : ''}`;
      if (!u) out.push(`| ${who} | | | on a changed shift; counted time unchanged |`);
      else
        out.push(
          `| ${who} | ${hours(u.beforeMs)} | ${hours(u.afterMs)} | ${u.beforeMs === u.afterMs ? 'same hours, other times' : delta(u.beforeMs, u.afterMs)} |`,
        );
    }
  }
  return `${out.join('\n')}\n`;
}
