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
 * `union` of spans given flat, as [start, end, start, end, …] (large lists are cheaper to build
 * so, without an object per span).
 */
export function unionFlat(flat: readonly number[]): Span[] {
  const order: number[] = [];
  let sorted = true;
  for (let k = 0; k < flat.length; k += 2) {
    if (flat[k + 1]! <= flat[k]!) continue;
    if (order.length && flat[k]! < flat[order[order.length - 1]!]!) sorted = false;
    order.push(k);
  }
  // By start only: spans with the same start merge into the same span whatever their order.
  if (!sorted) order.sort((a, b) => flat[a]! - flat[b]!);
  const out: Span[] = [];
  let last: Span | undefined;
  for (const k of order) {
    const start = flat[k]!;
    const end = flat[k + 1]!;
    if (last && start <= last.end) {
      if (end > last.end) last.end = end;
    } else out.push((last = { start, end }));
  }
  return out;
}

/**
 * `union` of several lists of spans given flat, each sorted by start ([start, end, start, end, …]),
 * by merging them: a user's time is a few such lists (one per shift), shared among the users of a
 * shift, so nothing is copied or sorted. A list out of order is sorted first.
 */
export function unionOfRuns(runs: readonly (readonly number[])[]): Span[] {
  for (const run of runs) {
    for (let k = 2; k < run.length; k += 2) if (run[k]! < run[k - 2]!) return unionFlat(runs.flat());
  }
  const at = new Array<number>(runs.length).fill(0);
  const out: Span[] = [];
  let last: Span | undefined;
  for (;;) {
    // The run whose next span starts first (a user is on a few runs).
    let best = -1;
    let bestStart = Infinity;
    for (let r = 0; r < runs.length; r++) {
      const k = at[r]!;
      if (k < runs[r]!.length && runs[r]![k]! < bestStart) {
        best = r;
        bestStart = runs[r]![k]!;
      }
    }
    if (best < 0) return out;
    const end = runs[best]![at[best]! + 1]!;
    at[best]! += 2;
    if (end <= bestStart) continue;
    if (last && bestStart <= last.end) {
      if (end > last.end) last.end = end;
    } else out.push((last = { start: bestStart, end }));
  }
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
