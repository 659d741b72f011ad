import type { Requirement, Shift } from '../model/types.js';

import { at, type ConfigRule } from './rule.js';
import { list } from '../words.js';

/** Dates that contradict each other: `until` before `from`, `away.to` before `away.from`, `date` with `repeat`. */
export const invalidShiftTime: ConfigRule = {
  meta: {
    id: 'invalid-shift-time',
    severity: 'error',
    description: '`until` before `from`, `away.to` before `away.from`, a `date` with `repeat`',
    kind: 'config',
    fixable: false,
    structural: true,
  },
  check(ctx) {
    const { model } = ctx;
    const items: [string, Shift | Requirement][] = [
      ...model.shifts.map((s): [string, Shift] => [`shift \`${s.id}\``, s]),
      ...model.requirements.map((r): [string, Requirement] => [`requirement \`${r.id}\``, r]),
    ];
    for (const [owner, item] of items) {
      if (item.date !== undefined) {
        // One mistake, one finding: every series key that comes with `date`, named at the first.
        const keys = (['repeat', 'from', 'until', 'except'] as const).filter((key) => Object.prototype.hasOwnProperty.call(item.raw, key));
        if (keys.length) {
          const named = list(keys.map((k) => `\`${k}\``));
          ctx.report({
            at: at(item.source, [keys[0]!], 'key'),
            message: `${owner} has both \`date\` (a one-off) and ${named} (for a series): remove ${named}, or remove \`date\` to make it a series`,
          });
        }
        continue;
      }
      const { from, until } = item.timing;
      if (from !== undefined && until !== undefined && until < from) {
        ctx.report({
          at: at(item.source, ['until']),
          message: `${owner} ends (until ${item.until}) before it begins (from ${item.from}): correct one of the dates`,
        });
      }
    }
    // Away periods are compared as instants in the organization's zone, or as written when the
    // zone is not valid (invalid-timezone reports that).
    for (const user of model.users) {
      for (const a of user.away) {
        if (!a.single && a.span && a.span.end <= a.span.start) {
          ctx.report({
            at: at(user.source, ['away', a.index, 'to']),
            message: `away entry of user \`${user.id}\` ends (to ${a.to}) before it begins (from ${a.from}): correct one of the dates`,
          });
        }
      }
    }
  },
};
