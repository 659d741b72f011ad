/**
 * SPEC §4 (1.1), "Findings name the root cause": one mistake gives one finding, where it is — no
 * cascade of findings whose advice cannot help. Each case is a configuration that is clean but for
 * one mistake, checked over a week with every rule on; the root finding must be the only one.
 * Positions are counted by hand (BASE is 28 lines; the appended shift item is line 30).
 */
import { describe, expect, it } from 'vitest';
import { BASE, brief, checkText } from '../helpers.js';

const WEEK = { from: '2026-01-05', to: '2026-01-12' };

/** BASE + one weekday chat shift (item on line 30, `program` 31, `messaging` 32, `staff` 37). */
const shift = (program: string, messaging: string, staff = '[ana, ben]', extra = '') => `${BASE}shifts:
  - id: s1
    program: ${program}
    messaging: ${messaging}
    start: "09:00"
    end: "17:00"
    repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
    from: 2026-01-05
    staff: ${staff}
${extra}`;

/** A requirement on web, weekdays 09-17 (after a shift: starts at line 38). */
const REQUIRE_WEB = (minHumans = 0) => `requirements:
  - id: web-days
    portal: web
    repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR
    from: 2026-01-05
    start: "09:00"
    end: "17:00"
${minHumans ? `    minHumans: ${minHumans}\n` : ''}`;

function only(text: string, expected: string[], options = WEEK) {
  const result = checkText(text, options);
  expect(brief(result.findings), result.findings.map((f) => f.message).join('\n')).toEqual(expected);
  return result.findings;
}

