/**
 * Property: whatever is done to a valid configuration — keys deleted, values of the wrong type,
 * list items duplicated or swapped, random keys, the text truncated or sprinkled with YAML
 * punctuation — checking it never throws (only `UsageError` is allowed, for bad options), and
 * every finding is well formed: a known rule id, a severity, a message, a 1-based position, and
 * the findings sorted by file, line, column, rule (SPEC §4, §5.3).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify, parse } from 'yaml';
import { UsageError } from '../../src/errors.js';
import type { Finding } from '../../src/findings.js';
import { RULES } from '../../src/rules/index.js';
import { BASE, checkText } from '../helpers.js';

/** BASE plus shifts (a series, an overnight series in another zone, a one-off), overrides, requirements, holidays, rules. */
const VALID = `${BASE}shifts:
  - id: weekday-chat
    program: chat-program
    messaging: chat
    start: "09:00"
    end: "17:00"
    repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
    from: 2026-01-05
    until: 2026-12-31
    except: [2026-11-26]
    minStaff: 1
    staff: [ana, ben]
  - id: night-sms
    program: sms-program
    messaging: sms
    start: "22:00"
    end: "06:00"
    repeat: FREQ=DAILY
    from: 2026-01-05
    timezone: America/New_York
    staff: [ana]
  - id: one-off
    program: chat-program
    messaging: chat
    date: 2026-01-10
    start: "10:00"
    end: "24:00"
    staff: [ben]
overrides:
  - id: retreat
    portal: web
    offline: 2026-01-06T10:00
    online: 2026-01-06T12:00
    by: ana
    note: Staff retreat
  - offline: 2026-01-07T10:00Z
    online: 2026-01-07T11:00Z
    by: ana
requirements:
  - id: weekday-daytime-chat
    portal: web
    repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
    from: 2026-01-05
    start: "13:00"
    end: "17:00"
    minHumans: 1
holidays:
  calendars: [US]
  dates:
    - { date: 2026-12-24, name: Christmas Eve }
  expect: either
rules:
  placeholder-only: warn
`;

const RULE_IDS = new Set(RULES.map((r) => r.meta.id));
/** Runs per property; raise with FC_NUM_RUNS=5000 when hunting. */
const RUNS = Number(process.env.FC_NUM_RUNS ?? 400);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Container = Json[] | { [k: string]: Json };

/** Sets an own property, even `__proto__` (plain assignment would change the prototype). */
function setOwn(obj: { [k: string]: Json }, key: string, value: Json): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Every container (mapping or list) in the data, with the root first. */
function containers(root: Json): Container[] {
  const out: Container[] = [];
  const visit = (v: Json) => {
    if (v === null || typeof v !== 'object') return;
    out.push(v);
    for (const child of Array.isArray(v) ? v : Object.values(v)) visit(child);
  };
  visit(root);
  return out;
}

const WEIRD_STRINGS = [
  '',
  ' ',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  'shiftready',
  '24:00',
  '25:99',
  '00:00',
  '2026-02-30',
  '2026-13-01',
  '9999-12-31T23:59',
  '0001-01-01',
  'FREQ=SECONDLY',
  'FREQ=WEEKLY;BYDAY=XX',
  'FREQ=DAILY;COUNT=0',
  'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
  'FREQ=DAILY;UNTIL=20250101',
  'FREQ=DAILY;INTERVAL=0',
  'FREQ=DAILY;BYHOUR=9',
  'Not/AZone',
  'Etc/GMT+14',
  'UTC',
  'chat',
  'sms',
  'admin',
  'closed',
  'covered',
  'either',
  'off',
  'ana',
  'ben',
  'web',
  'text',
  'chat-program',
  'sms-program',
  'phones',
  '\u0000',
  '\u202e\u0301\ud83d\ude00',
  '\ud800',
  '\ufeff',
  'a\u2028b',
  'ǅ𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'x'.repeat(50_000),
  '*alias',
  '&anchor',
  '!!binary',
  '- item',
  'key: value',
  '"quoted"',
  "'single'",
  '# comment',
  '{a: 1}',
  '[1, 2]',
];

