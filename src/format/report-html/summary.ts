/**
 * The timelines of a long period (more than SUMMARY_AFTER_DAYS local days): per portal, a summary
 * grid — one row per week (periods up to a year) or per month (longer periods), one cell per
 * local day, each cell a column filled from the bottom by its share online with humans, then
 * online with placeholders only, the rest offline — with the same numbers per row as a table;
 * and a detail area where choosing a row draws that week's or month's day rows, exactly as the
 * short page draws them (timeline.ts), from compact data embedded once in the page
 * (page-summary.js draws them).
 *
 * The data (`<script type="application/json" id="report-data">`, see `SummaryData`) holds each
 * portal's intervals as pairs [length, look], in order: they tile the period, so each starts where
 * the one before ends. A look indexes a table of the distinct kinds and words of intervals
 * (intervals.ts), so the shifts, staff and notes are written once per distinct staffing, not once
 * per interval. Day rows are written only where they are not a plain 24-hour day (a clock change,
 * a holiday); the times of an interval in words are computed from the zone's offsets in the period.
 */
import type { HolidayDay } from '../../holidays/index.js';
import type { Model } from '../../model/types.js';
import type { CoverageReport, PortalReport } from '../../report/coverage.js';
import { civilFromDays, formatDate, weekdayOf } from '../../time/civil.js';
import { zoneTable } from '../../time/zone.js';
import type { PortalInterval } from '../../timeline/types.js';
import { hoursText, roundHours, TYPE_WORDS } from '../../words.js';
import { DAYS } from '../report.js';
import { rowPieces } from './day-rows.js';
import { fillOf, legend } from './fills.js';
import { html, lines, raw, type Html } from './html.js';
import { intervalSubject, KIND_LABEL, kindOf, type Kind } from './intervals.js';
import { DAY_WIDTH, dayMarks, LABEL_WIDTH, ROW_HEIGHT, TOP, type DayMarks, type PortalIntervals } from './timeline.js';

/** Periods of up to this many local days are drawn day by day, as they always were (timeline.ts). */
export const SUMMARY_AFTER_DAYS = 42;
/** Summaries of up to this many local days have a row per week; longer ones a row per month. */
const WEEKS_UP_TO_DAYS = 371;

const CELL_HEIGHT = 14;
const SUMMARY_ROW = 18;
const SUMMARY_TOP = 22;

/** The local days a period touches, first and last. */
export function periodDays(report: CoverageReport): { first: number; last: number } {
  const table = zoneTable(report.zone);
  return { first: table.instantToWall(report.period.from).day, last: table.instantToWall(report.period.to - 1).day };
}

/** A row of the summary: a week or a month, the days of it in the period. */
interface SummaryRow {
  label: string;
  /** Index in the period's days of its first and last day. */
  first: number;
  last: number;
}

/** What page-summary.js reads: everything needed to draw any week's or month's day rows. */
interface SummaryData {
  /** The period's start (ms since the epoch); every other instant is a count of `unit` after it. */
  from: number;
  /** ms: 60000 when every boundary falls on a whole minute after `from`, else 1000 or 1. */
  unit: number;
  geometry: { label: number; day: number; row: number; top: number };
  /** The day number (days since 1970-01-01) of the period's first local day. */
  firstDay: number;
  /** Where each local day starts, in units after `from`, and where the last one ends. */
  starts: number[];
  /**
   * The days that are not plain (a clock change or a holiday), by index: their pieces as
   * [from, to, wall ms after midnight, band] in units after `from` (band 0 full, 1 upper, 2
   * lower), and their marks.
   */
  special: Record<number, { pieces: [number, number, number, number][]; marks: DayMarks }>;
  /** The zone's offset (ms) from the period's start, and each change: [ms after `from`, offset]. */
  offsets: [number, number][];
  /** The distinct kinds and words of intervals: [kind, what, more]. */
  looks: [Kind, string, string[]][];
  /** The summary's rows (the same for every portal). */
  rows: SummaryRow[];
  /** Each portal's intervals, in order, as [length in units, look] pairs. */
  portals: { id: string; intervals: number[] }[];
}

