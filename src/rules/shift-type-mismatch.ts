import type { MessagingType, Model, Portal, Shift } from '../model/types.js';

import { fixedMessagingType, likelyPortalType, wouldNotCount } from './root-causes.js';
import { at, related, setField, type ConfigRule } from './rule.js';
import { article, list, quote, TYPE_WORDS } from '../words.js';

/**
 * The fixes for one shift, each only where it needs nothing else: its messaging set to the
 * portal's type, or its program set to a portal of its own type — whichever its staff can count
 * on. When neither works alone, the first says what else it takes.
 */
function fixes(shift: Shift, portal: Portal, type: MessagingType, model: Model): string {
  const setType = `set messaging: ${portal.type}`;
  const blockedType = wouldNotCount(shift, portal.program!, portal.type!, model);
  const others = model.portals
    .filter((p) => p.type === type && p.program !== undefined && p !== portal)
    .filter((p) => wouldNotCount(shift, p.program!, type, model).length === 0)
    .map(
      (p) =>
        `set program: ${p.program} (portal ${quote(p.id)}) to keep it ${article(TYPE_WORDS[type].short)} ${TYPE_WORDS[type].short} shift`,
    );
  if (blockedType.length === 0) return list([setType, ...others], 'or');
  if (others.length) return list(others, 'or');
  return `${setType} and let ${list(blockedType)} receive ${portal.type} for program ${portal.program}`;
}

/**
 * A shift's messaging type must be its portal's type (SPEC §1 (b)). When every shift of a
 * portal's program is for the other type, the portal's type is the likelier mistake: one finding
 * there, not one per shift. Fix (SPEC §5.7): `messaging` set to the portal's type, when the
 * program belongs to that portal alone and the shift's staff can count there.
 */
export const shiftTypeMismatch: ConfigRule = {
  meta: {
    id: 'shift-type-mismatch',
    severity: 'error',
    description: "a shift whose messaging type differs from its portal's type",
    kind: 'config',
    fixable: true,
  },
  check(ctx) {
    const { model } = ctx;
    const reportedPortals = new Set<Portal>();
    for (const s of model.shifts) {
      if (s.messaging.length !== 1 || s.program === undefined) continue;
      const portal = model.portalByProgram.get(s.program);
      const type = s.messaging[0]!;
      if (!portal?.type || portal.type === type) continue;
      const likely = likelyPortalType(portal, model);
      if (likely) {
        if (reportedPortals.has(portal)) continue;
        reportedPortals.add(portal);
        const shifts = model.shifts.filter((x) => x.program === portal.program);
        ctx.report({
          subject: [portal, ...shifts],
          at: at(portal.source, ['type']),
          message: `portal \`${portal.id}\` is ${article(TYPE_WORDS[portal.type].portal)} ${TYPE_WORDS[portal.type].portal} portal, but all ${shifts.length} shifts for its program \`${portal.program}\` are for ${likely}: if it is ${article(TYPE_WORDS[likely].portal)} ${TYPE_WORDS[likely].portal} portal, set type: ${likely}; otherwise set messaging: ${portal.type} on those shifts`,
          related: shifts.map((x) => related(x.source, `shift \`${x.id}\` is for ${likely}`, ['messaging'])),
        });
        continue;
      }
      const fixed = fixedMessagingType(s, model);
      ctx.report({
        subject: s,
        at: at(s.source, ['messaging']),
        fix: fixed && setField(s.source, ['messaging'], fixed),
        message: `shift \`${s.id}\` is for ${type}, but its program \`${s.program}\` belongs to portal \`${portal.id}\`, ${article(TYPE_WORDS[portal.type].portal)} ${TYPE_WORDS[portal.type].portal} portal: ${fixes(s, portal, type, model)}`,
        related: [
          related(
            portal.source,
            `portal \`${portal.id}\` is ${article(TYPE_WORDS[portal.type].short)} ${TYPE_WORDS[portal.type].short} portal`,
            ['type'],
          ),
        ],
      });
    }
  },
};