/** A random JSON value of any type (scalars, lists, mappings, awkward strings). */
const anyValue: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom<Json>(null, true, false, 0, -1, 1, 0.5, 900, 1700, 2400, 1e21, -0, Number.MAX_SAFE_INTEGER),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.string({ maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 10 }),
    fc.constantFrom(...WEIRD_STRINGS),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'id', 'staff')), tie('value'), {
      maxKeys: 4,
    }),
  ),
})).value;

type Mutation =
  | { kind: 'delete'; target: number; key: number }
  | { kind: 'replace'; target: number; key: number; value: Json }
  | { kind: 'duplicate'; target: number; index: number }
  | { kind: 'swap'; target: number; i: number; j: number }
  | { kind: 'insert'; target: number; key: string; value: Json };

const keyName = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'toString',
    'id',
    'staff',
    'start',
    'end',
    'repeat',
    'date',
    'shiftready',
    'organization',
    'users',
    '<<',
  ),
  fc.string({ maxLength: 12 }),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), target: fc.nat(), key: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), target: fc.nat(), key: fc.nat(), value: anyValue }),
  fc.record({ kind: fc.constant('duplicate' as const), target: fc.nat(), index: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), target: fc.nat(), i: fc.nat(), j: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), target: fc.nat(), key: keyName, value: anyValue }),
);

/** Applies a mutation in place; selectors are taken modulo what exists, so every plan applies. */
function apply(root: Json, m: Mutation): Json {
  const all = containers(root);
  if (all.length === 0) return root;
  const target = all[m.target % all.length]!;
  switch (m.kind) {
    case 'delete': {
      if (Array.isArray(target)) {
        if (target.length) target.splice(m.key % target.length, 1);
      } else {
        const keys = Object.keys(target);
        if (keys.length) delete target[keys[m.key % keys.length]!];
      }
      return root;
    }
    case 'replace': {
      if (Array.isArray(target)) {
        if (target.length) target[m.key % target.length] = m.value;
      } else {
        const keys = Object.keys(target);
        if (keys.length) setOwn(target, keys[m.key % keys.length]!, m.value);
      }
      // Sometimes the whole document.
      return m.target % 17 === 16 ? m.value : root;
    }
    case 'duplicate': {
      const lists = all.filter((c): c is Json[] => Array.isArray(c) && c.length > 0);
      const list = lists[m.target % Math.max(1, lists.length)];
      if (list) {
        const i = m.index % list.length;
        list.splice(i, 0, structuredClone(list[i]!));
      }
      return root;
    }
    case 'swap': {
      const lists = all.filter((c): c is Json[] => Array.isArray(c) && c.length > 1);
      const list = lists[m.target % Math.max(1, lists.length)];
      if (list) {
        const i = m.i % list.length;
        const j = m.j % list.length;
        [list[i], list[j]] = [list[j]!, list[i]!];
      }
      return root;
    }
    case 'insert': {
      if (Array.isArray(target)) target.splice(m.key.length % (target.length + 1), 0, m.value);
      else setOwn(target, m.key, m.value);
      return root;
    }
  }
}

/** Characters that mean something to YAML, plus control and unusual characters. */
const YAML_CHARS = [
  ':',
  '-',
  '[',
  ']',
  '{',
  '}',
  ',',
  '&',
  '*',
  '!',
  '|',
  '>',
  '%',
  '@',
  '`',
  '"',
  "'",
  '#',
  '?',
  '\t',
  '\n',
  '\r',
  ' ',
  '\u0001',
  '\u00a0',
  '\ufeff',
  '\u2028',
  '\ud83d',
  'x',
  '0',
  '---\n',
  '...\n',
  '<<: *a\n',
  '&a ',
];

type TextEdit =
  { kind: 'truncate'; at: number } | { kind: 'insert'; at: number; text: string } | { kind: 'delete'; at: number; length: number };

