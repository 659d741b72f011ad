/** `suggest`: staffing gaps and who could fill them, as JSON (exactly SPEC §5.7), text and markdown. */
import type { Model } from '../model/types.js';
import type { Candidate, NotCandidates } from '../report/candidates.js';
import type { StaffingGap, SuggestReport } from '../report/suggest.js';
import { formatInstant } from '../time/civil.js';
import { hoursText, list, localClock, localTime, plural, roundHours, TYPE_WORDS } from '../words.js';
import { mdCell, mdCode } from './escape.js';

/** A candidate as JSON (also in `report --format json`). */
export function candidateJson(c: Candidate): { user: string; hours: number } {
  return { user: c.user.id, hours: roundHours(c.ms) };
}

export function formatSuggestJson(report: SuggestReport): string {
  const out = {
    period: { from: formatInstant(report.period.from), to: formatInstant(report.period.to) },
    gaps: report.gaps.map((g) => ({
      kind: g.kind,
      portal: g.portal.id,
      shift: g.shift?.id ?? null,
      start: formatInstant(g.start),
      end: formatInstant(g.end),
      candidates: g.candidates.map(candidateJson),
    })),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

/** What the gap is, in words (`code` wraps ids for the medium). */
function what(g: StaffingGap, code: (id: string) => string): string {
  const shift = g.shift ? `shift ${code(g.shift.id)}` : 'no shift covers this time: a new shift is needed';
  switch (g.kind) {
    case 'unstaffed':
      return `${shift} is not staffed`;
    case 'placeholder-only':
      return `${shift} has only placeholders (nobody answers)`;
    case 'coverage-gap':
      return `requirement ${code(g.requirement ?? '')} is not met; ${shift}`;
    case 'holiday-uncovered':
      return `holiday ${g.holiday!.date} ${code(g.holiday!.name)} is not covered; ${shift}`;
  }
}

/** Why a candidate qualifies: the four conditions of SPEC §5.7, named for this gap. */
function why(g: StaffingGap, code: (id: string) => string): string {
  const type = g.portal.type ? TYPE_WORDS[g.portal.type].permission : '';
  return `assigned to ${code(g.portal.program ?? '')}, can receive ${type}, not away, free then`;
}

/** Why nobody qualifies, in numbers. */
function nobody(g: StaffingGap, code: (id: string) => string): string {
  const n: NotCandidates = g.not;
  const type = g.portal.type ? TYPE_WORDS[g.portal.type].permission : '';
  if (n.eligible === 0)
    return `nobody is both assigned to ${code(g.portal.program ?? '')} and able to receive ${type}: give someone both first`;
  const parts = [
    n.away ? `${n.away} away` : '',
    n.counting ? `${n.counting} already on this shift` : '',
    n.busy ? `${n.busy} on another shift then` : '',
  ].filter(Boolean);
  return `nobody is free: of the ${plural(n.eligible, 'user')} assigned to ${code(g.portal.program ?? '')} who can receive ${type}, ${list(parts)}`;
}

function header(report: SuggestReport, model: Model): { title: string; period: string } {
  const org = model.organization;
  return {
    title: org?.name ?? org?.id ?? '',
    period: `${localTime(report.period.from, report.zone)} to ${localTime(report.period.to, report.zone)}`,
  };
}

export function formatSuggestText(report: SuggestReport, model: Model): string {
  const zone = report.zone;
  const { title, period } = header(report, model);
  const code = (id: string) => id;
  const lines = [`Staffing gaps and who could fill them — ${title}`.replace(/ — $/, ''), `Period: ${period}`, ''];
  if (report.gaps.length === 0) lines.push('No staffing gaps in the period.');
  for (const g of report.gaps) {
    lines.push(`${g.portal.id}  ${localClock(g.start, zone)} to ${localClock(g.end, zone, g.start)}  ${g.kind}: ${what(g, code)}`);
    if (g.candidates.length === 0) lines.push(`  ${nobody(g, code)}`);
    else {
      lines.push(`  candidates, fewest hours first (${why(g, code)}):`);
      const width = Math.max(...g.candidates.map((c) => c.user.id.length));
      for (const c of g.candidates)
        lines.push(`    ${c.user.id.padEnd(width)}  ${hoursText(c.ms).padStart(10)}${c.user.name ? `  ${c.user.name}` : ''}`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export function formatSuggestMarkdown(report: SuggestReport, model: Model): string {
  const zone = report.zone;
  const { title, period } = header(report, model);
  const out = [`## Shifts that need people${title ? ` — ${mdCell(title)}` : ''}`, '', period, ''];
  if (report.gaps.length === 0) out.push('✅ No staffing gaps in the period.');
  for (const g of report.gaps) {
    out.push(
      `### ${mdCell(g.portal.id)}: ${localClock(g.start, zone)} to ${localClock(g.end, zone, g.start)}`,
      '',
      `${g.kind}: ${what(g, mdCode)}.`,
      '',
    );
    if (g.candidates.length === 0) out.push(`${nobody(g, mdCode)}.`);
    else {
      out.push(`Who could take it, fewest hours first (${why(g, mdCode)}):`, '');
      for (const c of g.candidates)
        out.push(`- ${mdCode(c.user.id)}${c.user.name ? ` (${mdCell(c.user.name)})` : ''} — ${hoursText(c.ms)} in the period`);
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
