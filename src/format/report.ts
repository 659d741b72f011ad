/** `report`: the coverage report as JSON (exactly SPEC §5.4), text and markdown. */
import type { Model } from '../model/types.js';
import type { Candidate } from '../report/candidates.js';
import type { CoverageReport, Gap, ReportGap } from '../report/coverage.js';
import { candidateJson } from './suggest.js';
import { formatInstant } from '../time/civil.js';

import { mdCell as cell } from './escape.js';
import { gapReasonText, hoursText, localClock, localTime, roundHours, trackedHours, trackedHoursText } from '../words.js';

export function gapJson(g: Gap | ReportGap): Record<string, unknown> {
  const out: Record<string, unknown> = {
    requirement: g.requirement.id,
    start: formatInstant(g.start),
    end: formatInstant(g.end),
    reason: g.reason,
  };
  // Who could fill it, best first (SPEC §5.7), where the report computed it.
  if ('candidates' in g) out.candidates = g.candidates.map(candidateJson);
  return out;
}

/** "luis (40.00 h), dana (56.00 h)", or a word for none. */
export function candidatesText(candidates: readonly Candidate[], reason: Gap['reason']): string {
  if (reason === 'override') return 'none: the portal is switched off';
  return candidates.length ? candidates.map((c) => `${c.user.id} (${hoursText(c.ms)})`).join(', ') : 'nobody is free';
}

export function reportJson(report: CoverageReport): Record<string, unknown> {
  const tracked = report.humansTracked;
  return {
    period: { from: formatInstant(report.period.from), to: formatInstant(report.period.to) },
    portals: report.portals.map((p) => ({
      id: p.portal.id,
      onlineHours: roundHours(p.onlineMs),
      humanHours: trackedHours(p.humanMs, tracked),
      placeholderOnlyHours: trackedHours(p.placeholderOnlyMs, tracked),
      alertHours: roundHours(p.alertMs),
      coverage: Math.round(p.coverage * 1000) / 1000,
      gaps: p.gaps.map(gapJson),
    })),
    users: report.users.map(({ user, ms }) => ({ id: user.id, hours: roundHours(ms) })),
  };
}

export function formatReportJson(report: CoverageReport): string {
  return `${JSON.stringify(reportJson(report), null, 2)}\n`;
}

/** Who carries far more or far less than the average (real users with any counted time). */
export interface LoadOutliers {
  average: number;
  more: { id: string; ms: number }[];
  less: { id: string; ms: number }[];
}

/** Far more: over 1.5 times the average; far less: under half of it (zero included). */
export function loadOutliers(report: CoverageReport, model: Model): LoadOutliers {
  const onShifts = new Set(model.shifts.flatMap((s) => s.staff));
  const humans = report.users.filter(({ user }) => !user.placeholder && onShifts.has(user.id));
  const counted = humans.filter((u) => u.ms > 0);
  const average = counted.length ? counted.reduce((sum, u) => sum + u.ms, 0) / counted.length : 0;
  return {
    average,
    more: humans.filter((u) => average > 0 && u.ms > 1.5 * average).map(({ user, ms }) => ({ id: user.id, ms })),
    less: humans.filter((u) => average > 0 && u.ms < 0.5 * average).map(({ user, ms }) => ({ id: user.id, ms })),
  };
}

/** What the load table says beside a user: a placeholder, far more or far less than average, or nothing. */
export function loadNote(
  user: { id: string; placeholder?: boolean },
  outliers: LoadOutliers,
): '' | 'placeholder' | '▲ far more than average' | '▼ far less than average' {
  if (user.placeholder) return 'placeholder';
  if (outliers.more.some((o) => o.id === user.id)) return '▲ far more than average';
  if (outliers.less.some((o) => o.id === user.id)) return '▼ far less than average';
  return '';
}

/** Weekday names, Monday first (the order of `weekShape`). */
export const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/** Shade for a share of time online: blank, ░ ▒ ▓ (under a quarter, half, three quarters), █ full. */
function shade(share: number): string {
  if (share <= 0) return '·';
  if (share >= 0.995) return '█';
  if (share < 0.25) return '░';
  if (share < 0.75) return '▒';
  return '▓';
}

