/**
 * Table tests for the rules SPEC 1.1 adds (fixed-offset-timezone, staffing-mismatch,
 * single-portal-switch) and for `onlineBy` in the rules that judge overrides. Positions are
 * counted by hand from the snippets: BASE (test/helpers.ts) is 28 lines, its line 5 is
 * `  timezone: America/Chicago` (value at column 13).
 */
import { BASE } from '../helpers.js';
import { ruleTester } from './tester.js';

/** BASE with another organization time zone. */
const zone = (name: string) => BASE.replace('timezone: America/Chicago', `timezone: ${name}`);

/** A one-off chat shift after BASE: `shifts:` is line 29, the item line 30, `timezone` line 35. */
const shiftIn = (timezone: string) => `${BASE}shifts:
  - id: s1
    program: chat-program
    messaging: chat
    start: "09:00"
    end: "17:00"
    timezone: ${timezone}
    date: 2026-01-06
    staff: [ana]
`;

ruleTester('fixed-offset-timezone', {
  valid: [
    { name: 'a place: America/New_York', files: zone('America/New_York') },
    { name: 'Arizona, which keeps UTC-7 all year by law: America/Phoenix', files: zone('America/Phoenix') },
    { name: 'UTC says what it is', files: zone('UTC') },
    { name: 'Etc/UTC', files: zone('Etc/UTC') },
    { name: 'Etc/GMT+0 is UTC', files: zone('Etc/GMT+0') },
    { name: 'EST5EDT changes its clocks (US rules)', files: zone('EST5EDT') },
  ],
  invalid: [
    {
      name: 'EST on the organization: UTC-5 all year, not Eastern Time',
      files: zone('EST'),
      findings: [
        {
          line: 5,
          column: 13,
          severity: 'warn',
          message: /^organization: `EST` means UTC−5 all year, with no daylight saving time — not Eastern Time, .*: use America\/New_York$/,
        },
      ],
    },
    {
      name: 'MST: Denver, or Phoenix for Arizona',
      files: zone('MST'),
      findings: [
        {
          line: 5,
          column: 13,
          message: /`MST` means UTC−7 all year.*: use America\/Denver or America\/Phoenix \(Arizona, no daylight saving time\)$/,
        },
      ],
    },
    {
      name: 'HST: Pacific/Honolulu',
      files: zone('HST'),
      findings: [{ line: 5, column: 13, message: /`HST` means UTC−10 all year, with no daylight saving time: use Pacific\/Honolulu$/ }],
    },
    {
      name: 'Etc/GMT+5 is five hours behind UTC (reversed sign)',
      files: zone('Etc/GMT+5'),
      findings: [
        {
          line: 5,
          column: 13,
          message: /`Etc\/GMT\+5` means UTC−5 all year \(the sign of Etc\/GMT names is reversed\).*e\.g\. America\/New_York$/,
        },
      ],
    },
    {
      name: 'Etc/GMT-1 is UTC+1',
      files: zone('Etc/GMT-1'),
      findings: [{ line: 5, column: 13, message: /`Etc\/GMT-1` means UTC\+1 all year.*e\.g\. Europe\/Berlin$/ }],
    },
    {
      name: 'Etc/GMT-14: no usual place to name',
      files: zone('Etc/GMT-14'),
      findings: [{ line: 5, column: 13, message: /UTC\+14 all year.*use the zone of the place \(Area\/City/ }],
    },
    {
      name: "on a shift's own timezone, at that value",
      files: shiftIn('EST'),
      findings: [{ line: 35, column: 15, message: /^shift `s1`: `EST` means UTC−5/ }],
    },
  ],
});

/** An organization with a placeholder on a chat shift and a requirement; `staffing` line 6. */
const staffed = (staffing: string, minHumans = '', staff = '[ph, ana]') => `shiftready: 1
organization:
  id: org
  name: Test Line
  timezone: America/Chicago
${staffing ? `  staffing: ${staffing}\n` : ''}programs:
  - id: chat-program
portals:
  - id: web
    type: chat
    program: chat-program
users:
  - id: ana
    role: admin
    programs: [chat-program]
    canReceive: [chat]
  - id: ph
    placeholder: true
    programs: [chat-program]
    canReceive: [chat]
shifts:
  - id: day
    program: chat-program
    messaging: chat
    start: "09:00"
    end: "17:00"
    repeat: FREQ=DAILY
    from: 2026-01-05
    staff: ${staff}
requirements:
  - id: days
    portal: web
    repeat: FREQ=DAILY
    from: 2026-01-05
    start: "09:00"
    end: "17:00"
${minHumans ? `    minHumans: ${minHumans}\n` : ''}`;

ruleTester('staffing-mismatch', {
  valid: [
    { name: 'mixed by default: placeholders and minHumans', files: staffed('', '1') },
    { name: 'mixed, said', files: staffed('mixed', '1') },
    { name: 'placeholder without minHumans', files: staffed('placeholder') },
    { name: 'registered without placeholders on shifts', files: staffed('registered', '1', '[ana]') },
  ],
  invalid: [
    {
      // staffing on line 6; the requirement's minHumans is the last line, 38.
      name: 'minHumans under staffing: placeholder, at minHumans, citing the choice',
      files: staffed('placeholder', '1'),
      findings: [
        {
          line: 38,
          column: 16,
          severity: 'error',
          message: /humans are not tracked and this cannot be checked: remove minHumans$/,
          related: ['test.yaml:6:13'],
        },
      ],
    },
    {
      // `    staff: [ph, ana]` is line 30: ph at column 13; ph's `placeholder: true` is 19:18.
      name: 'a placeholder on a shift under staffing: registered, at the entry',
      files: staffed('registered', '', '[ph, ana]'),
      findings: [
        {
          line: 30,
          column: 13,
          message:
            /^placeholder `ph` is registered on shift `day`, but under staffing: registered only real users register.*: remove ph from the shift, or choose staffing: mixed/,
          related: ['test.yaml:6:13', 'test.yaml:19:18'],
        },
      ],
    },
  ],
});

/** One portal (web); an override is appended: `overrides:` line 16, its item line 17. */
const ONE_PORTAL = `shiftready: 1
organization:
  id: org
  timezone: America/Chicago
programs:
  - id: chat-program
portals:
  - id: web
    type: chat
    program: chat-program
users:
  - id: ana
    role: admin
    programs: [chat-program]
    canReceive: [chat]
`;
const override = (lines: string) =>
  `${ONE_PORTAL}overrides:\n  - id: drill\n${lines}    offline: 2026-01-06T10:00\n    online: 2026-01-06T11:00\n    by: ana\n`;

ruleTester('single-portal-switch', {
  valid: [
    { name: 'the organization switch', files: override('') },
    {
      name: 'a portal switch with two portals',
      files: `${BASE}overrides:\n  - portal: web\n    offline: 2026-01-06T10:00\n    online: 2026-01-06T11:00\n    by: ana\n`,
    },
    { name: 'an unknown portal is unknown-reference, not this', files: override('    portal: webb\n') },
  ],
  invalid: [
    {
      name: 'portal: with one portal, at the key',
      files: override('    portal: web\n'),
      findings: [
        {
          line: 18,
          column: 5,
          message:
            /^override `drill` switches portal `web` offline, but an organization with one portal has only the organization switch: remove `portal: web`$/,
        },
      ],
    },
  ],
});

/** BASE (ana admin, ben basic) with one override on web; `by` is line 34, `onlineBy` line 35. */
const onlineBy = (by: string, extra = '    online: 2026-01-06T11:00\n') => `${BASE}overrides:
  - id: lunch
    portal: web
    offline: 2026-01-06T10:00
${extra}    by: ana
    onlineBy: ${by}
`;

ruleTester(
  'override-not-permitted',
  {
    valid: [{ name: 'set back online by an admin', files: onlineBy('ana') }],
    invalid: [
      {
        name: 'set back online by a basic user: at onlineBy, citing the role',
        files: onlineBy('ben'),
        findings: [
          {
            line: 35,
            column: 15,
            message: /^override `lunch` is set back online by ben, whose role basic may not/,
            related: ['test.yaml:26:11'],
          },
        ],
      },
    ],
  },
  'override-not-permitted (onlineBy)',
);

ruleTester(
  'unknown-reference',
  {
    valid: [],
    invalid: [
      {
        name: 'onlineBy names a user who does not exist',
        files: onlineBy('bne'),
        findings: [{ line: 35, column: 15, message: /names user `bne`, which does not exist: did you mean `ben`\?/ }],
      },
    ],
  },
  'unknown-reference (onlineBy)',
);

ruleTester(
  'schema',
  {
    valid: [],
    invalid: [
      {
        // No `online`: the override item is line 30, `onlineBy` (the key) line 34.
        name: 'onlineBy without online, at onlineBy',
        files: onlineBy('ana', ''),
        findings: [
          { line: 34, column: 5, message: /^`onlineBy` of override `lunch` needs `online`: add online: .*, or remove `onlineBy`$/ },
        ],
      },
    ],
  },
  'schema (onlineBy needs online)',
);
