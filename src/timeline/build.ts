/**
 * The timeline stage: occurrences → portal intervals (SPEC §3.2). For each portal, the occurrences
 * of its serving shifts are cut into segments with one set of counting users (./segments.ts) and
 * swept together with the off-spans of the organization switch and the portal's switch
 * (./sweep.ts); staffing sets are interned across portals (./pool.ts).
 */
import { compareCodeUnits } from '../findings.js';
import type { Model, Portal, Shift } from '../model/types.js';
import type { Period } from '../time/period.js';
import { StaffingPool } from './pool.js';
import { segmentsOf } from './segments.js';
import { StaffingContext } from './staffing.js';
import { sweepPortal } from './sweep.js';
import { switchOffSpans } from './switches.js';
import type { PortalTimeline, Timeline } from './types.js';

/**
 * The serving shifts of a portal (SPEC §3.2: same program, exactly one messaging type, the
 * portal's), with valid series, in id order.
 */
export function servingShifts(portal: Portal, model: Model): Shift[] {
  return model.servingShifts.get(portal) ?? [];
}

/**
 * The availability timeline of every portal (or of the portals `only` names) over the period
 * (portals sorted by id).
 */
export function buildTimeline(model: Model, period: Period, only?: ReadonlySet<string>): Timeline {
  return { period, portals: [...portalTimelines(model, period, only)] };
}

/**
 * The portals' timelines one at a time, in id order: each is built when asked for, so a caller
 * that writes each portal before asking for the next (`compile`) holds one portal's intervals at a
 * time, not the whole organization's.
 */
export function* portalTimelines(model: Model, period: Period, only?: ReadonlySet<string>): Generator<PortalTimeline> {
  const staffing = new StaffingContext(model);
  const pool = new StaffingPool(model);
  const organizationSwitch = switchOffSpans(model, undefined);
  const portals = [...model.portalById.values()]
    .filter((p) => p.type !== undefined && (!only || only.has(p.id)))
    .sort((a, b) => compareCodeUnits(a.id, b.id));
  for (const portal of portals) {
    yield sweepPortal({
      portal,
      period,
      segments: segmentsOf(portal, model, period, staffing, pool),
      pool,
      organizationSwitch,
      portalSwitch: switchOffSpans(model, portal.id),
    });
    pool.forgetStaffings();
  }
}
