/**
 * `report --format html`: one self-contained page (inline CSS, JS and SVG; nothing fetched; works
 * opened from disk) for coordinators who would rather look than read. Per portal, a timeline of
 * the period drawn day by day — online with humans, online with placeholders only, offline by
 * reason — with holidays marked and details on hover or keyboard focus; a weekly heat map; the
 * coverage numbers (the same as `--format json`); gaps against requirements; holiday verdicts;
 * the findings of `check`; and the load per user. Colours are the Okabe-Ito palette, which reads
 * for every common colour vision, and every state has a pattern too; every chart has a table.
 *
 * This module is the page's skeleton. Its sections are in tables.ts, timeline.ts (with
 * day-rows.ts, intervals.ts and fills.ts) or, for a period of over six weeks, summary.ts, and
 * heat-map.ts; its stylesheet and script are
 * page.css and page.js. Everything is built with `html` (html.ts), which escapes every value it
 * is given unless it is markup built already.
 */
import type { Finding } from '../../findings.js';
import type { Model } from '../../model/types.js';
import type { CoverageReport } from '../../report/coverage.js';
import type { HolidayEntry } from '../../report/holidays.js';
import { MS_PER_DAY } from '../../time/civil.js';
import { localTime } from '../../words.js';
import { pageAssets } from './assets.js';
import { PATTERNS } from './fills.js';
import { weekSection } from './heat-map.js';
import { html, raw } from './html.js';
import { findingsSection, gapsSection, holidaysSection, loadSection, totalsSection } from './tables.js';
import { periodDays, SUMMARY_AFTER_DAYS, summarySection } from './summary.js';
import { timelinesSection, type PortalIntervals } from './timeline.js';

export interface HtmlReportInput {
  report: CoverageReport;
  model: Model;
  /** Each portal's timeline intervals over the report's period (sorted by portal id). */
  intervals: readonly PortalIntervals[];
  holidays: readonly HolidayEntry[];
  findings: readonly Finding[];
}

/** The page, the same bytes for the same input. */
export function formatReportHtml(input: HtmlReportInput): string {
  const { report, model } = input;
  const { css, script, summaryCss, summaryScript } = pageAssets();
  // A long period is summed up, with its days drawn on demand (summary.ts); a short one is drawn day by day.
  const { first, last } = periodDays(report);
  const long = last - first + 1 > SUMMARY_AFTER_DAYS ? summarySection(report, model, input.intervals) : undefined;
  const zone = report.zone;
  const org = model.organization;
  const title = `Coverage report — ${org?.name ?? org?.id ?? 'shiftready'}`;
  const periodText = `${localTime(report.period.from, zone)} to ${localTime(report.period.to, zone)} (${Number(((report.period.to - report.period.from) / MS_PER_DAY).toFixed(2))} days)`;
  // The stylesheet and the script are this package's own files, inlined as they are.
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
${raw(css)}${long ? raw(summaryCss) : ''}</style>
</head>
<body>
<a class="skip" href="#summary">Skip to the numbers</a>
<svg width="0" height="0" style="position:absolute" aria-hidden="true" focusable="false">${PATTERNS}</svg>
<header><h1>${title}</h1><p class="meta">${periodText}, times in ${zone}</p>
<nav aria-label="Sections"><ul><li><a href="#summary">Numbers</a></li><li><a href="#timelines">Timelines</a></li><li><a href="#week">Week</a></li><li><a href="#gaps">Gaps</a></li><li><a href="#holidays">Holidays</a></li><li><a href="#findings">Findings</a></li><li><a href="#load">Load</a></li></ul></nav></header>
<main>
${totalsSection(report)}
${long ? long.section : timelinesSection(report, model, input.intervals)}
${weekSection(report)}
${gapsSection(report)}
${holidaysSection(input.holidays, report.humansTracked)}
${findingsSection(input.findings)}
${loadSection(report, model)}
</main>
<div id="details" role="status" aria-live="polite" hidden></div>
${
  long
    ? html`${long.data}
`
    : ''
}<script>
${raw(script)}${long ? raw(summaryScript) : ''}</script>
</body>
</html>
`.toString();
}
