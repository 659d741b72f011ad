/**
 * A table-driven rule tester in the manner of ESLint's RuleTester: valid snippets produce no
 * finding of the rule; invalid ones produce exactly the listed findings (line, column, and a
 * pattern the message must match).
 */
import { describe, expect, it } from 'vitest';
import type { CheckOptions } from '../../src/check.js';
import { checkFiles } from '../helpers.js';

export interface Expected {
  line: number;
  column: number;
  message?: RegExp;
  /** Related locations as `file:line:column`. */
  related?: string[];
  file?: string;
  severity?: 'error' | 'warn';
}

export interface InvalidCase {
  name: string;
  files: Record<string, string> | string;
  findings: Expected[];
  options?: CheckOptions;
}

export interface ValidCase {
  name: string;
  files: Record<string, string> | string;
  options?: CheckOptions;
}

function asFiles(files: Record<string, string> | string): Record<string, string> {
  return typeof files === 'string' ? { 'test.yaml': files } : files;
}

export function ruleTester(rule: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }, title = rule): void {
  describe(title, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const result = checkFiles(asFiles(c.files), c.options);
        expect(result.findings.filter((f) => f.rule === rule)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const result = checkFiles(asFiles(c.files), c.options);
        const got = result.findings.filter((f) => f.rule === rule);
        expect(got.map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(
          c.findings.map((e) => `${e.file ?? 'test.yaml'}:${e.line}:${e.column}`),
        );
        c.findings.forEach((e, i) => {
          const f = got[i]!;
          if (e.message) expect(f.message).toMatch(e.message);
          if (e.severity) expect(f.severity).toBe(e.severity);
          if (e.related) expect((f.related ?? []).map((r) => `${r.file}:${r.line}:${r.column}`)).toEqual(e.related);
        });
      });
    }
  });
}
