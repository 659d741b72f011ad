/** `holidays --year Y`: holiday coverage as JSON (exactly SPEC §5.5), text and markdown. */
import type { Model } from '../model/types.js';
import type { HolidayEntry } from '../report/holidays.js';
import { cell } from './findings-markdown.js';
import { roundHours } from './report.js';

export function holidaysJson(year: number, entries: readonly HolidayEntry[]): Record<string, unknown> {
  return {
    year,
    holidays: entries.map(({ holiday, portals }) => ({
      date: holiday.date,
      name: holiday.name,
      source: holiday.source,
      portals: portals.map((p) => ({
        id: p.portal.id,
        expect: p.expect,
        onlineHours: roundHours(p.onlineMs),
        humanHours: roundHours(p.humanMs),
        placeholderOnlyHours: roundHours(p.placeholderOnlyMs),
        verdict: p.verdict,
      })),
    })),
  };
}

export function formatHolidaysJson(year: number, entries: readonly HolidayEntry[]): string {
  return `${JSON.stringify(holidaysJson(year, entries), null, 2)}\n`;
}

const VERDICT_TEXT = { ok: 'ok', open: 'OPEN on a closed day', uncovered: 'NOT COVERED' } as const;

function h(ms: number): string {
  return `${roundHours(ms).toFixed(2)} h`;
}

function counts(entries: readonly HolidayEntry[]): { open: number; uncovered: number } {
  const all = entries.flatMap((e) => e.portals);
  return { open: all.filter((p) => p.verdict === 'open').length, uncovered: all.filter((p) => p.verdict === 'uncovered').length };
}

export function formatHolidaysText(year: number, entries: readonly HolidayEntry[], model: Model): string {
  const org = model.organization;
  const lines = [`Holidays ${year} — ${org?.name ?? org?.id ?? ''}`.trimEnd()];
  if (entries.length === 0) {
    lines.push('', model.holidays ? 'No holidays fall in this year.' : 'No holidays are configured: add a `holidays` section (calendars and/or dates).');
    return `${lines.join('\n')}\n`;
  }
  const width = Math.max(...entries.flatMap((e) => e.portals.map((p) => p.portal.id.length)), 6);
  for (const { holiday, portals } of entries) {
    lines.push('', `${holiday.date}  ${holiday.name} (${holiday.source})`);
    for (const p of portals) {
      const placeholder = p.placeholderOnlyMs > 0 ? `, placeholders only ${h(p.placeholderOnlyMs)}` : '';
      lines.push(`  ${p.portal.id.padEnd(width)}  expect ${p.expect.padEnd(7)}  online ${h(p.onlineMs).padStart(8)} (humans ${h(p.humanMs)}${placeholder})  ${VERDICT_TEXT[p.verdict]}`);
    }
  }
  const { open, uncovered } = counts(entries);
  lines.push('', `${entries.length} holiday${entries.length === 1 ? '' : 's'}: ${open} open on a closed day, ${uncovered} not covered.`);
  return `${lines.join('\n')}\n`;
}

export function formatHolidaysMarkdown(year: number, entries: readonly HolidayEntry[], model: Model): string {
  const org = model.organization;
  const out = [`## Holidays ${year}${org?.name ? ` — ${cell(org.name)}` : ''}`, ''];
  if (entries.length === 0) return `${out.join('\n')}No holidays in this year.\n`;
  const { open, uncovered } = counts(entries);
  out.push(`${open || uncovered ? '❌' : '✅'} ${entries.length} holidays: ${open} open on a closed day, ${uncovered} not covered.`, '');
  out.push('| Date | Holiday | Source | Portal | Expect | Online | Humans | Placeholders only | Verdict |', '| --- | --- | --- | --- | --- | ---: | ---: | ---: | --- |');
  for (const { holiday, portals } of entries) {
    for (const p of portals) {
      const verdict = p.verdict === 'ok' ? 'ok' : p.verdict === 'open' ? '❌ open' : '❌ uncovered';
      out.push(`| ${holiday.date} | ${cell(holiday.name)} | ${cell(holiday.source)} | ${cell(p.portal.id)} | ${p.expect} | ${h(p.onlineMs)} | ${h(p.humanMs)} | ${p.placeholderOnlyMs > 0 ? '⚠️ ' : ''}${h(p.placeholderOnlyMs)} | ${verdict} |`);
    }
  }
  return `${out.join('\n')}\n`;
}
