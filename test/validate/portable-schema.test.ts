/**
 * The schema as other JSON Schema tools read it: ajv's strict mode with only the editor annotations
 * declared, no custom formats, date patterns that know the calendar, and `messaging` written so
 * that completion sees its values while the CLI's findings stay as they were.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { EDITOR_KEYWORDS } from '../../src/validate/options.js';
import { BASE, checkText } from '../helpers.js';

const schema = JSON.parse(readFileSync(new URL('../../schema/shiftready.schema.json', import.meta.url), 'utf8'));
const require = createRequire(import.meta.url);
const { Ajv } = require('ajv') as typeof import('ajv');

/** Every keyword used anywhere in the schema (keys of schema objects, not of `properties`). */
function keywords(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) keywords(item, into);
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' || key === 'definitions' || key === 'dependencies') {
        into.add(key);
        for (const sub of Object.values(value as object)) keywords(sub, into);
      } else if (key !== 'enum' && key !== 'required' && key !== 'enumDescriptions' && key !== 'default') {
        into.add(key);
        keywords(value, into);
      } else into.add(key);
    }
  }
  return into;
}

describe('the schema in other tools', () => {
  it('compiles under new Ajv({ strict: true }) with the two editor annotations declared', () => {
    const ajv = new Ajv({ strict: true });
    ajv.addVocabulary(['patternErrorMessage', 'enumDescriptions']);
    expect(() => ajv.compile(schema)).not.toThrow();
    expect([...EDITOR_KEYWORDS].sort()).toEqual(['enumDescriptions', 'patternErrorMessage']);
  });

  it('uses no custom format, and no keyword outside draft-07 but those annotations', () => {
    const draft07 = new Set(
      '$schema $id $ref definitions title description default examples type enum const properties additionalProperties required propertyNames items minLength maxLength pattern minimum uniqueItems dependencies if then else not anyOf'.split(
        ' ',
      ),
    );
    const used = keywords(schema);
    expect(used.has('format')).toBe(false);
    expect([...used].filter((k) => !draft07.has(k)).sort()).toEqual(['enumDescriptions', 'patternErrorMessage']);
  });

  it('has a message for people on every pattern (editors show it instead of the regular expression)', () => {
    const bare: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return;
      const n = node as Record<string, unknown>;
      if (typeof n.pattern === 'string' && typeof n.patternErrorMessage !== 'string') bare.push(path);
      for (const [key, value] of Object.entries(n)) visit(value, `${path}/${key}`);
    };
    visit(schema, '#');
    expect(bare).toEqual([]);
    expect(schema.definitions.date.patternErrorMessage).toBe('Must be a real date YYYY-MM-DD from 1970 to 2099.');
  });
});

describe('date patterns know the calendar', () => {
  const date = new RegExp(schema.definitions.date.pattern, 'u');
  const dateTime = new RegExp(schema.definitions.dateTime.pattern, 'u');
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  /** Independently: a date is real when the UTC calendar gives back the same year, month and day. */
  const real = (y: number, m: number, d: number) => {
    const t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  };

  it('accepts exactly the real dates from 1970 to 2099 (every year, month 00-13, day 00-32)', () => {
    const wrong: string[] = [];
    for (let y = 1969; y <= 2100; y++) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const text = `${y}-${pad(m)}-${pad(d)}`;
          const expected = y >= 1970 && y <= 2099 && m >= 1 && m <= 12 && real(y, m, d);
          if (date.test(text) !== expected) wrong.push(text);
          if (dateTime.test(`${text}T09:30`) !== expected) wrong.push(`${text}T09:30`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('rejects 2026-02-30 and 2027-02-29, accepts 2028-02-29 and 2000-02-29, rejects 2100-02-29', () => {
    expect(['2026-02-30', '2027-02-29', '2028-02-29', '2000-02-29', '2100-02-29'].map((d) => date.test(d))).toEqual([
      false,
      false,
      true,
      true,
      false,
    ]);
  });
});

describe('`messaging` findings (one type, or a one-element list)', () => {
  const file = (value: string) =>
    `${BASE}shifts:\n  - id: s\n    program: chat-program\n    messaging: ${value}\n    start: "09:00"\n    end: "17:00"\n    date: 2026-01-06\n    staff: [ana]\n`;
  const line = file('x').split('\n').indexOf('    messaging: x') + 1;
  const schemaFindings = (value: string) =>
    checkText(file(value))
      .findings.filter((f) => f.rule === 'schema')
      .map((f) => `${f.line}:${f.column} ${f.message}`);

  it.each([
    ['chats', [`${line}:16 \`messaging\` of shift \`s\` must be chat or sms, got "chats": did you mean chat?`]],
    ['[chats]', [`${line}:17 item 1 of \`messaging\` of shift \`s\` must be chat or sms, got "chats": did you mean chat?`]],
    ['[chat, smss]', [`${line}:23 item 2 of \`messaging\` of shift \`s\` must be chat or sms, got "smss": did you mean sms?`]],
    ['5', [`${line}:16 \`messaging\` of shift \`s\` must be chat or sms, not a number: quote it, e.g. "5"`]],
    ['{ a: 1 }', [`${line}:16 \`messaging\` of shift \`s\` must be chat or sms, not a mapping`]],
    ['[[chat]]', [`${line}:17 item 1 of \`messaging\` of shift \`s\` must be chat or sms, not a list`]],
    ['chat', []],
    ['[sms]', []],
  ])('messaging: %s', (value, expected) => {
    expect(schemaFindings(value)).toEqual(expected);
  });
});
