/**
 * Each portal's timeline as an SVG chart: one row per local day, 00:00 to 24:00 at 30 px an
 * hour, so a time sits under the same tick on every day; one group per interval, cut at local
 * midnights and clock changes, which the keyboard and the details panel (page.js) move through;
 * holidays and clock changes marked on the day; and the same intervals as a table beneath.
 */
import type { HolidayDay } from '../../holidays/index.js';
import type { Model } from '../../model/types.js';
import type { CoverageReport, PortalReport } from '../../report/coverage.js';
import { formatDate, MS_PER_DAY, weekdayOf } from '../../time/civil.js';
import { zoneTable } from '../../time/zone.js';
import type { PortalInterval } from '../../timeline/types.js';
import { clock, hoursText, trackedHoursText, TYPE_WORDS } from '../../words.js';
import { DAYS } from '../report.js';
import { rowPieces, type Piece } from './day-rows.js';
import { fillOf, legend } from './fills.js';
import { html, lines, type Html } from './html.js';
import { describeInterval, kindOf, type IntervalWords } from './intervals.js';

/** The day rows' geometry, which page.js reads from the page's data for the rows it draws. */
export const DAY_WIDTH = 720; // 30 px per hour
export const LABEL_WIDTH = 132;
export const ROW_HEIGHT = 16;
export const TOP = 22;

export interface PortalIntervals {
  portalId: string;
  intervals: readonly PortalInterval[];
}

/** The timelines section: the legend, then one chart per portal of the report. */
export function timelinesSection(report: CoverageReport, model: Model, intervals: readonly PortalIntervals[]): Html {
  const charts = report.portals.map((p) =>
    portalTimeline(p, intervals.find((x) => x.portalId === p.portal.id)?.intervals ?? [], report, model),
  );
  return lines([
    html`<section id="timelines"><h2>Timelines</h2><p>Each row is a local day, 00:00 to 24:00. Hover over an interval, or reach the chart with Tab and move with the arrow keys, to see its times, shifts and staff.</p>`,
    legend(),
    ...charts,
    html`</section>`,
  ]);
}

function portalTimeline(p: PortalReport, intervals: readonly PortalInterval[], report: CoverageReport, model: Model): Html {
  const zone = report.zone;
  const table = zoneTable(zone);
  const firstDay = table.instantToWall(report.period.from).day;
  const lastDay = table.instantToWall(report.period.to - 1).day;
  const holidayByDay = new Map<number, HolidayDay>(report.holidays.map((h) => [h.day, h]));
  const rows = lastDay - firstDay + 1;
  const width = LABEL_WIDTH + DAY_WIDTH + 8;
  const height = TOP + rows * ROW_HEIGHT + 4;
  const parts: Html[] = hourTicks(height);
  const rowPiecesOf: Piece[][] = [];
  for (let r = 0; r < rows; r++) {
    const day = firstDay + r;
    const { pieces, skipped } = rowPieces(table, day, table.wallToInstant(day, 0), table.wallToInstant(day + 1, 0));
    rowPiecesOf.push(pieces);
    parts.push(...dayLabel(dayMarks(day, holidayByDay.get(day), pieces, skipped), TOP + r * ROW_HEIGHT));
  }
  const words = intervals.map((i) => describeInterval(i, model, zone));
  intervals.forEach((i, index) => parts.push(intervalGroup(i, index, words[index]!, rowPiecesOf)));

  const id = p.portal.id;
  const summary = `${p.portal.name ?? id}: online ${hoursText(p.onlineMs)} of the period (${(p.coverage * 100).toFixed(1)}%), ${trackedHoursText(p.humanMs, report.humansTracked)} with humans, ${trackedHoursText(p.placeholderOnlyMs, report.humansTracked)} with placeholders only; ${intervals.length} intervals over ${rows} days`;
  const tableRows = words.map((d) => html`<tr><td>${d.when}</td><td>${d.what}</td><td>${d.more.join('; ')}</td></tr>`);
  return html`<figure class="portal" data-portal="${id}" data-intervals="${intervals.length}">
<figcaption id="cap-${id}"><h3>${p.portal.name ?? id} <span class="meta">(${id}, ${TYPE_WORDS[p.portal.type ?? 'chat'].portal})</span></h3></figcaption>
<svg class="timeline" role="group" aria-labelledby="cap-${id} desc-${id}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<desc id="desc-${id}">${summary}. Use Tab to reach the chart and the arrow keys to move between intervals.</desc>
<g role="list" aria-label="Intervals of ${id}">${parts}</g></svg>
<details><summary>The ${intervals.length} intervals as a table</summary>
<table><thead><tr><th>When (local)</th><th>State</th><th>Details</th></tr></thead><tbody>${tableRows}</tbody></table></details>
</figure>`;
}

function xOf(wall: number): number {
  return LABEL_WIDTH + Math.min(Math.max(wall / MS_PER_DAY, 0), 1) * DAY_WIDTH;
}

