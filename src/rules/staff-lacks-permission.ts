import { portalsServed } from '../timeline/staffing.js';
import { TYPE_WORDS } from '../words.js';
import { appendItem, removeItem } from '../load/edits.js';
import { at, indexIn, related, suggest, type ConfigRule } from './rule.js';

/**
 * A registered user counts only with permission for the shift's messaging type (SPEC §3.2). Only
 * shifts that serve a portal are judged: when the shift itself is wrong (its program or type), its
 * staff are not (SPEC §4, findings name the root cause).
 */
export const staffLacksPermission: ConfigRule = {
  meta: {
    id: 'staff-lacks-permission',
    severity: 'error',
    description: "a registered user without permission for the shift's messaging type",
    kind: 'config',
    fixable: false,
  },
  check(ctx) {
    const { model } = ctx;
    for (const s of model.shifts) {
      if (portalsServed(s, model).length === 0) continue;
      const type = s.messaging[0]!;
      for (const id of s.staff) {
        const user = model.userById.get(id);
        if (!user || user.canReceive.includes(type) || user.canReceiveInvalid) continue; // schema reports a misspelt type
        const index = indexIn(s.raw, 'staff', id);
        ctx.report({
          subject: [s, user],
          at: at(s.source, ['staff', index]),
          message: `${id} cannot receive ${TYPE_WORDS[type].permission}, so ${id} does not count on \`${s.id}\`: add ${type} to ${id}'s canReceive or remove ${id} from the shift`,
          related: [related(user.source, `${id} is defined here`)],
          suggestions: [
            ...suggest(`add ${type} to ${id}'s canReceive`, [appendItem(user.source.doc, user.source.path, 'canReceive', type)]),
            ...suggest(`remove ${id} from the shift`, [removeItem(s.source.doc, [...s.source.path, 'staff'], index)]),
          ],
        });
      }
    }
  },
};
