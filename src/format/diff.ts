/** `diff --base REF`: JSON (exactly SPEC §5.6), text, and markdown for a pull-request comment. */
import type { DiffReport } from '../report/diff.js';
import { localClock, localTime } from '../time/local.js';
import { cell } from './findings-markdown.js';
import { gapJson, roundHours } from './report.js';

export function diffJson(d: DiffReport): Record<string, unknown> {
  return {
    base: d.base,
    portals: d.portals.map((p) => ({
      id: p.id,
      before: { onlineHours: roundHours(p.before.onlineMs), humanHours: roundHours(p.before.humanMs) },
      after: { onlineHours: roundHours(p.after.onlineMs), humanHours: roundHours(p.after.humanMs) },
      newGaps: p.newGaps.map(gapJson),
    })),
    changedShifts: d.changedShifts.map((s) => s.id),
    affectedUsers: d.affectedUsers.map((u) => u.id),
  };
}

export function formatDiffJson(d: DiffReport): string {
  return `${JSON.stringify(diffJson(d), null, 2)}\n`;
}

function hours(ms: number): string {
  return `${roundHours(ms).toFixed(2)} h`;
}

function delta(before: number, after: number): string {
  const d = roundHours(after) - roundHours(before);
  if (Math.abs(d) < 0.005) return '±0';
  return `${d > 0 ? '+' : '−'}${Math.abs(d).toFixed(2)} h`;
}

const REASON = { 'no-shift': 'no shift', unstaffed: 'unstaffed', override: 'switched off', 'too-few-humans': 'too few humans' } as const;

function changed(d: DiffReport): boolean {
  return d.changedShifts.length > 0 || d.affectedUsers.length > 0 || d.portals.some((p) => p.newGaps.length || p.resolvedGaps.length || p.before.onlineMs !== p.after.onlineMs || p.before.humanMs !== p.after.humanMs);
}

export function formatDiffText(d: DiffReport, zone: string): string {
  const lines = [`Coverage change against ${d.base}, ${localTime(d.period.from, zone)} to ${localTime(d.period.to, zone)}`];
  if (!changed(d)) return `${lines.join('\n')}\nNo change to coverage, shifts or anyone's hours.\n`;
  lines.push('');
  for (const p of d.portals) {
    lines.push(`${p.id}: online ${hours(p.before.onlineMs)} → ${hours(p.after.onlineMs)} (${delta(p.before.onlineMs, p.after.onlineMs)}), with humans ${hours(p.before.humanMs)} → ${hours(p.after.humanMs)} (${delta(p.before.humanMs, p.after.humanMs)})`);
    for (const g of p.newGaps) lines.push(`  new gap: ${g.requirement.id} ${localClock(g.start, zone)} to ${localClock(g.end, zone, g.start)} (${REASON[g.reason]})`);
    for (const g of p.resolvedGaps) lines.push(`  gap closed: ${g.requirement.id} ${localClock(g.start, zone)} to ${localClock(g.end, zone, g.start)}`);
  }
  if (d.changedShifts.length) lines.push('', `Shifts changed: ${d.changedShifts.map((s) => `${s.id} (${s.change})`).join(', ')}`);
  if (d.affectedUsers.length) {
    lines.push('', 'People whose counted shift time changes (tell them):');
    for (const u of d.affectedUsers) lines.push(`  ${u.id}: ${hours(u.beforeMs)} → ${hours(u.afterMs)} (${delta(u.beforeMs, u.afterMs)})`);
  }
  const newGaps = d.portals.reduce((n, p) => n + p.newGaps.length, 0);
  lines.push('', newGaps ? `⚠ ${newGaps} new gap${newGaps === 1 ? '' : 's'} against requirements.` : 'No new gaps against requirements.');
  return `${lines.join('\n')}\n`;
}

export function formatDiffMarkdown(d: DiffReport, zone: string): string {
  const out = ['## shiftready: coverage change', '', `Compared with \`${d.base}\`, ${localTime(d.period.from, zone)} to ${localTime(d.period.to, zone)}.`, ''];
  if (!changed(d)) return `${out.join('\n')}✅ No change to coverage, shifts or anyone's hours.\n`;
  const newGaps = d.portals.flatMap((p) => p.newGaps);
  const resolved = d.portals.flatMap((p) => p.resolvedGaps);
  out.push(newGaps.length ? `❌ **${newGaps.length} new gap${newGaps.length === 1 ? '' : 's'}** against requirements.` : '✅ No new gaps against requirements.', '');
  out.push('| Portal | Online before | Online after | Change | With humans before | With humans after | Change |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const p of d.portals) {
    out.push(`| ${cell(p.id)} | ${hours(p.before.onlineMs)} | ${hours(p.after.onlineMs)} | ${delta(p.before.onlineMs, p.after.onlineMs)} | ${hours(p.before.humanMs)} | ${hours(p.after.humanMs)} | ${delta(p.before.humanMs, p.after.humanMs)} |`);
  }
  if (newGaps.length || resolved.length) {
    out.push('', '### Gaps against requirements', '', '| | Requirement | Portal | From | To | Why |', '| --- | --- | --- | --- | --- | --- |');
    for (const g of newGaps) out.push(`| new | ${cell(g.requirement.id)} | ${cell(g.requirement.portal ?? '')} | ${localClock(g.start, zone)} | ${localClock(g.end, zone, g.start)} | ${REASON[g.reason]} |`);
    for (const g of resolved) out.push(`| closed | ${cell(g.requirement.id)} | ${cell(g.requirement.portal ?? '')} | ${localClock(g.start, zone)} | ${localClock(g.end, zone, g.start)} | |`);
  }
  if (d.changedShifts.length) out.push('', `**Shifts changed:** ${d.changedShifts.map((s) => `\`${s.id}\` (${s.change})`).join(', ')}`);
  if (d.affectedUsers.length) {
    out.push('', '### People to tell', '', '| User | Hours before | Hours after | Change |', '| --- | ---: | ---: | ---: |');
    for (const u of d.affectedUsers) out.push(`| ${cell(u.id)} | ${hours(u.beforeMs)} | ${hours(u.afterMs)} | ${delta(u.beforeMs, u.afterMs)} |`);
  }
  return `${out.join('\n')}\n`;
}
