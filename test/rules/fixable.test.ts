/**
 * `meta.fixable` is true exactly for the rules that give findings a `fix` (SPEC §5.7): over a
 * corpus — every rule page's failing example, the fix fixtures and the mistakes example — a rule
 * that is not fixable never gives one, and a fixable rule gives at least one. Plus the time fix's
 * own cases, by hand.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings.js';
import { RULES } from '../../src/rules/index.js';
import { loadFromTexts } from '../../src/check.js';
import { fixConfig } from '../../src/fix.js';
import { timeText } from '../../src/load/edits.js';
import { checkFiles, checkText, NOW } from '../helpers.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

function corpus(): Finding[] {
  const findings: Finding[] = [];
  const docs = join(ROOT, 'docs/rules');
  for (const page of readdirSync(docs)) {
    const md = readFileSync(join(docs, page), 'utf8');
    for (const m of md.matchAll(/^```yaml failing(.*)\n([\s\S]*?)^```$/gm)) {
      const options = Object.fromEntries([...m[1]!.matchAll(/(from|to)=(\S+)/g)].map((o) => [o[1], o[2]]));
      findings.push(...checkText(m[2]!, options).findings);
    }
  }
  const fixtures = join(ROOT, 'test/fixtures/fix');
  for (const f of readdirSync(fixtures)) findings.push(...checkText(readFileSync(join(fixtures, f), 'utf8')).findings);
  const mistakes = join(ROOT, 'examples/mistakes');
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.yaml')) files[join(dir, e.name).slice(ROOT.length)] = readFileSync(join(dir, e.name), 'utf8');
    }
  };
  walk(mistakes);
  findings.push(...checkFiles(files).findings);
  return findings;
}

describe('meta.fixable', () => {
  const findings = corpus();
  for (const rule of RULES) {
    const { id, fixable } = rule.meta;
    const own = findings.filter((f) => f.rule === id);
    if (fixable) {
      it(`${id} is fixable: some finding carries a fix`, () => {
        expect(own.filter((f) => f.fix?.length).length).toBeGreaterThan(0);
      });
    } else {
      it(`${id} is not fixable: no finding carries a fix`, () => {
        expect(own.filter((f) => f.fix !== undefined)).toEqual([]);
      });
    }
  }
});

describe("a fixable rule's page: --fix on its failing example", () => {
  for (const rule of RULES.filter((r) => r.meta.fixable)) {
    it(`${rule.meta.id}: removes its finding and adds no error`, () => {
      const md = readFileSync(join(ROOT, 'docs/rules', `${rule.meta.id}.md`), 'utf8');
      const text = /^```yaml failing.*\n([\s\S]*?)^```$/m.exec(md)![1]!;
      const fixed = fixConfig(loadFromTexts([{ file: 'test.yaml', text }]), new Map([['test.yaml', text]]), { now: NOW });
      const count = (r: typeof fixed.result, sev?: string) =>
        r.findings.filter((f) => (sev ? f.severity === sev : f.rule === rule.meta.id)).length;
      expect(fixed.applied).toBeGreaterThan(0);
      expect(count(fixed.result)).toBeLessThan(count(fixed.initial));
      expect(count(fixed.result, 'error')).toBeLessThan(count(fixed.initial, 'error') + (rule.meta.severity === 'warn' ? 1 : 0));
      expect(fixed.refused).toEqual([]);
    });
  }
});

describe('the time fix reads the text as written', () => {
  it.each([
    ['0900', false, '"09:00"'],
    ['900', false, '"09:00"'],
    ['9:00', false, '"09:00"'],
    ['09:00', false, '"09:00"'],
    ['1730', false, '"17:30"'],
    ['2400', true, '"24:00"'],
    ['2400', false, undefined],
    ['2401', true, undefined],
    ['2500', true, undefined],
    ['0960', false, undefined],
    ['9', false, undefined],
    ['09:00:00', false, undefined],
  ] as const)('%s (24:00 allowed: %s) → %s', (written, allow24, expected) => {
    expect(timeText(written, allow24)).toBe(expected);
  });

  /** An organization in five lines, with user ana for a shift `s` of program p. */
  const FLOW_ORG = `shiftready: 1
organization: { id: org, name: Org, timezone: America/Chicago }
programs: [{ id: p }]
portals: [{ id: web, type: chat, program: p }]
users: [{ id: ana, role: admin, programs: [p], canReceive: [chat] }]
`;

  it('fixes a sexagesimal time under %YAML 1.1 from its text, and a quoted "930"', () => {
    const text = `%YAML 1.1
---
${FLOW_ORG}shifts:
  - id: s
    program: p
    messaging: chat
    start: 9:00
    end: "930"
    date: "2026-01-06"
    staff: [ana]
`;
    const schema = checkText(text).findings.filter((f) => f.rule === 'schema');
    expect(schema[0]!.message).toBe(
      '`start` of shift `s` must be a quoted time: YAML read the unquoted 0540 as the number 540; write "09:00"',
    );
    const fixes = schema.map((f) => f.fix);
    expect(fixes).toEqual([
      [{ file: 'test.yaml', line: 12, column: 12, endLine: 12, endColumn: 16, text: '"09:00"' }],
      [{ file: 'test.yaml', line: 13, column: 10, endLine: 13, endColumn: 15, text: '"09:30"' }],
    ]);
  });

  it('gives no fix for a start of 2400 (a start is 00:00 to 23:59) or through an alias', () => {
    const text = `${FLOW_ORG}shifts:
  - id: s
    program: p
    messaging: chat
    start: &t 2400
    end: *t
    date: 2026-01-06
    staff: [ana]
`;
    const schema = checkText(text).findings.filter((f) => f.rule === 'schema');
    expect(schema.map((f) => [f.line, f.fix])).toEqual([
      [10, undefined],
      [11, undefined],
    ]);
  });
});