function pct(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

export function formatReportText(report: CoverageReport, model: Model): string {
  const zone = report.zone;
  const lines: string[] = [];
  const org = model.organization;
  const days = (report.period.to - report.period.from) / 86_400_000;
  lines.push(`Coverage report — ${org?.name ?? org?.id ?? ''}`.trimEnd());
  lines.push(
    `Period: ${localTime(report.period.from, zone)} to ${localTime(report.period.to, zone)} (${Number(days.toFixed(2))} days)`,
    '',
  );
  const width = Math.max(6, ...report.portals.map((p) => p.portal.id.length));
  lines.push(
    `${'portal'.padEnd(width)}  ${'online'.padStart(10)}  ${'with humans'.padStart(11)}  ${'placeholders only'.padStart(17)}  ${'alerted'.padStart(10)}  ${'coverage'.padStart(8)}`,
  );
  for (const p of report.portals) {
    const tracked = report.humansTracked;
    lines.push(
      `${p.portal.id.padEnd(width)}  ${hoursText(p.onlineMs).padStart(10)}  ${trackedHoursText(p.humanMs, tracked).padStart(11)}  ${trackedHoursText(p.placeholderOnlyMs, tracked).padStart(17)}  ${hoursText(p.alertMs).padStart(10)}  ${pct(p.coverage).padStart(8)}`,
    );
  }
  const gaps = report.portals.flatMap((p) => p.gaps);
  lines.push('', 'Gaps against requirements:');
  if (gaps.length === 0) lines.push('  none: every requirement is met in the period');
  const byRequirement = new Map<string, ReportGap[]>();
  for (const g of gaps) byRequirement.set(g.requirement.id, [...(byRequirement.get(g.requirement.id) ?? []), g]);
  for (const [id, list] of byRequirement) {
    const missing = list.reduce((sum, g) => sum + g.end - g.start, 0);
    lines.push(`  ${id} (portal ${list[0]!.requirement.portal}): ${hoursText(missing)} missing`);
    for (const g of list) {
      lines.push(`    ${localClock(g.start, zone)} to ${localClock(g.end, zone, g.start)}  ${gapReasonText(g)}`);
      lines.push(`      candidates: ${candidatesText(g.candidates, g.reason)}`);
    }
  }
  if (report.holidays.length) {
    lines.push('', `Holidays in the period: ${report.holidays.map((h) => `${h.date} ${h.name}`).join('; ')}`);
  }
  lines.push('', `Week's shape (share of each local hour online: · none ░ <25% ▒ <75% ▓ <100% █ all):`);
  // Rows are `<portal>  <day>  <grid>`: the grid starts after width + 2 + 3 + 2 characters.
  lines.push(`${' '.repeat(width + 7)}${Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')[0]).join('')}`);
  lines.push(`${' '.repeat(width + 7)}${Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')[1]).join('')}`);
  for (const p of report.portals) {
    p.weekShape.forEach((row, d) => lines.push(`${(d === 0 ? p.portal.id : '').padEnd(width)}  ${DAYS[d]}  ${row.map(shade).join('')}`));
  }
  const outliers = loadOutliers(report, model);
  lines.push('', 'Load per user (time counting on staffed shifts):');
  const uw = Math.max(4, ...report.users.map((u) => u.user.id.length));
  const nw = Math.max(0, ...report.users.map((u) => (u.user.name ?? '').length));
  for (const { user, ms } of report.users) {
    const word = loadNote(user, outliers);
    const note = word === 'placeholder' ? '  (placeholder)' : word && `  ${word}`;
    lines.push(`  ${user.id.padEnd(uw)}  ${nw ? `${(user.name ?? '').padEnd(nw)}  ` : ''}${hoursText(ms).padStart(10)}${note}`);
  }
  lines.push(`  average of the people with counted time: ${hoursText(outliers.average)}; "far" means over 1.5× or under half of it`);
  return `${lines.join('\n')}\n`;
}

export function formatReportMarkdown(report: CoverageReport, model: Model): string {
  const zone = report.zone;
  const org = model.organization;
  const out: string[] = [];
  out.push(`## Coverage report${org?.name ? ` — ${cell(org.name)}` : ''}`, '');
  out.push(`${localTime(report.period.from, zone)} to ${localTime(report.period.to, zone)}`, '');
  out.push('| Portal | Online | With humans | Placeholders only | Alerted | Coverage |', '| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const p of report.portals) {
    const tracked = report.humansTracked;
    out.push(
      `| ${cell(p.portal.id)} | ${hoursText(p.onlineMs)} | ${trackedHoursText(p.humanMs, tracked)} | ${tracked && p.placeholderOnlyMs > 0 ? '⚠️ ' : ''}${trackedHoursText(p.placeholderOnlyMs, tracked)} | ${hoursText(p.alertMs)} | ${pct(p.coverage)} |`,
    );
  }
  const gaps = report.portals.flatMap((p) => p.gaps);
  out.push('', '### Gaps against requirements', '');
  if (gaps.length === 0) out.push('✅ Every requirement is met in the period.');
  else {
    out.push('| Requirement | Portal | From | To | Why | Candidates |', '| --- | --- | --- | --- | --- | --- |');
    for (const g of gaps)
      out.push(
        `| ${cell(g.requirement.id)} | ${cell(g.requirement.portal ?? '')} | ${localClock(g.start, zone)} | ${localClock(g.end, zone, g.start)} | ${cell(gapReasonText(g))} | ${cell(candidatesText(g.candidates, g.reason))} |`,
      );
  }
  out.push('', "### Week's shape", '', 'Share of each local hour that the portal is online.', '');
  for (const p of report.portals) {
    out.push(
      `**${cell(p.portal.id)}**`,
      '',
      `| | ${Array.from({ length: 24 }, (_, h) => String(h).padStart(2, '0')).join(' | ')} |`,
      `| --- |${' :-: |'.repeat(24)}`,
    );
    p.weekShape.forEach((row, d) => out.push(`| ${DAYS[d]} | ${row.map(shade).join(' | ')} |`));
    out.push('');
  }
  const outliers = loadOutliers(report, model);
  const named = report.users.some(({ user }) => user.name);
  out.push('### Load per user', '', `| User |${named ? ' Name |' : ''} Hours | |`, `| --- |${named ? ' --- |' : ''} ---: | --- |`);
  for (const { user, ms } of report.users) {
    const note = loadNote(user, outliers);
    out.push(`| ${cell(user.id)} |${named ? ` ${cell(user.name ?? '')} |` : ''} ${hoursText(ms)} | ${note} |`);
  }
  out.push('', `Average of the people with counted time: ${hoursText(outliers.average)} ("far": over 1.5× or under half).`);
  return `${out.join('\n')}\n`;
}
