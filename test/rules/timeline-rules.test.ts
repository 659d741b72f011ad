/**
 * Table tests for the timeline rules: rule id, line, column, and the numbers in the message,
 * computed by hand. Chicago, week of Monday 2026-01-05 (UTC-6) unless noted.
 */
import { BASE } from '../helpers.js';
import { ruleTester } from './tester.js';

const WEEK = { from: '2026-01-05', to: '2026-01-12' };
/** A weekday 09:00-17:00 chat shift; `shifts:` on line 29, the item on line 30, `staff` on line 36. */
function weekday(staff: string, extra = ''): string {
  return `${BASE}shifts:\n  - id: day\n    program: chat-program\n    messaging: chat\n    start: "09:00"\n    end: "17:00"\n    repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR\n    staff: [${staff}]\n    from: 2026-01-05\n${extra}`;
}
/** An override appended after `weekday(...)` (which ends on line 37): `overrides:` on line 38, the item on line 39. */
function withOverride(override: string, staff = 'ana'): string {
  return `${weekday(staff)}overrides:\n${override}`;
}
const PLACEHOLDER = '  - id: fake\n    placeholder: true\n    programs: [chat-program]\n    canReceive: [chat]\n';

ruleTester('offline-while-not-online', {
  valid: [
    {
      name: 'switched off during a staffed shift',
      files: withOverride('  - portal: web\n    offline: 2026-01-05T10:00\n    online: 2026-01-05T11:00\n    by: ana\n'),
      options: WEEK,
    },
    {
      name: 'outside the checked period',
      files: withOverride('  - portal: web\n    offline: 2026-01-03T03:00\n    online: 2026-01-03T04:00\n    by: ana\n'),
      options: WEEK,
    },
    {
      name: 'the organization while some portal is online',
      files: withOverride('  - offline: 2026-01-05T10:00\n    online: 2026-01-05T11:00\n    by: ana\n'),
      options: WEEK,
    },
  ],
  invalid: [
    {
      name: 'a portal at night, on `offline`',
      files: withOverride('  - id: night\n    portal: web\n    offline: 2026-01-06T02:00\n    online: 2026-01-06T03:00\n    by: ana\n'),
      options: WEEK,
      findings: [
        {
          line: 41,
          column: 14,
          message: /override `night` switches portal `web` \(no staffed shift serves it then\) offline at 2026-01-06 02:00 \(UTC-6\)/,
        },
      ],
    },
    {
      name: 'the organization when no portal is online',
      files: withOverride('  - offline: 2026-01-06T20:00\n    online: 2026-01-06T21:00\n    by: ana\n'),
      options: WEEK,
      findings: [{ line: 39, column: 14, message: /override #0 switches the organization \(no portal is online/ }],
    },
  ],
});

ruleTester('offline-never-restored', {
  valid: [
    {
      name: 'set back online',
      files: withOverride('  - portal: web\n    offline: 2026-01-05T10:00\n    online: 2026-01-05T11:00\n    by: ana\n'),
      options: WEEK,
    },
  ],
  invalid: [
    {
      // Suppressed: Mon 10:00-17:00 (7 h) and Tue-Fri 09:00-17:00 (4 × 8 h) = 39 h.
      name: 'no online time: on the override, with the staffed hours lost',
      files: withOverride('  - id: closed\n    portal: web\n    offline: 2026-01-05T10:00\n    by: ana\n'),
      options: WEEK,
      findings: [
        {
          line: 39,
          column: 5,
          severity: 'warn',
          message:
            /override `closed` switches portal `web` offline at 2026-01-05 10:00 \(UTC-6\) and never back online.*: 39 staffed hours in the checked period are lost/,
        },
      ],
    },
    {
      // Before the period, still in force: all five weekdays, 40 h.
      name: 'an earlier override still in force during the period',
      files: withOverride('  - portal: web\n    offline: 2026-01-02T10:00\n    by: ana\n'),
      options: WEEK,
      findings: [{ line: 39, column: 5, message: /40 staffed hours/ }],
    },
  ],
});

ruleTester('unstaffed-shift', {
  valid: [{ name: 'staffed', files: weekday('ana'), options: WEEK }],
  invalid: [
    {
      name: 'fewer eligible users than minStaff: every occurrence, on `staff`',
      files: weekday('ana', '    minStaff: 2\n'),
      options: WEEK,
      findings: [
        {
          line: 36,
          column: 5,
          severity: 'warn',
          message:
            /shift `day` is not staffed in 5 of its 5 occurrences .*first 2026-01-05 09:00 to 17:00: only 1 registered user can count, fewer than minStaff 2.*portal `web`.*or lower minStaff/,
        },
      ],
    },
    {
      name: 'the only user away for two days',
      files: weekday('ben').replace(
        '    canReceive: [chat]\nshifts:',
        '    canReceive: [chat]\n    away: [{ from: 2026-01-07, to: 2026-01-08 }]\nshifts:',
      ),
      options: WEEK,
      findings: [{ line: 37, column: 5, message: /not staffed in 2 of its 5 occurrences .*first 2026-01-07 09:00 to 17:00: ben is away/ }],
    },
  ],
});

ruleTester('placeholder-only', {
  valid: [{ name: 'a human with the placeholder', files: weekday('fake, ana').replace('shifts:', `${PLACEHOLDER}shifts:`), options: WEEK }],
  invalid: [
    {
      // Five weekdays × 8 h = 40 h; `staff` moves down 4 lines with the placeholder user.
      name: 'only the placeholder counts, on `staff`',
      files: weekday('fake').replace('shifts:', `${PLACEHOLDER}shifts:`),
      options: WEEK,
      findings: [
        {
          line: 40,
          column: 5,
          severity: 'warn',
          message:
            /shift `day` keeps portal `web` online with only placeholders for 40 h in the checked period \(first 2026-01-05 09:00 to 17:00\)/,
        },
      ],
    },
    {
      // ben (the only human) away Wednesday: 8 h.
      name: 'the human is away one day',
      files: weekday('fake, ben')
        .replace('shifts:', `${PLACEHOLDER}shifts:`)
        .replace('    canReceive: [chat]\n  - id: fake', '    canReceive: [chat]\n    away: [2026-01-07]\n  - id: fake'),
      options: WEEK,
      findings: [{ line: 41, column: 5, message: /for 8 h .*first 2026-01-07 09:00 to 17:00/ }],
    },
  ],
});

const DST = { from: '2026-03-01', to: '2026-03-15' };
function night(start: string, end: string): string {
  return `${BASE}shifts:\n  - id: night\n    program: chat-program\n    messaging: chat\n    start: "${start}"\n    end: "${end}"\n    repeat: FREQ=DAILY\n    from: 2026-01-05\n    staff: [ana]\n`;
}

ruleTester('dst-adjusted-time', {
  valid: [
    { name: 'times outside the change', files: night('22:00', '06:00'), options: DST },
    { name: 'a change outside the checked period', files: night('02:30', '06:00'), options: { from: '2026-01-05', to: '2026-01-12' } },
  ],
  invalid: [
    {
      // Chicago springs forward on 2026-03-08 at 02:00 → 03:00: 02:30 is read with CST = 08:30Z = 03:30 CDT.
      name: 'a start that does not exist, on `start`',
      files: night('02:30', '06:00'),
      options: DST,
      findings: [
        {
          line: 33,
          column: 12,
          severity: 'warn',
          message:
            /start "02:30" does not exist on 2026-03-08 \(the clocks move forward\) in America\/Chicago for shift `night`: that day it means 2026-03-08 03:30 \(UTC-5\)/,
        },
      ],
    },
    {
      // Falls back on 2026-11-01 at 02:00 → 01:00: 01:30 happens twice; the first is 01:30 CDT.
      name: 'an end that happens twice, on `end`',
      files: night('22:00', '01:30'),
      options: { from: '2026-10-25', to: '2026-11-08' },
      findings: [
        {
          line: 34,
          column: 10,
          message: /end "01:30" happens twice on 2026-11-01 \(the clocks move back\).*the first, 2026-11-01 01:30 \(UTC-5\), is used/,
        },
      ],
    },
    {
      name: 'an override time in the gap, on `offline`',
      files: `${night('00:00', '12:00')}overrides:\n  - portal: web\n    offline: 2026-03-08T02:30\n    online: 2026-03-08T04:00\n    by: ana\n`,
      options: DST,
      findings: [{ line: 40, column: 14, message: /offline of override #0: 02:30 does not exist on 2026-03-08/ }],
    },
  ],
});

// Regressions found in review.
const ONE_USER = (away: string, shift: string) => `shiftready: 1
organization: { id: org, name: Org, timezone: America/Chicago }
programs: [{ id: chat-program }]
portals: [{ id: web, type: chat, program: chat-program }]
users:
  - { id: sam, role: basic, programs: [chat-program], canReceive: [chat], away: [${away}] }
shifts:
  - ${shift}
`;

ruleTester(
  'unstaffed-shift',
  {
    valid: [
      {
        name: 'unstaffed time before the checked period is not reported',
        files: ONE_USER(
          '{ from: 2026-03-01T21:00, to: 2026-03-01T23:30 }',
          '{ id: night, program: chat-program, messaging: chat, start: "22:00", end: "06:00", repeat: FREQ=DAILY, from: 2026-01-05, staff: [sam] }',
        ),
        options: { from: '2026-03-02', to: '2026-03-16' },
      },
    ],
    invalid: [
      {
        name: '"first" names the first unstaffed stretch only',
        files: ONE_USER(
          '{ from: 2026-03-10T10:00, to: 2026-03-10T11:00 }, { from: 2026-03-10T15:00, to: 2026-03-10T16:00 }',
          '{ id: day, program: chat-program, messaging: chat, start: "09:00", end: "17:00", repeat: FREQ=DAILY, from: 2026-01-05, staff: [sam] }',
        ),
        options: { from: '2026-03-02', to: '2026-03-16' },
        findings: [{ line: 8, column: 124, message: /1 of its 14 occurrences .*first 2026-03-10 10:00 to 11:00: sam is away/ }],
      },
    ],
  },
  'unstaffed-shift: regressions',
);

ruleTester(
  'dst-adjusted-time',
  {
    valid: [],
    invalid: [
      {
        // Berlin springs forward on 2026-03-29 at 02:00 CET (+01:00) → 03:00 CEST (+02:00).
        name: "the offset suggested for an override is the zone's, not a fixed one",
        files: `shiftready: 1
organization: { id: org, timezone: Europe/Berlin }
programs: [{ id: chat-program }]
portals: [{ id: web, type: chat, program: chat-program }]
users:
  - { id: ana, role: admin, programs: [chat-program], canReceive: [chat] }
shifts:
  - { id: all, program: chat-program, messaging: chat, start: "00:00", end: "12:00", repeat: FREQ=DAILY, from: 2026-03-01, staff: [ana] }
overrides:
  - { portal: web, offline: 2026-03-29T01:00, online: 2026-03-29T02:30, by: ana }
`,
        options: { from: '2026-03-23', to: '2026-04-06' },
        findings: [
          {
            line: 10,
            column: 55,
            message:
              /online of override #0: 02:30 does not exist on 2026-03-29 .*read as 2026-03-29 03:30 \(UTC\+2\); to be exact, write the offset: 2026-03-29T02:30\+01:00 is this reading/,
          },
        ],
      },
      {
        name: "the window named for a shift is the zone's (Chatham skips 02:45-03:45)",
        files: `shiftready: 1
organization: { id: org, timezone: Pacific/Chatham }
programs: [{ id: chat-program }]
portals: [{ id: web, type: chat, program: chat-program }]
users:
  - { id: ana, role: admin, programs: [chat-program], canReceive: [chat] }
shifts:
  - { id: early, program: chat-program, messaging: chat, start: "03:00", end: "09:00", repeat: FREQ=DAILY, from: 2026-09-01, staff: [ana] }
`,
        options: { from: '2026-09-20', to: '2026-10-04' },
        findings: [{ line: 8, column: 65, message: /start "03:00" does not exist on 2026-09-27 .*pick a time outside 02:45-03:45/ }],
      },
    ],
  },
  'dst-adjusted-time: regressions',
);
