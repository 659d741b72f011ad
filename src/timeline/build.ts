/**
 * The timeline stage: occurrences → portal intervals (SPEC §3.2).
 *
 * For each portal, the occurrences of its serving shifts are cut into segments with one set of
 * counting users, and swept together with the off-spans of the organization switch and the
 * portal's switch. Each stretch between two changes gets one state: online if a staffed serving
 * occurrence covers it and no switch is off; otherwise offline with the first reason that
 * applies — override (it would be online), unstaffed, no-shift. Neighbours with equal fields are
 * merged, so the intervals cover the period exactly.
 */
import { seriesOf } from '../model/timing.js';
import type { Model, Portal, Shift, User } from '../model/types.js';
import type { Period } from '../time/period.js';
import { forEachOccurrenceSpan } from '../time/series.js';
import { StaffingContext } from './staffing.js';
import { switchOffSpans, type OffSpan } from './switches.js';
import type { OfflineInterval, PortalInterval, PortalTimeline, Staffing, Timeline } from './types.js';

function sameTokens(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The users registered on any shift, ranked by id in code-unit order (SPEC §3.3), with per-rank
 * flags. Built once per model.
 */
interface UserRanks {
  rank: Map<User, number>;
  ids: string[];
  human: Uint8Array;
  alerted: Uint8Array;
}

const ranksCache = new WeakMap<Model, UserRanks>();

function userRanks(model: Model): UserRanks {
  let ranks = ranksCache.get(model);
  if (!ranks) {
    const onShifts = new Set<string>();
    for (const shift of model.shifts) for (const id of shift.staff) if (model.userById.has(id)) onShifts.add(id);
    const ids = [...onShifts].sort();
    const rank = new Map<User, number>();
    const human = new Uint8Array(ids.length);
    const alerted = new Uint8Array(ids.length);
    ids.forEach((id, i) => {
      const user = model.userById.get(id)!;
      rank.set(user, i);
      human[i] = user.placeholder ? 0 : 1;
      alerted[i] = user.mobileAlerts ? 1 : 0;
    });
    ranks = { rank, ids, human, alerted };
    ranksCache.set(model, ranks);
  }
  return ranks;
}

/**
 * Interns staffing field sets, so equal neighbours compare by reference and share memory. Each
 * (shift, counting users) pair gets a small numeric token — the same token for the same users,
 * whichever array holds them. The staffing of a moment is found by the sorted tokens of its
 * staffed segments and built once: users are handled as ranks in code-unit order of their ids
 * (SPEC §3.3), so a union is a numeric sort of a few integers.
 */
class StaffingPool {
  private readonly byArray = new Map<Shift, Map<readonly User[], number>>();
  private readonly byContent = new Map<string, number>();
  private readonly tokenShift: string[] = [];
  private readonly tokenRanks: Int32Array[] = [];
  /** Staffings by a hash of their token list; each bucket is checked for the exact list. */
  private readonly byTokens = new Map<number, { tokens: number[]; staffing: Staffing }[]>();
  private readonly ranks: UserRanks;
  /** Reused to merge the ranks of several tokens. */
  private scratch = new Int32Array(64);

  constructor(model: Model) {
    this.ranks = userRanks(model);
  }

  token(shift: Shift, counting: readonly User[]): number {
    let byUsers = this.byArray.get(shift);
    if (!byUsers) {
      byUsers = new Map();
      this.byArray.set(shift, byUsers);
    }
    let token = byUsers.get(counting);
    if (token !== undefined) return token;
    const ranks = Int32Array.from(counting, (u) => this.ranks.rank.get(u)!).sort();
    const content = `${shift.id}\u0000${ranks.join(',')}`;
    token = this.byContent.get(content);
    if (token === undefined) {
      token = this.tokenShift.length;
      this.tokenShift.push(shift.id);
      this.tokenRanks.push(ranks);
      this.byContent.set(content, token);
    }
    byUsers.set(counting, token);
    return token;
  }

  /** The staffing of a set of staffed segments, given their distinct tokens in ascending order. */
  get(tokens: readonly number[]): Staffing {
    let hash = 0;
    for (const t of tokens) hash = (Math.imul(hash, 0x01000193) ^ (t + 1)) | 0;
    const bucket = this.byTokens.get(hash);
    if (bucket) {
      for (const entry of bucket) if (sameTokens(entry.tokens, tokens)) return entry.staffing;
    }
    const staffing = tokens.length === 1 ? this.single(tokens[0]!) : this.union(tokens);
    const entry = { tokens: tokens.slice(), staffing };
    if (bucket) bucket.push(entry);
    else this.byTokens.set(hash, [entry]);
    return staffing;
  }

  private single(token: number): Staffing {
    const ranks = this.tokenRanks[token]!;
    return this.fields([this.tokenShift[token]!], ranks, ranks.length);
  }

  /** Several staffed segments: their users merged by rank, their shift ids sorted. */
  private union(tokens: readonly number[]): Staffing {
    let total = 0;
    for (const t of tokens) total += this.tokenRanks[t]!.length;
    if (this.scratch.length < total) this.scratch = new Int32Array(Math.max(total, this.scratch.length * 2));
    const all = this.scratch;
    let at = 0;
    for (const t of tokens) {
      all.set(this.tokenRanks[t]!, at);
      at += this.tokenRanks[t]!.length;
    }
    all.subarray(0, total).sort();
    let kept = 0;
    for (let i = 0; i < total; i++) if (i === 0 || all[i] !== all[i - 1]) all[kept++] = all[i]!;
    const shifts: string[] = [];
    for (const t of tokens) shifts.push(this.tokenShift[t]!);
    shifts.sort(byCodeUnit);
    let distinct = 0;
    for (let i = 0; i < shifts.length; i++) if (i === 0 || shifts[i] !== shifts[i - 1]) shifts[distinct++] = shifts[i]!;
    shifts.length = distinct;
    return this.fields(shifts, all, kept);
  }

  private fields(shifts: string[], ranks: Int32Array, n: number): Staffing {
    const { ids, human, alerted } = this.ranks;
    const staff: string[] = new Array<string>(n);
    const humans: string[] = [];
    const alerts: string[] = [];
    for (let i = 0; i < n; i++) {
      const r = ranks[i]!;
      const id = ids[r]!;
      staff[i] = id;
      if (human[r]) {
        humans.push(id);
        if (alerted[r]) alerts.push(id);
      }
    }
    return { shifts, staff, humans, alerts };
  }
}

/** Equal id lists (by reference first: interned lists are shared). */
function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const servingCache = new WeakMap<Model, Map<string, Shift[]>>();

/**
 * The serving shifts of a portal (SPEC §3.2: same program, exactly one messaging type, the
 * portal's), with valid series, in id order. Grouped once per model.
 */
export function servingShifts(portal: Portal, model: Model): Shift[] {
  let groups = servingCache.get(model);
  if (!groups) {
    groups = new Map();
    for (const shift of model.shifts) {
      if (shift.messaging.length !== 1 || shift.program === undefined || !seriesOf(shift, model)) continue;
      const key = `${shift.program}\u0000${shift.messaging[0]}`;
      const list = groups.get(key) ?? [];
      list.push(shift);
      groups.set(key, list);
    }
    for (const list of groups.values()) list.sort((a, b) => byCodeUnit(a.id, b.id));
    servingCache.set(model, groups);
  }
  return groups.get(`${portal.program}\u0000${portal.type}`) ?? [];
}

/**
 * The segments of a portal's serving occurrences (clipped to the period) in typed arrays: start,
 * end, and the staffing token (-1 when not staffed). Each shift's segments form a run sorted by
 * start.
 */
class Segments {
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
    const heads: number[] = []; // segment index at the head of each run
    const ends: number[] = [];
    for (let r = 0; r + 1 < this.runs.length; r++) {
      heads.push(this.runs[r]!);
      ends.push(this.runs[r + 1]!);
    }
    const start = this.start;
    // A binary min-heap of run numbers, keyed by their head segment's start.
    const heap = heads.map((_, r) => r);
    const less = (a: number, b: number) => start[heads[a]!]! < start[heads[b]!]!;
    const down = (i: number) => {
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
        if (m === i) return;
        const swap = heap[i]!;
        heap[i] = heap[m]!;
        heap[m] = swap;
        i = m;
      }
    };
    for (let i = (heap.length >> 1) - 1; i >= 0; i--) down(i);
    let n = 0;
    while (heap.length > 0) {
      const run = heap[0]!;
      out[n++] = heads[run]!++;
      if (heads[run]! >= ends[run]!) {
        heap[0] = heap[heap.length - 1]!;
        heap.pop();
      }
      if (heap.length > 0) down(0);
    }
    return out;
  }
}

