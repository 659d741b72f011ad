/**
 * `suggest` (SPEC §5.7): every staffing gap in the period and the users who could fill it, best
 * first. A gap is one time of one portal, about one shift's occurrence (or none: a new shift is
 * needed), of one kind: `holiday-uncovered`, `coverage-gap`, `unstaffed` or `placeholder-only`.
 * Each time of a portal is listed under the first of those kinds that applies (docs/decisions.md).
 */
import { compareCodeUnits } from '../findings.js';
import { holidaySpan, holidaysInPeriod, type HolidayDay } from '../holidays/index.js';
import type { Model, Portal, Shift } from '../model/types.js';
import { clip, intersect, mergeAdjacent, subtract, union, type Span } from '../time/intervals.js';
import type { Period } from '../time/period.js';
import { forEachOccurrence } from '../time/series.js';
import { servingShifts } from '../timeline/build.js';
import { StaffingContext } from '../timeline/staffing.js';
import type { PortalInterval, Timeline } from '../timeline/types.js';
import { CandidateFinder, type Candidate, type NotCandidates } from './candidates.js';
import { requirementGaps } from './coverage.js';
import { holidayCoverage } from './holidays.js';

export type StaffingGapKind = 'unstaffed' | 'coverage-gap' | 'holiday-uncovered' | 'placeholder-only';

export interface StaffingGap extends Span {
  kind: StaffingGapKind;
  portal: Portal;
  /** The shift whose occurrence has the gap; undefined where no shift covers it. */
  shift?: Shift;
  /** For `coverage-gap`: the requirement; for `holiday-uncovered`: the holiday. */
  requirement?: string;
  holiday?: HolidayDay;
  /** The start of the shift's occurrence (gaps in two occurrences are two gaps). */
  occurrence?: number;
  candidates: Candidate[];
  /** Why others are not candidates (for the words when there are none). */
  not: NotCandidates;
}

export interface SuggestReport {
  period: Period;
  zone: string;
  gaps: StaffingGap[];
}

type Piece = Omit<StaffingGap, 'candidates' | 'not'>;

/** The occurrences of the portal's serving shifts over a span, clipped to it. */
function occurrencesIn(
  portal: Portal,
  model: Model,
  span: Span,
  only?: ReadonlySet<string>,
): { shift: Shift; span: Span; occurrence: number }[] {
  const out: { shift: Shift; span: Span; occurrence: number }[] = [];
  for (const shift of servingShifts(portal, model)) {
    if (only && !only.has(shift.id)) continue;
    forEachOccurrence(shift.timing.series!, span.start, span.end, (o) => {
      const piece = clip(o, span.start, span.end);
      if (piece) out.push({ shift, span: piece, occurrence: o.start });
    });
  }
  return out;
}

/** A portal's gap spans of one kind, attributed to the occurrences over them (the rest: no shift). */
function attribute(portal: Portal, model: Model, kind: StaffingGapKind, spans: readonly Span[], extra: Partial<Piece>): Piece[] {
  const out: Piece[] = [];
  for (const span of spans) {
    const occurrences = occurrencesIn(portal, model, span);
    for (const o of occurrences) out.push({ ...extra, kind, portal, shift: o.shift, occurrence: o.occurrence, ...o.span });
    for (const rest of subtract(
      [span],
      occurrences.map((o) => o.span),
    ))
      out.push({ ...extra, kind, portal, ...rest });
  }
  return out;
}

const humanOnline = (i: PortalInterval, tracked: boolean) => i.state === 'online' && (!tracked || i.humans.length > 0);

