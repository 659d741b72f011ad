/**
 * `report --format html`: one self-contained page (inline CSS, JS and SVG; nothing fetched; works
 * opened from disk) for coordinators who would rather look than read. Per portal, a timeline of
 * the period drawn day by day — online with humans, online with placeholders only, offline by
 * reason — with holidays marked and details on hover or keyboard focus; a weekly heat map; the
 * coverage numbers (the same as `--format json`); gaps against requirements; holiday verdicts;
 * the findings of `check`; and the load per user. Colours are the Okabe-Ito palette, which reads
 * for every common colour vision, and every state has a pattern too; every chart has a table.
 */
import type { Finding } from '../findings.js';
import type { HolidayDay } from '../holidays/index.js';
import { humansTracked, overrideName, type Model } from '../model/types.js';
import type { CoverageReport, Gap, PortalReport } from '../report/coverage.js';
import type { HolidayEntry } from '../report/holidays.js';
import { formatDate, MS_PER_DAY, weekdayOf } from '../time/civil.js';
import { localClock, localTime } from '../time/local.js';
import { zoneTable, type ZoneTable } from '../time/zone.js';
import type { PortalInterval } from '../timeline/types.js';
import { pageAssets } from './report-html/assets.js';
import { esc } from './report-html/html.js';
import { DAYS, hoursText, loadOutliers, reportJson, roundHours, trackedHoursText } from './report.js';

export interface HtmlReportInput {
  report: CoverageReport;
  model: Model;
  /** Each portal's timeline intervals over the report's period (sorted by portal id). */
  intervals: readonly { portalId: string; intervals: readonly PortalInterval[] }[];
  holidays: readonly HolidayEntry[];
  findings: readonly Finding[];
}

export { esc } from './report-html/html.js';

const DAY_WIDTH = 720; // 30 px per hour
const LABEL_WIDTH = 132;
const ROW_HEIGHT = 16;
const TOP = 22;

type Kind = 'on-human' | 'on-placeholder' | 'off-no-shift' | 'off-unstaffed' | 'off-override';

const KIND_LABEL: Record<Kind, string> = {
  'on-human': 'Online, with humans',
  'on-placeholder': 'Online, placeholders only (nobody answers)',
  'off-no-shift': 'Offline: no shift',
  'off-unstaffed': 'Offline: unstaffed',
  'off-override': 'Offline: switched off',
};

function kindOf(i: PortalInterval): Kind {
  if (i.state === 'online') return i.humans.length ? 'on-human' : 'on-placeholder';
  return i.reason === 'no-shift' ? 'off-no-shift' : i.reason === 'unstaffed' ? 'off-unstaffed' : 'off-override';
}

function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h && m ? `${h} h ${m} min` : h ? `${h} h` : `${m} min`;
}

/** The local weekday of an instant, "Mon" to "Sun". */
function weekdayName(t: number, zone: string): string {
  return DAYS[weekdayOf(zoneTable(zone).instantToWall(t).day)]!;
}

/** What the interval is, in words (its tooltip, its table row and the details panel). */
function describe(i: PortalInterval, model: Model, zone: string): { when: string; what: string; more: string[] } {
  const when = `${weekdayName(i.start, zone)} ${localClock(i.start, zone)} – ${localClock(i.end, zone, i.start)} (${duration(i.end - i.start)})`;
  if (i.state === 'online') {
    if (!humansTracked(model)) return { when, what: 'Online (staffing: placeholder, humans not tracked)', more: [`Shifts: ${i.shifts.join(', ')}`, `Staff: ${i.staff.join(', ')}`] };
    return {
      when,
      what: i.humans.length ? 'Online, with humans' : 'Online with placeholders only: nobody answers, nobody is alerted',
      more: [`Shifts: ${i.shifts.join(', ')}`, `Staff: ${i.staff.join(', ')}`, `Humans: ${i.humans.join(', ') || 'none'}`, `Alerted: ${i.alerts.join(', ') || 'nobody'}`],
    };
  }
  if (i.reason === 'override') {
    const o = model.overrides.find((x) => overrideName(x) === i.override);
    return {
      when,
      what: `Offline: switched off${o?.by ? ` by ${o.by}` : ''}`,
      more: [`Override: ${i.override} (${i.scope} switch)${o?.note ? `: ${o.note}` : ''}`],
    };
  }
  return { when, what: i.reason === 'no-shift' ? 'Offline: no shift covers this time' : 'Offline: a shift covers this time but is not staffed', more: [] };
}

