import { fixedMessagingType } from './root-causes.js';
import { addField, at, setField, type ConfigRule } from './rule.js';

/**
 * A shift is for exactly one messaging type (SPEC §1 (b)): never both, never none. Fix (SPEC
 * §5.7): `messaging` set to the type of the one portal its program belongs to, when its staff can
 * count there.
 */
export const singleMessagingType: ConfigRule = {
  meta: {
    id: 'single-messaging-type',
    severity: 'error',
    description: 'a shift for both messaging types (e.g. `messaging: [chat, sms]`) or none',
    kind: 'config',
    fixable: true,
  },
  check(ctx) {
    const { model } = ctx;
    for (const s of model.shifts) {
      const raw = Object.prototype.hasOwnProperty.call(s.raw, 'messaging') ? s.raw.messaging : undefined;
      const portal = s.program === undefined ? undefined : model.portalByProgram.get(s.program);
      const suggestion = portal?.type
        ? `messaging: ${portal.type} (the type of portal \`${portal.id}\`)`
        : 'messaging: chat or messaging: sms';
      const fixed = fixedMessagingType(s, model);
      if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) {
        ctx.report({
          subject: s,
          fix: fixed && (raw === undefined ? addField(s.source, 'messaging', fixed, 'program') : setField(s.source, ['messaging'], fixed)),
          at: raw === undefined ? at(s.source) : at(s.source, ['messaging']),
          message: `shift \`${s.id}\` has no messaging type, so it brings no portal online: add ${suggestion}`,
        });
      } else if (s.messaging.length > 1) {
        // Name the other portal's program, so the separate shift can be written as said.
        const others = portal?.type ? model.portals.filter((p) => p.type !== portal.type && p.program !== undefined) : [];
        const other =
          others.length === 1
            ? `with program: ${others[0]!.program} and messaging: ${others[0]!.type} for portal \`${others[0]!.id}\``
            : 'for the other portal';
        ctx.report({
          subject: s,
          at: at(s.source, ['messaging']),
          fix: fixed && setField(s.source, ['messaging'], fixed),
          message: `shift \`${s.id}\` is for both chat and sms, but a messaging shift is for exactly one type: keep ${portal?.type ?? 'one'} and make a separate shift ${other}`,
        });
      }
    }
  },
};
