/** `check --format markdown`: a summary and a table, for pull-request comments and job summaries. */
import type { CheckResult } from '../check.js';
import { plural } from '../words.js';
import { mdCell as cell } from './escape.js';

export function formatFindingsMarkdown(result: CheckResult): string {
  const out: string[] = ['## shiftready check', ''];
  const total = result.errorCount + result.warningCount;
  if (total === 0) {
    out.push(`✅ ${plural(result.files.length, 'file')} checked: no problems.`);
    return `${out.join('\n')}\n`;
  }
  out.push(
    `${result.errorCount ? '❌' : '⚠️'} ${plural(total, 'problem')}: ${plural(result.errorCount, 'error')}, ${plural(result.warningCount, 'warning')}.`,
    '',
  );
  out.push('| Location | Severity | Rule | Message |', '| --- | --- | --- | --- |');
  for (const f of result.findings) {
    const related = (f.related ?? []).map((r) => `<br>↳ ${cell(`${r.file}:${r.line}:${r.column}`)}: ${cell(r.message)}`).join('');
    out.push(
      `| ${cell(`${f.file}:${f.line}:${f.column}`)} | ${f.severity === 'error' ? 'error' : 'warning'} | [${f.rule}](${`https://github.com/shiftready/shiftready/blob/main/docs/rules/${f.rule}.md`}) | ${cell(f.message)}${related} |`,
    );
  }
  return `${out.join('\n')}\n`;
}
