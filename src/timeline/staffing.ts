/**
 * Who counts on a shift (SPEC §3.2): a registered user counts at an instant when assigned to the
 * shift's program, able to receive its messaging type, and not away.
 */
import { compareCodeUnits } from '../findings.js';
import type { Model, Portal, Shift, User } from '../model/types.js';
import { overlapsAny, type Span } from '../time/intervals.js';
import type { Period } from '../time/period.js';
import { forEachOccurrenceSpan } from '../time/series.js';

/** Why a registered user does not count on a shift (ignoring time). */
export type Ineligibility = 'unknown-user' | 'not-in-program' | 'no-permission';

/** The portals a shift serves: same program, and exactly one messaging type, the portal's. */
export function portalsServed(shift: Shift, model: Model): Portal[] {
  if (shift.messaging.length !== 1 || shift.program === undefined) return [];
  return model.portals.filter((p) => p.program === shift.program && p.type === shift.messaging[0]);
}

/** Why `id` does not count on `shift` whatever the time, or undefined when it can. */
export function ineligibility(id: string, shift: Shift, model: Model): Ineligibility | undefined {
  const user = model.userById.get(id);
  if (!user) return 'unknown-user';
  if (shift.program === undefined || !user.programs.includes(shift.program)) return 'not-in-program';
  if (shift.messaging.length !== 1 || !user.canReceive.includes(shift.messaging[0]!)) return 'no-permission';
  return undefined;
}

/** Registered users who can count on the shift (time aside), each once, in `staff` order. */
export function eligibleStaff(shift: Shift, model: Model): User[] {
  const seen = new Set<string>();
  const out: User[] = [];
  for (const id of shift.staff) {
    if (seen.has(id)) continue;
    seen.add(id);
    if (ineligibility(id, shift, model) === undefined) out.push(model.userById.get(id)!);
  }
  return out;
}

/** A piece of an occurrence with one set of counting users. */
export interface StaffedSegment extends Span {
  /** Users who count, sorted by id. */
  counting: User[];
  staffed: boolean;
}

/** Caches per model: away spans of users. */
export class StaffingContext {
  private readonly away = new Map<User, Span[]>();
  private readonly eligible = new Map<Shift, User[]>();
  private readonly awayUnions = new Map<Shift, Span[]>();

  constructor(readonly model: Model) {}

  awayOf(user: User): Span[] {
    let spans = this.away.get(user);
    if (!spans) {
      spans = user.away.flatMap((a) => (a.span && a.span.end > a.span.start ? [a.span] : []));
      this.away.set(user, spans);
    }
    return spans;
  }

  eligibleOf(shift: Shift): User[] {
    let users = this.eligible.get(shift);
    if (!users) {
      users = eligibleStaff(shift, this.model).sort((a, b) => compareCodeUnits(a.id, b.id));
      this.eligible.set(shift, users);
    }
    return users;
  }

  /**
   * The away spans of the users who can count on the shift, merged, sorted and disjoint (empty
   * when none of them is ever away). Outside these spans every candidate counts.
   */
  awayUnion(shift: Shift): Span[] {
    let union = this.awayUnions.get(shift);
    if (!union) {
      const spans = this.eligibleOf(shift)
        .flatMap((u) => this.awayOf(u))
        .sort((a, b) => a.start - b.start);
      union = [];
      for (const span of spans) {
        const last = union[union.length - 1];
        if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
        else union.push({ ...span });
      }
      this.awayUnions.set(shift, union);
    }
    return union;
  }

  /** True when `user` is away at instant t (away spans are half-open, SPEC §3.3). */
  isAway(user: User, t: number): boolean {
    for (const a of this.awayOf(user)) if (t >= a.start && t < a.end) return true;
    return false;
  }

  /**
   * Each occurrence of the shift in the period, clipped to it, in start order: `whole(start, end)`
   * when no candidate is away during it (all of `eligibleOf(shift)` count), else `piece(segment)`
   * for each non-empty segment it is cut into. Occurrences come in start order, so a cursor over
   * the shift's merged away spans finds the ones an away period touches; only those are cut.
   */
  forEachOccurrencePiece(
    shift: Shift,
    period: Period,
    whole: (start: number, end: number) => void,
    piece: (segment: StaffedSegment) => void,
  ): void {
    const away = this.awayUnion(shift);
    let a = 0;
    forEachOccurrenceSpan(shift.timing.series!, period.from, period.to, (oStart, oEnd) => {
      const start = oStart > period.from ? oStart : period.from;
      const end = oEnd < period.to ? oEnd : period.to;
      if (end <= start) return; // an end not after the start covers nothing
      while (a < away.length && away[a]!.end <= start) a++;
      if (a === away.length || away[a]!.start >= end) whole(start, end);
      else for (const seg of this.segments(shift, start, end)) if (seg.end > seg.start) piece(seg);
    });
  }

  /**
   * The occurrence [start, end) of `shift` cut where a candidate goes away or comes back, with the
   * users who count in each piece.
   */
  segments(shift: Shift, start: number, end: number): StaffedSegment[] {
    const candidates = this.eligibleOf(shift);
    if (!overlapsAny(this.awayUnion(shift), start, end))
      return [{ start, end, counting: candidates, staffed: candidates.length >= shift.minStaff }];
    const cuts = new Set<number>();
    for (const user of candidates) {
      for (const a of this.awayOf(user)) {
        if (a.start >= end || a.end <= start) continue;
        if (a.start > start) cuts.add(a.start);
        if (a.end < end) cuts.add(a.end);
      }
    }
    const points = [start, ...[...cuts].sort((a, b) => a - b), end];
    const out: StaffedSegment[] = [];
    for (let i = 0; i + 1 < points.length; i++) {
      const from = points[i]!;
      const counting = candidates.filter((u) => !this.isAway(u, from));
      out.push({ start: from, end: points[i + 1]!, counting, staffed: counting.length >= shift.minStaff });
    }
    return out;
  }
}

/**
 * The portals a shift is meant for, even when it cannot serve them: the ones it serves; else the
 * portals of its program (its messaging type is wrong); else, for a program that belongs to no
 * portal ("all programs" among them), the portals of its type.
 */
export function portalsMeantFor(shift: Shift, model: Model): Portal[] {
  if (shift.program === undefined) return [];
  const served = portalsServed(shift, model);
  if (served.length) return served;
  const ofProgram = model.portals.filter((p) => p.program === shift.program);
  if (ofProgram.length) return ofProgram;
  return shift.messaging.length === 1 ? model.portals.filter((p) => p.type === shift.messaging[0]) : model.portals;
}
