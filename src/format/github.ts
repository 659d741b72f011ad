/**
 * GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`). GitHub's
 * escaping: `%`, CR and LF in the message; also `:` and `,` in property values.
 */
import type { CheckResult } from '../check.js';

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(result: CheckResult): string {
  const lines = result.findings.map((f) => {
    const command = f.severity === 'error' ? 'error' : 'warning';
    const props = `file=${escapeProperty(f.file)},line=${f.line},col=${f.column},title=${escapeProperty(`shiftready ${f.rule}`)}`;
    const related = (f.related ?? []).map((r) => `\n${r.file}:${r.line}:${r.column}: ${r.message}`).join('');
    return `::${command} ${props}::${escapeData(f.message + related)}`;
  });
  return lines.length ? `${lines.join('\n')}\n` : '';
}
