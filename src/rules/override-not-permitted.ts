import { list } from '../text.js';
import { at, related, type Rule } from './rule.js';

/** Only roles in `organization.offlineControl` (default admin) may switch portals offline. */
export const overrideNotPermitted: Rule = {
  meta: {
    id: 'override-not-permitted',
    severity: 'error',
    description: 'an override made by a user whose role is not in `offlineControl`',
    kind: 'config',
  },
  check(ctx) {
    const { model } = ctx;
    const allowed = model.organization?.offlineControl ?? ['admin'];
    for (const o of model.overrides) {
      const user = o.by === undefined ? undefined : model.userById.get(o.by);
      if (!user || allowed.includes(user.role)) continue;
      const name = o.id === undefined ? `override #${o.index}` : `override \`${o.id}\``;
      ctx.report({
        at: at(o.source, ['by']),
        message: `${name} is made by ${user.id}, whose role ${user.role} may not take portals offline (offlineControl allows ${list(allowed, 'or') || 'no role'}): name a user with an allowed role, or add ${user.role} to organization.offlineControl`,
        related: [related(user.source, `${user.id} is ${user.role === 'admin' || user.role === 'enhanced' ? 'an' : 'a'} ${user.role} user`, Object.prototype.hasOwnProperty.call(user.raw, 'role') ? ['role'] : [])],
      });
    }
  },
};
