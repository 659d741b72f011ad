import { isAllPrograms, type Source } from '../model/types.js';
import { checkCalendar } from '../holidays/calendars.js';
import { closest, didYouMean } from '../text.js';
import { replaceValue, yamlValue } from '../load/edits.js';
import { at, indexIn, suggest, type ConfigRule } from './rule.js';
import { list, overrideLabel, quote } from '../words.js';

/** A program, portal or user id that does not exist. */
export const unknownReference: ConfigRule = {
  meta: {
    id: 'unknown-reference',
    severity: 'error',
    description: 'a program, portal or user id that does not exist',
    kind: 'config',
    fixable: false,
    structural: true,
  },
  check(ctx) {
    const { model } = ctx;
    const kinds = {
      program: model.programById,
      portal: model.portalById,
      user: model.userById,
    } as const;
    const check = (kind: keyof typeof kinds, id: string | undefined, source: Source, path: (string | number)[], what: string) => {
      if (id === undefined || kinds[kind].has(id)) return;
      const guess = didYouMean(id, kinds[kind].keys());
      const fix =
        guess === undefined
          ? `define ${kind} \`${id}\` in \`${kind}s\` or use an existing one`
          : guess.normalize('NFC') === id.normalize('NFC')
            ? `it looks like ${kind} \`${guess}\` but its letters are encoded differently (Unicode composed and decomposed accents); type the reference again`
            : `did you mean \`${guess}\`?`;
      ctx.report({
        at: at(source, path),
        message: `${what} names ${kind} \`${id}\`, which does not exist: ${fix}`,
        suggestions: closest(id, kinds[kind].keys()).flatMap((c) =>
          suggest(`use ${c}`, [replaceValue(source.doc, [...source.path, ...path], yamlValue(c))]),
        ),
      });
    };
    for (const p of model.portals) check('program', p.program, p.source, ['program'], `portal \`${p.id}\``);
    const portalPrograms = [...model.portalByProgram.keys()].sort();
    for (const s of model.shifts) {
      // A shift for "all programs" is shift-program-not-portal's one finding (SPEC §4).
      if (s.program === undefined || !isAllPrograms(s.program)) check('program', s.program, s.source, ['program'], `shift \`${s.id}\``);
      for (const u of s.staff) check('user', u, s.source, ['staff', indexIn(s.raw, 'staff', u)], `shift \`${s.id}\``);
    }
    for (const u of model.users) {
      for (const p of u.programs) {
        const path = ['programs', indexIn(u.raw, 'programs', p)];
        if (isAllPrograms(p) && !model.programById.has(p)) {
          const each = portalPrograms.length
            ? `list each portal program ${u.id} answers (${list(portalPrograms.map(quote))}) instead`
            : 'list the programs instead';
          ctx.report({
            at: at(u.source, path),
            message: `user \`${u.id}\` is assigned to "${p}", but there is no "all programs" assignment: ${each}`,
          });
        } else check('program', p, u.source, path, `user \`${u.id}\``);
      }
    }
    for (const o of model.overrides) {
      const name = overrideLabel(o);
      check('portal', o.portal, o.source, ['portal'], name);
      check('user', o.by, o.source, ['by'], name);
      check('user', o.onlineBy, o.source, ['onlineBy'], name);
    }
    for (const r of model.requirements) check('portal', r.portal, r.source, ['portal'], `requirement \`${r.id}\``);
    // Holiday calendars name countries and regions of the date-holidays data.
    for (const section of model.holidaysSections) {
      section.calendars.forEach((code) => {
        const result = checkCalendar(code);
        if (!result.ok)
          ctx.report({
            at: at(section.source, ['calendars', indexIn(section.raw, 'calendars', code)]),
            message: `holidays.calendars: ${result.problem}`,
          });
      });
    }
  },
};