/** SVG patterns, so no state is told by colour alone. */
const PATTERNS = `<defs>
<pattern id="p-on-placeholder" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="var(--on-placeholder)"/><line x1="0" y1="0" x2="0" y2="6" stroke="#000" stroke-width="1.6" stroke-opacity=".55"/></pattern>
<pattern id="p-off-unstaffed" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="var(--off-unstaffed)"/><path d="M0 0L6 6M6 0L0 6" stroke="#000" stroke-width="1" stroke-opacity=".55"/></pattern>
<pattern id="p-clock-gap" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="#fff"/><path d="M0 4L4 0" stroke="#777" stroke-width="0.7"/></pattern>
<pattern id="p-off-override" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="var(--off-override)"/><circle cx="2.5" cy="2.5" r="1" fill="#000" fill-opacity=".6"/></pattern>
</defs>`;

function fillOf(kind: Kind): string {
  switch (kind) {
    case 'on-human':
      return 'var(--on-human)';
    case 'off-no-shift':
      return 'var(--off-no-shift)';
    default:
      return `url(#p-${kind})`;
  }
}

function legend(): string {
  const items = (Object.keys(KIND_LABEL) as Kind[]).map(
    (k) => `<li><svg width="28" height="14" aria-hidden="true"><rect width="28" height="14" fill="${fillOf(k)}"/></svg>${esc(KIND_LABEL[k])}</li>`,
  );
  items.push('<li><svg width="28" height="14" aria-hidden="true"><rect width="28" height="14" fill="var(--holiday)"/></svg>Holiday (★ on the date)</li>');
  items.push(`<li><svg width="28" height="14" aria-hidden="true"><rect width="28" height="14" fill="url(#p-clock-gap)"/></svg>± Clocks change: the skipped hour is hatched; a repeated hour is drawn twice, in the upper then the lower half of the row</li>`);
  return `<ul class="legend" aria-label="Legend">${items.join('')}</ul>`;
}

/** Where on a day row a stretch of instants is drawn: a wall-clock x and a band of the row. */
interface Piece {
  from: number;
  to: number;
  /** Wall-clock ms after the row's local midnight at `from`. */
  wallFrom: number;
  band: 'full' | 'upper' | 'lower';
}

/**
 * A day row's instants cut where the wall clock jumps. Positions are wall-clock times, so 12:00
 * sits under the 12 tick on every day: on a spring-forward day the skipped hour is left empty
 * (and marked), and on a fall-back day the repeated hour is drawn twice, the first pass in the
 * upper half of the row and the second in the lower half.
 */
function rowPieces(table: ZoneTable, day: number, dayStart: number, dayEnd: number): { pieces: Piece[]; skipped: { from: number; to: number }[] } {
  const cuts = new Set<number>([dayStart, dayEnd]);
  const upper: [number, number][] = [];
  const lower: [number, number][] = [];
  const skipped: { from: number; to: number }[] = [];
  let before = table.offsetAt(dayStart - 1);
  for (const tr of table.transitionsBetween(dayStart, dayEnd)) {
    const jump = tr.offset - before;
    cuts.add(tr.at);
    if (jump < 0) {
      upper.push([tr.at + jump, tr.at]);
      lower.push([tr.at, tr.at - jump]);
      cuts.add(Math.max(dayStart, tr.at + jump)).add(Math.min(dayEnd, tr.at - jump));
    } else if (jump > 0) {
      const wall = wallMs(table, day, tr.at);
      skipped.push({ from: wall - jump, to: wall });
    }
    before = tr.offset;
  }
  const points = [...cuts].filter((t) => t >= dayStart && t <= dayEnd).sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const from = points[k]!;
    const to = points[k + 1]!;
    const within = (ranges: [number, number][]) => ranges.some(([a, b]) => from >= a && to <= b);
    pieces.push({ from, to, wallFrom: wallMs(table, day, from), band: within(upper) ? 'upper' : within(lower) ? 'lower' : 'full' });
  }
  return { pieces, skipped };
}

