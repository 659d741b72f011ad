import type { HolidayDay } from '../../holidays/index.js';
import type { PortalReport } from '../../report/coverage.js';
import { formatDate, MS_PER_DAY, weekdayOf } from '../../time/civil.js';
import { zoneTable } from '../../time/zone.js';
import type { PortalInterval } from '../../timeline/types.js';
import { DAYS, hoursText, trackedHoursText } from '../report.js';
import { clockText, rowPieces, type Piece } from './day-rows.js';
import { fillOf } from './fills.js';
import { esc } from './html.js';
import type { HtmlReportInput } from './index.js';
import { describeInterval, kindOf } from './intervals.js';

const DAY_WIDTH = 720; // 30 px per hour
const LABEL_WIDTH = 132;
const ROW_HEIGHT = 16;
const TOP = 22;

function xOf(wall: number): number {
  return LABEL_WIDTH + Math.min(Math.max(wall / MS_PER_DAY, 0), 1) * DAY_WIDTH;
}

export function portalTimeline(p: PortalReport, intervals: readonly PortalInterval[], input: HtmlReportInput): string {
  const { report, model } = input;
  const zone = report.zone;
  const table = zoneTable(zone);
  const firstDay = table.instantToWall(report.period.from).day;
  const lastDay = table.instantToWall(report.period.to - 1).day;
  const holidayByDay = new Map<number, HolidayDay>(report.holidays.map((h) => [h.day, h]));
  const rows = lastDay - firstDay + 1;
  const width = LABEL_WIDTH + DAY_WIDTH + 8;
  const height = TOP + rows * ROW_HEIGHT + 4;
  const parts: string[] = [];
  // Hour ticks.
  for (let h = 0; h <= 24; h += 3) {
    const x = LABEL_WIDTH + (h / 24) * DAY_WIDTH;
    parts.push(`<line x1="${x}" y1="${TOP - 4}" x2="${x}" y2="${height - 4}" stroke="#bbb" stroke-width="0.5"/><text x="${x}" y="${TOP - 8}" text-anchor="middle">${String(h).padStart(2, '0')}</text>`);
  }
  // Day labels, holidays and clock changes marked.
  const rowPiecesOf: Piece[][] = [];
  for (let r = 0; r < rows; r++) {
    const day = firstDay + r;
    const { pieces, skipped } = rowPieces(table, day, table.wallToInstant(day, 0), table.wallToInstant(day + 1, 0));
    rowPiecesOf.push(pieces);
    const y = TOP + r * ROW_HEIGHT;
    const holiday = holidayByDay.get(day);
    const notes: string[] = [];
    if (holiday) {
      notes.push(`Holiday: ${holiday.name} (${holiday.source})`);
      parts.push(`<rect x="0" y="${y}" width="${LABEL_WIDTH - 4}" height="${ROW_HEIGHT - 1}" fill="var(--holiday)"/>`);
    }
    for (const gap of skipped) {
      const text = `Clocks go forward: ${clockText(gap.from)} to ${clockText(gap.to)} does not happen on this day`;
      notes.push(text);
      parts.push(`<rect class="clock-gap" x="${xOf(gap.from).toFixed(2)}" y="${y}" width="${(xOf(gap.to) - xOf(gap.from)).toFixed(2)}" height="${ROW_HEIGHT - 2}" fill="url(#p-clock-gap)"><title>${esc(text)}</title></rect>`);
    }
    const clockChange = skipped.length > 0 || pieces.some((x) => x.band !== 'full');
    if (pieces.some((x) => x.band !== 'full')) notes.push('Clocks go back: the repeated hour is drawn twice, the first time in the upper half of the row and the second in the lower half');
    const title = notes.length ? `<title>${esc(notes.join('. '))}</title>` : '';
    parts.push(`<g>${title}<text x="4" y="${y + 12}"${holiday ? ' class="holiday-label"' : ''}>${holiday ? '★ ' : ''}${DAYS[weekdayOf(day)]} ${formatDate(day)}${clockChange ? ' ±' : ''}</text></g>`);
  }
  // Intervals: one group each, cut at local midnights and clock changes.
  intervals.forEach((i, index) => {
    const kind = kindOf(i);
    const d = describeInterval(i, model, zone);
    const rects: string[] = [];
    for (let r = 0; r < rows; r++) {
      for (const piece of rowPiecesOf[r]!) {
        const s = Math.max(i.start, piece.from);
        const e = Math.min(i.end, piece.to);
        if (e <= s) continue;
        const x = xOf(piece.wallFrom + (s - piece.from));
        const w = Math.max(0.75, xOf(piece.wallFrom + (e - piece.from)) - x);
        const full = ROW_HEIGHT - 2;
        const [dy, h] = piece.band === 'full' ? [0, full] : piece.band === 'upper' ? [0, full / 2] : [full / 2, full / 2];
        rects.push(`<rect x="${x.toFixed(2)}" y="${TOP + r * ROW_HEIGHT + dy}" width="${w.toFixed(2)}" height="${h}" fill="${fillOf(kind)}"/>`);
      }
    }
    const data = [
      `data-kind="${kind}"`,
      `data-when="${esc(d.when)}"`,
      `data-what="${esc(d.what)}"`,
      `data-more="${esc(d.more.join('\n'))}"`,
      `data-start="${new Date(i.start).toISOString().replace('.000', '')}"`,
      `data-end="${new Date(i.end).toISOString().replace('.000', '')}"`,
    ].join(' ');
    parts.push(`<g class="interval" tabindex="${index === 0 ? 0 : -1}" role="listitem" aria-label="${esc(`${d.what}, ${d.when}`)}" ${data}><title>${esc([d.what, d.when, ...d.more].join('\n'))}</title>${rects.join('')}</g>`);
  });
  const summary = `${p.portal.name ?? p.portal.id}: online ${hoursText(p.onlineMs)} of the period (${(p.coverage * 100).toFixed(1)}%), ${trackedHoursText(p.humanMs, input.report.humansTracked)} with humans, ${trackedHoursText(p.placeholderOnlyMs, input.report.humansTracked)} with placeholders only; ${intervals.length} intervals over ${rows} days`;
  const rowsHtml = intervals
    .map((i) => {
      const d = describeInterval(i, model, zone);
      return `<tr><td>${esc(d.when)}</td><td>${esc(d.what)}</td><td>${esc(d.more.join('; '))}</td></tr>`;
    })
    .join('');
  return `<figure class="portal" data-portal="${esc(p.portal.id)}" data-intervals="${intervals.length}">
<figcaption id="cap-${esc(p.portal.id)}"><h3>${esc(p.portal.name ?? p.portal.id)} <span class="meta">(${esc(p.portal.id)}, ${p.portal.type === 'sms' ? 'SMS/Text' : 'Live Chat'})</span></h3></figcaption>
<svg class="timeline" role="group" aria-labelledby="cap-${esc(p.portal.id)} desc-${esc(p.portal.id)}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<desc id="desc-${esc(p.portal.id)}">${esc(summary)}. Use Tab to reach the chart and the arrow keys to move between intervals.</desc>
<g role="list" aria-label="${esc(`Intervals of ${p.portal.id}`)}">${parts.join('')}</g></svg>
<details><summary>The ${intervals.length} intervals as a table</summary>
<table><thead><tr><th>When (local)</th><th>State</th><th>Details</th></tr></thead><tbody>${rowsHtml}</tbody></table></details>
</figure>`;
}
