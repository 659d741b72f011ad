import { type Override } from '../model/types.js';

import { at, related, type ConfigRule } from './rule.js';
import { article, list, overrideLabel } from '../words.js';

/**
 * Only roles in `organization.offlineControl` (default admin) may switch portals offline, or set
 * them back online (`onlineBy`, default `by`; SPEC §3.2). A user whose role is not valid is left
 * to the `schema` finding.
 */
export const overrideNotPermitted: ConfigRule = {
  meta: {
    id: 'override-not-permitted',
    severity: 'error',
    description: 'an override made (or set back online) by a user whose role is not in `offlineControl`',
    kind: 'config',
    fixable: false,
  },
  check(ctx) {
    const { model } = ctx;
    if (model.organizations.length > 1) return; // which organization is meant is the `schema` finding
    // A misspelt role in offlineControl is the `schema` finding; judging by the rest would mislead.
    if (model.organization?.offlineControlInvalid) return;
    const allowed = model.organization?.offlineControl ?? ['admin'];
    const judge = (o: Override, field: 'by' | 'onlineBy', action: string) => {
      const id = o[field];
      const user = id === undefined ? undefined : model.userById.get(id);
      if (!user?.role || allowed.includes(user.role)) return;
      ctx.report({
        at: at(o.source, [field]),
        message: `${overrideLabel(o)} is ${action} by ${user.id}, whose role ${user.role} may not take portals offline or back online (offlineControl allows ${list(allowed, 'or') || 'no role'}): name a user with an allowed role, or add ${user.role} to organization.offlineControl`,
        related: [
          related(
            user.source,
            `${user.id} is ${article(user.role)} ${user.role} user`,
            Object.prototype.hasOwnProperty.call(user.raw, 'role') ? ['role'] : [],
          ),
        ],
      });
    };
    for (const o of model.overrides) {
      judge(o, 'by', 'made');
      if (o.onlineBy !== undefined && o.online !== undefined) judge(o, 'onlineBy', 'set back online');
    }
  },
};
