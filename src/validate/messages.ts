/**
 * ajv errors → messages that say what to change, placed on the most specific node: an unknown
 * key on that key, a missing field on its mapping, a wrong type or format on the value.
 */
import type { ErrorObject } from 'ajv';
import type { Path } from '../load/source.js';
import { FIRST_YEAR, LAST_YEAR, YEAR_RANGE_TEXT } from '../time/civil.js';
import { didYouMean } from '../text.js';
import { list, quote } from '../words.js';

export interface SchemaProblem {
  path: Path;
  /** Report on the mapping key rather than the value (unknown keys, rule names). */
  part: 'value' | 'key';
  message: string;
  /** For an unknown key: the allowed key it is a likely misspelling of. */
  meant?: string;
  /** For a missing field: its name. */
  missing?: string;
  /** For a time of day that is not the string "HH:MM": whether "24:00" is allowed there (an end). */
  timeOfDay?: { allow24: boolean };
}

/** A table of words by key that answers only for its own keys (never `__proto__`, `constructor` …). */
function lookup(entries: Record<string, string>): Readonly<Record<string, string | undefined>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, string | undefined>, entries));
}

const SINGULAR = lookup({
  programs: 'program',
  portals: 'portal',
  users: 'user',
  shifts: 'shift',
  overrides: 'override',
  requirements: 'requirement',
  dates: 'holiday date',
  away: 'away entry',
});

/** Example values used to say how to add a missing field. */
const EXAMPLE = lookup({
  shiftready: 'shiftready: 1',
  id: 'id: <a unique id>',
  timezone: 'timezone: America/Chicago',
  type: 'type: chat (or sms)',
  program: 'program: <program id>',
  portal: 'portal: <portal id>',
  start: 'start: "09:00"',
  end: 'end: "17:00"',
  repeat: 'repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
  from: 'from: 2026-01-05',
  to: 'to: 2026-01-09',
  offline: 'offline: 2026-07-06T10:00',
  online: 'online: 2026-07-06T15:00 (when it was set back online)',
  by: 'by: <user id>',
  date: 'date: 2026-12-24',
});

/** What a value of a schema definition must look like. */
const EXPECTED = lookup({
  timeOfDay: 'a time "HH:MM" from 00:00 to 23:59, in quotes',
  endTimeOfDay: 'a time "HH:MM" from 00:00 to 24:00, in quotes',
  date: 'a real date YYYY-MM-DD from 1970 to 2099',
  dateTime: 'a date-time YYYY-MM-DDTHH:MM (optionally with Z or an offset like +02:00), or a date YYYY-MM-DD, from 1970 to 2099',
  id: 'an id of letters, digits, _, - and . (starting with a letter, digit or _)',
  name: 'a name (text)',
  timezone: 'an IANA time zone name such as America/Chicago',
  repeat: 'an RRULE value such as FREQ=WEEKLY;BYDAY=MO',
  messagingType: 'chat or sms',
  role: 'admin, supervisor, enhanced or basic',
  holidayExpect: 'closed, covered or either',
});

export function valueAt(data: unknown, path: Path): unknown {
  let cur = data;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = Object.prototype.hasOwnProperty.call(cur, seg) ? (cur as Record<string | number, unknown>)[seg] : undefined;
  }
  return cur;
}

export function pathOf(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : s));
}

/** "shift `weekday-chat`", "the 3rd user", "organization" … for the item that contains `path`. */
export function ownerOf(data: unknown, path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const seg = path[i];
    const parent = path[i - 1];
    if (typeof seg === 'number' && typeof parent === 'string' && SINGULAR[parent]) {
      const id = valueAt(data, [...path.slice(0, i + 1), 'id']);
      const date = valueAt(data, [...path.slice(0, i + 1), 'date']);
      if (typeof id === 'string' && id) return `${SINGULAR[parent]} ${quote(id)}`;
      if (parent === 'dates' && typeof date === 'string') return `holiday date ${quote(date)}`;
      return `${SINGULAR[parent]} #${seg + 1} in \`${parent}\``;
    }
    if (typeof seg === 'string' && i === 0)
      return seg === 'holidays' || seg === 'organization' || seg === 'rules' ? `\`${seg}\`` : 'the file';
  }
  return 'the file';
}

/** The name of the field at `path`, e.g. `start`, or `staff` item 2. */
function fieldName(path: Path): string {
  const last = path[path.length - 1];
  if (typeof last === 'number') {
    const parent = path[path.length - 2];
    return `item ${last + 1} of \`${String(parent)}\``;
  }
  return last === undefined ? 'the file' : `\`${last}\``;
}

