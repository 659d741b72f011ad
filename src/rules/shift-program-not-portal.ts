import { isAllPrograms } from '../model/types.js';

import { intendedPrograms } from './root-causes.js';
import { replaceValue, yamlValue } from '../load/edits.js';
import { at, related, suggest, type ConfigRule } from './rule.js';
import { list, quote } from '../words.js';

/**
 * A shift whose program belongs to no portal can never bring a portal online. iCarol's "all
 * programs" (however it is spelt, defined or not) is the case the help article names: one finding,
 * naming the portal programs the shift could be for (SPEC §4).
 */
export const shiftProgramNotPortal: ConfigRule = {
  meta: {
    id: 'shift-program-not-portal',
    severity: 'error',
    description: 'a shift whose program belongs to no portal ("all programs" included)',
    kind: 'config',
    fixable: false,
  },
  check(ctx) {
    const { model } = ctx;
    const portalPrograms = [...model.portalByProgram.keys()].sort();
    const intended = intendedPrograms(model); // portal-program-shared names these
    for (const s of model.shifts) {
      if (s.program === undefined || model.portalByProgram.has(s.program) || intended.has(s.program)) continue;
      const program = model.programById.get(s.program);
      const all = isAllPrograms(s.program);
      if (!program && !all) continue; // unknown-reference
      const fit =
        s.messaging.length === 1 ? portalPrograms.filter((p) => model.portalByProgram.get(p)!.type === s.messaging[0]) : portalPrograms;
      const named = fit.map((p) => `${quote(p)} (portal ${quote(model.portalByProgram.get(p)!.id)})`);
      const use =
        fit.length === 0
          ? 'add a portal with this program'
          : fit.length === 1
            ? `set program: ${fit[0]}, the program of portal ${quote(model.portalByProgram.get(fit[0]!)!.id)}`
            : `set program to one portal's program, ${list(named, 'or')}, with one shift per portal`;
      const what = all
        ? `shift \`${s.id}\` is for "${s.program}", but a shift for all programs never brings a portal online (only a shift for a portal's own program does)`
        : `shift \`${s.id}\` is for program \`${s.program}\`, which belongs to no portal, so it can never bring a portal online`;
      // A shift for a program of its own (a phone rota) may not be a messaging shift at all.
      const fix = all ? use : `${use}, or remove the shift if it is not a messaging shift`;
      ctx.report({
        subject: s,
        at: at(s.source, ['program']),
        message: `${what}: ${fix}`,
        related: program ? [related(program.source, `program \`${program.id}\` is defined here`)] : [],
        // "All programs" is one of the portal programs of its type, to be chosen (SPEC §5.7).
        suggestions: all
          ? fit.flatMap((p) => {
              const missing = s.staff.filter((id) => model.userById.get(id)?.programs.includes(p) === false);
              const note = missing.length ? `; ${list(missing)} ${missing.length === 1 ? 'is' : 'are'} not assigned to it` : '';
              const desc = `set program: ${p} (portal ${model.portalByProgram.get(p)!.id}${note})`;
              return suggest(desc, [replaceValue(s.source.doc, [...s.source.path, 'program'], yamlValue(p))]);
            })
          : [],
      });
    }
  },
};