/** A tick and its hour every three hours, down the whole chart. */
function hourTicks(height: number): Html[] {
  const ticks: Html[] = [];
  for (let h = 0; h <= 24; h += 3) {
    const x = LABEL_WIDTH + (h / 24) * DAY_WIDTH;
    ticks.push(
      html`<line x1="${x}" y1="${TOP - 4}" x2="${x}" y2="${height - 4}" stroke="#bbb" stroke-width="0.5"/><text x="${x}" y="${TOP - 8}" text-anchor="middle">${String(h).padStart(2, '0')}</text>`,
    );
  }
  return ticks;
}

/** What a day row says besides its intervals: its label, why it is marked, and its skipped hours. */
export interface DayMarks {
  /** "★ Thu 2026-12-24 ±" */
  label: string;
  /** The label's tooltip: the holiday and the clock change, if any ('' for none). */
  title: string;
  holiday: boolean;
  /** The hatched hours that do not happen: x and width on the row, and their tooltip. */
  gaps: { x: string; width: string; text: string }[];
}

/** A day row's label (★ on a holiday, ± on a clock change) and its marks, with a tooltip saying why. */
export function dayMarks(
  day: number,
  holiday: HolidayDay | undefined,
  pieces: readonly Piece[],
  skipped: readonly { from: number; to: number }[],
): DayMarks {
  const notes: string[] = [];
  if (holiday) notes.push(`Holiday: ${holiday.name} (${holiday.source})`);
  const gaps = skipped.map((gap) => {
    const text = `Clocks go forward: ${clock(gap.from)} to ${clock(gap.to)} does not happen on this day`;
    notes.push(text);
    return { x: xOf(gap.from).toFixed(2), width: (xOf(gap.to) - xOf(gap.from)).toFixed(2), text };
  });
  const repeated = pieces.some((x) => x.band !== 'full');
  if (repeated)
    notes.push(
      'Clocks go back: the repeated hour is drawn twice, the first time in the upper half of the row and the second in the lower half',
    );
  const label = `${holiday ? '★ ' : ''}${DAYS[weekdayOf(day)]} ${formatDate(day)}${skipped.length > 0 || repeated ? ' ±' : ''}`;
  return { label, title: notes.join('. '), holiday: holiday !== undefined, gaps };
}

/** A day row's marks as markup (page.js draws the same for the day rows it draws). */
function dayLabel(marks: DayMarks, y: number): Html[] {
  const out: Html[] = [];
  if (marks.holiday) out.push(html`<rect x="0" y="${y}" width="${LABEL_WIDTH - 4}" height="${ROW_HEIGHT - 1}" fill="var(--holiday)"/>`);
  for (const gap of marks.gaps)
    out.push(
      html`<rect class="clock-gap" x="${gap.x}" y="${y}" width="${gap.width}" height="${ROW_HEIGHT - 2}" fill="url(#p-clock-gap)"><title>${gap.text}</title></rect>`,
    );
  const title = marks.title ? html`<title>${marks.title}</title>` : '';
  out.push(html`<g>${title}<text x="4" y="${y + 12}"${marks.holiday ? html` class="holiday-label"` : ''}>${marks.label}</text></g>`);
  return out;
}

/**
 * One interval as a focusable group: a rectangle for each stretch of a day row it covers, its
 * words in a tooltip and in data attributes for the details panel, and its instants as
 * `compile --format json` writes them.
 */
function intervalGroup(i: PortalInterval, index: number, d: IntervalWords, rowPiecesOf: readonly (readonly Piece[])[]): Html {
  const kind = kindOf(i);
  const rects: Html[] = [];
  rowPiecesOf.forEach((pieces, r) => {
    for (const piece of pieces) {
      const s = Math.max(i.start, piece.from);
      const e = Math.min(i.end, piece.to);
      if (e <= s) continue;
      const x = xOf(piece.wallFrom + (s - piece.from));
      // Drawn at least 0.75 px wide, so an interval shorter than the drawing shows can still be hovered.
      const w = Math.max(0.75, xOf(piece.wallFrom + (e - piece.from)) - x);
      const full = ROW_HEIGHT - 2;
      const [dy, h] = piece.band === 'full' ? [0, full] : piece.band === 'upper' ? [0, full / 2] : [full / 2, full / 2];
      rects.push(
        html`<rect x="${x.toFixed(2)}" y="${TOP + r * ROW_HEIGHT + dy}" width="${w.toFixed(2)}" height="${h}" fill="${fillOf(kind)}"/>`,
      );
    }
  });
  // A roving tabindex: the chart is one Tab stop, the arrow keys move within it (page.js).
  return html`<g class="interval" tabindex="${index === 0 ? 0 : -1}" role="listitem" aria-label="${d.what}, ${d.when}" data-kind="${kind}" data-when="${d.when}" data-what="${d.what}" data-more="${d.more.join('\n')}" data-start="${isoSeconds(i.start)}" data-end="${isoSeconds(i.end)}"><title>${[d.what, d.when, ...d.more].join('\n')}</title>${rects}</g>`;
}

/** An instant as `compile --format json` writes it: UTC, to the second. */
function isoSeconds(t: number): string {
  return new Date(t).toISOString().replace('.000', '');
}