/**
 * What a message is about: "`users`" for a section, "user `jane`" for a section item, else
 * "`start` of shift `s1`".
 */
export function subjectOf(data: unknown, path: Path): string {
  if (path.length === 0) return 'the file';
  if (path.length === 1) return `\`${String(path[0])}\``;
  const last = path[path.length - 1];
  const parent = path[path.length - 2];
  if (typeof last === 'number' && typeof parent === 'string' && SINGULAR[parent]) return ownerOf(data, path);
  return `${fieldName(path)} of ${ownerOf(data, path)}`;
}

function definitionOf(error: ErrorObject): string | undefined {
  const m = /#\/definitions\/([^/]+)\/[^/]+$/.exec(error.schemaPath);
  return m?.[1];
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null (an empty value)';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a number' : 'a decimal number';
  if (typeof value === 'boolean') return 'true/false';
  return 'text';
}

function expectedType(type: unknown, def: string | undefined, path: Path): string {
  if (def && EXPECTED[def]) return EXPECTED[def]!;
  const last = path[path.length - 1];
  switch (type) {
    case 'array':
      return typeof last === 'string' && SINGULAR[last] ? `a list of ${last}, each item starting with "- "` : 'a list, e.g. [a, b]';
    case 'object':
      return 'a mapping of keys and values';
    case 'integer':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'string':
      return 'text';
    default:
      return String(type);
  }
}

/** The characters of the schema's id pattern, first and after (kept equal by test/validate/messages.test.ts). */
export const ID_FIRST = /[\p{L}\p{N}_]/u;
export const ID_REST = /[\p{L}\p{M}\p{N}._-]/u;

