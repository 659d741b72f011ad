import { holidaysInPeriod } from '../holidays/index.js';
import type { Model, Portal, Requirement } from '../model/types.js';
import { applicableWindows, minHumansOf, requirementGaps, type Gap } from '../report/coverage.js';
import { subtract, type Span } from '../time/intervals.js';

import { forEachOccurrence } from '../time/series.js';
import { servingShifts } from '../timeline/build.js';
import { StaffingContext } from '../timeline/staffing.js';

import { spansOfShiftsWithErrors } from './deferred.js';
import { appendItem } from '../load/edits.js';
import type { Suggestion } from '../findings.js';
import { CandidateFinder } from '../report/candidates.js';
import { at, suggest, type TimelineRule } from './rule.js';
import { gapReasonText, hours, list, localClock, overrideName, plural, quote } from '../words.js';

const SHOWN = 3;

/** The serving shifts with an occurrence overlapping one of the spans, by id. */
function shiftsCovering(portal: Portal, model: Model, spans: readonly Span[]): string[] {
  const ids: string[] = [];
  for (const shift of servingShifts(portal, model)) {
    const spec = shift.timing.series!;
    let covers = false;
    for (const s of spans) forEachOccurrence(spec, s.start, s.end, (o) => (covers ||= o.end > o.start));
    if (covers) ids.push(shift.id);
  }
  return ids;
}

/**
 * Real users who could count on the portal's shifts at the start of the first span: assigned to
 * its program, able to receive its type, not away then, and not already registered on `shifts`.
 */
function couldCount(portal: Portal, model: Model, shifts: readonly string[], first: Span): string[] {
  const staffing = new StaffingContext(model);
  const registered = new Set(shifts.flatMap((id) => model.shiftById.get(id)?.staff ?? []));
  return model.users
    .filter((u) => !u.placeholder && !registered.has(u.id) && portal.program !== undefined && u.programs.includes(portal.program))
    .filter((u) => portal.type !== undefined && u.canReceive.includes(portal.type) && !staffing.isAway(u, first.start))
    .map((u) => u.id)
    .sort();
}

/**
 * What to do about the gaps, by reason (SPEC §4): each piece of advice fixes the gaps it names.
 * `shifts` collects the shifts it says to staff (the finding is about them too).
 */
function advice(req: Requirement, portal: Portal, gaps: readonly Gap[], model: Model, shiftsNamed: Set<string>): string[] {
  const out: string[] = [];
  const of = (reason: Gap['reason']) => gaps.filter((g) => g.reason === reason);
  const overrides = [...new Set(of('override').map((g) => g.override!))].sort();
  for (const name of overrides) {
    const o = model.overrides.find((x) => overrideName(x) === name);
    const until = o?.online === undefined ? 'it is never set back online' : `it lasts until ${o.online}`;
    out.push(`override ${quote(name)} has the portal switched off (${until}): set it back online earlier, or remove it`);
  }
  const people = (shifts: string[], gapsOf: readonly Gap[]) => {
    const names = couldCount(portal, model, shifts, gapsOf[0]!);
    return names.length
      ? `users who could count: ${list(names)}`
      : `nobody else is both assigned to ${quote(portal.program ?? '')} and able to receive ${portal.type}: give someone both`;
  };
  const unstaffed = of('unstaffed');
  if (unstaffed.length) {
    const shifts = shiftsCovering(portal, model, unstaffed);
    for (const id of shifts) shiftsNamed.add(id);
    out.push(`staff ${list(shifts.map(quote))} then (${people(shifts, unstaffed)})`);
  }
  if (of('no-shift').length)
    out.push(`add a shift for program ${quote(portal.program ?? '')} with messaging: ${portal.type} that covers those times`);
  const fewHumans = of('too-few-humans');
  if (fewHumans.length) {
    const shifts = shiftsCovering(portal, model, fewHumans);
    for (const id of shifts) shiftsNamed.add(id);
    out.push(
      `register ${req.minHumans === 1 ? 'a real user' : 'more real users'} (placeholders are not humans) on ${list(shifts.map(quote))} then (${people(shifts, fewHumans)})`,
    );
  }
  return out;
}

/** Candidates suggested per shift (SPEC §5.7); `suggest` lists them all. */
const CANDIDATES_PER_SHIFT = 3;

