/**
 * Suggestions (SPEC §5.7): each suggestion's edits, applied to the file text, fix the finding —
 * the finding is gone and no new error appears — and the edits touch only their node.
 */
import { describe, expect, it } from 'vitest';
import type { Finding, Suggestion } from '../../src/findings.js';
import { applyEdits } from '../../src/fix/apply.js';
import { BASE, checkFiles } from '../helpers.js';

type Files = Record<string, string>;

function apply(files: Files, s: Suggestion): Files {
  const out = { ...files };
  for (const file of new Set(s.edits.map((e) => e.file)))
    out[file] = applyEdits(
      out[file]!,
      s.edits.filter((e) => e.file === file),
    );
  return out;
}

const key = (f: Finding) => `${f.rule}@${f.file}:${f.line}:${f.column}`;

/** Every suggestion of the one finding of `rule`: applied, the finding is gone and no error is new. */
function expectEachFixes(files: Files, rule: string, period: { from?: string; to?: string } = {}): Suggestion[] {
  const before = checkFiles(files, period).findings;
  const target = before.filter((f) => f.rule === rule);
  expect(target).toHaveLength(1);
  const suggestions = target[0]!.suggestions ?? [];
  expect(suggestions.length).toBeGreaterThan(0);
  for (const s of suggestions) {
    if (s.edits.length === 0) continue;
    const after = checkFiles(apply(files, s), period).findings;
    expect(
      after.filter((f) => f.rule === rule),
      s.desc,
    ).toEqual([]);
    const errorsBefore = new Set(before.filter((f) => f.severity === 'error').map((f) => f.rule));
    expect(after.filter((f) => f.severity === 'error' && !errorsBefore.has(f.rule)).map(key), s.desc).toEqual([]);
  }
  return suggestions;
}

const SHIFT = (staff: string, extra = '') => `shifts:
  - id: evening
    program: chat-program
    messaging: chat
    start: "18:00"
    end: "22:00"
    repeat: FREQ=DAILY
    from: 2026-01-01
    staff: ${staff}${extra}
`;