const textEdit: fc.Arbitrary<TextEdit> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(
      fc.array(fc.constantFrom(...YAML_CHARS), { minLength: 1, maxLength: 6 }).map((a) => a.join('')),
      fc.string({ minLength: 1, maxLength: 6 }),
    ),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }),
);

function editText(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of edits) {
    const at = e.at % (out.length + 1);
    if (e.kind === 'truncate') out = out.slice(0, at);
    else if (e.kind === 'insert') out = out.slice(0, at) + e.text + out.slice(at);
    else out = out.slice(0, at) + out.slice(at + e.length);
  }
  return out;
}

function compare(a: Finding, b: Finding): number {
  const s = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return s(a.file, b.file) || a.line - b.line || a.column - b.column || s(a.rule, b.rule);
}

/** Checks `text` and asserts the property; returns the findings. */
function checkWellFormed(text: string): Finding[] {
  let findings: Finding[];
  let counts: { errorCount: number; warningCount: number };
  try {
    const result = checkText(text);
    findings = result.findings;
    counts = result;
  } catch (e) {
    if (e instanceof UsageError) return [];
    throw new Error(
      `checkText threw ${e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e)}\n--- input ---\n${text.slice(0, 3000)}`,
      { cause: e },
    );
  }
  for (const f of findings) {
    const where = `${JSON.stringify(f).slice(0, 500)}\n--- input ---\n${text.slice(0, 3000)}`;
    expect(RULE_IDS.has(f.rule), `unknown rule id: ${where}`).toBe(true);
    expect(['error', 'warn'], where).toContain(f.severity);
    expect(typeof f.message, where).toBe('string');
    expect(f.message.trim().length, where).toBeGreaterThan(0);
    expect(f.message, where).not.toMatch(/\[object Object\]|\bundefined\b/);
    expect(f.file, where).toBe('test.yaml');
    expect(Number.isInteger(f.line) && f.line >= 1, where).toBe(true);
    expect(Number.isInteger(f.column) && f.column >= 1, where).toBe(true);
    for (const r of f.related ?? []) {
      expect(Number.isInteger(r.line) && r.line >= 1, where).toBe(true);
      expect(Number.isInteger(r.column) && r.column >= 1, where).toBe(true);
      expect(r.message.trim().length, where).toBeGreaterThan(0);
    }
  }
  for (let i = 1; i < findings.length; i++) {
    expect(compare(findings[i - 1]!, findings[i]!), `findings out of order at ${i}`).toBeLessThanOrEqual(0);
  }
  expect(counts.errorCount + counts.warningCount).toBe(findings.length);
  expect(counts.errorCount).toBe(findings.filter((f) => f.severity === 'error').length);
  return findings;
}

function expectPrototypesClean(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(OBJECT_PROTO);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}
const OBJECT_PROTO = Object.getOwnPropertyNames(Object.prototype).sort();

describe('mutated configurations', () => {
  it('the starting configuration is valid and clean', () => {
    expect(checkText(VALID).findings).toEqual([]);
  });

  it('data mutations (delete, wrong types, duplicate, swap, random keys) never crash the check', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 5 }), (mutations) => {
        let data = parse(VALID) as Json;
        for (const m of mutations) data = apply(data, m);
        const text = stringify(data, { aliasDuplicateObjects: false });
        checkWellFormed(text);
        expectPrototypesClean();
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it('text mutations (truncate, insert YAML punctuation, delete ranges) never crash the check', () => {
    fc.assert(
      fc.property(fc.array(textEdit, { minLength: 1, maxLength: 4 }), (edits) => {
        checkWellFormed(editText(VALID, edits));
        expectPrototypesClean();
      }),
      { numRuns: RUNS },
    );
  }, 60_000);

  it('data and text mutations together never crash the check', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.array(textEdit, { maxLength: 2 }), (mutations, edits) => {
        let data = parse(VALID) as Json;
        for (const m of mutations) data = apply(data, m);
        checkWellFormed(editText(stringify(data, { aliasDuplicateObjects: false }), edits));
        expectPrototypesClean();
      }),
      { numRuns: Math.ceil(RUNS * 0.75) },
    );
  }, 60_000);
});