/** The timelines section of a long period: the legend, then each portal's summary and detail. */
export function summarySection(report: CoverageReport, model: Model, intervals: readonly PortalIntervals[]): { section: Html; data: Html } {
  const { first, last } = periodDays(report);
  const table = zoneTable(report.zone);
  const from = report.period.from;
  const holidayByDay = new Map<number, HolidayDay>(report.holidays.map((h) => [h.day, h]));
  const starts: number[] = [];
  const special: SummaryData['special'] = {};
  const dayStarts: number[] = [];
  for (let day = first; day <= last + 1; day++) dayStarts.push(table.wallToInstant(day, 0));
  const byWeek = last - first + 1 <= WEEKS_UP_TO_DAYS;
  const rows = summaryRows(first, last, byWeek);

  const portalIntervals = report.portals.map((p) => intervals.find((x) => x.portalId === p.portal.id)?.intervals ?? []);
  const boundaries = [...dayStarts, ...portalIntervals.flatMap((list) => list.map((i) => i.end))];
  const unit = [60_000, 1000].find((u) => boundaries.every((t) => (t - from) % u === 0)) ?? 1;
  const units = (t: number) => (t - from) / unit;

  const pieceData: { index: number; pieces: [number, number, number, number][]; marks: DayMarks }[] = [];
  for (let k = 0; k <= last - first; k++) {
    const day = first + k;
    starts.push(units(dayStarts[k]!));
    const { pieces, skipped } = rowPieces(table, day, dayStarts[k]!, dayStarts[k + 1]!);
    const holiday = holidayByDay.get(day);
    if (!holiday && skipped.length === 0 && pieces.length === 1) continue;
    pieceData.push({
      index: k,
      pieces: pieces.map((x) => [units(x.from), units(x.to), x.wallFrom, x.band === 'full' ? 0 : x.band === 'upper' ? 1 : 2]),
      marks: dayMarks(day, holiday, pieces, skipped),
    });
  }
  starts.push(units(dayStarts.at(-1)!));
  for (const d of pieceData) special[d.index] = { pieces: d.pieces, marks: d.marks };

  const looks: SummaryData['looks'] = [];
  const lookIndex = new Map<string, number>();
  const lookOf = (i: PortalInterval): number => {
    const words = intervalSubject(i, model);
    const look: [Kind, string, string[]] = [kindOf(i), words.what, words.more];
    const key = JSON.stringify(look);
    let index = lookIndex.get(key);
    if (index === undefined) {
      index = looks.push(look) - 1;
      lookIndex.set(key, index);
    }
    return index;
  };
  const data: SummaryData = {
    from,
    unit,
    geometry: { label: LABEL_WIDTH, day: DAY_WIDTH, row: ROW_HEIGHT, top: TOP },
    firstDay: first,
    starts,
    special,
    offsets: [
      [0, table.offsetAt(from)],
      ...table.transitionsBetween(from, report.period.to + 1).map((tr): [number, number] => [tr.at - from, tr.offset]),
    ],
    looks,
    rows,
    portals: report.portals.map((p, k) => ({
      id: p.portal.id,
      intervals: portalIntervals[k]!.flatMap((i) => [units(i.end) - units(i.start), lookOf(i)]),
    })),
  };

  const charts = report.portals.map((p, k) => portalSummary(p, portalIntervals[k]!, report, rows, byWeek, dayStarts, first, holidayByDay));
  const unitWord = byWeek ? 'week' : 'month';
  return {
    section: lines([
      html`<section id="timelines"><h2>Timelines</h2><p>The period is ${last - first + 1} days long, so each portal's timeline is summed up first: each row is a ${unitWord}, each cell a local day, filled from the bottom by its share online with humans, then online with placeholders only; the rest of the cell is offline. Choose a ${unitWord} — click it, or reach the chart with Tab, move with the arrow keys and press Enter — to draw its days below the chart, one row per local day, 00:00 to 24:00.</p>`,
      summaryLegend(),
      legend(),
      ...charts,
      html`</section>`,
    ]),
    data: html`<script type="application/json" id="report-data">${raw(scriptJson(JSON.stringify(data)))}</script>`,
  };
}

/**
 * JSON to put inside a script element as it is: `<` (so no `</script>` or `<!--`), `>`, `&` and
 * the two line separators JavaScript once took for line ends are written as \u escapes, which
 * JSON.parse reads back as the same characters.
 */