/** What breaks the id pattern: the first character that may not be in an id, by name. */
function idProblem(value: string): string {
  const chars = [...value];
  const at = chars.findIndex((c, i) => !(i === 0 ? ID_FIRST : ID_REST).test(c));
  if (at < 0) return 'is not one';
  const c = chars[at]!;
  const code = `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  const name = c === ' ' ? 'a space' : /[\p{Cc}\p{Cf}\p{Z}]/u.test(c) ? `the invisible character ${code}` : `"${c}" (${code})`;
  return at === 0 ? `starts with ${name}` : `has ${name} at position ${at + 1}`;
}

/** Converts one ajv error; `undefined` for errors that only summarise others (`if`, `anyOf`). */
export function describeSchemaError(data: unknown, error: ErrorObject): SchemaProblem | undefined {
  const path = pathOf(error.instancePath);
  const value = valueAt(data, path);
  const def = definitionOf(error);
  const owner = ownerOf(data, path);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'if':
    case 'anyOf':
      return undefined;
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys(propertiesAt(error) ?? {});
      const guess = key === '' ? undefined : didYouMean(key, allowed);
      const hint = guess
        ? `did you mean \`${guess}\`?`
        : allowed.length
          ? `allowed keys are ${list(allowed.map((k) => `\`${k}\``))}`
          : 'remove it';
      const where = path.length === 0 ? 'at the top level' : `in ${subjectOf(data, path)}`;
      const name = key === '' ? 'an empty key' : `unknown key \`${key}\``;
      return { path: [...path, key], part: 'key', message: `${name} ${where}: ${hint}`, ...(guess ? { meant: guess } : {}) };
    }
    case 'required': {
      const missing = String(params.missingProperty);
      if (error.schemaPath.includes('/then/')) {
        const kind = path[0] === 'requirements' ? 'requirement' : 'shift';
        return {
          path,
          part: 'value',
          message: `${owner} needs either \`date\` (a one-off ${kind}) or \`repeat\` and \`from\` (a series): add ${EXAMPLE[missing] ?? `\`${missing}\``}`,
        };
      }
      if (path.length === 0 && missing === 'shiftready') {
        return { path, part: 'value', message: 'the first key of a shiftready file must be `shiftready: 1`' };
      }
      const example = EXAMPLE[missing];
      return { path, part: 'value', message: `${owner} is missing \`${missing}\`${example ? `: add ${example}` : ''}`, missing };
    }
    case 'type': {
      const expected = expectedType(params.type, def, path);
      if (path.length === 0) {
        return { path, part: 'value', message: 'a shiftready file must be a mapping whose first key is `shiftready: 1`' };
      }
      const subject = subjectOf(data, path);
      let message = `${subject} must be ${expected}, not ${typeName(value)}`;
      if (typeof value === 'number' && (def === 'timeOfDay' || def === 'endTimeOfDay')) {
        const digits = String(value).padStart(4, '0');
        const h = Math.floor(value / 100);
        const looksLikeTime = Number.isInteger(value) && value >= 0 && value <= 2400 && value % 100 < 60;
        message = looksLikeTime
          ? `${subject} must be a quoted time: YAML read the unquoted ${digits.length > 4 ? value : digits} as the number ${value}; write "${String(h).padStart(2, '0')}:${digits.slice(-2)}"`
          : `${subject} must be a quoted time "HH:MM", not the number ${value}`;
        return { path, part: 'value', message, timeOfDay: { allow24: def === 'endTimeOfDay' } };
      } else if (value !== null && typeof value !== 'object' && typeof value !== 'string' && params.type === 'string') {
        message += `: quote it, e.g. "${String(value)}"`;
      }
      return { path, part: 'value', message };
    }
    case 'pattern':
    case 'format': {
      if (path[0] === 'holidays' && path[1] === 'calendars') {
        return {
          path,
          part: 'value',
          message: `calendar ${show(value)} must be a country code or country-region code such as US or US-IL`,
        };
      }
      const expected = (def && EXPECTED[def]) ?? 'the documented format';
      let message = `${subjectOf(data, path)} must be ${expected}, got ${show(value)}`;
      if (def === 'id' && typeof value === 'string')
        message = `${subjectOf(data, path)} must be ${expected}: ${show(value)} ${idProblem(value)}`;
      if ((def === 'date' || def === 'dateTime') && typeof value === 'string' && /^\d{4}-/.test(value)) {
        const year = Number(value.slice(0, 4));
        if (year < FIRST_YEAR || year > LAST_YEAR)
          message = `${subjectOf(data, path)} must be in the years shiftready reads, ${YEAR_RANGE_TEXT}: got ${show(value)}`;
      }
      if (def === 'timeOfDay' && value === '24:00')
        message = `${subjectOf(data, path)} cannot be "24:00": a start time is 00:00 to 23:59 (use "00:00" on the next date)`;
      if (def === 'timeOfDay' || def === 'endTimeOfDay')
        return { path, part: 'value', message, timeOfDay: { allow24: def === 'endTimeOfDay' } };
      return { path, part: 'value', message };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      if (error.schemaPath.includes('propertyNames')) {
        const name = String((error as ErrorObject & { propertyName?: string }).propertyName ?? params.propertyName ?? value);
        const guess = didYouMean(name, allowed);
        return {
          path: [...path, name],
          part: 'key',
          message: `unknown rule \`${name}\`${guess ? `: did you mean \`${guess}\`?` : ': run `shiftready rules` for the list'}`,
        };
      }
      const guess = typeof value === 'string' ? didYouMean(value, allowed) : undefined;
      return {
        path,
        part: 'value',
        message: `${subjectOf(data, path)} must be ${list(allowed, 'or')}, got ${show(value)}${guess ? `: did you mean ${guess}?` : ''}`,
      };
    }
    case 'dependencies': {
      // `onlineBy` names who set the switch back online, so it needs `online` (SPEC §3.2).
      const key = String(params.property);
      const missing = String(params.missingProperty);
      return {
        path: [...path, key],
        part: 'key',
        message: `\`${key}\` of ${owner} needs \`${missing}\`: add ${EXAMPLE[missing] ?? `\`${missing}\``}, or remove \`${key}\``,
      };
    }
    case 'propertyNames':
      return undefined; // reported by its `enum` error with the property's name
    case 'const':
      if (path.length === 1 && path[0] === 'shiftready') {
        return {
          path,
          part: 'value',
          message: `unsupported format version ${show(value)}: this shiftready reads files marked \`shiftready: 1\``,
        };
      }
      return { path, part: 'value', message: `${subjectOf(data, path)} must be ${JSON.stringify(params.allowedValue)}` };
    case 'minimum':
      return { path, part: 'value', message: `${subjectOf(data, path)} must be at least ${String(params.limit)}, got ${show(value)}` };
    case 'minLength':
      return { path, part: 'value', message: `${subjectOf(data, path)} must not be empty` };
    case 'maxLength':
      return { path, part: 'value', message: `${subjectOf(data, path)} is too long (at most ${String(params.limit)} characters)` };
    case 'uniqueItems': {
      const i = Math.max(Number(params.i), Number(params.j));
      const item = valueAt(data, [...path, i]);
      return { path: [...path, i], part: 'value', message: `${subjectOf(data, path)} lists ${show(item)} twice: remove the repeat` };
    }
    default:
      return { path, part: 'value', message: `${subjectOf(data, path)}: ${error.message ?? 'is not valid'}` };
  }
}

/** The `properties` of the schema object an `additionalProperties` error came from. */
function propertiesAt(error: ErrorObject): Record<string, unknown> | undefined {
  const parent = error.parentSchema as { properties?: Record<string, unknown> } | undefined;
  return parent?.properties;
}
