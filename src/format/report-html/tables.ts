/**
 * The page's sections that are tables: the coverage numbers, the gaps against requirements, the
 * holiday verdicts, the findings of `check` and the load per user.
 */
import type { Finding } from '../../findings.js';
import type { Model } from '../../model/types.js';
import type { CoverageReport, ReportGap } from '../../report/coverage.js';
import type { HolidayEntry, Verdict } from '../../report/holidays.js';
import { gapReasonText, hoursText, localClock, roundHours, trackedHoursText } from '../../words.js';
import { candidatesText, loadNote, loadOutliers, reportJson } from '../report.js';
import { html, lines, type Html } from './html.js';

/** The portals as `--format json` prints them. */
interface PortalJson {
  id: string;
  onlineHours: number;
  humanHours: number | null;
  placeholderOnlyHours: number | null;
  alertHours: number;
  coverage: number;
  gaps: unknown[];
}

/** The coverage numbers per portal, with the JSON values in data attributes. */
export function totalsSection(report: CoverageReport): Html {
  // The same objects `--format json` prints, so the page cannot disagree with it.
  const json = reportJson(report) as { portals: PortalJson[] };
  const hours = (n: number | null) => (n === null ? 'not tracked' : `${n.toFixed(2)} h`);
  // Hours not tracked are null in the JSON, and "null" in the data attributes.
  const rows = json.portals.map(
    (p) =>
      html`<tr data-portal="${p.id}" data-online-hours="${p.onlineHours}" data-human-hours="${String(p.humanHours)}" data-placeholder-only-hours="${String(p.placeholderOnlyHours)}" data-alert-hours="${p.alertHours}" data-coverage="${p.coverage}" data-gaps="${p.gaps.length}"><td>${p.id}</td><td class="num">${hours(p.onlineHours)}</td><td class="num">${hours(p.humanHours)}</td><td class="num${(p.placeholderOnlyHours ?? 0) > 0 ? ' bad' : ''}">${hours(p.placeholderOnlyHours)}</td><td class="num">${hours(p.alertHours)}</td><td class="num">${(p.coverage * 100).toFixed(1)}%</td><td class="num${p.gaps.length ? ' bad' : ''}">${p.gaps.length}</td></tr>`,
  );
  return lines([
    html`<section id="summary"><h2>Coverage</h2><table id="totals"><thead><tr><th>Portal</th><th class="num">Online</th><th class="num">With humans</th><th class="num">Placeholders only</th><th class="num">Alerted</th><th class="num">Coverage</th><th class="num">Gaps</th></tr></thead><tbody>`,
    ...rows,
    html`</tbody></table></section>`,
  ]);
}

export function gapsSection(report: CoverageReport): Html {
  const gaps = report.portals.flatMap((p) => p.gaps);
  const body = gaps.length
    ? html`<table><thead><tr><th>Requirement</th><th>Portal</th><th>From</th><th>To</th><th class="num">Hours</th><th>Why</th><th>Candidates</th></tr></thead><tbody>${gaps.map((g) => gapRow(g, report.zone))}</tbody></table>`
    : html`<p>None: every requirement is met in the period.</p>`;
  return lines([html`<section id="gaps"><h2>Gaps against requirements</h2>`, body, html`</section>`]);
}

function gapRow(g: ReportGap, zone: string): Html {
  const why = gapReasonText(g);
  return html`<tr><td>${g.requirement.id}</td><td>${g.requirement.portal ?? ''}</td><td class="date">${localClock(g.start, zone)}</td><td>${localClock(g.end, zone, g.start)}</td><td class="num">${hoursText(g.end - g.start)}</td><td>${why}</td><td class="candidates">${candidatesText(g.candidates, g.reason)}</td></tr>`;
}

const VERDICT: Record<Verdict, Html> = {
  ok: html`ok`,
  open: html`<span class="bad">open on a closed day</span>`,
  uncovered: html`<span class="bad">not covered</span>`,
};

/** The verdict of each holiday in the period for each portal. */
export function holidaysSection(holidays: readonly HolidayEntry[], humansTracked: boolean): Html {
  if (holidays.length === 0)
    return lines([html`<section id="holidays"><h2>Holidays</h2>`, html`<p>No holidays in the period.</p>`, html`</section>`]);
  const rows = holidays.flatMap(({ holiday, portals }) =>
    portals.map(
      (p) =>
        html`<tr><td class="date">${holiday.date}</td><td>${holiday.name} <span class="meta">(${holiday.source})</span></td><td>${p.portal.id}</td><td>${p.expect}</td><td class="num">${hoursText(p.onlineMs)}</td><td class="num">${trackedHoursText(p.humanMs, humansTracked)}</td><td class="num">${trackedHoursText(p.placeholderOnlyMs, humansTracked)}</td><td>${VERDICT[p.verdict]}</td></tr>`,
    ),
  );
  return lines([
    html`<section id="holidays"><h2>Holidays</h2>`,
    html`<table><thead><tr><th>Date</th><th>Holiday</th><th>Portal</th><th>Expected</th><th class="num">Online</th><th class="num">With humans</th><th class="num">Placeholders only</th><th>Verdict</th></tr></thead><tbody>`,
    ...rows,
    html`</tbody></table>`,
    html`</section>`,
  ]);
}

/** The findings of `check` over the report's period. */
export function findingsSection(findings: readonly Finding[]): Html {
  if (findings.length === 0)
    return lines([html`<section id="findings"><h2>Findings of <code>check</code></h2>`, html`<p>No problems.</p>`, html`</section>`]);
  const rows = findings.map((f) => {
    const error = f.severity === 'error';
    return html`<tr><td>${f.file}:${f.line}:${f.column}</td><td${error ? html` class="bad"` : ''}>${error ? 'error' : 'warning'}</td><td>${f.rule}</td><td>${f.message}</td></tr>`;
  });
  return lines([
    html`<section id="findings"><h2>Findings of <code>check</code></h2>`,
    html`<table><thead><tr><th>Location</th><th>Severity</th><th>Rule</th><th>Message</th></tr></thead><tbody>`,
    ...rows,
    html`</tbody></table>`,
    html`</section>`,
  ]);
}

/** Each user's time on staffed shifts, as hours and a bar, far more and far less than average marked. */
export function loadSection(report: CoverageReport, model: Model): Html {
  const outliers = loadOutliers(report, model);
  const max = Math.max(1, ...report.users.map((u) => u.ms));
  const rows = report.users.map(({ user, ms }) => {
    const note = loadNote(user, outliers);
    return html`<tr data-user="${user.id}" data-hours="${roundHours(ms)}"><td>${user.id}</td><td class="num">${hoursText(ms)}</td><td><span class="bar" style="width:${((ms / max) * 200).toFixed(1)}px" aria-hidden="true"></span></td><td>${note}</td></tr>`;
  });
  return lines([
    html`<section id="load"><h2>Load per user</h2><p>Time each user counts on a staffed shift in the period. ▲ and ▼ mark over 1.5 times and under half the average of the people with counted time (${hoursText(outliers.average)}).</p>`,
    html`<table id="users"><thead><tr><th>User</th><th class="num">Hours</th><th>Share</th><th></th></tr></thead><tbody>`,
    ...rows,
    html`</tbody></table></section>`,
  ]);
}
