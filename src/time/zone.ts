/**
 * Time zones: the one mapping from wall-clock time to an instant (SPEC §3.1), and back.
 *
 * Offsets come from the IANA database through luxon (which asks Intl), but a luxon lookup costs
 * ~6 µs, so each zone's offset transitions are found once per UTC year (sampled every 7 days,
 * each change then located to the second by bisection, and the search resumed after it) and every
 * conversion after that is a table lookup. Nothing here depends on the machine's own time zone.
 *
 * The step misses only a change and its reversal within 7 days (A → B → A); two changes to
 * different offsets are both found. Checked against 12-hour sampling for every zone of Node's
 * database, 1900–2040: the same tables (docs/recurrence.md).
 */
import { IANAZone } from 'luxon';
import { MS_PER_DAY, civilFromDays, daysFromCivil, type DayNumber } from './civil.js';
import { IANA_ZONE_NAMES } from './iana-zones.js';

const HOUR = 3_600_000;
const SAMPLE_STEP = 7 * 24 * HOUR;

export interface Transition {
  /** First instant (epoch ms) at which `offset` applies. */
  at: number;
  /** Offset in ms east of UTC from `at` on. */
  offset: number;
}

interface YearTable {
  /** Offset at the start of the UTC year. */
  startOffset: number;
  transitions: Transition[];
}

/** A stretch of time with one offset: [from, to). */
interface OffsetRange {
  from: number;
  to: number;
  offset: number;
}

/** Offset transitions of one IANA zone, computed lazily per UTC year. */
export class ZoneTable {
  private readonly years = new Map<number, YearTable>();
  private readonly zone: IANAZone;
  /** The range of the last lookup: most conversions fall in it and need no search. */
  private recent: OffsetRange = { from: 0, to: 0, offset: 0 };

  /** `sampleStep` (ms) is for scripts/verify-zone-tables.mjs, which compares steps. */
  constructor(
    readonly name: string,
    private readonly sampleStep = SAMPLE_STEP,
  ) {
    this.zone = IANAZone.create(name);
  }

  private rawOffset(ms: number): number {
    return Math.round(this.zone.offset(ms) * 60_000);
  }

