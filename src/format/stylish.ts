/** The default `check` output: `file:line:col  severity  message  rule-id` (SPEC §5). */
import type { CheckResult } from '../check.js';
import type { Finding, FindingCounts } from '../findings.js';
import { plural } from '../words.js';
import { PLAIN, shown, type Paint } from './paint.js';

/** Each finding as a line, with its related locations indented below it. */
export function findingLines(findings: readonly Finding[], paint: Paint = PLAIN): string[] {
  const lines: string[] = [];
  for (const f of findings) {
    const severity = f.severity === 'error' ? paint.red('error') : paint.yellow('warning');
    const where = paint.underline(`${shown(f.file, paint)}:${f.line}:${f.column}`);
    lines.push(`${where}  ${severity}  ${shown(f.message, paint)}  ${paint.dim(f.rule)}`);
    for (const r of f.related ?? [])
      lines.push(`    ${paint.dim(`${shown(r.file, paint)}:${r.line}:${r.column}`)}  ${shown(r.message, paint)}`);
    // The choices of SPEC §5.7, in one line (JSON and SARIF carry their edits).
    if (f.suggestions?.length) lines.push(`    did you mean: ${shown(f.suggestions.map((s) => s.desc).join(', or '), paint)}`);
  }
  return lines;
}

/** The problems counted: "✖ 3 problems (2 errors, 1 warning)". */
export function problemCount(counts: FindingCounts, paint: Paint = PLAIN): string {
  const total = counts.errorCount + counts.warningCount;
  const line = `✖ ${plural(total, 'problem')} (${plural(counts.errorCount, 'error')}, ${plural(counts.warningCount, 'warning')})`;
  return paint.bold(counts.errorCount > 0 ? paint.red(line) : paint.yellow(line));
}

export function formatStylish(result: CheckResult, paint: Paint = PLAIN): string {
  if (result.errorCount + result.warningCount === 0)
    return `${paint.green(`✓ ${plural(result.files.length, 'file')} checked: no problems`)}\n`;
  return `${[...findingLines(result.findings, paint), '', problemCount(result, paint)].join('\n')}\n`;
}
