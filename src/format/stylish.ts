/** The default `check` output: `file:line:col  severity  message  rule-id` (SPEC §5). */
import type { CheckResult } from '../check.js';
import { plural } from '../words.js';

export function formatStylish(result: CheckResult): string {
  const lines: string[] = [];
  for (const f of result.findings) {
    const severity = f.severity === 'error' ? 'error' : 'warning';
    lines.push(`${f.file}:${f.line}:${f.column}  ${severity}  ${f.message}  ${f.rule}`);
    for (const r of f.related ?? []) lines.push(`    ${r.file}:${r.line}:${r.column}  ${r.message}`);
  }
  const total = result.errorCount + result.warningCount;
  if (total === 0) return `✓ ${plural(result.files.length, 'file')} checked: no problems\n`;
  lines.push('', `✖ ${plural(total, 'problem')} (${plural(result.errorCount, 'error')}, ${plural(result.warningCount, 'warning')})`);
  return `${lines.join('\n')}\n`;
}
