import type { Portal } from '../model/types.js';
import { intendedProgram } from './root-causes.js';
import { at, related, type ConfigRule } from './rule.js';

/** Every portal has its own program; two portals cannot share one. */
export const portalProgramShared: ConfigRule = {
  meta: {
    id: 'portal-program-shared',
    severity: 'error',
    description: 'two portals with the same program',
    kind: 'config',
    fixable: false,
  },
  check(ctx) {
    const first = new Map<string, Portal>();
    for (const p of ctx.model.portals) {
      if (p.program === undefined) continue;
      const owner = first.get(p.program);
      if (!owner) {
        first.set(p.program, p);
        continue;
      }
      if (owner.id === p.id) continue; // duplicate-id
      const intended = intendedProgram(p, ctx.model);
      const fix = intended
        ? `set program: ${intended.id} (defined, and no portal's program yet)`
        : `add a program of its own to \`programs\` and set it here (and on its shifts and users)`;
      ctx.report({
        subject: p,
        at: at(p.source, ['program']),
        message: `portal \`${p.id}\` uses program \`${p.program}\`, which is already portal \`${owner.id}\`'s program, but every portal needs its own program: ${fix}`,
        related: [related(owner.source, `portal \`${owner.id}\` uses \`${p.program}\` here`, ['program'])],
      });
    }
  },
};
