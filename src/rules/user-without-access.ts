import { intendedPrograms, likelyPortalType, sharedPrograms } from './root-causes.js';
import { at, indexIn, type ConfigRule } from './rule.js';
import { list, TYPE_WORDS } from '../words.js';

/**
 * Both steps are needed for every user and every portal program: the program assignment and the
 * messaging permission. A user with only one of them gets no pop-ups or mobile alerts. Silent
 * where another finding is the root: the user's own errors on shifts, a misspelt program or type,
 * a program two portals share, a portal whose type is in question.
 */
export const userWithoutAccess: ConfigRule = {
  meta: {
    id: 'user-without-access',
    severity: 'warn',
    description: 'a user with a messaging permission but no portal program, or the reverse',
    kind: 'config',
    fixable: false,
  },
  check(ctx) {
    const { model } = ctx;
    const shared = sharedPrograms(model);
    const intended = intendedPrograms(model);
    // Programs whose portal's type is itself doubtful (typeless, or contradicted by all its shifts).
    const doubtful = new Set(model.portals.filter((p) => p.type === undefined || likelyPortalType(p, model)).map((p) => p.program));
    const moot = (program: string) => shared.has(program) || intended.has(program) || doubtful.has(program);
    for (const user of model.users) {
      if (ctx.hasError(user) || user.canReceiveInvalid || user.programs.some((p) => !model.programById.has(p))) continue;
      for (const program of user.programs) {
        if (moot(program)) continue;
        const portal = model.portalByProgram.get(program);
        if (!portal?.type || user.canReceive.includes(portal.type)) continue;
        ctx.report({
          at: at(user.source, ['programs', indexIn(user.raw, 'programs', program)]),
          message: `${user.id} is assigned to \`${program}\` (portal \`${portal.id}\`) but cannot receive ${TYPE_WORDS[portal.type].permission}, so gets no pop-ups or alerts from it: add ${portal.type} to canReceive, or remove ${program} from programs`,
        });
      }
      for (const type of user.canReceive) {
        const has = user.programs.some((p) => moot(p) || model.portalByProgram.get(p)?.type === type);
        if (has) continue;
        const options = [
          ...new Set(model.portals.filter((p) => p.type === type && p.program !== undefined).map((p) => `\`${p.program}\``)),
        ];
        ctx.report({
          at: at(user.source, ['canReceive', indexIn(user.raw, 'canReceive', type)]),
          message: `${user.id} can receive ${TYPE_WORDS[type].permission} but is assigned to no ${type} portal program, so gets no pop-ups or alerts: ${options.length ? `add ${list(options, 'or')} to programs` : `add ${type === 'sms' ? 'an SMS' : 'a chat'} portal`}, or remove ${type} from canReceive`,
        });
      }
    }
  },
};
