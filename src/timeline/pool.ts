/**
 * Staffing sets, interned (SPEC §3.2, §3.3): each moment of a portal's timeline is online with
 * the users who count on its staffed serving occurrences. Moments with the same shifts and users
 * share one `Staffing` object, so equal neighbours compare by reference and memory stays small.
 */
import { compareCodeUnits } from '../findings.js';
import type { Model, Shift, User } from '../model/types.js';
import type { Staffing } from './types.js';

/** Equal first `n` entries (token lists are kept in typed buffers with a separate length). */
export function sameTokens(a: Int32Array, b: Int32Array, n: number): boolean {
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
 * flags. Built once per timeline.
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

function userRanks(model: Model): UserRanks {
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
  return { rank, ids, human, alerted, shiftRank, shiftIds, shiftLists: shiftIds.map((id) => [id]) };
}

/**
 * Interns staffing field sets, so equal neighbours compare by reference and share memory. Each
 * (shift, counting users) pair gets a small numeric token — the same token for the same users,
 * whichever array holds them. The staffing of a moment is found by the sorted tokens of its
 * staffed segments and built once: users are handled as ranks in code-unit order of their ids
 * (SPEC §3.3), so a union is a numeric sort of a few integers.
 */
export class StaffingPool {
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

  /**
   * Forgets the staffings made so far (tokens are kept). A portal's staffings are of the shifts
   * that serve it, so after its timeline is built they are seldom met again: forgetting them keeps
   * memory to one portal's, not the organization's (an equal staffing met later is made again).
   */
  forgetStaffings(): void {
    this.byTokens.clear();
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
