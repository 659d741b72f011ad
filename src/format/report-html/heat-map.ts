import type { PortalReport } from '../../report/coverage.js';
import { DAYS } from '../report.js';
import { esc } from './html.js';

function heatColor(share: number): string {
  // A light-to-dark blue scale (readable in every colour vision, and in grey).
  const light = [239, 243, 255];
  const dark = [8, 69, 148];
  const c = light.map((l, k) => Math.round(l + (dark[k]! - l) * share));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

export function heatMap(p: PortalReport): string {
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
