import { at, related, type Rule } from './rule.js';

const LABEL = { chat: 'a Live Chat', sms: 'an SMS/Text' } as const;

/** A shift's messaging type must be its portal's type (SPEC §1 (b)). */
export const shiftTypeMismatch: Rule = {
  meta: {
    id: 'shift-type-mismatch',
    severity: 'error',
    description: "a shift whose messaging type differs from its portal's type",
    kind: 'config',
  },
  check(ctx) {
    const { model } = ctx;
    for (const s of model.shifts) {
      if (s.messaging.length !== 1 || s.program === undefined) continue;
      const portal = model.portalByProgram.get(s.program);
      const type = s.messaging[0]!;
      if (!portal?.type || portal.type === type) continue;
      const other = model.portals.find((p) => p.type === type && p.program !== undefined);
      const alternative = other ? `, or use \`${other.program}\` (portal \`${other.id}\`) for ${type === 'chat' ? 'a chat' : 'an SMS'} shift` : '';
      ctx.report({
        at: at(s.source, ['messaging']),
        message: `shift \`${s.id}\` is for ${type}, but its program \`${s.program}\` belongs to portal \`${portal.id}\`, ${LABEL[portal.type]} portal: set messaging: ${portal.type}${alternative}`,
        related: [related(portal.source, `portal \`${portal.id}\` is a ${portal.type} portal`, ['type'])],
      });
    }
  },
};
