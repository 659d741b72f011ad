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

export interface Finding extends Location {
  rule: string;
  severity: Severity;
  /** Says what is wrong and how to fix it. */
  message: string;
  related?: RelatedLocation[];
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
