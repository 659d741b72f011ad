/**
 * The ajv options, shared by the run-time compilation (tests run from the sources) and the
 * validator precompiled at build time (scripts/build-validator.mjs). The schema uses no custom
 * formats: dates and times are patterns, so that any JSON Schema tool checks them the same way.
 * It compiles in ajv's strict mode; the only keywords it adds to draft-07 are annotations for
 * editors, declared here (ajv ignores them when validating).
 */

/**
 * Annotation keywords of yaml-language-server (and VS Code's JSON support) that the schema uses:
 * `patternErrorMessage` is the message an editor shows when a value does not match `pattern`
 * (instead of the regular expression), `enumDescriptions` describe each `enum` value in completion
 * and hover. Another ajv user declares them the same way: `ajv.addVocabulary(EDITOR_KEYWORDS)`.
 */
export const EDITOR_KEYWORDS: string[] = ['patternErrorMessage', 'enumDescriptions'];

export const AJV_OPTIONS = { allErrors: true, strict: true, keywords: EDITOR_KEYWORDS, verbose: true } as const;
