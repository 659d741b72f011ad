/**
 * A local day's row of a timeline chart: which instants it shows and where, when the clocks
 * change that day.
 */
import { MS_PER_DAY } from '../../time/civil.js';
import type { ZoneTable } from '../../time/zone.js';

/** Where on a day row a stretch of instants is drawn: a wall-clock x and a band of the row. */
export interface Piece {
  from: number;
  to: number;
  /** Wall-clock ms after the row's local midnight at `from`. */
  wallFrom: number;
  band: 'full' | 'upper' | 'lower';
}

/**
 * A day row's instants cut where the wall clock jumps. Positions are wall-clock times, so 12:00
 * sits under the 12 tick on every day: on a spring-forward day the skipped hour is left empty
 * (and marked), and on a fall-back day the repeated hour is drawn twice, the first pass in the
 * upper half of the row and the second in the lower half.
 */
export function rowPieces(
  table: ZoneTable,
  day: number,
  dayStart: number,
  dayEnd: number,
): { pieces: Piece[]; skipped: { from: number; to: number }[] } {
  const cuts = new Set<number>([dayStart, dayEnd]);
  const upper: [number, number][] = [];
  const lower: [number, number][] = [];
  const skipped: { from: number; to: number }[] = [];
  let before = table.offsetAt(dayStart - 1);
  for (const tr of table.transitionsBetween(dayStart, dayEnd)) {
    const jump = tr.offset - before;
    cuts.add(tr.at);
    if (jump < 0) {
      upper.push([tr.at + jump, tr.at]);
      lower.push([tr.at, tr.at - jump]);
      cuts.add(Math.max(dayStart, tr.at + jump)).add(Math.min(dayEnd, tr.at - jump));
    } else if (jump > 0) {
      const wall = wallMs(table, day, tr.at);
      skipped.push({ from: wall - jump, to: wall });
    }
    before = tr.offset;
  }
  const points = [...cuts].filter((t) => t >= dayStart && t <= dayEnd).sort((a, b) => a - b);
  const pieces: Piece[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const from = points[k]!;
    const to = points[k + 1]!;
    const within = (ranges: [number, number][]) => ranges.some(([a, b]) => from >= a && to <= b);
    pieces.push({ from, to, wallFrom: wallMs(table, day, from), band: within(upper) ? 'upper' : within(lower) ? 'lower' : 'full' });
  }
  return { pieces, skipped };
}

/** Wall-clock ms of an instant after the local midnight that starts `day`. */
function wallMs(table: ZoneTable, day: number, t: number): number {
  const w = table.instantToWall(t);
  return (w.day - day) * MS_PER_DAY + w.msOfDay;
}
