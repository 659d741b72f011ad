/**
 * Table tests for the configuration rules (SPEC §4): rule id, line and column of every finding,
 * computed by hand from the snippets. BASE (test/helpers.ts) is 28 lines; text appended to it
 * starts on line 29. Useful landmarks in BASE:
 *   2:1 `organization`, 5:13 its timezone value, 9:9 `chat-program` id, 11:5 program `phones`,
 *   15:14 portal web's program, 17:11 portal text's type, 20:5 user ana, 25:5 user ben,
 *   26:11 ben's role, 27:5 ben's `programs` key.
 */
import { describe, expect, it } from 'vitest';
import { BASE, checkText } from '../helpers.js';
import { ruleTester } from './tester.js';

/** A one-off chat shift appended to BASE: `shifts:` on line 29, the item on line 30. */
function shift(lines: string): string {
  return `${BASE}shifts:\n  - id: s1\n${lines}`;
}
const CHAT_SHIFT_BODY = '    program: chat-program\n    messaging: chat\n    start: "09:00"\n    end: "17:00"\n    date: 2026-01-06\n';

ruleTester('yaml-syntax', {
  valid: [{ name: 'the base config', files: BASE }],
  invalid: [
    {
      name: 'a duplicate key is reported at the second key',
      files: 'shiftready: 1\norganization:\n  id: org\n  id: again\n  timezone: UTC\n',
      findings: [{ line: 4, column: 3, message: /appears twice/ }],
    },
    {
      name: 'tabs as indentation',
      files: 'shiftready: 1\nprograms:\n\t- id: x\n',
      findings: [{ line: 3, column: 1, message: /tabs/ }],
    },
    {
      name: 'a control character (binary junk) at its position',
      files: 'shiftready: 1\nname: a\x01b\n',
      findings: [{ line: 2, column: 8, message: /U\+0001/ }],
    },
    {
      name: 'a second YAML document',
      files: 'shiftready: 1\n---\nprograms: []\n',
      findings: [{ line: 2, column: 1, message: /one YAML document/ }],
    },
  ],
});

ruleTester('schema', {
  valid: [{ name: 'the base config', files: BASE }],
  invalid: [
    {
      name: 'an unknown key, on the key, with a suggestion',
      files: shift(`${CHAT_SHIFT_BODY}    minstaff: 2\n    staff: [ana]\n`),
      findings: [{ line: 36, column: 5, message: /unknown key `minstaff` in shift `s1`: did you mean `minStaff`\?/ }],
    },
    {
      name: 'a missing field, on its mapping',
      files: shift('    program: chat-program\n    messaging: chat\n    start: "09:00"\n    date: 2026-01-06\n    staff: [ana]\n'),
      findings: [{ line: 30, column: 5, message: /shift `s1` is missing `end`/ }],
    },
    {
      name: 'an unquoted 0900 read as a number',
      files: shift(
        '    program: chat-program\n    messaging: chat\n    start: 0900\n    end: "17:00"\n    date: 2026-01-06\n    staff: [ana]\n',
      ),
      findings: [{ line: 33, column: 12, message: /YAML read the unquoted 0900 as the number 900; write "09:00"/ }],
    },
    {
      name: 'a time not in HH:MM',
      files: shift(
        '    program: chat-program\n    messaging: chat\n    start: "9:00"\n    end: "17:00"\n    date: 2026-01-06\n    staff: [ana]\n',
      ),
      findings: [{ line: 33, column: 12, message: /"HH:MM"/ }],
    },
    {
      name: 'a date that does not exist',
      files: shift(
        '    program: chat-program\n    messaging: chat\n    start: "09:00"\n    end: "17:00"\n    date: 2026-02-30\n    staff: [ana]\n',
      ),
      findings: [{ line: 35, column: 11, message: /real date/ }],
    },
    {
      name: 'a series without from',
      files: shift(
        '    program: chat-program\n    messaging: chat\n    start: "09:00"\n    end: "17:00"\n    repeat: FREQ=DAILY\n    staff: [ana]\n',
      ),
      findings: [{ line: 30, column: 5, message: /needs either `date` .* or `repeat` and `from`/ }],
    },
    {
      name: 'a value outside an enum, with a suggestion',
      files: BASE.replace('    type: sms\n', '    type: smss\n'),
      findings: [{ line: 17, column: 11, message: /must be chat or sms, got "smss": did you mean sms\?/ }],
    },
    {
      name: 'a user listed twice on a shift',
      files: shift(
        '    program: chat-program\n    messaging: chat\n    start: "09:00"\n    end: "17:00"\n    date: 2026-01-06\n    staff: [ana, ben, ana]\n',
      ),
      findings: [{ line: 36, column: 23, message: /lists "ana" twice/ }],
    },
    {
      name: 'an unknown rule name under rules',
      files: `${BASE}rules:\n  placeholder-onl: warn\n`,
      findings: [{ line: 30, column: 3, message: /unknown rule `placeholder-onl`: did you mean `placeholder-only`\?/ }],
    },
    {
      name: 'an unsupported format version',
      files: BASE.replace('shiftready: 1', 'shiftready: 2'),
      findings: [{ line: 1, column: 13, message: /unsupported format version 2/ }],
    },
    {
      name: 'no organization in any file',
      files: 'shiftready: 1\nprograms:\n  - id: p\n',
      findings: [{ line: 1, column: 1, message: /no `organization` section/ }],
    },
    {
      name: 'a second organization, citing the first',
      files: { 'a.yaml': BASE, 'b.yaml': 'shiftready: 1\norganization:\n  id: other\n  timezone: UTC\n' },
      findings: [{ file: 'b.yaml', line: 2, column: 1, message: /second `organization`/, related: ['a.yaml:2:1'] }],
    },
    {
      name: 'a file that is not a mapping',
      files: { 'a.yaml': BASE, 'b.yaml': 'shiftready: 1\nusers: {}\n' },
      findings: [{ file: 'b.yaml', line: 2, column: 8, message: /must be a list of users/ }],
    },
  ],
});