export function scriptJson(json: string): string {
  return json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function summaryRows(first: number, last: number, byWeek: boolean): SummaryRow[] {
  const rows: SummaryRow[] = [];
  let day = first;
  while (day <= last) {
    let end: number;
    let label: string;
    if (byWeek) {
      const monday = day - weekdayOf(day);
      end = Math.min(last, monday + 6);
      label = `Week of ${formatDate(monday)}`;
    } else {
      const { year, month, day: dom } = civilFromDays(day);
      end = Math.min(last, day + daysInMonthOf(year, month) - dom);
      label = `${MONTHS[month - 1]} ${year}`;
    }
    rows.push({ label, first: day - first, last: end - first });
    day = end + 1;
  }
  return rows;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysInMonthOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Per local day: the ms of the day in the period, online with humans, and placeholders only. */
function dayTotals(
  intervals: readonly PortalInterval[],
  from: number,
  to: number,
  dayStarts: readonly number[],
): [number, number, number][] {
  const out: [number, number, number][] = [];
  let k = 0;
  for (let d = 0; d + 1 < dayStarts.length; d++) {
    const start = Math.max(from, dayStarts[d]!);
    const end = Math.min(to, dayStarts[d + 1]!);
    let human = 0;
    let placeholder = 0;
    while (k < intervals.length && intervals[k]!.end <= start) k++;
    for (let j = k; j < intervals.length && intervals[j]!.start < end; j++) {
      const i = intervals[j]!;
      const ms = Math.min(i.end, end) - Math.max(i.start, start);
      const kind = kindOf(i);
      if (ms <= 0) continue;
      if (kind === 'on-human') human += ms;
      else if (kind === 'on-placeholder') placeholder += ms;
    }
    out.push([end - start, human, placeholder]);
  }
  return out;
}

function portalSummary(
  p: PortalReport,
  intervals: readonly PortalInterval[],
  report: CoverageReport,
  rows: readonly SummaryRow[],
  byWeek: boolean,
  dayStarts: readonly number[],
  firstDay: number,
  holidayByDay: ReadonlyMap<number, HolidayDay>,
): Html {
  const id = p.portal.id;
  const perDay = dayTotals(intervals, report.period.from, report.period.to, dayStarts);
  const columns = byWeek ? 7 : 31;
  const cell = byWeek ? 24 : 20;
  const width = LABEL_WIDTH + columns * cell + 64;
  const height = SUMMARY_TOP + rows.length * SUMMARY_ROW + 4;
  const parts: Html[] = [];
  for (let c = 0; c < columns; c++)
    parts.push(
      html`<text x="${LABEL_WIDTH + c * cell + (cell - 2) / 2}" y="${SUMMARY_TOP - 8}" text-anchor="middle">${byWeek ? DAYS[c]!.slice(0, 2) : c + 1}</text>`,
    );
  const groups: Html[] = [];
  const tableRows: Html[] = [];
  const tracked = report.humansTracked;
  rows.forEach((row, r) => {
    const y = SUMMARY_TOP + r * SUMMARY_ROW;
    // A few paths a row, not elements per day, so ten years stay light for the browser.
    let cellsPath = '';
    let humanPath = '';
    let placeholderPath = '';
    let holidayPath = '';
    const holidays: string[] = [];
    const days: string[] = [];
    let total = 0;
    let human = 0;
    let placeholder = 0;
    const column = (day: number) => (byWeek ? weekdayOf(day) : civilFromDays(day).day - 1);
    for (let k = row.first; k <= row.last; k++) {
      const [ms, h, ph] = perDay[k]!;
      total += ms;
      human += h;
      placeholder += ph;
      const x = LABEL_WIDTH + column(firstDay + k) * cell;
      const w = cell - 2;
      const hh = (h / ms) * CELL_HEIGHT;
      const pp = (ph / ms) * CELL_HEIGHT;
      cellsPath += `M${x} ${y}h${w}v${CELL_HEIGHT}h-${w}z`;
      if (h > 0) humanPath += `M${x} ${(y + CELL_HEIGHT - hh).toFixed(2)}h${w}v${hh.toFixed(2)}h-${w}z`;
      if (ph > 0) placeholderPath += `M${x} ${(y + CELL_HEIGHT - hh - pp).toFixed(2)}h${w}v${pp.toFixed(2)}h-${w}z`;
      days.push(`${roundHours(ms)},${roundHours(h)},${roundHours(ph)}`);
      const holiday = holidayByDay.get(firstDay + k);
      if (holiday) {
        // A line under the day's cell.
        holidayPath += `M${x} ${y + CELL_HEIGHT + 1}h${w}v2h-${w}z`;
        holidays.push(`${holiday.date} ${holiday.name}`);
      }
    }
    const online = human + placeholder;
    const pct = (ms: number) => `${((ms / total) * 100).toFixed(1)}%`;
    const words = tracked
      ? `online ${pct(online)}, with humans ${pct(human)}, placeholders only ${pct(placeholder)}`
      : `online ${pct(online)}`;
    const title = holidays.length ? `${row.label}: ${words}; holidays: ${holidays.join(', ')}` : `${row.label}: ${words}`;
    const paths = [
      html`<path d="${cellsPath}" fill="var(--off-no-shift)"/>`,
      humanPath ? html`<path class="human" d="${humanPath}" fill="${fillOf('on-human')}"/>` : '',
      placeholderPath ? html`<path class="placeholder" d="${placeholderPath}" fill="${fillOf('on-placeholder')}"/>` : '',
      holidayPath ? html`<path class="holiday" d="${holidayPath}" fill="var(--holiday-line)"/>` : '',
    ];
    groups.push(
      html`<g class="srow" tabindex="${r === 0 ? 0 : -1}" role="listitem" aria-label="${title}" data-row="${r}" data-first="${formatDate(firstDay + row.first)}" data-column="${column(firstDay + row.first)}" data-days="${days.join(' ')}"><title>${title}</title><rect class="hit" x="0" y="${y - 2}" width="${width}" height="${SUMMARY_ROW}"/><text x="4" y="${y + 11}">${row.label}</text>${paths}<text x="${LABEL_WIDTH + columns * cell + 4}" y="${y + 11}">${pct(online)}</text></g>`,
    );
    const hours = (ms: number) => (tracked ? hoursText(ms) : 'not tracked');
    tableRows.push(
      html`<tr><td>${row.label}</td><td class="num">${hoursText(online)}</td><td class="num">${hours(human)}</td><td class="num">${hours(placeholder)}</td><td class="num">${pct(online)}</td><td>${holidays.join(', ')}</td></tr>`,
    );
  });
  const unitWord = byWeek ? 'week' : 'month';
  const describe = `${p.portal.name ?? id}: online ${hoursText(p.onlineMs)} of the period (${(p.coverage * 100).toFixed(1)}%), in ${rows.length} ${unitWord}s. Use Tab to reach the chart, the arrow keys to move between ${unitWord}s and Enter to draw the days of one below.`;
  return html`<figure class="summary" data-portal="${id}" data-rows="${rows.length}" data-cell="${cell}" data-intervals="${intervals.length}">
<figcaption id="cap-${id}"><h3>${p.portal.name ?? id} <span class="meta">(${id}, ${TYPE_WORDS[p.portal.type ?? 'chat'].portal})</span></h3></figcaption>
<svg class="summary-chart" role="group" aria-labelledby="cap-${id} desc-${id}" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<desc id="desc-${id}">${describe}</desc>
${parts}<g role="list" aria-label="${unitWord[0]!.toUpperCase()}${unitWord.slice(1)}s of ${id}">${groups}</g></svg>
<details><summary>The ${rows.length} ${unitWord}s as a table</summary>
<table><thead><tr><th>${unitWord[0]!.toUpperCase()}${unitWord.slice(1)}</th><th class="num">Online</th><th class="num">With humans</th><th class="num">Placeholders only</th><th class="num">Coverage</th><th>Holidays</th></tr></thead><tbody>${tableRows}</tbody></table></details>
<div class="detail" data-portal="${id}"><p class="meta">Choose a ${unitWord} above to draw its days here.</p></div>
</figure>`;
}

function summaryLegend(): Html {
  const swatch = (fill: string) => html`<svg width="28" height="14" aria-hidden="true"><rect width="28" height="14" fill="${fill}"/></svg>`;
  return html`<ul class="legend" aria-label="Legend of the summaries"><li>${swatch(fillOf('on-human'))}${KIND_LABEL['on-human']}</li><li>${swatch(fillOf('on-placeholder'))}${KIND_LABEL['on-placeholder']}</li><li>${swatch('var(--off-no-shift)')}Offline (any reason: the days drawn below say which)</li><li>${swatch('var(--holiday-line)')}Holiday (a line under the day)</li></ul>`;
}
