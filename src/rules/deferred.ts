/**
 * What timeline rules leave to the configuration rules (SPEC §4, findings name the root cause):
 * a shift with an error of its own — a wrong program or messaging type, staff who cannot count —
 * explains the gaps it would fill, so those gaps are its finding, not another one.
 */
import type { Portal } from '../model/types.js';
import { union, type Span } from '../time/intervals.js';
import { forEachOccurrence } from '../time/series.js';
import { portalsMeantFor } from '../timeline/staffing.js';
import type { TimelineRuleContext } from './rule.js';

/** The times in [from, to) that shifts meant for `portal` with errors of their own would cover. */
export function spansOfShiftsWithErrors(ctx: TimelineRuleContext, portal: Portal, from: number, to: number): Span[] {
  const spans: Span[] = [];
  for (const shift of ctx.model.shifts) {
    if (!ctx.hasError(shift) || !portalsMeantFor(shift, ctx.model).includes(portal)) continue;
    const spec = shift.timing.series;
    if (!spec) continue;
    forEachOccurrence(spec, from, to, (o) => {
      if (o.end > o.start) spans.push({ start: Math.max(o.start, from), end: Math.min(o.end, to) });
    });
  }
  return union(spans);
}
