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
import { compareCodeUnits } from '../findings.js';
import type { Model, Portal, Shift, User } from '../model/types.js';
import type { Period } from '../time/period.js';
import { forEachOccurrenceSpan } from '../time/series.js';
import { StaffingContext } from './staffing.js';
import { switchOffSpans, type OffSpan } from './switches.js';
import type { OfflineReason, PortalInterval, PortalTimeline, Staffing, Timeline } from './types.js';

/** Equal first `n` entries (token lists are kept in typed buffers with a separate length). */
function sameTokens(a: Int32Array, b: Int32Array, n: number): boolean {
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Sorts the first `n` entries in place: insertion sort for a handful (no call into the runtime). */
function sortSmall(a: Int32Array, n: number): void {
  if (n > 48) {
    a.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = a[i]!;
    let j = i;
    while (j > 0 && a[j - 1]! > v) {
      a[j] = a[j - 1]!;
      j--;
    }
    a[j] = v;
  }
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
  /** Shifts ranked by id in code-unit order, and a shared one-element id list per rank. */
  shiftRank: Map<Shift, number>;
  shiftIds: string[];
  shiftLists: (readonly string[])[];
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
    const shifts = [...model.shifts].sort((a, b) => compareCodeUnits(a.id, b.id));
    const shiftRank = new Map<Shift, number>();
    shifts.forEach((shift, i) => shiftRank.set(shift, i));
    const shiftIds = shifts.map((shift) => shift.id);
    ranks = { rank, ids, human, alerted, shiftRank, shiftIds, shiftLists: shiftIds.map((id) => [id]) };
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
  /** Per token: the shift's rank, and the ranks of its counting users (ascending). */
  private readonly tokenShift: number[] = [];
  private readonly tokenRanks: Int32Array[] = [];
  /** Staffings by a hash of their token list; each bucket is checked for the exact list. */
  private readonly byTokens = new Map<number, { tokens: Int32Array; staffing: Staffing }[]>();
  private readonly ranks: UserRanks;
  /** Reused to merge the ranks of several tokens, and their shift ranks. */
  private scratch = new Int32Array(64);
  private shiftScratch = new Int32Array(16);

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
    const shiftRank = this.ranks.shiftRank.get(shift)!;
    const content = `${shiftRank}:${ranks.join(',')}`;
    token = this.byContent.get(content);
    if (token === undefined) {
      token = this.tokenShift.length;
      this.tokenShift.push(shiftRank);
      this.tokenRanks.push(ranks);
      this.byContent.set(content, token);
    }
    byUsers.set(counting, token);
    return token;
  }

  /** The staffing of a set of staffed segments, given their `n` distinct tokens in ascending order. */
  get(tokens: Int32Array, n: number): Staffing {
    let hash = 0;
    for (let i = 0; i < n; i++) hash = (Math.imul(hash, 0x01000193) ^ (tokens[i]! + 1)) | 0;
    hash &= 0x3fffffff; // a small integer key, never a heap number
    const bucket = this.byTokens.get(hash);
    if (bucket) {
      for (const entry of bucket) if (entry.tokens.length === n && sameTokens(entry.tokens, tokens, n)) return entry.staffing;
    }
    const staffing = n === 1 ? this.single(tokens[0]!) : this.union(tokens, n);
    const entry = { tokens: tokens.slice(0, n), staffing };
    if (bucket) bucket.push(entry);
    else this.byTokens.set(hash, [entry]);
    return staffing;
  }

  private single(token: number): Staffing {
    const ranks = this.tokenRanks[token]!;
    return this.fields(this.ranks.shiftLists[this.tokenShift[token]!]!, ranks, ranks.length);
  }

  /** Several staffed segments: their users merged by rank, their shifts ordered by rank (= by id). */
  private union(tokens: Int32Array, n: number): Staffing {
    let total = 0;
    for (let i = 0; i < n; i++) total += this.tokenRanks[tokens[i]!]!.length;
    if (this.scratch.length < total) this.scratch = new Int32Array(Math.max(total, this.scratch.length * 2));
    if (this.shiftScratch.length < n) this.shiftScratch = new Int32Array(Math.max(n, this.shiftScratch.length * 2));
    const all = this.scratch;
    const shiftRanks = this.shiftScratch;
    let at = 0;
    for (let i = 0; i < n; i++) {
      const ranks = this.tokenRanks[tokens[i]!]!;
      all.set(ranks, at);
      at += ranks.length;
      shiftRanks[i] = this.tokenShift[tokens[i]!]!;
    }
    sortSmall(all, total);
    let kept = 0;
    for (let i = 0; i < total; i++) if (i === 0 || all[i] !== all[i - 1]) all[kept++] = all[i]!;
    sortSmall(shiftRanks, n);
    const { shiftIds } = this.ranks;
    const shifts: string[] = [];
    // Ranks are distinct per shift; equal ids (a duplicate-id error) still collapse to one.
    for (let i = 0; i < n; i++) {
      const id = shiftIds[shiftRanks[i]!]!;
      if (shifts.length === 0 || shifts[shifts.length - 1] !== id) shifts.push(id);
    }
    return this.fields(shifts.length === 1 ? this.ranks.shiftLists[shiftRanks[0]!]! : shifts, all, kept);
  }

  private fields(shifts: readonly string[], ranks: Int32Array, n: number): Staffing {
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
    for (const list of groups.values()) list.sort((a, b) => compareCodeUnits(a.id, b.id));
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

function segmentsOf(portal: Portal, model: Model, period: Period, staffing: StaffingContext, pool: StaffingPool): Segments {
  const out = new Segments();
  for (const shift of servingShifts(portal, model)) {
    const spec = seriesOf(shift, model)!;
    // One set of counting users, one token, for every occurrence that no away period touches.
    // Occurrences come in start order, so a cursor over the shift's merged away spans finds the
    // ones that do; only those are cut into pieces.
    const counting = staffing.eligibleOf(shift);
    const whole = counting.length >= shift.minStaff ? pool.token(shift, counting) : -1;
    const away = staffing.awayUnion(shift);
    let a = 0;
    forEachOccurrenceSpan(spec, period.from, period.to, (oStart, oEnd) => {
      const start = oStart > period.from ? oStart : period.from;
      const end = oEnd < period.to ? oEnd : period.to;
      if (end <= start) return; // an end not after the start covers nothing
      while (a < away.length && away[a]!.end <= start) a++;
      if (a === away.length || away[a]!.start >= end) {
        out.push(start, end, whole);
        return;
      }
      for (const seg of staffing.segments(shift, start, end)) {
        if (seg.end > seg.start) out.push(seg.start, seg.end, seg.staffed ? pool.token(shift, seg.counting) : -1);
      }
    });
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

/** The interval of one finished stretch; online when `staffing` is given. */
function intervalOf(start: number, end: number, staffing: Staffing | undefined, reason: OfflineReason, off: OffSpan | undefined): PortalInterval {
  if (staffing) return { start, end, state: 'online', shifts: staffing.shifts, staff: staffing.staff, humans: staffing.humans, alerts: staffing.alerts };
  if (!off) return { start, end, state: 'offline', reason };
  return { start, end, state: 'offline', reason, override: off.name, scope: off.override.portal === undefined ? 'organization' : 'portal' };
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
  // The distinct staffed tokens of the current stretch and of the last online one.
  let tokens = new Int32Array(16);
  let tokenCount = 0;
  let lastTokens = new Int32Array(16);
  let lastCount = -1;
  let staffingNow: Staffing | undefined;
  // The open stretch: from openStart, online with openStaffing, or offline for openReason.
  let openStart = period.from;
  let openStaffing: Staffing | undefined;
  let openReason: OfflineReason = 'no-shift';
  let openOff: OffSpan | undefined;
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
    if (tokens.length < activeLength) {
      tokens = new Int32Array(activeLength * 2);
      lastTokens = new Int32Array(activeLength * 2);
      lastCount = -1;
    }
    tokenCount = 0;
    for (let k = 0; k < activeLength; k++) {
      const seg = active[k]!;
      if (segEnd[seg]! < end) end = segEnd[seg]!;
      const token = segToken[seg]!;
      if (token < 0) continue;
      let i = tokenCount;
      while (i > 0 && tokens[i - 1]! > token) i--;
      if (i > 0 && tokens[i - 1] === token) continue;
      for (let j = tokenCount; j > i; j--) tokens[j] = tokens[j - 1]!;
      tokens[i] = token;
      tokenCount++;
    }
    // When both switches are off, the organization's override is named (SPEC §3.3).
    const off = tokenCount > 0 ? (orgCursor.at(t) ?? portalCursor.at(t)) : undefined;
    // Equal neighbours are merged: a stretch is kept open (in locals, so no interval object is
    // changed after it is made) and becomes an interval once the next one differs.
    if (tokenCount > 0 && !off) {
      if (tokenCount !== lastCount || !sameTokens(tokens, lastTokens, tokenCount)) {
        staffingNow = pool.get(tokens, tokenCount);
        for (let i = 0; i < tokenCount; i++) lastTokens[i] = tokens[i]!;
        lastCount = tokenCount;
      }
      const f = staffingNow!;
      if (!(openStaffing !== undefined && sameIds(openStaffing.shifts, f.shifts) && sameIds(openStaffing.staff, f.staff))) {
        if (t > openStart) intervals.push(intervalOf(openStart, t, openStaffing, openReason, openOff));
        openStart = t;
        openStaffing = f;
        openOff = undefined;
      }
    } else {
      const reason: OfflineReason = off ? 'override' : activeLength > 0 ? 'unstaffed' : 'no-shift';
      if (!(openStaffing === undefined && openReason === reason && openOff?.name === off?.name)) {
        if (t > openStart) intervals.push(intervalOf(openStart, t, openStaffing, openReason, openOff));
        openStart = t;
        openStaffing = undefined;
        openReason = reason;
        openOff = off;
      }
    }
    t = end;
  }
  if (period.to > openStart) intervals.push(intervalOf(openStart, period.to, openStaffing, openReason, openOff));
  return { portal, intervals };
}

/** The availability timeline of every portal over the period (portals sorted by id). */
export function buildTimeline(model: Model, period: Period): Timeline {
  const staffing = new StaffingContext(model);
  const pool = new StaffingPool(model);
  const organizationSwitch = switchOffSpans(model, undefined);
  const portals = [...model.portalById.values()]
    .filter((p) => p.type !== undefined)
    .sort((a, b) => compareCodeUnits(a.id, b.id))
    .map((portal) => portalTimeline({ portal, model, period, staffing, pool, organizationSwitch }));
  return { period, portals };
}
