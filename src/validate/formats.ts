/**
 * The custom JSON Schema formats of schema/shiftready.schema.json. Used both when ajv compiles the
 * schema at run time and by the validator precompiled at build time (scripts/build-validator.mjs).
 */
import { parseDate, parseDateTime } from '../time/civil.js';

export const SCHEMA_FORMATS = {
  /** A real calendar date YYYY-MM-DD. */
  'sr-date': { type: 'string' as const, validate: (s: string) => parseDate(s) !== undefined },
  /** A real date or date-time, optionally with Z or an offset. */
  'sr-datetime': { type: 'string' as const, validate: (s: string) => parseDateTime(s) !== undefined },
};

/** ajv options shared by the run-time and build-time compilations. */
export const AJV_OPTIONS = { allErrors: true, strictRequired: false, strictTypes: false, allowUnionTypes: true, verbose: true } as const;