  private yearTable(year: number): YearTable {
    let table = this.years.get(year);
    if (table) return table;
    // A year that is not one (NaN from a bad date) would make the sampling loop below endless.
    if (!Number.isInteger(year) || year < 1 || year > 9999) throw new RangeError(`no time zone offsets for year ${year}`);
    const start = daysFromCivil(year, 1, 1) * MS_PER_DAY;
    const end = daysFromCivil(year + 1, 1, 1) * MS_PER_DAY;
    const startOffset = this.rawOffset(start);
    const transitions: Transition[] = [];
    let prevT = start;
    let prevOffset = startOffset;
    for (let t = Math.min(start + this.sampleStep, end); ; t = Math.min(t + this.sampleStep, end)) {
      const offset = this.rawOffset(t);
      // Each change in (prevT, t] is located to the second by bisection, with the offset found
      // there; then the search goes on after it, so two changes in one step are both found.
      while (offset !== prevOffset) {
        let lo = prevT;
        let hi = t;
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
          if (this.rawOffset(mid) === prevOffset) lo = mid;
          else hi = mid;
        }
        const found = this.rawOffset(hi);
        transitions.push({ at: hi, offset: found });
        prevOffset = found;
        prevT = hi;
      }
      prevT = t;
      if (t >= end) break;
    }
    table = { startOffset, transitions };
    this.years.set(year, table);
    return table;
  }

  /** The stretch of constant offset around an instant (bounded by the UTC year). */
  private rangeAt(ms: number): OffsetRange {
    const { year } = civilFromDays(Math.floor(ms / MS_PER_DAY));
    const table = this.yearTable(year);
    let from = daysFromCivil(year, 1, 1) * MS_PER_DAY;
    let to = daysFromCivil(year + 1, 1, 1) * MS_PER_DAY;
    let offset = table.startOffset;
    for (const tr of table.transitions) {
      if (tr.at > ms) {
        to = tr.at;
        break;
      }
      from = tr.at;
      offset = tr.offset;
    }
    return { from, to, offset };
  }

  /** Offset (ms east of UTC) in force at an instant. */
  offsetAt(ms: number): number {
    const r = this.recent;
    if (ms >= r.from && ms < r.to) return r.offset;
    this.recent = this.rangeAt(ms);
    return this.recent.offset;
  }

  /**
   * The instant of a wall-clock time, per RFC 5545 §3.3.5 and Temporal's `compatible`
   * disambiguation: a time in a spring-forward gap is read with the offset in force before the
   * gap (New York 02:30 becomes 03:30 EDT); an ambiguous time in a fall-back overlap is the
   * earlier of its two instants.
   */
  wallToInstant(day: DayNumber, msOfDay: number): number {
    const local = day * MS_PER_DAY + msOfDay;
    // Fast path: with one offset for a day either side, the time exists and is not ambiguous.
    const r = this.recent;
    const guess = local - r.offset;
    if (guess - MS_PER_DAY >= r.from && guess + MS_PER_DAY < r.to) return guess;
    const before = this.offsetAt(local - MS_PER_DAY);
    const after = this.offsetAt(local + MS_PER_DAY);
    let best: number | undefined;
    for (const offset of before === after ? [before] : [before, after]) {
      const candidate = local - offset;
      if (this.offsetAt(candidate) === offset && (best === undefined || candidate < best)) best = candidate;
    }
    return best ?? local - before;
  }

  /**
   * How a wall-clock time maps: `exists` (one instant), `gap` (skipped by a forward change; it is
   * read with the offset before the gap) or `ambiguous` (repeated by a backward change; it is the
   * earlier instant).
   */
  wallKind(day: DayNumber, msOfDay: number): 'exists' | 'gap' | 'ambiguous' {
    const local = day * MS_PER_DAY + msOfDay;
    const before = this.offsetAt(local - MS_PER_DAY);
    const after = this.offsetAt(local + MS_PER_DAY);
    if (before === after) return this.offsetAt(local - before) === before ? 'exists' : 'gap';
    const valid = [before, after].filter((o) => this.offsetAt(local - o) === o).length;
    return valid === 0 ? 'gap' : valid === 2 ? 'ambiguous' : 'exists';
  }

  /** Local wall time of an instant: its day number and ms after local midnight. */
  instantToWall(ms: number): { day: DayNumber; msOfDay: number } {
    const local = ms + this.offsetAt(ms);
    const day = Math.floor(local / MS_PER_DAY);
    return { day, msOfDay: local - day * MS_PER_DAY };
  }

  /** Offset transitions (instant, new offset) in [fromMs, toMs). */
  transitionsBetween(fromMs: number, toMs: number): Transition[] {
    const out: Transition[] = [];
    const first = civilFromDays(Math.floor(fromMs / MS_PER_DAY)).year;
    const last = civilFromDays(Math.floor((toMs - 1) / MS_PER_DAY)).year;
    for (let y = first; y <= last; y++) {
      for (const tr of this.yearTable(y).transitions) if (tr.at >= fromMs && tr.at < toMs) out.push(tr);
    }
    return out;
  }
}

const tables = new Map<string, ZoneTable>();

/** The shared offset table of a zone; the name must be valid (see `checkZoneName`). */
export function zoneTable(name: string): ZoneTable {
  let table = tables.get(name);
  if (!table) {
    table = new ZoneTable(name);
    tables.set(name, table);
  }
  return table;
}

/** Wall-clock time in a zone → instant (epoch ms). The one mapping used everywhere. */
export function wallToInstant(zone: string, day: DayNumber, msOfDay: number): number {
  return zoneTable(zone).wallToInstant(day, msOfDay);
}

export type ZoneNameCheck = { ok: true } | { ok: false; suggestion?: string; abbreviation?: boolean };

let canonical: ReadonlySet<string> | undefined;
const checked = new Map<string, ZoneNameCheck>();

/**
 * Whether a name is an IANA time zone name that this Node.js can use. Intl accepts more than
 * IANA defines (abbreviations such as BST, which it reads as Asia/Dhaka) and any letter case; we
 * accept neither, and suggest the proper spelling where there is one.
 */
export function checkZoneName(name: string): ZoneNameCheck {
  let result = checked.get(name);
  if (!result) {
    result = checkZoneNameUncached(name);
    checked.set(name, result);
  }
  return result;
}

function checkZoneNameUncached(name: string): ZoneNameCheck {
  if (!IANAZone.isValidZone(name)) return { ok: false };
  canonical ??= new Set(Intl.supportedValuesOf('timeZone'));
  if (IANA_ZONE_NAMES.has(name) || canonical.has(name)) return { ok: true };
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  const lower = name.toLowerCase();
  for (const known of IANA_ZONE_NAMES) if (known.toLowerCase() === lower) return { ok: false, suggestion: known };
  if (resolved.toLowerCase() === lower) return { ok: false, suggestion: resolved };
  return { ok: false, abbreviation: /^[A-Za-z]{2,5}$/.test(name) };
}
