import { wouldBeOnline, type PortalTimeline } from '../timeline/types.js';
import { spansOfShiftsWithErrors } from './deferred.js';
import { at, type TimelineRule } from './rule.js';
import { localTime, overrideLabel as label } from '../words.js';

function covering(timeline: PortalTimeline, t: number) {
  return timeline.intervals.find((i) => i.start <= t && t < i.end);
}

/**
 * A switch can only be used while its target is online through a shift (SPEC §1): an override
 * that goes offline when no staffed shift serves the target (for the organization: no portal)
 * describes something that cannot happen.
 */
export const offlineWhileNotOnline: TimelineRule = {
  meta: {
    id: 'offline-while-not-online',
    severity: 'error',
    description: 'an override taking a target offline when no staffed shift serves it (switches aside; for the organization: no portal)',
    kind: 'timeline',
    fixable: false,
  },
  check(ctx) {
    const { model, period } = ctx;
    // The zone as validated: a name that is not an IANA zone (rule invalid-timezone set off) reads as UTC.
    const zone = model.organization?.zone ?? 'UTC';
    for (const o of model.overrides) {
      const span = o.span;
      if (!span || span.offline < period.from || span.offline >= period.to) continue;
      if (o.portal !== undefined && !model.portalById.has(o.portal)) continue;
      const portals = ctx.timeline().portals.filter((p) => o.portal === undefined || p.portal.id === o.portal);
      if (
        portals.some((p) => {
          const i = covering(p, span.offline);
          return i !== undefined && wouldBeOnline(i);
        })
      )
        continue;
      // A shift meant for the target that has an error of its own may be what was online then.
      if (portals.some((p) => spansOfShiftsWithErrors(ctx, p.portal, span.offline, span.offline + 1).length)) continue;
      const target =
        o.portal === undefined
          ? 'the organization (no portal is online through a staffed shift then)'
          : `portal \`${o.portal}\` (no staffed shift serves it then)`;
      ctx.report({
        at: at(o.source, ['offline']),
        message: `${label(o)} switches ${target} offline at ${localTime(span.offline, zone)}, but a switch can only be turned off while the target is online: move \`offline\` into a staffed shift, or remove the override`,
      });
    }
  },
};
