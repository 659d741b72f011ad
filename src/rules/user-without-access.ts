import type { MessagingType } from '../model/types.js';
import { list } from '../text.js';
import { at, indexIn, type Rule } from './rule.js';

const LABEL: Record<MessagingType, string> = { chat: 'chat (Instant Messages)', sms: 'SMS' };

/**
 * Both steps are needed for every user and every portal program: the program assignment and the
 * messaging permission. A user with only one of them gets no pop-ups or mobile alerts.
 */
export const userWithoutAccess: Rule = {
  meta: {
    id: 'user-without-access',
    severity: 'warn',
    description: 'a user with a messaging permission but no portal program, or the reverse',
    kind: 'config',
  },
  check(ctx) {
    const { model } = ctx;
    for (const user of model.users) {
      for (const program of user.programs) {
        const portal = model.portalByProgram.get(program);
        if (!portal?.type || user.canReceive.includes(portal.type)) continue;
        ctx.report({
          at: at(user.source, ['programs', indexIn(user.raw, 'programs', program)]),
          message: `${user.id} is assigned to \`${program}\` (portal \`${portal.id}\`) but cannot receive ${LABEL[portal.type]}, so gets no pop-ups or alerts from it: add ${portal.type} to canReceive, or remove ${program} from programs`,
        });
      }
      for (const type of user.canReceive) {
        const has = user.programs.some((p) => model.portalByProgram.get(p)?.type === type);
        if (has) continue;
        const options = [...new Set(model.portals.filter((p) => p.type === type && p.program !== undefined).map((p) => `\`${p.program}\``))];
        ctx.report({
          at: at(user.source, ['canReceive', indexIn(user.raw, 'canReceive', type)]),
          message: `${user.id} can receive ${LABEL[type]} but is assigned to no ${type} portal program, so gets no pop-ups or alerts: ${options.length ? `add ${list(options, 'or')} to programs` : `add an ${type} portal`}, or remove ${type} from canReceive`,
        });
      }
    }
  },
};
