/**
 * Who could fill a staffing gap (SPEC §5.7): a **candidate** is a real (non-placeholder) user who
 * is assigned to the portal's program and can receive its type, is not away at any time of the
 * gap, does not already count on the occurrences in question, and counts on no other staffed
 * occurrence that overlaps the gap. Candidates are ranked by fewest counted hours in the period,
 * then id.
 */
import { compareCodeUnits } from '../findings.js';
import type { Model, Portal, Shift, User } from '../model/types.js';
import { flatLength, overlapsAnyFlat, type Span } from '../time/intervals.js';
import type { Period } from '../time/period.js';
import { StaffingContext } from '../timeline/staffing.js';
import { userSpans } from './coverage.js';

export interface Candidate {
  user: User;
  /** Time the user counts on staffed shifts in the period (SPEC §5.4 `users[].hours`). */
  ms: number;
}

/** Why the users who could have been candidates are not (for "nobody qualifies" in words). */
export interface NotCandidates {
  /** Real users assigned to the program and able to receive the type. */
  eligible: number;
  away: number;
  counting: number;
  busy: number;
}

/** Finds candidates for gaps in one period; the load and counting time are computed once. */
export class CandidateFinder {
  private readonly staffing: StaffingContext;
  /** Each user's counted time, flat ([start, end, …]). */
  private readonly spans: Map<User, number[]>;
  private readonly load = new Map<User, number>();
  private readonly byPortal = new Map<Portal, User[]>();

  constructor(
    readonly model: Model,
    readonly period: Period,
  ) {
    this.staffing = new StaffingContext(model);
    this.spans = userSpans(model, period);
    for (const [user, spans] of this.spans) this.load.set(user, flatLength(spans));
  }

  /** Counted time of a user in the period. */
  loadOf(user: User): number {
    return this.load.get(user) ?? 0;
  }

  /** Real users assigned to the portal's program and able to receive its type, by id. */
  eligibleFor(portal: Portal): User[] {
    let users = this.byPortal.get(portal);
    if (!users) {
      const { program, type } = portal;
      users =
        program === undefined || type === undefined
          ? []
          : this.model.users
              .filter((u) => !u.placeholder && u.programs.includes(program) && u.canReceive.includes(type))
              .sort((a, b) => compareCodeUnits(a.id, b.id));
      this.byPortal.set(portal, users);
    }
    return users;
  }

  /**
   * The candidates for a gap of `portal` over `span`, best first. `shifts` are the shifts whose
   * occurrences the gap is about: users who count on them (registered and eligible) are not
   * candidates.
   */
  candidates(portal: Portal, span: Span, shifts: readonly Shift[] = []): { candidates: Candidate[]; not: NotCandidates } {
    const registered = new Set(shifts.flatMap((s) => this.staffing.eligibleOf(s)));
    const not: NotCandidates = { eligible: 0, away: 0, counting: 0, busy: 0 };
    const out: Candidate[] = [];
    for (const user of this.eligibleFor(portal)) {
      not.eligible++;
      if (this.staffing.awayOf(user).some((a) => a.start < span.end && a.end > span.start)) not.away++;
      else if (registered.has(user)) not.counting++;
      else if (overlapsAnyFlat(this.spans.get(user) ?? [], span.start, span.end)) not.busy++;
      else out.push({ user, ms: this.loadOf(user) });
    }
    out.sort((a, b) => a.ms - b.ms || compareCodeUnits(a.user.id, b.user.id));
    return { candidates: out, not };
  }
}
