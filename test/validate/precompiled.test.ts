/**
 * The validator precompiled at build time (dist/validate/schema-validator.cjs) must behave exactly
 * like ajv compiling the schema at run time. `npm test` builds first.
 */
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { ValidateFunction } from 'ajv';
import { compileValidator } from '../../src/validate/schema.js';
import { builtFile } from '../built.js';
import { BASE } from '../helpers.js';

const PRECOMPILED = builtFile('dist/validate/schema-validator.cjs');

const DOCUMENTS: unknown[] = [
  parse(BASE),
  parse(
    `${BASE}shifts:\n  - id: s\n    program: chat-program\n    messaging: [chat, sms]\n    start: 0900\n    end: "25:00"\n    date: 2026-02-30\n    minstaff: 0\n    staff: [ana, ana]\n`,
  ),
  parse(`${BASE}shifts:\n  - id: s\n    program: p\n    start: "09:00"\n    end: "17:00"\n    repeat: FREQ=DAILY\n`),
  parse(`${BASE}  - id: x\n    away: [2026-13-01, { from: 2026-01-01 }, 7]\nrules:\n  nope: warn\n  schema: loud\n`),
  parse('shiftready: 2\norganization: []\nprograms: {}\n'),
  [1, 2, 3],
  null,
];

function summary(validate: ValidateFunction, data: unknown): unknown[] {
  validate(data);
  return (validate.errors ?? []).map((e) => ({
    instancePath: e.instancePath,
    schemaPath: e.schemaPath,
    keyword: e.keyword,
    params: e.params,
  }));
}

describe('precompiled schema validator', () => {
  it('reports the same errors as the run-time compiled schema', async () => {
    const precompiled = (await import(PRECOMPILED.href)).default as ValidateFunction;
    const runtime = compileValidator();
    for (const doc of DOCUMENTS) expect(summary(precompiled, doc)).toEqual(summary(runtime, doc));
    // and the documents above really exercise errors
    expect(summary(runtime, DOCUMENTS[1]).length).toBe(5); // start, end, date, minstaff, staff
  });
});