ruleTester('duplicate-id', {
  valid: [{ name: 'ids unique per section (a user and a program may share an id)', files: `${BASE}  - id: phones\n` }],
  invalid: [
    {
      name: 'a program defined again in another file',
      files: { 'a.yaml': BASE, 'b.yaml': 'shiftready: 1\nprograms:\n  - id: chat-program\n' },
      findings: [{ file: 'b.yaml', line: 3, column: 9, message: /already used at a\.yaml:9:9/, related: ['a.yaml:9:9'] }],
    },
    {
      name: 'a user defined twice in one file',
      files: `${BASE}  - id: ben\n    role: basic\n`,
      findings: [{ line: 29, column: 9, related: ['test.yaml:25:9'] }],
    },
    {
      name: 'a rule configured in two files',
      files: { 'a.yaml': `${BASE}rules:\n  user-without-access: off\n`, 'b.yaml': 'shiftready: 1\nrules:\n  user-without-access: warn\n' },
      findings: [{ file: 'b.yaml', line: 3, column: 3, related: ['a.yaml:30:3'] }],
    },
  ],
});

ruleTester('unknown-reference', {
  valid: [{ name: 'all references resolve', files: shift(`${CHAT_SHIFT_BODY}    staff: [ana, ben]\n`) }],
  invalid: [
    {
      name: 'a misspelt program on a shift, with a suggestion',
      files: shift(
        '    program: chat-progam\n    messaging: chat\n    start: "09:00"\n    end: "17:00"\n    date: 2026-01-06\n    staff: [ana]\n',
      ),
      findings: [{ line: 31, column: 14, message: /program `chat-progam`, which does not exist: did you mean `chat-program`\?/ }],
    },
    {
      name: 'an unknown user in staff, on the list item',
      files: shift(`${CHAT_SHIFT_BODY}    staff: [ana, bob]\n`),
      findings: [{ line: 36, column: 18, message: /user `bob`/ }],
    },
    {
      name: "an unknown program in a user's programs",
      files: `${BASE}  - id: cy\n    programs: [chat-program, textline]\n    canReceive: [chat]\n`,
      findings: [{ line: 30, column: 30, message: /program `textline`/ }],
    },
    {
      name: 'an override naming an unknown portal and user',
      files: `${BASE}overrides:\n  - portal: webchat\n    offline: 2026-01-05T10:00\n    by: anna\n`,
      findings: [
        { line: 30, column: 13, message: /override #0 names portal `webchat`/ },
        { line: 32, column: 9, message: /user `anna`.*did you mean `ana`\?/ },
      ],
    },
    {
      name: 'a requirement for an unknown portal',
      files: `${BASE}requirements:\n  - id: r\n    portal: chat\n    start: "09:00"\n    end: "17:00"\n    date: 2026-01-06\n`,
      findings: [{ line: 31, column: 13, message: /portal `chat`/ }],
    },
  ],
});

ruleTester('single-messaging-type', {
  valid: [
    { name: 'one type', files: shift(`${CHAT_SHIFT_BODY}    staff: [ana]\n`) },
    {
      name: 'one type written as a list of one',
      files: shift(`${CHAT_SHIFT_BODY.replace('messaging: chat', 'messaging: [chat]')}    staff: [ana]\n`),
    },
  ],
  invalid: [
    {
      name: 'both types',
      files: shift(`${CHAT_SHIFT_BODY.replace('messaging: chat', 'messaging: [chat, sms]')}    staff: [ana]\n`),
      findings: [{ line: 32, column: 16, message: /both chat and sms/ }],
    },
    {
      name: 'an empty list',
      files: shift(`${CHAT_SHIFT_BODY.replace('messaging: chat', 'messaging: []')}    staff: [ana]\n`),
      findings: [{ line: 32, column: 16, message: /no messaging type.*messaging: chat \(the type of portal `web`\)/ }],
    },
    {
      name: 'no messaging key, on the shift',
      files: shift(`${CHAT_SHIFT_BODY.replace('    messaging: chat\n', '')}    staff: [ana]\n`),
      findings: [{ line: 30, column: 5, message: /no messaging type/ }],
    },
  ],
});

ruleTester('shift-program-not-portal', {
  valid: [{ name: 'a portal program', files: shift(`${CHAT_SHIFT_BODY}    staff: [ana]\n`) }],
  invalid: [
    {
      name: 'the phones program, which belongs to no portal',
      files: shift(`${CHAT_SHIFT_BODY.replace('program: chat-program', 'program: phones')}    staff: [ana]\n`),
      findings: [
        {
          line: 31,
          column: 14,
          message:
            /belongs to no portal, so it can never bring a portal online: set program: chat-program, the program of portal `web`, or remove the shift if it is not a messaging shift$/,
          related: ['test.yaml:11:5'],
        },
      ],
    },
  ],
});

ruleTester('shift-type-mismatch', {
  valid: [{ name: 'chat shift for the chat program', files: shift(`${CHAT_SHIFT_BODY}    staff: [ana]\n`) }],
  invalid: [
    {
      name: "a chat shift for the SMS portal's program",
      files: shift(`${CHAT_SHIFT_BODY.replace('program: chat-program', 'program: sms-program')}    staff: [ana]\n`),
      findings: [{ line: 32, column: 16, message: /set messaging: sms/, related: ['test.yaml:17:11'] }],
    },
  ],
});

ruleTester('portal-program-shared', {
  valid: [{ name: 'one program per portal', files: BASE }],
  invalid: [
    {
      name: 'a second portal with the chat program',
      files: { 'a.yaml': BASE, 'b.yaml': 'shiftready: 1\nportals:\n  - id: web2\n    type: chat\n    program: chat-program\n' },
      findings: [{ file: 'b.yaml', line: 5, column: 14, message: /already portal `web`'s program/, related: ['a.yaml:15:14'] }],
    },
  ],
});

const SMS_SHIFT = shift(
  '    program: sms-program\n    messaging: sms\n    start: "18:00"\n    end: "22:00"\n    date: 2026-01-06\n    staff: [ana, ben]\n',
);

ruleTester('staff-not-in-program', {
  valid: [{ name: 'everyone assigned', files: shift(`${CHAT_SHIFT_BODY}    staff: [ana, ben]\n`) }],
  invalid: [
    {
      name: 'ben is not in the SMS program',
      files: SMS_SHIFT,
      findings: [{ line: 36, column: 18, message: /ben is not assigned to program `sms-program`/, related: ['test.yaml:27:5'] }],
    },
  ],
});

ruleTester('staff-lacks-permission', {
  valid: [{ name: 'everyone may receive chat', files: shift(`${CHAT_SHIFT_BODY}    staff: [ana, ben]\n`) }],
  invalid: [
    {
      name: 'ben cannot receive SMS',
      files: SMS_SHIFT,
      findings: [{ line: 36, column: 18, message: /ben cannot receive SMS.*add sms to ben's canReceive/, related: ['test.yaml:25:5'] }],
    },
  ],
});

ruleTester('invalid-timezone', {
  valid: [
    { name: 'a canonical zone', files: BASE },
    { name: 'a zone link (US/Eastern)', files: BASE.replace('America/Chicago', 'US/Eastern') },
    { name: 'UTC', files: BASE.replace('America/Chicago', 'UTC') },
  ],
  invalid: [
    {
      name: 'a misspelt zone, with a suggestion',
      files: BASE.replace('America/Chicago', 'America/Chicgo'),
      findings: [{ line: 5, column: 13, message: /`America\/Chicgo` is not an IANA time zone name: did you mean America\/Chicago\?/ }],
    },
    {
      name: 'the wrong letter case',
      files: BASE.replace('America/Chicago', 'america/chicago'),
      findings: [{ line: 5, column: 13, message: /did you mean America\/Chicago\?/ }],
    },
    {
      name: 'an offset is not a zone name',
      files: BASE.replace('America/Chicago', '"+05:00"'),
      findings: [{ line: 5, column: 13 }],
    },
    {
      name: 'a shift zone',
      files: shift(`${CHAT_SHIFT_BODY}    timezone: Europe/Londn\n    staff: [ana]\n`),
      findings: [{ line: 36, column: 15, message: /did you mean Europe\/London\?/ }],
    },
  ],
});

function series(repeat: string, extra = ''): string {
  return shift(
    `    program: chat-program\n    messaging: chat\n    start: "09:00"\n    end: "17:00"\n    repeat: ${repeat}\n    from: 2026-01-05\n${extra}    staff: [ana]\n`,
  );
}

ruleTester('invalid-recurrence', {
  valid: [
    { name: 'weekdays', files: series('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR') },
    { name: 'a leap day yields in 2028', files: series('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29') },
    { name: 'lower-case names are allowed (RFC 5545 §3.1)', files: series('freq=weekly;byday=mo') },
  ],
  invalid: [
    {
      name: 'HOURLY is not allowed',
      files: series('FREQ=HOURLY'),
      findings: [{ line: 35, column: 13, message: /FREQ=HOURLY is not allowed/ }],
    },
    {
      name: 'BYHOUR is not allowed',
      files: series('FREQ=DAILY;BYHOUR=9'),
      findings: [{ line: 35, column: 13, message: /BYHOUR is not allowed: the time of day comes from `start`/ }],
    },
    {
      name: 'the RRULE: prefix',
      files: series('"RRULE:FREQ=DAILY"'),
      findings: [{ line: 35, column: 13, message: /remove the "RRULE:" prefix/ }],
    },
    {
      name: 'an unknown part',
      files: series('FREQ=DAILY;BYDAYS=MO'),
      findings: [{ line: 35, column: 13, message: /unknown rule part BYDAYS/ }],
    },
    {
      name: 'COUNT and UNTIL together',
      files: series('FREQ=DAILY;COUNT=3;UNTIL=20260301T000000'),
      findings: [{ line: 35, column: 13, message: /COUNT and UNTIL/ }],
    },
    {
      name: 'February 30th never happens',
      files: series('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30'),
      findings: [{ line: 35, column: 13, message: /never yields a date/ }],
    },
    {
      name: 'an UNTIL before from',
      files: series('FREQ=DAILY;UNTIL=20251231T235900'),
      findings: [{ line: 35, column: 13, message: /never yields/ }],
    },
    {
      name: 'Saturdays within a Monday-to-Friday range',
      files: series('FREQ=WEEKLY;BYDAY=SA', '    until: 2026-01-09\n'),
      findings: [{ line: 35, column: 13, message: /never yields a date from 2026-01-05 within until 2026-01-09/ }],
    },
    {
      name: 'every occurrence excepted',
      files: series('FREQ=DAILY;COUNT=2', '    except: [2026-01-05, 2026-01-06]\n'),
      findings: [{ line: 35, column: 13, message: /never yields/ }],
    },
    {
      name: 'a position with WEEKLY',
      files: series('FREQ=WEEKLY;BYDAY=1MO'),
      findings: [{ line: 35, column: 13, message: /only works with FREQ=MONTHLY or YEARLY/ }],
    },
  ],
});

ruleTester('invalid-shift-time', {
  valid: [
    { name: 'until after from', files: series('FREQ=DAILY', '    until: 2026-02-01\n') },
    { name: 'an away range in order', files: `${BASE}    away:\n      - { from: 2026-12-20, to: 2026-12-31 }\n      - 2027-01-02\n` },
    { name: 'an away range of a single day (to inclusive)', files: `${BASE}    away:\n      - { from: 2026-12-20, to: 2026-12-20 }\n` },
  ],
  invalid: [
    {
      name: 'until before from',
      files: series('FREQ=DAILY', '    until: 2026-01-01\n'),
      findings: [{ line: 37, column: 12, message: /ends \(until 2026-01-01\) before it begins \(from 2026-01-05\)/ }],
    },
    {
      name: 'a date with repeat, on the repeat key',
      files: shift(`${CHAT_SHIFT_BODY}    repeat: FREQ=DAILY\n    staff: [ana]\n`),
      findings: [{ line: 36, column: 5, message: /both `date` \(a one-off\) and `repeat`/ }],
    },
    {
      name: 'an away range that ends before it begins, on `to`',
      files: `${BASE}    away:\n      - { from: 2026-12-20, to: 2026-12-10 }\n`,
      findings: [{ line: 30, column: 33, message: /away entry of user `ben` ends/ }],
    },
  ],
});

const OVERRIDES = (items: string) => `${BASE}overrides:\n${items}`;

ruleTester('override-not-permitted', {
  valid: [
    { name: 'an admin', files: OVERRIDES('  - portal: web\n    offline: 2026-01-05T10:00\n    online: 2026-01-05T11:00\n    by: ana\n') },
    {
      name: 'a basic user when offlineControl allows basic',
      files: OVERRIDES('  - portal: web\n    offline: 2026-01-05T10:00\n    online: 2026-01-05T11:00\n    by: ben\n').replace(
        '  timezone: America/Chicago\n',
        '  timezone: America/Chicago\n  offlineControl: [admin, basic]\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'a basic user',
      files: OVERRIDES('  - id: break\n    portal: web\n    offline: 2026-01-05T10:00\n    online: 2026-01-05T11:00\n    by: ben\n'),
      findings: [
        {
          line: 34,
          column: 9,
          message: /override `break` is made by ben, whose role basic may not take portals offline/,
          related: ['test.yaml:26:11'],
        },
      ],
    },
  ],
});

ruleTester('override-overlap', {
  valid: [
    {
      name: 'back to back on one switch (half-open periods)',
      files: OVERRIDES(
        '  - portal: web\n    offline: 2026-01-05T10:00\n    online: 2026-01-05T12:00\n    by: ana\n  - portal: web\n    offline: 2026-01-05T12:00\n    online: 2026-01-05T13:00\n    by: ana\n',
      ),
    },
    {
      name: 'the organization switch and a portal switch are independent',
      files: OVERRIDES(
        '  - offline: 2026-01-05T10:00\n    online: 2026-01-05T12:00\n    by: ana\n  - portal: web\n    offline: 2026-01-05T11:00\n    online: 2026-01-05T13:00\n    by: ana\n',
      ),
    },
  ],
  invalid: [
    {
      name: 'an overlap, on the later override, citing the earlier',
      files: OVERRIDES(
        '  - id: retreat\n    portal: web\n    offline: 2026-01-05T10:00\n    online: 2026-01-05T15:00\n    by: ana\n  - portal: web\n    offline: 2026-01-05T12:00\n    online: 2026-01-05T16:00\n    by: ana\n',
      ),
      findings: [
        {
          line: 36,
          column: 14,
          message: /override #1 takes portal `web` offline .* but override `retreat` already has it offline/,
          related: ['test.yaml:32:14'],
        },
      ],
    },
    {
      name: 'any later period overlaps one that is never restored',
      files: OVERRIDES(
        '  - offline: 2026-01-05T10:00\n    by: ana\n  - offline: 2026-03-01T10:00\n    online: 2026-03-01T12:00\n    by: ana\n',
      ),
      findings: [{ line: 32, column: 14, message: /never set back online/ }],
    },
    {
      name: 'online not after offline, on `online`',
      files: OVERRIDES('  - portal: web\n    offline: 2026-01-05T10:00\n    online: 2026-01-05T10:00\n    by: ana\n'),
      findings: [{ line: 32, column: 13, message: /`online` must be after `offline`/ }],
    },
  ],
});

ruleTester('missing-sms-offline-message', {
  valid: [
    { name: 'an SMS message is set', files: BASE },
    {
      name: 'no SMS portal',
      files: BASE.replace('    sms: "Text line closed. In danger? Call 911."\n', '').replace(
        '  - id: text\n    type: sms\n    program: sms-program\n',
        '',
      ),
    },
  ],
  invalid: [
    {
      name: 'an SMS portal and no SMS message, on offlineMessages, citing the portal',
      files: BASE.replace('    sms: "Text line closed. In danger? Call 911."\n', '    chat: "Closed"\n'),
      findings: [{ line: 6, column: 3, severity: 'warn', related: ['test.yaml:17:11'] }],
    },
    {
      name: 'no offlineMessages at all, on the organization',
      files: BASE.replace('  offlineMessages:\n    sms: "Text line closed. In danger? Call 911."\n', ''),
      findings: [{ line: 2, column: 1 }],
    },
  ],
});

ruleTester('user-without-access', {
  valid: [{ name: 'program and permission together', files: BASE }],
  invalid: [
    {
      name: 'assigned to the SMS program without SMS permission',
      files: `${BASE}  - id: cy\n    programs: [chat-program, sms-program]\n    canReceive: [chat]\n`,
      findings: [
        { line: 30, column: 30, severity: 'warn', message: /cy is assigned to `sms-program` \(portal `text`\) but cannot receive SMS/ },
      ],
    },
    {
      name: 'SMS permission without an SMS portal program',
      files: `${BASE}  - id: cy\n    programs: [chat-program]\n    canReceive: [chat, sms]\n`,
      findings: [
        { line: 31, column: 24, message: /cy can receive SMS but is assigned to no sms portal program.*add `sms-program` to programs/ },
      ],
    },
  ],
});

ruleTester('placeholder-mobile-alerts', {
  valid: [
    {
      name: 'a placeholder without alerts',
      files: `${BASE}  - id: fake\n    placeholder: true\n    programs: [chat-program]\n    canReceive: [chat]\n`,
    },
  ],
  invalid: [
    {
      name: 'a placeholder with mobile alerts',
      files: `${BASE}  - id: fake\n    placeholder: true\n    programs: [chat-program]\n    canReceive: [chat]\n    mobileAlerts: true\n`,
      findings: [{ line: 33, column: 19, severity: 'warn', message: /placeholder `fake` has mobileAlerts: true/ }],
    },
  ],
});

// ------------------------------------------------------- regressions (bugs found in review)

ruleTester(
  'yaml-syntax',
  {
    valid: [],
    invalid: [
      {
        name: 'an unclosed quote, at the opening quote rather than the end of the file',
        files: 'shiftready: 1\nshifts:\n  - id: a\n    end: "17:00\n',
        findings: [{ line: 4, column: 10, message: /never closed: add the closing "/ }],
      },
      {
        name: 'an unclosed list, at the opening bracket',
        files: 'shiftready: 1\nshifts:\n  - id: a\n    staff: [placeholder, jane\n',
        findings: [{ line: 4, column: 12, message: /the \[ list that starts here is never closed/ }],
      },
      {
        name: 'an unclosed single quote, at the opening quote',
        files: "shiftready: 1\norganization:\n  id: 'org\n  timezone: UTC\n",
        findings: [{ line: 3, column: 7, message: /never closed: add the closing '$/ }],
      },
      {
        name: 'an unclosed mapping, at the opening brace',
        files: 'shiftready: 1\norganization: { id: org, timezone: UTC\nusers: []\n',
        findings: [{ line: 2, column: 15, message: /the \{ mapping that starts here is never closed/ }],
      },
      {
        name: 'another error whose wording happens to say "closing" stays where yaml reports it',
        files: 'shiftready: 1\nnote: |closing\nname: "x\n',
        findings: [{ line: 2, column: 8, message: /^YAML syntax error: block scalar header includes extra characters: \|closing$/ }],
      },
      {
        name: 'one mis-indented key is one finding, not one per following key',
        files: 'shiftready: 1\nshifts:\n  - id: a\n    program: x\n   end: "17:00"\n    start: "09:00"\n    date: 2026-01-01\n',
        findings: [{ line: 5, column: 1 }],
      },
      {
        name: 'a duplicate key names the key and cites its first appearance',
        files: 'shiftready: 1\nusers:\n  - id: jo\n    canReceive: [sms]\n    canReceive: [sms, chat]\n',
        findings: [
          { line: 5, column: 5, message: /the key `canReceive` appears twice .* only this last one is used/, related: ['test.yaml:4:5'] },
        ],
      },
      {
        name: 'an unresolved alias, at the alias',
        files: 'shiftready: 1\norganization: *nope\n',
        findings: [{ line: 2, column: 15, message: /`\*nope` refers to no anchor/ }],
      },
    ],
  },
  'yaml-syntax: where errors are reported',
);

describe('regressions', () => {
  it('a fatal YAML error stays an error when yaml-syntax is turned off', () => {
    const result = checkText('shiftready: 1\nstaff: [jane\n', { rules: { 'yaml-syntax': 'off' } });
    expect(result.findings.map((f) => `${f.rule}:${f.severity}`)).toEqual(['yaml-syntax:error']);
  });

  it('findings follow the copy of a duplicated key that is used (the last)', () => {
    const text =
      'shiftready: 1\norganization: { id: o, timezone: America/Chicago }\nprograms: [{ id: web }, { id: txt }]\nportals:\n  - { id: w, type: chat, program: web }\n  - { id: t, type: sms, program: txt }\nusers:\n  - id: jo\n    programs: [txt]\n    canReceive: [sms]\n    canReceive: [sms, chat]\n';
    const found = checkText(text).findings.filter((f) => f.rule === 'user-without-access');
    // `chat` in the second (used) canReceive list: line 11, column 23.
    expect(found.map((f) => `${f.line}:${f.column}`)).toEqual(['11:23']);
  });

  it('abbreviations ICU accepts but IANA does not define are not time zones', () => {
    for (const zone of ['IST', 'BST', 'PST', 'CST', 'AET']) {
      const found = checkText(BASE.replace('America/Chicago', zone)).findings.filter((f) => f.rule === 'invalid-timezone');
      expect(
        found.map((f) => f.message),
        zone,
      ).toEqual([expect.stringMatching(/abbreviations such as CST or BST are not zone names/)]);
    }
    // Legacy zone names IANA does define stay valid.
    for (const zone of ['EST', 'EST5EDT', 'GMT', 'Etc/GMT+5', 'Asia/Calcutta']) {
      expect(
        checkText(BASE.replace('America/Chicago', zone)).findings.filter((f) => f.rule === 'invalid-timezone'),
        zone,
      ).toEqual([]);
    }
  });

  it('shift-type-mismatch uses the right articles and suggests an existing portal', () => {
    const text = shift(`${CHAT_SHIFT_BODY.replace('program: chat-program', 'program: sms-program')}    staff: [ana]\n`);
    const [finding] = checkText(text).findings.filter((f) => f.rule === 'shift-type-mismatch');
    expect(finding!.message).toContain(
      'portal `text`, an SMS/Text portal: set messaging: sms or set program: chat-program (portal `web`) to keep it a chat shift',
    );
  });

  it('several bad weekdays give one hint', () => {
    const [finding] = checkText(series('FREQ=WEEKLY;BYDAY=MON,WED,FRI')).findings.filter((f) => f.rule === 'invalid-recurrence');
    expect(finding!.message).toMatch(/"MON", "WED", "FRI" are not weekdays; use MO, TU/);
    expect(finding!.message.match(/use MO, TU/g)).toHaveLength(1);
  });

  it('an empty SMS offline message is not a message', () => {
    const result = checkText(BASE.replace('sms: "Text line closed. In danger? Call 911."', 'sms: ""'));
    // Sorted by line: `offlineMessages` (6) before the empty value (7).
    expect(result.findings.map((f) => f.rule)).toEqual(['missing-sms-offline-message', 'schema']);
  });

  it('suggests an id with two letters swapped', () => {
    const [finding] = checkText(shift(`${CHAT_SHIFT_BODY}    staff: [bne]\n`)).findings.filter((f) => f.rule === 'unknown-reference');
    expect(finding!.message).toMatch(/did you mean `ben`\?/);
  });

  it('names each program once when suggesting one', () => {
    const text = `${BASE}  - id: cy\n    programs: [sms-program]\n    canReceive: [chat, sms]\n`.replace(
      '  - id: text\n',
      '  - id: web2\n    type: chat\n    program: chat-program\n  - id: text\n',
    );
    const found = checkText(text).findings.filter((f) => f.rule === 'user-without-access');
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining('add `chat-program` to programs, or')]);
  });
});