describe('suggestions', () => {
  it('staff-not-in-program: add the program (block list) or remove the user (flow list)', () => {
    const files = {
      'org.yaml': `${BASE}  - id: kim
    programs:
      - sms-program # texts only
    canReceive: [chat, sms]
`,
      'shifts.yaml': `shiftready: 1\n${SHIFT('[ana, kim]')}`,
    };
    const s = expectEachFixes(files, 'staff-not-in-program');
    expect(s.map((x) => x.desc)).toEqual(["add chat-program to kim's programs", 'remove kim from the shift']);
    // BASE is 28 lines; kim's `- sms-program # texts only` is line 31: the new item is inserted
    // at the start of line 32 (an empty range), with the item's indentation; the comment stays.
    expect(s[0]!.edits).toEqual([{ file: 'org.yaml', line: 32, column: 1, endLine: 32, endColumn: 1, text: '      - chat-program\n' }]);
    // `    staff: [ana, kim]`: ana ends before column 16, kim ends before column 21 (the `]`).
    expect(s[1]!.edits).toEqual([{ file: 'shifts.yaml', line: 10, column: 16, endLine: 10, endColumn: 21, text: '' }]);
    expect(apply(files, s[1]!)['shifts.yaml']).toContain('staff: [ana]\n');
  });

  it('no edit through an alias: programs written as an alias get no suggestion to add to them', () => {
    const files = {
      'org.yaml': `${BASE}  - id: lee
    programs: &sms [sms-program]
    canReceive: [chat, sms]
  - id: kim
    programs: *sms
    canReceive: [chat, sms]
`,
      'shifts.yaml': `shiftready: 1\n${SHIFT('[ana, kim]')}`,
    };
    const s = expectEachFixes(files, 'staff-not-in-program');
    expect(s.map((x) => x.desc)).toEqual(['remove kim from the shift']);
  });

  it('staff-lacks-permission: add the type to canReceive (a missing key) or remove the user (the only one of a block list)', () => {
    const files = {
      'org.yaml': `${BASE}  - id: kim
    programs: [chat-program]
`,
      'shifts.yaml': `shiftready: 1\n${SHIFT('\n      - kim\n', '    minStaff: 1')}`,
    };
    const s = expectEachFixes(files, 'staff-lacks-permission');
    expect(s.map((x) => x.desc)).toEqual(["add chat to kim's canReceive", 'remove kim from the shift']);
    expect(apply(files, s[0]!)['org.yaml']).toMatch(/ {4}programs: \[chat-program\]\n {4}canReceive: \[chat\]\n$/);
    expect(apply(files, s[1]!)['shifts.yaml']).toContain('    staff: []\n    minStaff: 1');
  });

  it('fixed-offset-timezone: each usual zone for the offset', () => {
    const files = { 'org.yaml': BASE.replace('timezone: America/Chicago', 'timezone: "EST"') };
    const s = expectEachFixes(files, 'fixed-offset-timezone');
    expect(s.map((x) => x.desc)).toEqual([
      'use America/New_York',
      'use America/Toronto',
      'use America/Detroit',
      'use America/Indiana/Indianapolis',
    ]);
    // The quoted value is replaced whole.
    expect(s[0]!.edits).toEqual([{ file: 'org.yaml', line: 5, column: 13, endLine: 5, endColumn: 18, text: 'America/New_York' }]);
  });

  it('Etc/GMT+8 suggests the zones at UTC−8', () => {
    const files = { 'org.yaml': BASE.replace('timezone: America/Chicago', 'timezone: Etc/GMT+8') };
    const s = expectEachFixes(files, 'fixed-offset-timezone');
    expect(s.map((x) => x.desc)).toEqual(['use America/Los_Angeles', 'use America/Vancouver', 'use America/Tijuana']);
  });

  it('"all programs": each portal program of the shift\'s type', () => {
    const files = { 'org.yaml': `${BASE}${SHIFT('[ana]').replace('program: chat-program', 'program: All Programs')}` };
    const s = expectEachFixes(files, 'shift-program-not-portal');
    expect(s.map((x) => x.desc)).toEqual(['set program: chat-program (portal web)']);
  });

  it('unknown-reference: the closest ids', () => {
    const files = { 'org.yaml': `${BASE}${SHIFT('[ann]')}` };
    const s = expectEachFixes(files, 'unknown-reference');
    expect(s.map((x) => x.desc)).toEqual(['use ana']);
  });

  it('holiday-open: the except dates, stating the hours outside the holiday', () => {
    const files = {
      'org.yaml': `${BASE}holidays:
  dates: [{ date: 2026-12-25, name: Christmas }]
  expect: closed
shifts:
  - id: night
    program: chat-program
    messaging: chat
    start: "22:00"
    end: "06:00"
    repeat: FREQ=DAILY
    from: 2026-12-01
    staff: [ana]
  - { id: xmas, program: chat-program, messaging: chat, date: 2026-12-25, start: "10:00", end: "12:00", staff: [ana] }
`,
    };
    const s = expectEachFixes(files, 'holiday-open', { from: '2026-12-20', to: '2026-12-30' });
    // night starts on the 24th at 22:00 (2 h on the 24th, outside) and on the 25th (2 h on the 26th).
    expect(s).toHaveLength(1);
    expect(s[0]!.desc).toBe(
      'add `except: [2026-12-24, 2026-12-25]` to `night` (this also closes 2026-12-24 22:00 to 2026-12-25 00:00 and 2026-12-26 00:00 to 06:00, outside the holiday: add a one-off shift for those times if it should stay open); remove the one-off shift `xmas` (or move its date)',
    );
  });

  it('coverage-gap: add a candidate to the staff of the shift that covers the gap', () => {
    const files = {
      'org.yaml': `${BASE}  - { id: cy, programs: [chat-program], canReceive: [chat] }
shifts:
  - { id: day, program: chat-program, messaging: chat, start: "09:00", end: "17:00", repeat: FREQ=DAILY, from: 2026-01-01, staff: [ben], minStaff: 2 }
requirements:
  - { id: core, portal: web, start: "09:00", end: "17:00", repeat: FREQ=DAILY, from: 2026-01-01 }
`,
    };
    const s = expectEachFixes(files, 'coverage-gap', { from: '2026-01-05', to: '2026-01-12' });
    // ben already counts on it; ana and cy are free, 0 h each (nothing is staffed): by id.
    expect(s.map((x) => x.desc)).toEqual(['add ana to the staff of day', 'add cy to the staff of day']);
  });
});
