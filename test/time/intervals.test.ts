/** Interval algebra on half-open spans: unit cases and a point-membership property. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clip,
  contains,
  intersect,
  mergeAdjacent,
  overlapsAny,
  subtract,
  totalLength,
  union,
  unionFlat,
  unionOfRuns,
  flatLength,
  overlapsAnyFlat,
  type Span,
} from '../../src/time/intervals.js';

const s = (start: number, end: number): Span => ({ start, end });

describe('interval algebra', () => {
  it('union merges overlapping and touching spans, drops empty ones', () => {
    expect(union([s(5, 7), s(0, 2), s(2, 3), s(6, 9), s(4, 4)])).toEqual([s(0, 3), s(5, 9)]);
  });
  it('intersect keeps what both cover', () => {
    expect(intersect([s(0, 10)], [s(2, 3), s(5, 12)])).toEqual([s(2, 3), s(5, 10)]);
    expect(intersect([s(0, 2)], [s(2, 4)])).toEqual([]); // half-open: they only touch
  });
  it('subtract removes what the second covers', () => {
    expect(subtract([s(0, 10)], [s(2, 3), s(5, 12)])).toEqual([s(0, 2), s(3, 5)]);
    expect(subtract([s(0, 10)], [])).toEqual([s(0, 10)]);
    expect(subtract([s(0, 10)], [s(-5, 20)])).toEqual([]);
  });
  it('totalLength counts overlaps once', () => {
    expect(totalLength([s(0, 4), s(2, 6), s(10, 11)])).toBe(7);
  });
  it('clip and contains respect half-open ends', () => {
    expect(clip(s(0, 10), 5, 20)).toEqual(s(5, 10));
    expect(clip(s(0, 5), 5, 20)).toBeUndefined();
    expect(contains(s(0, 5), 0)).toBe(true);
    expect(contains(s(0, 5), 5)).toBe(false);
  });
  it('overlapsAny finds an overlap in sorted, disjoint spans; touching ends do not overlap', () => {
    const spans = [s(0, 2), s(5, 7), s(9, 12)];
    const overlapping = [s(1, 3), s(4, 6), s(10, 11)];
    const apart = [s(2, 5), s(7, 9), s(-3, 0), s(12, 20)];
    for (const q of overlapping) expect(overlapsAny(spans, q.start, q.end), `${q.start}–${q.end}`).toBe(true);
    for (const q of apart) expect(overlapsAny(spans, q.start, q.end), `${q.start}–${q.end}`).toBe(false);
    expect(overlapsAny([], 0, 10)).toBe(false);
  });
  it('mergeAdjacent joins touching neighbours with equal values', () => {
    const items = [
      { ...s(0, 2), v: 'a' },
      { ...s(2, 5), v: 'a' },
      { ...s(5, 6), v: 'b' },
      { ...s(7, 8), v: 'b' },
    ];
    expect(mergeAdjacent(items, (a, b) => a.v === b.v)).toEqual([
      { ...s(0, 5), v: 'a' },
      { ...s(5, 6), v: 'b' },
      { ...s(7, 8), v: 'b' },
    ]);
  });

  const spans = fc.array(
    fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 10 })).map(([a, len]) => s(a, a + len)),
    { maxLength: 8 },
  );
  const inAny = (list: Span[], t: number) => list.some((x) => contains(x, t));
  const normalized = (list: Span[]) => list.every((x, i) => x.end > x.start && (i === 0 || list[i - 1]!.end < x.start));

  it('agrees with point membership at every integer point', () => {
    fc.assert(
      fc.property(spans, spans, (a, b) => {
        const u = union([...a, ...b]);
        // The same spans given flat, in another order, give exactly the same list, flat.
        const flat = (list: Span[]) => list.flatMap((x) => [x.start, x.end]);
        expect(unionFlat(flat([...b, ...a]))).toEqual(flat(u));
        // And as runs: each list sorted by start, or (the fallback) not; many runs are sorted instead.
        const byStart = (list: Span[]) => [...list].sort((x, y) => x.start - y.start);
        expect(unionOfRuns([flat(byStart(a)), flat(byStart(b))])).toEqual(flat(u));
        expect(unionOfRuns([flat(a), flat(b), []])).toEqual(flat(u));
        expect(unionOfRuns([...a, ...b].map((x) => [x.start, x.end]))).toEqual(flat(u));
        expect(flatLength(flat(u))).toBe(totalLength(u));
        for (let t = -1; t <= 52; t++) expect(overlapsAnyFlat(flat(u), t, t + 3)).toBe(overlapsAny(u, t, t + 3));
        const i = intersect(a, b);
        const d = subtract(a, b);
        for (const list of [u, i, d]) expect(normalized(list)).toBe(true);
        for (let t = -1; t <= 52; t++) {
          expect(inAny(u, t)).toBe(inAny(a, t) || inAny(b, t));
          expect(inAny(i, t)).toBe(inAny(a, t) && inAny(b, t));
          expect(inAny(d, t)).toBe(inAny(a, t) && !inAny(b, t));
        }
      }),
    );
  });
});
