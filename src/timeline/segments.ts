/**
 * The occurrences of a portal's serving shifts as segments with one set of counting users each
 * (cut where someone goes away or comes back), in typed arrays, and merged into start order.
 */
import type { Model, Portal } from '../model/types.js';
import type { Period } from '../time/period.js';
import type { StaffingPool } from './pool.js';
import type { StaffingContext } from './staffing.js';

/**
 * The segments of a portal's serving occurrences (clipped to the period) in typed arrays: start,
 * end, and the staffing token (-1 when not staffed). Each shift's segments form a run sorted by
 * start.
 */
export class Segments {
  start = new Float64Array(1024);
  end = new Float64Array(1024);
  token = new Int32Array(1024);
  length = 0;
  /** Where each shift's run begins (runs[i] .. runs[i + 1]). */
  runs: number[] = [0];

  push(start: number, end: number, token: number): void {
    if (this.length === this.start.length) {
      const grow = <T extends Float64Array | Int32Array>(a: T): T => {
        const b = new (a.constructor as { new (n: number): T })(a.length * 2);
        b.set(a);
        return b;
      };
      this.start = grow(this.start);
      this.end = grow(this.end);
      this.token = grow(this.token);
    }
    this.start[this.length] = start;
    this.end[this.length] = end;
    this.token[this.length] = token;
    this.length++;
  }

  endRun(): void {
    if (this.runs[this.runs.length - 1] !== this.length) this.runs.push(this.length);
  }

  /** Segment indexes in start order: a heap merge of the sorted runs. */
  order(): Int32Array {
    const out = new Int32Array(this.length);
    const runCount = this.runs.length - 1;
    const head = new Int32Array(runCount); // segment index at the head of each run
    const stop = new Int32Array(runCount);
    for (let r = 0; r < runCount; r++) {
      head[r] = this.runs[r]!;
      stop[r] = this.runs[r + 1]!;
    }
    // A binary min-heap of run numbers, with the start of each one's head segment as its key.
    const heap = new Int32Array(runCount);
    const key = new Float64Array(runCount);
    const start = this.start;
    let size = runCount;
    for (let r = 0; r < runCount; r++) {
      heap[r] = r;
      key[r] = start[head[r]!]!;
    }
    const down = (i: number): void => {
      const run = heap[i]!;
      const k = key[run]!;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= size) break;
        const r = l + 1;
        const child = r < size && key[heap[r]!]! < key[heap[l]!]! ? r : l;
        if (key[heap[child]!]! >= k) break;
        heap[i] = heap[child]!;
        i = child;
      }
      heap[i] = run;
    };
    for (let i = (size >> 1) - 1; i >= 0; i--) down(i);
    let n = 0;
    while (size > 0) {
      const run = heap[0]!;
      const seg = head[run]!;
      out[n++] = seg;
      head[run] = seg + 1;
      if (seg + 1 < stop[run]!) key[run] = start[seg + 1]!;
      else heap[0] = heap[--size]!;
      if (size > 0) down(0);
    }
    return out;
  }
}

export function segmentsOf(portal: Portal, model: Model, period: Period, staffing: StaffingContext, pool: StaffingPool): Segments {
  const out = new Segments();
  for (const shift of model.servingShifts.get(portal) ?? []) {
    // One set of counting users, one token, for every occurrence that no away period touches.
    const counting = staffing.eligibleOf(shift);
    const whole = counting.length >= shift.minStaff ? pool.token(shift, counting) : -1;
    staffing.forEachOccurrencePiece(
      shift,
      period,
      (start, end) => out.push(start, end, whole),
      (seg) => out.push(seg.start, seg.end, seg.staffed ? pool.token(shift, seg.counting) : -1),
    );
    out.endRun();
  }
  return out;
}
