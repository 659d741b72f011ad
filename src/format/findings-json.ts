/** `check --format json`, exactly SPEC §5.3. */
import type { CheckResult } from '../check.js';

export function formatFindingsJson(result: CheckResult): string {
  const findings = result.findings.map((f) => {
    const out: Record<string, unknown> = {
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      file: f.file,
      line: f.line,
      column: f.column,
    };
    if (f.related?.length) out.related = f.related.map((r) => ({ file: r.file, line: r.line, column: r.column, message: r.message }));
    // SPEC §5.7: the choices, each with its edits as exact text ranges.
    if (f.suggestions?.length)
      out.suggestions = f.suggestions.map((s) => ({
        desc: s.desc,
        edits: s.edits.map((e) => ({
          file: e.file,
          line: e.line,
          column: e.column,
          endLine: e.endLine,
          endColumn: e.endColumn,
          text: e.text,
        })),
      }));
    return out;
  });
  return `${JSON.stringify({ findings, errorCount: result.errorCount, warningCount: result.warningCount }, null, 2)}\n`;
}
