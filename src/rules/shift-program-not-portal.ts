import { list } from '../text.js';
import { at, related, type Rule } from './rule.js';

/** A shift whose program belongs to no portal can never bring a portal online. */
export const shiftProgramNotPortal: Rule = {
  meta: {
    id: 'shift-program-not-portal',
    severity: 'error',
    description: 'a shift whose program belongs to no portal ("all programs" included)',
    kind: 'config',
  },
  check(ctx) {
    const { model } = ctx;
    const portalPrograms = [...model.portalByProgram.keys()].sort();
    for (const s of model.shifts) {
      if (s.program === undefined || model.portalByProgram.has(s.program)) continue;
      const program = model.programById.get(s.program);
      if (!program) continue; // unknown-reference
      const fit = s.messaging.length === 1 ? portalPrograms.filter((p) => model.portalByProgram.get(p)!.type === s.messaging[0]) : portalPrograms;
      const use = fit.length ? `use a portal's program (${list(fit.map((p) => `\`${p}\``), 'or')})` : 'add a portal with this program';
      ctx.report({
        at: at(s.source, ['program']),
        message: `shift \`${s.id}\` is for program \`${s.program}\`, which belongs to no portal, so it can never bring a portal online: ${use}`,
        related: [related(program.source, `program \`${program.id}\` is defined here`)],
      });
    }
  },
};
