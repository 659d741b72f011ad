import { wouldBeOnline } from '../timeline/types.js';
import { at, type TimelineRule } from './rule.js';
import { hours, localTime, overrideLabel as label } from '../words.js';

/**
 * An override without `online` keeps its target offline through every later shift, until someone
 * sets it back online (SPEC §1). Says how many staffed hours it suppresses in the checked period.
 */
export const offlineNeverRestored: TimelineRule = {
  meta: {
    id: 'offline-never-restored',
    severity: 'warn',
    description: 'an override with no `online`: the target stays offline through every later shift',
    kind: 'timeline',
    fixable: false,
  },
  check(ctx) {
    const { model, period } = ctx;
    // The zone as validated: a name that is not an IANA zone (rule invalid-timezone set off) reads as UTC.
    const zone = model.organization?.zone ?? 'UTC';
    for (const o of model.overrides) {
      if (o.online !== undefined) continue;
      if (o.portal !== undefined && !model.portalById.has(o.portal)) continue;
      const span = o.span;
      if (!span || span.offline >= period.to) continue;
      const from = Math.max(span.offline, period.from);
      let suppressed = 0;
      const portals = ctx.timeline().portals.filter((p) => o.portal === undefined || p.portal.id === o.portal);
      for (const p of portals) {
        for (const i of p.intervals) {
          if (!wouldBeOnline(i) || i.end <= from) continue;
          suppressed += i.end - Math.max(i.start, from);
        }
      }
      const target = o.portal === undefined ? 'every portal' : `portal \`${o.portal}\``;
      const amount = o.portal === undefined ? `${hours(suppressed)} staffed portal-hours` : `${hours(suppressed)} staffed hours`;
      ctx.report({
        at: at(o.source),
        message: `${label(o)} switches ${target} offline at ${localTime(span.offline, zone)} and never back online, so it stays offline through every later shift: ${amount} in the checked period are lost; add \`online:\` with the time it was set back online`,
      });
    }
  },
};