/** The staffing gaps of the period with their candidates, sorted by portal, start (SPEC §5.7). */
export function suggestReport(model: Model, timeline: Timeline, zone: string): SuggestReport {
  const period = timeline.period;
  const tracked = model.organization?.staffing !== 'placeholder';
  const holidays = holidaysInPeriod(model, zone, period);
  const requirement = requirementGaps(model, timeline, zone, holidays).filter((g) => g.reason !== 'override');
  const verdicts = holidayCoverage(model, timeline, zone, holidays);
  const staffing = new StaffingContext(model);
  const pieces: Piece[] = [];
  for (const { portal, intervals } of timeline.portals) {
    // 1. Covered holidays without their coverage.
    const taken: Span[] = [];
    for (const entry of verdicts) {
      const p = entry.portals.find((x) => x.portal === portal);
      if (p?.verdict !== 'uncovered') continue;
      const day = clip(holidaySpan(entry.holiday, zone), period.from, period.to);
      if (!day) continue;
      let spans: Span[];
      if (p.gaps.length) spans = union(p.gaps.filter((g) => g.reason !== 'override'));
      else {
        // No requirement: the day needs human-staffed time; the shifts that day could give it.
        const shifts = union(occurrencesIn(portal, model, day).map((o) => o.span));
        const open = subtract(
          [day],
          intervals.filter((i) => humanOnline(i, tracked)),
        );
        spans = shifts.length ? intersect(open, shifts) : open;
      }
      pieces.push(...attribute(portal, model, 'holiday-uncovered', spans, { holiday: entry.holiday }));
      taken.push(...spans);
    }
    // 2. Requirement gaps (staffing reasons; an override is not a staffing gap).
    for (const g of requirement.filter((x) => x.requirement.portal === portal.id)) {
      const spans = subtract([g], taken);
      pieces.push(...attribute(portal, model, 'coverage-gap', spans, { requirement: g.requirement.id }));
    }
    const required = union([...taken, ...requirement.filter((x) => x.requirement.portal === portal.id)]);
    // 3. Unstaffed occurrences (the parts not already listed above).
    for (const shift of servingShifts(portal, model)) {
      forEachOccurrence(shift.timing.series!, period.from, period.to, (o) => {
        const span = clip(o, period.from, period.to);
        if (!span) return;
        const unstaffed = staffing.segments(shift, span.start, span.end).filter((s) => !s.staffed);
        for (const rest of subtract(unstaffed, required)) pieces.push({ kind: 'unstaffed', portal, shift, occurrence: o.start, ...rest });
      });
    }
    // 4. Placeholder-only time, under `staffing: mixed` (SPEC §3.2): the staffed shifts then.
    if (model.organization?.staffing === 'mixed') {
      for (const i of intervals) {
        if (i.state !== 'online' || i.humans.length > 0) continue;
        for (const rest of subtract([i], required)) {
          for (const o of occurrencesIn(portal, model, rest, new Set(i.shifts)))
            pieces.push({ kind: 'placeholder-only', portal, shift: o.shift, occurrence: o.occurrence, ...o.span });
        }
      }
    }
  }
  const order = (a: Piece, b: Piece) =>
    compareCodeUnits(a.portal.id, b.portal.id) ||
    compareCodeUnits(a.shift?.id ?? '', b.shift?.id ?? '') ||
    compareCodeUnits(a.kind, b.kind) ||
    a.start - b.start;
  const merged = mergeAdjacent(
    pieces.sort(order),
    (a, b) =>
      a.portal === b.portal &&
      a.shift === b.shift &&
      a.occurrence === b.occurrence &&
      a.kind === b.kind &&
      a.requirement === b.requirement &&
      a.holiday === b.holiday,
  );
  const finder = new CandidateFinder(model, period);
  const gaps = merged
    .sort(
      (a, b) =>
        compareCodeUnits(a.portal.id, b.portal.id) ||
        a.start - b.start ||
        compareCodeUnits(a.shift?.id ?? '', b.shift?.id ?? '') ||
        compareCodeUnits(a.kind, b.kind),
    )
    .map((piece): StaffingGap => ({ ...piece, ...finder.candidates(piece.portal, piece, piece.shift ? [piece.shift] : []) }));
  return { period, zone, gaps };
}
