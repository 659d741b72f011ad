/** Severities a rule can be configured with; `off` silences it. */
export type RuleSeverity = 'error' | 'warn' | 'off';
/** Severities a reported finding can carry. */
export type Severity = Exclude<RuleSeverity, 'off'>;

/** A place in a config file: 1-based line and column of a YAML node. */
export interface Location {
  /** The path as given on the command line (relative paths stay relative). */
  file: string;
  line: number;
  column: number;
}

/** Another place involved in a finding, e.g. the first definition of a duplicate id. */
export interface RelatedLocation extends Location {
  message: string;
}

/**
 * A replacement of the text from line:column up to endLine:endColumn (exclusive; 1-based, columns
 * in UTF-16 code units as everywhere in findings) by `text` (SPEC §5.7). Insertions have an empty
 * range; deletions an empty `text`.
 */
export interface TextEdit {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  text: string;
}

/** One way to fix a finding, when the fix is a choice (SPEC §5.7): what it does, and its edits. */
export interface Suggestion {
  desc: string;
  edits: TextEdit[];
}

export interface Finding extends Location {
  rule: string;
  severity: Severity;
  /** Says what is wrong and how to fix it. */
  message: string;
  related?: RelatedLocation[];
  /** The safe fix (one right answer) that `check --fix` applies (SPEC §5.7). */
  fix?: TextEdit[];
  /** Fixes that need a choice, best first (SPEC §5.7). */
  suggestions?: Suggestion[];
}

export interface FindingCounts {
  errorCount: number;
  warningCount: number;
}

/** Findings sorted by file, line, column, rule (SPEC §5.3); code-unit order, never locale. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      compareCodeUnits(a.file, b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      compareCodeUnits(a.rule, b.rule) ||
      compareCodeUnits(a.message, b.message),
  );
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  let errorCount = 0;
  let warningCount = 0;
  for (const f of findings) {
    if (f.severity === 'error') errorCount++;
    else warningCount++;
  }
  return { errorCount, warningCount };
}

/** Plain `<` comparison of UTF-16 code units, as `Array.prototype.sort()` does by default. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