/** Wall-clock ms of an instant after the local midnight that starts `day`. */
function wallMs(table: ZoneTable, day: number, t: number): number {
  const w = table.instantToWall(t);
  return (w.day - day) * MS_PER_DAY + w.msOfDay;
}

/** "HH:MM" of wall-clock ms after midnight. */
function clockText(wall: number): string {
  const minutes = Math.round(wall / 60_000);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function xOf(wall: number): number {
  return LABEL_WIDTH + Math.min(Math.max(wall / MS_PER_DAY, 0), 1) * DAY_WIDTH;
}

function portalTimeline(p: PortalReport, intervals: readonly PortalInterval[], input: HtmlReportInput): string {
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
    const d = describe(i, model, zone);
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
      const d = describe(i, model, zone);
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

function heatColor(share: number): string {
  // A light-to-dark blue scale (readable in every colour vision, and in grey).
  const light = [239, 243, 255];
  const dark = [8, 69, 148];
  const c = light.map((l, k) => Math.round(l + (dark[k]! - l) * share));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

function heatMap(p: PortalReport): string {
  const head = `<tr><th></th>${Array.from({ length: 24 }, (_, h) => `<th scope="col">${String(h).padStart(2, '0')}</th>`).join('')}</tr>`;
  const rows = p.weekShape
    .map((row, d) => `<tr><th scope="row">${DAYS[d]}</th>${row.map((share, h) => `<td style="background:${heatColor(share)}" title="${DAYS[d]} ${String(h).padStart(2, '0')}:00–${String(h + 1).padStart(2, '0')}:00: ${(share * 100).toFixed(0)}% online" aria-label="${(share * 100).toFixed(0)}%"></td>`).join('')}</tr>`)
    .join('');
  return `<figure class="heat-map" data-portal="${esc(p.portal.id)}"><figcaption>${esc(p.portal.name ?? p.portal.id)}: share of each hour of the week online (darker = more)</figcaption>
<table class="heat" role="table" aria-label="${esc(`Share of each hour of the week that ${p.portal.id} is online`)}">${head}${rows}</table>
<details><summary>As percentages</summary><table><tr><th></th>${Array.from({ length: 24 }, (_, h) => `<th class="num">${h}</th>`).join('')}</tr>${p.weekShape
    .map((row, d) => `<tr><th>${DAYS[d]}</th>${row.map((share) => `<td class="num">${Math.round(share * 100)}</td>`).join('')}</tr>`)
    .join('')}</table></details></figure>`;
}

function gapRow(g: Gap, zone: string): string {
  const why = { 'no-shift': 'no shift', unstaffed: 'unstaffed', override: `switched off (${g.override ?? ''})`, 'too-few-humans': g.requirement.minHumans === 1 ? 'no human, placeholders only' : `fewer than ${g.requirement.minHumans} humans` }[g.reason];
  return `<tr><td>${esc(g.requirement.id)}</td><td>${esc(g.requirement.portal ?? '')}</td><td class="date">${esc(localClock(g.start, zone))}</td><td>${esc(localClock(g.end, zone, g.start))}</td><td class="num">${hoursText(g.end - g.start)}</td><td>${esc(why)}</td></tr>`;
}

export function formatReportHtml(input: HtmlReportInput): string {
  const { report, model, findings } = input;
  const { css, script } = pageAssets();
  const zone = report.zone;
  const org = model.organization;
  const title = `Coverage report — ${org?.name ?? org?.id ?? 'shiftready'}`;
  const periodText = `${localTime(report.period.from, zone)} to ${localTime(report.period.to, zone)} (${Number(((report.period.to - report.period.from) / MS_PER_DAY).toFixed(2))} days)`;
  const s: string[] = [];
  s.push('<!doctype html>', '<html lang="en">', '<head>', '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">');
  s.push(`<title>${esc(title)}</title>`, `<style>\n${css}</style>`, '</head>', '<body>');
  s.push('<a class="skip" href="#summary">Skip to the numbers</a>');
  // The fill patterns, defined once for every chart and the legend.
  s.push(`<svg width="0" height="0" style="position:absolute" aria-hidden="true" focusable="false">${PATTERNS}</svg>`);
  s.push(`<header><h1>${esc(title)}</h1><p class="meta">${esc(periodText)}, times in ${esc(zone)}</p>`);
  s.push('<nav aria-label="Sections"><ul><li><a href="#summary">Numbers</a></li><li><a href="#timelines">Timelines</a></li><li><a href="#week">Week</a></li><li><a href="#gaps">Gaps</a></li><li><a href="#holidays">Holidays</a></li><li><a href="#findings">Findings</a></li><li><a href="#load">Load</a></li></ul></nav></header>');
  s.push('<main>');

  // Numbers (equal to --format json).
  s.push('<section id="summary"><h2>Coverage</h2><table id="totals"><thead><tr><th>Portal</th><th class="num">Online</th><th class="num">With humans</th><th class="num">Placeholders only</th><th class="num">Alerted</th><th class="num">Coverage</th><th class="num">Gaps</th></tr></thead><tbody>');
  // The same objects `--format json` prints, so the page cannot disagree with it.
  const json = reportJson(report) as { portals: { id: string; onlineHours: number; humanHours: number | null; placeholderOnlyHours: number | null; alertHours: number; coverage: number; gaps: unknown[] }[] };
  for (const p of json.portals) {
    const attrs = `data-portal="${esc(p.id)}" data-online-hours="${p.onlineHours}" data-human-hours="${p.humanHours}" data-placeholder-only-hours="${p.placeholderOnlyHours}" data-alert-hours="${p.alertHours}" data-coverage="${p.coverage}" data-gaps="${p.gaps.length}"`;
    const h = (n: number | null) => (n === null ? 'not tracked' : `${n.toFixed(2)} h`);
    s.push(`<tr ${attrs}><td>${esc(p.id)}</td><td class="num">${h(p.onlineHours)}</td><td class="num">${h(p.humanHours)}</td><td class="num${(p.placeholderOnlyHours ?? 0) > 0 ? ' bad' : ''}">${h(p.placeholderOnlyHours)}</td><td class="num">${h(p.alertHours)}</td><td class="num">${(p.coverage * 100).toFixed(1)}%</td><td class="num${p.gaps.length ? ' bad' : ''}">${p.gaps.length}</td></tr>`);
  }
  s.push('</tbody></table></section>');

  // Timelines.
  s.push('<section id="timelines"><h2>Timelines</h2><p>Each row is a local day, 00:00 to 24:00. Hover over an interval, or reach the chart with Tab and move with the arrow keys, to see its times, shifts and staff.</p>');
  s.push(legend());
  for (const p of report.portals) {
    const intervals = input.intervals.find((x) => x.portalId === p.portal.id)?.intervals ?? [];
    s.push(portalTimeline(p, intervals, input));
  }
  s.push('</section>');

  // Week.
  s.push('<section id="week"><h2>The week\'s shape</h2>');
  for (const p of report.portals) s.push(heatMap(p));
  s.push('</section>');

  // Gaps.
  const gaps = report.portals.flatMap((p) => p.gaps);
  s.push('<section id="gaps"><h2>Gaps against requirements</h2>');
  if (gaps.length === 0) s.push('<p>None: every requirement is met in the period.</p>');
  else s.push(`<table><thead><tr><th>Requirement</th><th>Portal</th><th>From</th><th>To</th><th class="num">Hours</th><th>Why</th></tr></thead><tbody>${gaps.map((g) => gapRow(g, zone)).join('')}</tbody></table>`);
  s.push('</section>');

  // Holidays.
  s.push('<section id="holidays"><h2>Holidays</h2>');
  if (input.holidays.length === 0) s.push('<p>No holidays in the period.</p>');
  else {
    s.push('<table><thead><tr><th>Date</th><th>Holiday</th><th>Portal</th><th>Expected</th><th class="num">Online</th><th class="num">With humans</th><th class="num">Placeholders only</th><th>Verdict</th></tr></thead><tbody>');
    for (const { holiday, portals } of input.holidays) {
      for (const p of portals) {
        const verdict = p.verdict === 'ok' ? 'ok' : p.verdict === 'open' ? '<span class="bad">open on a closed day</span>' : '<span class="bad">not covered</span>';
        s.push(`<tr><td class="date">${esc(holiday.date)}</td><td>${esc(holiday.name)} <span class="meta">(${esc(holiday.source)})</span></td><td>${esc(p.portal.id)}</td><td>${p.expect}</td><td class="num">${hoursText(p.onlineMs)}</td><td class="num">${trackedHoursText(p.humanMs, report.humansTracked)}</td><td class="num">${trackedHoursText(p.placeholderOnlyMs, report.humansTracked)}</td><td>${verdict}</td></tr>`);
      }
    }
    s.push('</tbody></table>');
  }
  s.push('</section>');

  // Findings.
  s.push('<section id="findings"><h2>Findings of <code>check</code></h2>');
  if (findings.length === 0) s.push('<p>No problems.</p>');
  else {
    s.push('<table><thead><tr><th>Location</th><th>Severity</th><th>Rule</th><th>Message</th></tr></thead><tbody>');
    for (const f of findings) s.push(`<tr><td>${esc(`${f.file}:${f.line}:${f.column}`)}</td><td${f.severity === 'error' ? ' class="bad"' : ''}>${f.severity === 'error' ? 'error' : 'warning'}</td><td>${esc(f.rule)}</td><td>${esc(f.message)}</td></tr>`);
    s.push('</tbody></table>');
  }
  s.push('</section>');

  // Load.
  const outliers = loadOutliers(report, model);
  const max = Math.max(1, ...report.users.map((u) => u.ms));
  s.push('<section id="load"><h2>Load per user</h2><p>Time each user counts on a staffed shift in the period. ▲ and ▼ mark over 1.5 times and under half the average of the people with counted time (' + hoursText(outliers.average) + ').</p>');
  s.push('<table id="users"><thead><tr><th>User</th><th class="num">Hours</th><th>Share</th><th></th></tr></thead><tbody>');
  for (const { user, ms } of report.users) {
    const note = user.placeholder ? 'placeholder' : outliers.more.some((o) => o.id === user.id) ? '▲ far more than average' : outliers.less.some((o) => o.id === user.id) ? '▼ far less than average' : '';
    s.push(`<tr data-user="${esc(user.id)}" data-hours="${roundHours(ms)}"><td>${esc(user.id)}</td><td class="num">${hoursText(ms)}</td><td><span class="bar" style="width:${((ms / max) * 200).toFixed(1)}px" aria-hidden="true"></span></td><td>${note}</td></tr>`);
  }
  s.push('</tbody></table></section>');

  s.push('</main>', '<div id="details" role="status" aria-live="polite" hidden></div>', `<script>\n${script}</script>`, '</body>', '</html>');
  return `${s.join('\n')}\n`;
}
