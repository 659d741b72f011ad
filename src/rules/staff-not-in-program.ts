import { portalsServed } from '../timeline/staffing.js';
import { appendItem, removeItem } from '../load/edits.js';
import { at, indexIn, related, suggest, type ConfigRule } from './rule.js';

/**
 * A registered user counts only if assigned to the shift's program (SPEC §3.2). Only shifts that
 * serve a portal are judged: when the shift itself is wrong, its staff are not (SPEC §4).
 */
export const staffNotInProgram: ConfigRule = {
  meta: {
    id: 'staff-not-in-program',
    severity: 'error',
    description: "a registered user not assigned to the shift's program",
    kind: 'config',
    fixable: false,
  },
  check(ctx) {
    const { model } = ctx;
    for (const s of model.shifts) {
      if (s.program === undefined || portalsServed(s, model).length === 0) continue;
      for (const id of s.staff) {
        const user = model.userById.get(id);
        if (!user || user.programs.includes(s.program)) continue;
        // A misspelt program of the user's is unknown-reference's finding, with its correction.
        if (user.programs.some((p) => !model.programById.has(p))) continue;
        const index = indexIn(s.raw, 'staff', id);
        ctx.report({
          subject: [s, user],
          at: at(s.source, ['staff', index]),
          message: `${id} is not assigned to program \`${s.program}\`, so ${id} does not count on \`${s.id}\` and gets no pop-ups or alerts: add ${s.program} to ${id}'s programs or remove ${id} from the shift`,
          related: [
            related(
              user.source,
              `${id} is defined here`,
              Array.isArray(user.raw.programs) ? ['programs'] : [],
              Array.isArray(user.raw.programs) ? 'key' : 'value',
            ),
          ],
          suggestions: [
            ...suggest(`add ${s.program} to ${id}'s programs`, [appendItem(user.source.doc, user.source.path, 'programs', s.program)]),
            ...suggest(`remove ${id} from the shift`, [removeItem(s.source.doc, [...s.source.path, 'staff'], index)]),
          ],
        });
      }
    }
  },
};