describe('one mistake, one finding (SPEC §4, 1.1)', () => {
  it('the clean base with a good shift and its requirement has no findings', () => {
    only(shift('chat-program', 'chat') + REQUIRE_WEB(1), []);
  });

  it('a shift for `phones` (no portal): its staff are not judged against `phones`', () => {
    const [f] = only(shift('phones', 'chat'), ['shift-program-not-portal@31:14']);
    expect(f!.message).toMatch(
      /set program: chat-program, the program of portal `web`, or remove the shift if it is not a messaging shift$/,
    );
  });

  it("a shift whose type differs from its portal's: its staff are not judged against the other type", () => {
    // ben can receive chat only; the shift is for the SMS portal's program with messaging: chat.
    only(shift('sms-program', 'chat', '[ben]'), ['shift-type-mismatch@32:16']);
  });

  for (const spelling of ['all', 'All Programs', '"*"', 'all-programs', 'ALL_PROGRAMS', '" all - programs "']) {
    it(`"all programs" written as ${spelling}: one shift-program-not-portal naming the portal program`, () => {
      const [f] = only(shift(spelling, 'chat', '[ben]'), ['shift-program-not-portal@31:14']);
      expect(f!.message).toMatch(
        /but a shift for all programs never brings a portal online .*: set program: chat-program, the program of portal `web`$/,
      );
    });
  }

  it('"all programs" on an SMS shift names the SMS portal program', () => {
    const [f] = only(shift('all', 'sms', '[ana]'), ['shift-program-not-portal@31:14']);
    expect(f!.message).toMatch(/set program: sms-program, the program of portal `text`$/);
  });

  it('a user assigned to "all": unknown-reference that says to list the portal programs', () => {
    const [f] = only(
      BASE.replace('    programs: [chat-program]\n    canReceive: [chat]\n', '    programs: [all]\n    canReceive: [chat]\n'),
      ['unknown-reference@27:16'],
    );
    expect(f!.message).toBe(
      'user `ben` is assigned to "all", but there is no "all programs" assignment: list each portal program ben answers (`chat-program` and `sms-program`) instead',
    );
  });

  it('`role: Admin` on the user who made an override: only the schema finding', () => {
    const text = `${BASE.replace('    role: admin\n', '    role: Admin\n')}overrides:\n  - offline: 2026-01-06T10:00\n    online: 2026-01-06T11:00\n    by: ana\n`;
    const [f] = only(text, ['schema@21:11']);
    expect(f!.message).toMatch(/did you mean admin\?$/);
  });

  it('a misspelt role in offlineControl: only the schema finding, not override-not-permitted', () => {
    const text = `${BASE.replace('  timezone: America/Chicago\n', '  timezone: America/Chicago\n  offlineControl: [admin, Basic]\n')}overrides:\n  - offline: 2026-01-06T10:00\n    online: 2026-01-06T11:00\n    by: ben\n`;
    only(text, ['schema@6:27']);
  });

  it('messaging: [chat, sms] under a requirement: no coverage-gap for the hours it would cover', () => {
    const [f] = only(shift('chat-program', '[chat, sms]') + REQUIRE_WEB(), ['single-messaging-type@32:16']);
    expect(f!.message).toMatch(/keep chat and make a separate shift with program: sms-program and messaging: sms for portal `text`$/);
  });

  it('a type mismatch under a requirement: no coverage-gap for the hours the shift would cover', () => {
    only(shift('chat-program', 'sms', '[ana]') + REQUIRE_WEB(), ['shift-type-mismatch@32:16']);
  });

  it('staff who cannot count: no unstaffed-shift, placeholder-only or user-without-access after it', () => {
    // ben (chat only) is the only user on an SMS shift: staff-not-in-program and
    // staff-lacks-permission at his entry (both steps are missing), and nothing else.
    const text = `${BASE}shifts:\n  - id: s1\n    program: sms-program\n    messaging: sms\n    start: "09:00"\n    end: "17:00"\n    date: 2026-01-06\n    staff: [ben]\n`;
    only(text, ['staff-lacks-permission@36:13', 'staff-not-in-program@36:13']);
  });

  it('too few humans under a requirement: coverage-gap only, not placeholder-only as well', () => {
    const text = `${BASE}  - id: ph\n    placeholder: true\n    programs: [chat-program]\n    canReceive: [chat]\n${shift('chat-program', 'chat', '[ph]').slice(BASE.length)}${REQUIRE_WEB(1)}`;
    const [f] = only(text, ['coverage-gap@43:5']);
    expect(f!.message).toMatch(
      /to fix: register a real user \(placeholders are not humans\) on `s1` then \(users who could count: ana and ben\)$/,
    );
  });

  it('minStaff above the staff under a requirement: coverage-gap only, not unstaffed-shift as well', () => {
    const [f] = only(shift('chat-program', 'chat', '[ana]', '    minStaff: 2\n') + REQUIRE_WEB(), ['coverage-gap@40:5']);
    expect(f!.message).toMatch(/\(unstaffed\).*to fix: staff `s1` then \(users who could count: ben\)$/);
  });

  it('a portal that shares a program: one finding, naming the program it was meant to have', () => {
    const text = BASE.replace('  - id: phones\n', '  - id: phones\n  - id: teen\n').replace(
      '  - id: text\n',
      '  - id: teen\n    type: chat\n    program: chat-program\n  - id: text\n',
    );
    const [f] = only(
      `${text}${shift('teen', 'chat', '[ana]').slice(BASE.length)}`.replace(
        '    programs: [chat-program, sms-program]',
        '    programs: [chat-program, sms-program, teen]',
      ),
      ['portal-program-shared@19:14'],
    );
    expect(f!.message).toMatch(/every portal needs its own program: set program: teen \(defined, and no portal's program yet\)$/);
  });

  // Found by the fuzzer (npm run fuzz): both portals were told to take `teen`, and the suggestion was sought again per portal and per rule.
  it('two portals that share a program: each is offered its own free program, never the same one twice', () => {
    const text = BASE.replace('  - id: phones\n', '  - id: phones\n  - id: teen\n  - id: teens\n').replace(
      '  - id: text\n',
      '  - id: teen\n    type: chat\n    program: chat-program\n  - id: teen2\n    type: chat\n    program: chat-program\n  - id: text\n',
    );
    const findings = checkText(text, { ...WEEK }).findings.filter((f) => f.rule === 'portal-program-shared');
    expect(findings.map((f) => /set program: (\S+)/.exec(f.message)?.[1])).toEqual(['teen', 'teens']);
  });

  it("a portal whose type is wrong (all its shifts say the other): one finding at the portal's type", () => {
    const two = `${shift('sms-program', 'chat', '[ana]')}  - id: s2\n    program: sms-program\n    messaging: chat\n    start: "18:00"\n    end: "22:00"\n    date: 2026-01-06\n    staff: [ana]\n`;
    const [f] = only(two, ['shift-type-mismatch@17:11']);
    expect(f!.message).toMatch(
      /^portal `text` is an SMS\/Text portal, but all 2 shifts for its program `sms-program` are for chat: if it is a Live Chat portal, set type: chat; otherwise set messaging: sms on those shifts$/,
    );
  });

  it('a list written as a single value: the schema finding, not the staff findings it would cause', () => {
    only(
      shift('chat-program', 'chat', '[ben]').replace(
        '    programs: [chat-program]\n    canReceive: [chat]\n',
        '    programs: chat-program\n    canReceive: [chat]\n',
      ),
      ['schema@27:15'],
    );
  });

  it('`date` with `repeat` and `from`: one invalid-shift-time naming both keys', () => {
    const [f] = only(shift('chat-program', 'chat').replace('    from: 2026-01-05\n', '    from: 2026-01-05\n    date: 2026-01-06\n'), [
      'invalid-shift-time@35:5',
    ]);
    expect(f!.message).toBe(
      'shift `s1` has both `date` (a one-off) and `repeat` and `from` (for a series): remove `repeat` and `from`, or remove `date` to make it a series',
    );
  });

  it('a misspelt key that leaves a required one missing: one schema finding, with the correction', () => {
    const text = `${BASE}${shift('chat-program', 'chat').slice(BASE.length).replace('    program: chat-program\n', '    programs: chat-program\n')}`;
    const [f] = only(text, ['schema@31:5']);
    expect(f!.message).toMatch(/unknown key `programs` in shift `s1`: did you mean `program`\?/);
  });
});

describe('coverage-gap advice follows the reason (SPEC §4, 1.1)', () => {
  it('override: names the override, set it back online earlier or remove it', () => {
    const text = `${shift('chat-program', 'chat')}overrides:\n  - id: lunch\n    portal: web\n    offline: 2026-01-06T12:00\n    online: 2026-01-06T13:00\n    by: ana\n${REQUIRE_WEB()}`;
    const [f] = only(text, ['coverage-gap@45:5']);
    expect(f!.message).toMatch(
      /2026-01-06 12:00 to 13:00 \(switched off \(override lunch\)\); to fix: override `lunch` has the portal switched off \(it lasts until 2026-01-06T13:00\): set it back online earlier, or remove it$/,
    );
  });

  it('no-shift: add a shift for the portal program and type', () => {
    const [f] = only(shift('chat-program', 'chat').replace('BYDAY=MO,TU,WE,TH,FR', 'BYDAY=MO,TU,WE,TH') + REQUIRE_WEB(), [
      'coverage-gap@39:5',
    ]);
    expect(f!.message).toMatch(
      /\(no shift\); to fix: add a shift for program `chat-program` with messaging: chat that covers those times$/,
    );
  });

  it('unstaffed: staff the shift, naming who could count (not away, not already on it)', () => {
    // ana is away on Wednesday and is the only user on the shift.
    const away = BASE.replace('    mobileAlerts: true\n', '    mobileAlerts: true\n    away: [2026-01-07]\n');
    const [f] = only(`${away}${shift('chat-program', 'chat', '[ana]').slice(BASE.length)}${REQUIRE_WEB()}`, ['coverage-gap@40:5']);
    expect(f!.message).toMatch(/2026-01-07 09:00 to 17:00 \(unstaffed\); to fix: staff `s1` then \(users who could count: ben\)$/);
  });
});
