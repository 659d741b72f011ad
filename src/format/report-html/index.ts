/**
 * `report --format html`: one self-contained page (inline CSS, JS and SVG; nothing fetched; works
 * opened from disk) for coordinators who would rather look than read. Per portal, a timeline of
 * the period drawn day by day — online with humans, online with placeholders only, offline by
 * reason — with holidays marked and details on hover or keyboard focus; a weekly heat map; the
 * coverage numbers (the same as `--format json`); gaps against requirements; holiday verdicts;
 * the findings of `check`; and the load per user. Colours are the Okabe-Ito palette, which reads
 * for every common colour vision, and every state has a pattern too; every chart has a table.
 */
import type { Finding } from '../../findings.js';
import type { Model } from '../../model/types.js';
import type { CoverageReport } from '../../report/coverage.js';
import type { HolidayEntry } from '../../report/holidays.js';
import { MS_PER_DAY } from '../../time/civil.js';
import { localTime } from '../../time/local.js';
import type { PortalInterval } from '../../timeline/types.js';
import { hoursText, loadOutliers, reportJson, roundHours, trackedHoursText } from '../report.js';
import { pageAssets } from './assets.js';
import { legend, PATTERNS } from './fills.js';
import { heatMap } from './heat-map.js';
import { esc } from './html.js';
import { gapRow } from './tables.js';
import { portalTimeline } from './timeline.js';

export interface HtmlReportInput {
  report: CoverageReport;
  model: Model;
  /** Each portal's timeline intervals over the report's period (sorted by portal id). */
  intervals: readonly { portalId: string; intervals: readonly PortalInterval[] }[];
  holidays: readonly HolidayEntry[];
  findings: readonly Finding[];
}

export { esc } from './html.js';

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
