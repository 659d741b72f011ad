import { asFix, quoteTime } from '../load/edits.js';
import { locate } from '../load/locate.js';
import type { Path } from '../load/source.js';
import { isAllPrograms } from '../model/types.js';
import { subjectOf, valueAt } from '../validate/messages.js';
import { validateData } from '../validate/schema.js';
import { related, type ConfigRule } from './rule.js';

/**
 * JSON Schema violations of each file, plus the shape of the merged configuration: exactly one
 * `organization`, at most one `holidays` section. Fix (SPEC §5.7): a time of day written without
 * quotes (`0900`, which YAML reads as the number 900; `9:00`) quoted as "HH:MM".
 */
export const schema: ConfigRule = {
  meta: {
    id: 'schema',
    severity: 'error',
    description: 'JSON Schema violation: unknown key, wrong type, missing field, bad time format',
    kind: 'config',
    fixable: true,
    structural: true,
  },
  check(ctx) {
    const { model } = ctx;
    for (const doc of model.sources) {
      if (!doc.usable) continue;
      const problems = validateData(doc.data);
      for (const p of problems) {
        if (p.part === 'value' && isAllProgramsReference(doc.data, p.path)) continue;
        const fix = p.timeOfDay && asFix(doc, quoteTime(doc, p.path, p.timeOfDay.allow24));
        // Under `%YAML 1.1`, `9:00` is the number 540: the advice follows the text as written, as the fix does.
        const message = fix ? p.message.replace(/write "\d\d:\d\d"$/, `write ${fix[0]!.text}`) : p.message;
        ctx.report({ at: locate(doc, p.path, p.part), message, fix });
      }
      // One finding per mistake: nothing more inside an unknown key, or on a value already refused.
      const refused = new Set(
        problems.filter((p) => p.part === 'key' || typeof valueAt(doc.data, p.path) === 'string').map((p) => JSON.stringify(p.path)),
      );
      for (const p of controlCharacters(doc.data, doc.data, refused)) ctx.report({ at: locate(doc, p.path, p.part), message: p.message });
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
  const value = valueAt(data, path);
  return typeof value === 'string' && isAllPrograms(value);
}

/** Text that may span lines (and hold tabs): notes and the offline messages. */
function multiLine(path: Path): boolean {
  const last = path[path.length - 1];
  return last === 'note' || (path[0] === 'organization' && path[1] === 'offlineMessages');
}

/** A control character (C0, DEL, C1) or a direction override (SPEC §2, Text). Not global: `test` keeps no state. */
const CONTROL_OR_OVERRIDE = /\p{Cc}|[\u202A-\u202E\u2066-\u2069]/u;

/**
 * Control characters — written as YAML escapes such as "\e[2K" — and invisible direction
 * overrides in any string of the configuration (SPEC §4, schema): they would reach terminals,
 * spreadsheets and calendars as they are. Newlines and tabs are text in notes and messages.
 */
function controlCharacters(
  root: unknown,
  data: unknown,
  refused: ReadonlySet<string>,
): { path: Path; part: 'value' | 'key'; message: string }[] {
  const out: { path: Path; part: 'value' | 'key'; message: string }[] = [];
  // One path, pushed and popped while walking: a large configuration has hundreds of thousands of
  // nodes, and a copy of the path for each was most of this walk's time.
  const path: (string | number)[] = [];
  const isRefused = refused.size === 0 ? () => false : () => refused.has(JSON.stringify(path));
  const check = (text: string, part: 'value' | 'key') => {
    // Most text has none: one test of the whole string before looking at each character.
    if (!CONTROL_OR_OVERRIDE.test(text)) return;
    const at = [...path];
    const allowed = part === 'value' && multiLine(at) ? /[\t\n]/ : /(?!)/;
    const chars = [...text];
    const i = chars.findIndex((c) => CONTROL_OR_OVERRIDE.test(c) && !allowed.test(c));
    if (i < 0) return;
    const code = `U+${chars[i]!.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    const what = part === 'key' ? `the key of ${subjectOf(root, at)}` : subjectOf(root, at);
    out.push({
      path: at,
      part,
      message: `${what} contains the control character ${code} at position ${i + 1}: remove it (shiftready writes text to terminals, spreadsheets and calendars, where it would act)`,
    });
  };
  const walk = (node: unknown): void => {
    if (typeof node === 'string') check(node, 'value');
    else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        if (!isRefused()) walk(node[i]);
        path.pop();
      }
    } else if (node !== null && typeof node === 'object') {
      for (const k of Object.keys(node)) {
        path.push(k);
        if (!isRefused()) {
          check(k, 'key');
          walk((node as Record<string, unknown>)[k]);
        }
        path.pop();
      }
    }
  };
  walk(data);
  return out;
}
