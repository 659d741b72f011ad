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
import { describeSchemaError, pathOf, valueAt, type SchemaProblem } from './messages.js';

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
  return describeSchemaErrors(data, branchOfTheValue(data, (validate.errors ?? []) as ErrorObject[]));
}

/**
 * A value checked against `anyOf` alternatives (`messaging`: one type, or a list of them) fails
 * every alternative; only the one for the value's own kind says something useful. At that node,
 * errors of an alternative whose `type` the value does not have are dropped (a list whose item is
 * wrong gets the item's error, not "must be chat or sms"); when no alternative has the value's
 * kind, the first alternative's errors stay (ajv reports alternatives in order).
 */
function branchOfTheValue(data: unknown, errors: ErrorObject[]): ErrorObject[] {
  const alternatives = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath));
  if (alternatives.size === 0) return errors;
  const otherKind = (e: ErrorObject) => {
    if (!alternatives.has(e.instancePath)) return false;
    const type = (e.parentSchema as { type?: unknown } | undefined)?.type;
    const types = typeof type === 'string' ? [type] : Array.isArray(type) ? type : [];
    const kind = kindOf(valueAt(data, pathOf(e.instancePath)));
    return types.length > 0 && !types.includes(kind) && !(kind === 'integer' && types.includes('number'));
  };
  const kept = errors.filter((e) => e.keyword !== 'anyOf' && !otherKind(e));
  const under = (e: ErrorObject, path: string) => e.instancePath === path || e.instancePath.startsWith(`${path}/`);
  // No alternative of the value's kind: all stay, and the first (the first alternative's type) is said.
  return errors.filter((e) => !otherKind(e) || !kept.some((o) => under(o, e.instancePath)));
}

/** The JSON Schema type of a value ("integer" for whole numbers). */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function describeSchemaErrors(data: unknown, errors: ErrorObject[]): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const problem = describeSchemaError(data, error);
    if (!problem) continue;
    // One message per node: a value of the wrong type also fails its enum or pattern; say it once.
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
