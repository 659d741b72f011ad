/**
 * Interval algebra on half-open spans [start, end) of instants (SPEC §3.3: every span is
 * half-open). Lists are "normalized" when sorted, non-empty and neither overlapping nor touching.
 */

export interface Span {
  start: number;
  end: number;
}

/** Sorts and merges overlapping or touching spans; drops empty ones. */
export function union(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) {
      if (s.end > last.end) last.end = s.end;
    } else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/**
 * `union` of spans given flat, as [start, end, start, end, …], and given back so (large lists are
 * cheaper without an object per span).
 */
export function unionFlat(flat: readonly number[]): number[] {
  const order: number[] = [];
  let sorted = true;
  for (let k = 0; k < flat.length; k += 2) {
    if (flat[k + 1]! <= flat[k]!) continue;
    if (order.length && flat[k]! < flat[order[order.length - 1]!]!) sorted = false;
    order.push(k);
  }
  // By start only: spans with the same start merge into the same span whatever their order.
  if (!sorted) order.sort((a, b) => flat[a]! - flat[b]!);
  const out: number[] = [];
  for (const k of order) appendMerged(out, flat[k]!, flat[k + 1]!);
  return out;
}

/** Adds [start, end) — starting at or after the last span — to a flat normalized list, merging it with the last span when they overlap or touch. */
function appendMerged(out: number[], start: number, end: number): void {
  if (out.length && start <= out[out.length - 1]!) {
    if (end > out[out.length - 1]!) out[out.length - 1] = end;
  } else out.push(start, end);
}

/** Up to this many runs are merged by `unionOfRuns`; more are sorted. */
const MERGE_RUNS = 8;

/**
 * `unionFlat` of several lists of spans given flat, each sorted by start, by merging them: a
 * user's time is a few such lists (one per shift), shared among the users of a shift, so nothing
 * is copied or sorted. A list out of order is sorted first.
 */
export function unionOfRuns(runs: readonly (readonly number[])[]): number[] {
  // Each step looks at every run: for many runs (a placeholder on hundreds of shifts) sorting is quicker.
  if (runs.length > MERGE_RUNS) return unionFlat(runs.flat());
  for (const run of runs) {
    for (let k = 2; k < run.length; k += 2) if (run[k]! < run[k - 2]!) return unionFlat(runs.flat());
  }
  const n = runs.length;
  const at = new Int32Array(n);
  // The start of each run's next span (Infinity when the run is done).
  const heads = new Float64Array(n);
  for (let r = 0; r < n; r++) heads[r] = runs[r]!.length ? runs[r]![0]! : Infinity;
  const out: number[] = [];
  for (;;) {
    let best = 0;
    for (let r = 1; r < n; r++) if (heads[r]! < heads[best]!) best = r;
    const start = heads[best]!;
    if (n === 0 || start === Infinity) return out;
    const run = runs[best]!;
    const k = at[best]!;
    const end = run[k + 1]!;
    at[best] = k + 2;
    heads[best] = k + 2 < run.length ? run[k + 2]! : Infinity;
    if (end > start) appendMerged(out, start, end);
  }
}

/** True when some span of a sorted, disjoint flat list ([start, end, …]) overlaps [start, end) (binary search). */
export function overlapsAnyFlat(flat: readonly number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = flat.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (flat[2 * mid + 1]! <= start) lo = mid + 1;
    else hi = mid;
  }
  return 2 * lo < flat.length && flat[2 * lo]! < end;
}

/** The total length of a flat list of spans. */
export function flatLength(flat: readonly number[]): number {
  let sum = 0;
  for (let k = 0; k < flat.length; k += 2) sum += flat[k + 1]! - flat[k]!;
  return sum;
}

/** The parts of `a` that are also in `b` (both any lists; the result is normalized). */
export function intersect(a: readonly Span[], b: readonly Span[]): Span[] {
  const x = union(a);
  const y = union(b);
  const out: Span[] = [];
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    const start = Math.max(x[i]!.start, y[j]!.start);
    const end = Math.min(x[i]!.end, y[j]!.end);
    if (end > start) out.push({ start, end });
    if (x[i]!.end < y[j]!.end) i++;
    else j++;
  }
  return out;
}

/** The parts of `a` that are not in `b` (the result is normalized). */
export function subtract(a: readonly Span[], b: readonly Span[]): Span[] {
  const y = union(b);
  const out: Span[] = [];
  for (const s of union(a)) {
    let start = s.start;
    for (const cut of y) {
      if (cut.end <= start) continue;
      if (cut.start >= s.end) break;
      if (cut.start > start) out.push({ start, end: cut.start });
      start = Math.max(start, cut.end);
      if (start >= s.end) break;
    }
    if (start < s.end) out.push({ start, end: s.end });
  }
  return out;
}

/** Total length of the union of the spans. */
export function totalLength(spans: readonly Span[]): number {
  return union(spans).reduce((sum, s) => sum + (s.end - s.start), 0);
}

/** The index of the first of the sorted, disjoint `spans` that ends after `start` (binary search). */
function firstEndingAfter(spans: readonly Span[], start: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= start) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when some span of the sorted, disjoint `spans` overlaps [start, end) (binary search). */
export function overlapsAny(spans: readonly Span[], start: number, end: number): boolean {
  const i = firstEndingAfter(spans, start);
  return i < spans.length && spans[i]!.start < end;
}

/** The spans of the sorted, disjoint `spans` that overlap [start, end), unclipped (binary search). */
export function overlapping<T extends Span>(spans: readonly T[], start: number, end: number): readonly T[] {
  const first = firstEndingAfter(spans, start);
  let last = first;
  while (last < spans.length && spans[last]!.start < end) last++;
  return spans.slice(first, last);
}

/** The span clipped to [from, to), or undefined if nothing is left. */
export function clip(span: Span, from: number, to: number): Span | undefined {
  const start = Math.max(span.start, from);
  const end = Math.min(span.end, to);
  return end > start ? { start, end } : undefined;
}

/**
 * Merges neighbours that touch and carry the same value (by `same`), keeping the first's value:
 * [0,2)a [2,5)a [5,6)b → [0,5)a [5,6)b. The input must be sorted and non-overlapping.
 */
export function mergeAdjacent<T extends Span>(items: readonly T[], same: (a: T, b: T) => boolean): T[] {
  const out: T[] = [];
  for (const item of items) {
    const last = out[out.length - 1];
    if (last && last.end === item.start && same(last, item)) out[out.length - 1] = { ...last, end: item.end };
    else out.push(item);
  }
  return out;
}

/** True when `t` lies in the half-open span. */
export function contains(span: Span, t: number): boolean {
  return t >= span.start && t < span.end;
}
