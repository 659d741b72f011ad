/**
 * The week's shape: per portal, a heat map of the share of each weekday-hour online, in a
 * single-hue blue scale that reads in every colour vision and in grey, with the same numbers as
 * a table of percentages.
 */
import type { CoverageReport, PortalReport } from '../../report/coverage.js';
import { DAYS } from '../report.js';
import { html, lines, type Html } from './html.js';

export function weekSection(report: CoverageReport): Html {
  return lines([html`<section id="week"><h2>The week's shape</h2>`, ...report.portals.map(heatMap), html`</section>`]);
}

const HOURS = Array.from({ length: 24 }, (_, h) => h);

function heatMap(p: PortalReport): Html {
  const id = p.portal.id;
  const head = html`<tr><th></th>${HOURS.map((h) => html`<th scope="col">${twoDigits(h)}</th>`)}</tr>`;
  const rows = p.weekShape.map(
    (row, d) =>
      html`<tr><th scope="row">${DAYS[d]!}</th>${row.map((share, h) => html`<td style="background:${heatColor(share)}" title="${DAYS[d]!} ${twoDigits(h)}:00–${twoDigits(h + 1)}:00: ${(share * 100).toFixed(0)}% online" aria-label="${(share * 100).toFixed(0)}%"></td>`)}</tr>`,
  );
  const percentages = html`<table><tr><th></th>${HOURS.map((h) => html`<th class="num">${h}</th>`)}</tr>${p.weekShape.map((row, d) => html`<tr><th>${DAYS[d]!}</th>${row.map((share) => html`<td class="num">${Math.round(share * 100)}</td>`)}</tr>`)}</table>`;
  return html`<figure class="heat-map" data-portal="${id}"><figcaption>${p.portal.name ?? id}: share of each hour of the week online (darker = more)</figcaption>
<table class="heat" role="table" aria-label="Share of each hour of the week that ${id} is online">${head}${rows}</table>
<details><summary>As percentages</summary>${percentages}</details></figure>`;
}

function heatColor(share: number): string {
  // A light-to-dark blue scale (readable in every colour vision, and in grey).
  const light = [239, 243, 255];
  const dark = [8, 69, 148];
  const c = light.map((l, k) => Math.round(l + (dark[k]! - l) * share));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}
