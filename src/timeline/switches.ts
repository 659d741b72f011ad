/**
 * The offline switches (SPEC §3.2): the organization's and one per portal, independent. An
 * override sets its switch offline at `offline` and back online at `online` (never, if omitted).
 */
import { type Model, type Override } from '../model/types.js';
import type { Span } from '../time/intervals.js';
import { overrideName } from '../words.js';

/** A stretch during which a switch is off, and the override that holds it off. */
export interface OffSpan extends Span {
  override: Override;
  name: string;
}

/**
 * The off-spans of one switch, sorted and disjoint. Overlapping overrides are an error
 * (override-overlap); should they occur, the one that went offline first keeps the name.
 */
export function switchOffSpans(model: Model, portalId: string | undefined): OffSpan[] {
  const spans: OffSpan[] = [];
  for (const o of model.overrides) {
    if (o.portal !== portalId) continue;
    if (portalId !== undefined && !model.portalById.has(portalId)) continue;
    const span = o.span;
    if (!span) continue;
    const end = span.online ?? Infinity;
    if (end <= span.offline) continue;
    spans.push({ start: span.offline, end, override: o, name: overrideName(o) });
  }
  spans.sort((a, b) => a.start - b.start || a.override.index - b.override.index);
  const out: OffSpan[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    const start = last ? Math.max(s.start, last.end) : s.start;
    if (s.end > start) out.push({ ...s, start });
  }
  return out;
}

/** The off-span containing t, if any. */
export function offSpanAt(spans: readonly OffSpan[], t: number): OffSpan | undefined {
  for (const s of spans) {
    if (s.start > t) break;
    if (t < s.end) return s;
  }
  return undefined;
}

/** Walks sorted, disjoint off-spans alongside increasing instants. */
export class SpanCursor {
  private i = 0;
  constructor(private readonly spans: readonly OffSpan[]) {}

  private skipTo(t: number): OffSpan | undefined {
    while (this.i < this.spans.length && this.spans[this.i]!.end <= t) this.i++;
    return this.spans[this.i];
  }

  /** The span containing t, if any. */
  at(t: number): OffSpan | undefined {
    const s = this.skipTo(t);
    return s && s.start <= t ? s : undefined;
  }

  /** The first instant after t at which the switch changes (Infinity if never). */
  nextChange(t: number): number {
    const s = this.skipTo(t);
    if (!s) return Infinity;
    return s.start > t ? s.start : s.end;
  }
}
