/**
 * JUnit XML for CI test reports (GitLab, Jenkins): one test suite per file, one failing test
 * case per finding, and a passing case for a file without findings so the report is never empty.
 * Valid against the Jenkins xUnit plugin's junit-10.xsd (test/fixtures/junit-10.xsd): the file
 * is an attribute of the test suite (test cases may not carry `file` or `line`), and a finding's
 * location starts the test case's name and the failure's text.
 */
import type { CheckResult } from '../check.js';
import type { Finding } from '../findings.js';

/** Escapes XML text and attribute values, dropping characters XML 1.0 cannot hold. */
export function xml(text: string): string {
  return (
    text
      // XML 1.0 allows no other control characters, even escaped: they are replaced.
      // eslint-disable-next-line no-control-regex
      .replace(/[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&apos;')
  );
}

export function formatJunit(result: CheckResult): string {
  const byFile = new Map<string, Finding[]>();
  for (const file of result.files) byFile.set(file, []);
  for (const f of result.findings) {
    if (!byFile.has(f.file)) byFile.set(f.file, []);
    byFile.get(f.file)!.push(f);
  }
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const [file, findings] of byFile) {
    const cases: string[] = [];
    if (findings.length === 0) cases.push(`    <testcase name="${xml(file)}" classname="shiftready.check"/>`);
    for (const f of findings) {
      const where = `${f.file}:${f.line}:${f.column}`;
      const related = (f.related ?? []).map((r) => `\n${r.file}:${r.line}:${r.column}: ${r.message}`).join('');
      cases.push(
        `    <testcase name="${xml(`${where} ${f.rule}`)}" classname="shiftready.${xml(f.rule)}">\n` +
          `      <failure message="${xml(f.message)}" type="${f.severity}">${xml(`${where} ${f.severity} ${f.message} (${f.rule})${related}`)}</failure>\n` +
          '    </testcase>',
      );
    }
    tests += Math.max(1, findings.length);
    failures += findings.length;
    suites.push(
      `  <testsuite name="${xml(file)}" file="${xml(file)}" tests="${Math.max(1, findings.length)}" failures="${findings.length}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="shiftready check" tests="${tests}" failures="${failures}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
}
