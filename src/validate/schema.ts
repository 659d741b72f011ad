/**
 * The validate stage: each file against `schema/shiftready.schema.json` (draft-07). ajv is
 * created and the schema compiled once per process, on first use; its errors become findings at
 * the most specific node with messages a person understands (see ./messages.ts).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { COMPILED, packageFile } from '../paths.js';
import { AJV_OPTIONS } from './options.js';
import { describeSchemaError, type SchemaProblem } from './messages.js';

export type { SchemaProblem } from './messages.js';

export const SCHEMA_URL = packageFile('schema/shiftready.schema.json');

let cachedSchema: object | undefined;
/** The JSON Schema as an object (read once). */
export function loadSchema(): object {
  cachedSchema ??= JSON.parse(readFileSync(SCHEMA_URL, 'utf8')) as object;
  return cachedSchema;
}

/**
 * The validator precompiled at build time (dist/validate/schema-validator.cjs, CommonJS so that it
 * loads synchronously: no top-level await anywhere in the package's import graph, which keeps
 * `require('shiftready')` possible). Running from the TypeScript sources (tests), or if the file
 * is missing, the schema is compiled on first use instead, so a changed schema never meets a
 * stale build.
 */
const PRECOMPILED = packageFile('dist/validate/schema-validator.cjs');
let validator: ValidateFunction | undefined;

function precompiled(): ValidateFunction | undefined {
  if (!COMPILED) return undefined;
  try {
    const mod = createRequire(import.meta.url)(fileURLToPath(PRECOMPILED)) as ValidateFunction | { default: ValidateFunction };
    return typeof mod === 'function' ? mod : mod.default;
  } catch {
    return undefined;
  }
}

/** Compiles the schema with ajv (once per process). */
export function compileValidator(): ValidateFunction {
  // ajv is CommonJS: under Node ESM its default export is not the class; requiring it avoids that.
  const require = createRequire(import.meta.url);
  const { Ajv } = require('ajv') as typeof import('ajv');
  const ajv = new Ajv(AJV_OPTIONS);
  return ajv.compile(loadSchema());
}

function getValidator(): ValidateFunction {
  validator ??= precompiled() ?? compileValidator();
  return validator;
}

/** Schema problems of one file's data, each with its path and a readable message. */
export function validateData(data: unknown): SchemaProblem[] {
  const validate = getValidator();
  if (validate(data)) return [];
  return describeSchemaErrors(data, (validate.errors ?? []) as ErrorObject[]);
}

function describeSchemaErrors(data: unknown, errors: ErrorObject[]): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const problem = describeSchemaError(data, error);
    if (!problem) continue;
    // One message per node: a bad time fails both `pattern` and `format`, say it once.
    const key = `${problem.path.join('\u0000')}|${problem.part}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(problem);
  }
  // A misspelt key (`programs:` for `program:`) also leaves the real one missing: one finding,
  // the misspelling with its correction.
  const meant = new Set(out.filter((p) => p.meant).map((p) => `${p.path.slice(0, -1).join('\u0000')}|${p.meant}`));
  return out.filter((p) => p.missing === undefined || !meant.has(`${p.path.join('\u0000')}|${p.missing}`));
}
