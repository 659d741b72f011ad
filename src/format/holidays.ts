/** `holidays --year Y`: holiday coverage as JSON (exactly SPEC §5.5), text and markdown. */
import { humansTracked, type Model } from '../model/types.js';
import type { HolidayPortal } from '../report/holidays.js';
import type { HolidayEntry } from '../report/holidays.js';

import { mdCell as cell } from './escape.js';

import { hoursText as h, plural, roundHours, trackedHours, trackedHoursText } from '../words.js';

/** `humansTracked`: false under `staffing: placeholder`, where human hours are `null` (SPEC §3.2). */
export function holidaysJson(year: number, entries: readonly HolidayEntry[], humansTracked = true): Record<string, unknown> {
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
        humanHours: trackedHours(p.humanMs, humansTracked),
        placeholderOnlyHours: trackedHours(p.placeholderOnlyMs, humansTracked),
        verdict: p.verdict,
      })),
    })),
  };
}

export function formatHolidaysJson(year: number, entries: readonly HolidayEntry[], humansTracked = true): string {
  return `${JSON.stringify(holidaysJson(year, entries, humansTracked), null, 2)}\n`;
}

const VERDICT_TEXT = { ok: 'ok', open: 'OPEN on a closed day', uncovered: 'NOT COVERED' } as const;

/** A portal's holiday in words: a closed portal that stays closed is just that (no "0.00 h"). */
function portalDayText(p: HolidayPortal, tracked: boolean): string {
  if (p.onlineMs === 0) return `closed all day  ${VERDICT_TEXT[p.verdict]}`;
  const humans = tracked
    ? `humans ${h(p.humanMs)}${p.placeholderOnlyMs > 0 ? `, placeholders only ${h(p.placeholderOnlyMs)}` : ''}`
    : 'humans not tracked';
  return `online ${h(p.onlineMs).padStart(8)} (${humans})  ${VERDICT_TEXT[p.verdict]}`;
}

/** "3 holidays; per portal and day: 2 open on a closed day, 0 not covered." */
function summary(holidays: number, open: number, uncovered: number): string {
  return `${plural(holidays, 'holiday')}; per portal and day: ${open} open on a closed day, ${uncovered} not covered.`;
}

function counts(entries: readonly HolidayEntry[]): { open: number; uncovered: number } {
  const all = entries.flatMap((e) => e.portals);
  return { open: all.filter((p) => p.verdict === 'open').length, uncovered: all.filter((p) => p.verdict === 'uncovered').length };
}

export function formatHolidaysText(year: number, entries: readonly HolidayEntry[], model: Model): string {
  const org = model.organization;
  const lines = [`Holidays ${year} — ${org?.name ?? org?.id ?? ''}`.trimEnd()];
  if (entries.length === 0) {
    lines.push(
      '',
      model.holidays ? 'No holidays fall in this year.' : 'No holidays are configured: add a `holidays` section (calendars and/or dates).',
    );
    return `${lines.join('\n')}\n`;
  }
  const tracked = humansTracked(model);
  const width = Math.max(...entries.flatMap((e) => e.portals.map((p) => p.portal.id.length)), 6);
  for (const { holiday, portals } of entries) {
    lines.push('', `${holiday.date}  ${holiday.name} (${holiday.source})`);
    for (const p of portals) lines.push(`  ${p.portal.id.padEnd(width)}  expect ${p.expect.padEnd(7)}  ${portalDayText(p, tracked)}`);
  }
  const { open, uncovered } = counts(entries);
  lines.push('', summary(entries.length, open, uncovered));
  return `${lines.join('\n')}\n`;
}

export function formatHolidaysMarkdown(year: number, entries: readonly HolidayEntry[], model: Model): string {
  const org = model.organization;
  const out = [`## Holidays ${year}${org?.name ? ` — ${cell(org.name)}` : ''}`, ''];
  if (entries.length === 0) return `${out.join('\n')}No holidays in this year.\n`;
  const { open, uncovered } = counts(entries);
  out.push(`${open || uncovered ? '❌' : '✅'} ${summary(entries.length, open, uncovered)}`, '');
  out.push(
    '| Date | Holiday | Source | Portal | Expect | Online | Humans | Placeholders only | Verdict |',
    '| --- | --- | --- | --- | --- | ---: | ---: | ---: | --- |',
  );
  const tracked = humansTracked(model);
  for (const { holiday, portals } of entries) {
    for (const p of portals) {
      const verdict = p.verdict === 'ok' ? 'ok' : p.verdict === 'open' ? '❌ open' : '❌ uncovered';
      out.push(
        `| ${holiday.date} | ${cell(holiday.name)} | ${cell(holiday.source)} | ${cell(p.portal.id)} | ${p.expect} | ${h(p.onlineMs)} | ${trackedHoursText(p.humanMs, tracked)} | ${tracked && p.placeholderOnlyMs > 0 ? '⚠️ ' : ''}${trackedHoursText(p.placeholderOnlyMs, tracked)} | ${verdict} |`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
