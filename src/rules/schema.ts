import { locate } from '../load/locate.js';
import type { Path } from '../load/source.js';
import { isAllPrograms } from '../model/types.js';
import { validateData } from '../validate/schema.js';
import { related, type ConfigRule } from './rule.js';

/**
 * JSON Schema violations of each file, plus the shape of the merged configuration: exactly one
 * `organization`, at most one `holidays` section.
 */
export const schema: ConfigRule = {
  meta: {
    id: 'schema',
    severity: 'error',
    description: 'JSON Schema violation: unknown key, wrong type, missing field, bad time format',
    kind: 'config',
    fixable: false,
    structural: true,
  },
  check(ctx) {
    const { model } = ctx;
    for (const doc of model.sources) {
      if (!doc.usable) continue;
      for (const p of validateData(doc.data)) {
        if (p.part === 'value' && isAllProgramsReference(doc.data, p.path)) continue;
        ctx.report({ at: locate(doc, p.path, p.part), message: p.message });
      }
    }
    const [first, ...others] = model.organizations;
    if (!first && model.sources.every((d) => d.usable)) {
      const doc = model.sources[0]!;
      ctx.report({
        at: locate(doc, []),
        message: 'no `organization` section in any file: add organization: with id, name and timezone (exactly one across all files)',
      });
    }
    for (const org of others) {
      ctx.report({
        at: locate(org.source.doc, ['organization'], 'key'),
        message: 'a second `organization` section: there is exactly one organization across all files; merge them',
        related: [related(first!.source, 'the organization is defined here', [], 'key')],
      });
    }
    const [holidays, ...moreHolidays] = model.holidaysSections;
    for (const h of moreHolidays) {
      ctx.report({
        at: locate(h.source.doc, ['holidays'], 'key'),
        message: 'a second `holidays` section: keep calendars, dates and expect in one `holidays` section',
        related: [related(holidays!.source, 'holidays are defined here', [], 'key')],
      });
    }
  },
};

/**
 * A program reference written as "All Programs" breaks the id pattern, but its one finding is
 * shift-program-not-portal's (or unknown-reference's, in a user's programs): SPEC §4.
 */
function isAllProgramsReference(data: unknown, path: Path): boolean {
  const isReference =
    (path.length === 3 && path[0] === 'shifts' && path[2] === 'program') ||
    (path.length === 4 && path[0] === 'users' && path[2] === 'programs');
  if (!isReference) return false;
  let value = data;
  for (const key of path)
    value = value !== null && typeof value === 'object' ? (value as Record<string | number, unknown>)[key] : undefined;
  return typeof value === 'string' && isAllPrograms(value);
}
