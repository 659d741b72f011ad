/**
 * The ajv options, shared by the run-time compilation (tests run from the sources) and the
 * validator precompiled at build time (scripts/build-validator.mjs). The schema uses no custom
 * formats: dates and times are patterns, so that any JSON Schema tool checks them the same way.
 */
export const AJV_OPTIONS = { allErrors: true, strictRequired: false, strictTypes: false, allowUnionTypes: true, verbose: true } as const;