function segmentsOf(portal: Portal, model: Model, period: Period, staffing: StaffingContext, pool: StaffingPool): Segments {
  const out = new Segments();
  for (const shift of servingShifts(portal, model)) {
    const spec = seriesOf(shift, model)!;
    if (!staffing.anyAway(shift)) {
      // One set of counting users for every occurrence: one token.
      const counting = staffing.eligibleOf(shift);
      const token = counting.length >= shift.minStaff ? pool.token(shift, counting) : -1;
        forEachOccurrenceSpan(spec, period.from, period.to, (oStart, oEnd) => {
        const start = oStart > period.from ? oStart : period.from;
        const end = oEnd < period.to ? oEnd : period.to;
        if (end > start) out.push(start, end, token); // an end not after the start covers nothing
      });
    } else {
      forEachOccurrenceSpan(spec, period.from, period.to, (oStart, oEnd) => {
        const start = Math.max(oStart, period.from);
        const end = Math.min(oEnd, period.to);
        if (end <= start) return;
        for (const seg of staffing.segments(shift, start, end)) {
          if (seg.end > seg.start) out.push(seg.start, seg.end, seg.staffed ? pool.token(shift, seg.counting) : -1);
        }
      });
    }
    out.endRun();
  }
  return out;
}

/** Walks sorted, disjoint off-spans alongside increasing instants. */
class SpanCursor {
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

function offline(start: number, end: number, reason: OfflineInterval['reason'], off?: OffSpan): OfflineInterval {
  const interval: OfflineInterval = { start, end, state: 'offline', reason };
  if (off) {
    interval.override = off.name;
    interval.scope = off.override.portal === undefined ? 'organization' : 'portal';
  }
  return interval;
}

interface PortalTimelineInput {
  portal: Portal;
  model: Model;
  period: Period;
  staffing: StaffingContext;
  pool: StaffingPool;
  organizationSwitch: readonly OffSpan[];
}

function portalTimeline({ portal, model, period, staffing, pool, organizationSwitch }: PortalTimelineInput): PortalTimeline {
  const segments = segmentsOf(portal, model, period, staffing, pool);
  const order = segments.order();
  const { start: segStart, end: segEnd, token: segToken } = segments;
  const n = order.length;
  const orgCursor = new SpanCursor(organizationSwitch);
  const portalCursor = new SpanCursor(switchOffSpans(model, portal.id));
  const intervals: PortalInterval[] = [];
  let active = new Int32Array(16);
  let activeLength = 0;
  const tokens: number[] = [];
  const lastTokens: number[] = [];
  let staffingNow: Staffing | undefined;
  // The next instants at which the switches change; recomputed only once passed.
  let orgNext = -Infinity;
  let portalNext = -Infinity;
  let next = 0; // position in `order` of the next segment to activate
  let t = period.from;
  while (t < period.to) {
    // Drop what has ended and add what starts; the stretch lasts until the nearest change.
    let kept = 0;
    for (let k = 0; k < activeLength; k++) if (segEnd[active[k]!]! > t) active[kept++] = active[k]!;
    activeLength = kept;
    while (next < n && segStart[order[next]!]! <= t) {
      if (activeLength === active.length) {
        const bigger = new Int32Array(active.length * 2);
        bigger.set(active);
        active = bigger;
      }
      active[activeLength++] = order[next++]!;
    }
    if (t >= orgNext) orgNext = orgCursor.nextChange(t);
    if (t >= portalNext) portalNext = portalCursor.nextChange(t);
    let end = period.to < orgNext ? period.to : orgNext;
    if (portalNext < end) end = portalNext;
    if (next < n && segStart[order[next]!]! < end) end = segStart[order[next]!]!;
    // The distinct tokens of the staffed active segments, ascending (a handful: insertion sort).
    tokens.length = 0;
    for (let k = 0; k < activeLength; k++) {
      const seg = active[k]!;
      if (segEnd[seg]! < end) end = segEnd[seg]!;
      const token = segToken[seg]!;
      if (token < 0) continue;
      let i = tokens.length;
      while (i > 0 && tokens[i - 1]! > token) i--;
      if (i > 0 && tokens[i - 1] === token) continue;
      tokens.push(token);
      for (let j = tokens.length - 1; j > i; j--) tokens[j] = tokens[j - 1]!;
      tokens[i] = token;
    }
    // When both switches are off, the organization's override is named (SPEC §3.3).
    const off = tokens.length > 0 ? (orgCursor.at(t) ?? portalCursor.at(t)) : undefined;
    const last = intervals[intervals.length - 1];
    if (tokens.length > 0 && !off) {
      if (!sameTokens(tokens, lastTokens)) {
        staffingNow = pool.get(tokens);
        lastTokens.length = tokens.length;
        for (let i = 0; i < tokens.length; i++) lastTokens[i] = tokens[i]!;
      }
      const f = staffingNow!;
      if (last?.state === 'online' && sameIds(last.shifts, f.shifts) && sameIds(last.staff, f.staff)) last.end = end;
      else intervals.push({ start: t, end, state: 'online', shifts: f.shifts, staff: f.staff, humans: f.humans, alerts: f.alerts });
    } else {
      const reason = off ? 'override' : activeLength > 0 ? 'unstaffed' : 'no-shift';
      const name = off?.name;
      if (last?.state === 'offline' && last.reason === reason && last.override === name) last.end = end;
      else intervals.push(offline(t, end, reason, off));
    }
    t = end;
  }
  return { portal, intervals };
}

/** The availability timeline of every portal over the period (portals sorted by id). */
export function buildTimeline(model: Model, period: Period): Timeline {
  const staffing = new StaffingContext(model);
  const pool = new StaffingPool(model);
  const organizationSwitch = switchOffSpans(model, undefined);
  const portals = [...model.portalById.values()]
    .filter((p) => p.type !== undefined)
    .sort((a, b) => byCodeUnit(a.id, b.id))
    .map((portal) => portalTimeline({ portal, model, period, staffing, pool, organizationSwitch }));
  return { period, portals };
}
