/** The default `check` output: `file:line:col  severity  message  rule-id` (SPEC §5). */
import type { CheckResult } from '../check.js';
import type { Finding, FindingCounts } from '../findings.js';
import { plural } from '../words.js';

/** Each finding as a line, with its related locations indented below it. */
export function findingLines(findings: readonly Finding[]): string[] {
  const lines: string[] = [];
  for (const f of findings) {
    const severity = f.severity === 'error' ? 'error' : 'warning';
    lines.push(`${f.file}:${f.line}:${f.column}  ${severity}  ${f.message}  ${f.rule}`);
    for (const r of f.related ?? []) lines.push(`    ${r.file}:${r.line}:${r.column}  ${r.message}`);
  }
  return lines;
}

/** The problems counted: "✖ 3 problems (2 errors, 1 warning)". */
export function problemCount(counts: FindingCounts): string {
  const total = counts.errorCount + counts.warningCount;
  return `✖ ${plural(total, 'problem')} (${plural(counts.errorCount, 'error')}, ${plural(counts.warningCount, 'warning')})`;
}

export function formatStylish(result: CheckResult): string {
  if (result.errorCount + result.warningCount === 0) return `✓ ${plural(result.files.length, 'file')} checked: no problems\n`;
  return `${[...findingLines(result.findings), '', problemCount(result)].join('\n')}\n`;
}
