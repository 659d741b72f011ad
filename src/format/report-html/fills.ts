/**
 * How each kind of interval is painted: an Okabe-Ito colour and, for all but two, an SVG pattern
 * too, so no state is told by colour alone; and the legend that says which is which.
 */
import { html, type Html } from './html.js';
import { KIND_LABEL, type Kind } from './intervals.js';

/** The patterns, defined once in the page for every chart and the legend. */
export const PATTERNS = html`<defs>
<pattern id="p-on-placeholder" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="var(--on-placeholder)"/><line x1="0" y1="0" x2="0" y2="6" stroke="#000" stroke-width="1.6" stroke-opacity=".55"/></pattern>
<pattern id="p-off-unstaffed" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="var(--off-unstaffed)"/><path d="M0 0L6 6M6 0L0 6" stroke="#000" stroke-width="1" stroke-opacity=".55"/></pattern>
<pattern id="p-clock-gap" width="4" height="4" patternUnits="userSpaceOnUse"><rect width="4" height="4" fill="#fff"/><path d="M0 4L4 0" stroke="#777" stroke-width="0.7"/></pattern>
<pattern id="p-off-override" width="5" height="5" patternUnits="userSpaceOnUse"><rect width="5" height="5" fill="var(--off-override)"/><circle cx="2.5" cy="2.5" r="1" fill="#000" fill-opacity=".6"/></pattern>
</defs>`;

/** The `fill` of a kind: a colour of page.css, or one of the patterns. */
export function fillOf(kind: Kind): string {
  switch (kind) {
    case 'on-human':
      return 'var(--on-human)';
    case 'off-no-shift':
      return 'var(--off-no-shift)';
    default:
      return `url(#p-${kind})`;
  }
}

export function legend(): Html {
  const kinds = (Object.keys(KIND_LABEL) as Kind[]).map((k) => html`<li>${swatch(fillOf(k))}${KIND_LABEL[k]}</li>`);
  return html`<ul class="legend" aria-label="Legend">${kinds}<li>${swatch('var(--holiday)')}Holiday (★ on the date)</li><li>${swatch('url(#p-clock-gap)')}± Clocks change: the skipped hour is hatched; a repeated hour is drawn twice, in the upper then the lower half of the row</li></ul>`;
}

function swatch(fill: string): Html {
  return html`<svg width="28" height="14" aria-hidden="true"><rect width="28" height="14" fill="${fill}"/></svg>`;
}