/**
 * The suggestions (SPEC §5.7): add a candidate of the first staffing gap to the staff of a shift
 * that covers it, best candidates first; where no shift covers a gap, say that one is needed.
 */
function suggestions(portal: Portal, gaps: readonly Gap[], model: Model, finder: () => CandidateFinder): Suggestion[] {
  const out: Suggestion[] = [];
  const staffing = gaps.filter((g) => g.reason === 'unstaffed' || g.reason === 'too-few-humans');
  if (staffing.length) {
    const first = staffing[0]!;
    for (const id of shiftsCovering(portal, model, [first])) {
      const shift = model.shiftById.get(id)!;
      const { candidates } = finder().candidates(portal, first, [shift]);
      for (const c of candidates.slice(0, CANDIDATES_PER_SHIFT))
        out.push(
          ...suggest(`add ${c.user.id} to the staff of ${id}`, [appendItem(shift.source.doc, shift.source.path, 'staff', c.user.id)]),
        );
    }
  }
  const none = gaps.find((g) => g.reason === 'no-shift');
  if (none)
    out.push({
      desc: `add a shift for program ${portal.program ?? ''} with messaging: ${portal.type} for the times no shift covers (run shiftready suggest for who could take it)`,
      edits: [],
    });
  return out;
}

/**
 * Required coverage (`requirements`) missing in the checked period: one finding per requirement,
 * with the total missing hours, the first gaps with their reasons, and advice for each reason. On
 * `closed` and `either` holidays requirements do not apply; on `covered` ones they apply as on any
 * day (SPEC §3.2). Times a shift with an error of its own would cover are that error's finding.
 */
export const coverageGap: TimelineRule = {
  meta: {
    id: 'coverage-gap',
    severity: 'error',
    description: 'required coverage (`requirements`) missing inside the checked period',
    kind: 'timeline',
    fixable: false,
  },
  check(ctx) {
    const { model, period } = ctx;
    // The zone as validated: a name that is not an IANA zone (rule invalid-timezone set off) reads as UTC.
    const zone = model.organization?.zone ?? 'UTC';
    const holidays = holidaysInPeriod(model, zone, period);
    let built: CandidateFinder | undefined;
    const finder = () => (built ??= new CandidateFinder(model, period));
    const byRequirement = new Map<string, Gap[]>();
    for (const g of requirementGaps(model, ctx.timeline(), zone, holidays)) {
      const portal = model.portalById.get(g.requirement.portal!)!;
      const pieces =
        g.reason === 'override' ? [g] : subtract([g], spansOfShiftsWithErrors(ctx, portal, g.start, g.end)).map((s) => ({ ...g, ...s }));
      for (const piece of pieces) byRequirement.set(g.requirement.id, [...(byRequirement.get(g.requirement.id) ?? []), piece]);
    }
    for (const [id, gaps] of byRequirement) {
      const req = gaps[0]!.requirement;
      const portal = model.portalById.get(req.portal!)!;
      const missing = gaps.reduce((sum, g) => sum + g.end - g.start, 0);
      const required = applicableWindows(req, model, period, holidays, zone).reduce((sum, w) => sum + w.end - w.start, 0);
      const shown = gaps
        .slice(0, SHOWN)
        .map((g) => `${localClock(g.start, zone)} to ${localClock(g.end, zone, g.start)} (${gapReasonText(g)})`);
      const more = gaps.length > SHOWN ? `, and ${plural(gaps.length - SHOWN, 'more gap')}` : '';
      const humans = minHumansOf(req, model) > 0 ? ` with at least ${plural(req.minHumans, 'human')}` : '';
      const named = new Set<string>();
      const fixes = advice(req, portal, gaps, model, named);
      ctx.report({
        // The shifts it says to staff: their own unstaffed-shift / placeholder-only warnings
        // would repeat this for the same mistake.
        subject: [...named].map((s) => model.shiftById.get(s)!),
        at: at(req.source),
        suggestions: suggestions(portal, gaps, model, finder),
        message: `requirement \`${id}\`: portal \`${req.portal}\` is not online${humans} for ${hours(missing)} of the ${hours(required)} h required in the checked period: ${shown.join('; ')}${more}; to fix: ${fixes.join('; ')}`,
      });
    }
  },
};
