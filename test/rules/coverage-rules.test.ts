/**
 * Table tests for the coverage and holiday rules, by hand: Chicago, week of Monday 2026-01-05
 * (UTC-6). BASE is 28 lines; the text below starts on line 29.
 */
import { BASE } from '../helpers.js';
import { ruleTester } from './tester.js';

const WEEK = { from: '2026-01-05', to: '2026-01-12' };

/** A 09:00-17:00 chat shift on `days`: `shifts:` on line 29, its `staff` on line 37, `from` 36. */
function shift(days: string, staff: string, extra = ''): string {
  return `shifts:\n  - id: day\n    program: chat-program\n    messaging: chat\n    start: "09:00"\n    end: "17:00"\n    repeat: FREQ=WEEKLY;BYDAY=${days}\n    from: 2026-01-05\n    staff: [${staff}]\n${extra}`;
}
/** A weekday requirement on `web`: `requirements:` on the next line, the item after it. */
function requirement(minHumans = 0): string {
  return `requirements:\n  - id: weekday-web\n    portal: web\n    start: "09:00"\n    end: "17:00"\n    repeat: FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR\n    from: 2026-01-05\n${minHumans ? `    minHumans: ${minHumans}\n` : ''}`;
}
const PLACEHOLDER = '  - id: fake\n    placeholder: true\n    programs: [chat-program]\n    canReceive: [chat]\n';

ruleTester('coverage-gap', {
  valid: [
    { name: 'every required hour online', files: `${BASE}${shift('MO,TU,WE,TH,FR', 'ana')}${requirement()}`, options: WEEK },
    {
      name: 'on a holiday (expect either) the requirement does not apply',
      files: `${BASE}${shift('MO,TU,WE,FR', 'ana')}${requirement()}holidays:\n  dates: [{ date: 2026-01-08, name: Staff day }]\n`,
      options: WEEK,
    },
  ],
  invalid: [
    {
      // Monday-Wednesday covered; Thursday and Friday 09:00-17:00 have no shift: 16 of 40 h.
      name: 'no shift on two days: on the requirement, with the missing hours and the first gaps',
      files: `${BASE}${shift('MO,TU,WE', 'ana')}${requirement()}`,
      options: WEEK,
      findings: [
        {
          line: 39,
          column: 5,
          severity: 'error',
          message:
            /^requirement `weekday-web`: portal `web` is not online for 16 of the 40 h required in the checked period: 2026-01-08 09:00 to 17:00 \(no shift\); 2026-01-09 09:00 to 17:00 \(no shift\); to fix: add a shift for program `chat-program` with messaging: chat that covers those times$/,
        },
      ],
    },
    {
      // The only human is away on Wednesday: the placeholder keeps it online with no human.
      name: 'fewer humans than minHumans',
      files: `${BASE.replace('    canReceive: [chat]\n', '    canReceive: [chat]\n    away: [2026-01-07]\n')}${PLACEHOLDER}${shift('MO,TU,WE,TH,FR', 'fake, ben')}${requirement(1)}`,
      options: WEEK,
      findings: [
        {
          line: 44,
          column: 5,
          message: /not online with at least 1 human for 8 of the 40 h .*2026-01-07 09:00 to 17:00 \(no human \(only placeholders\)\)/,
        },
      ],
    },
    {
      // Switched off 10:00-12:00 on Tuesday: 2 of 40 h.
      name: 'switched off, naming the override',
      files: `${BASE}${shift('MO,TU,WE,TH,FR', 'ana')}${requirement()}overrides:\n  - id: drill\n    portal: web\n    offline: 2026-01-06T10:00\n    online: 2026-01-06T12:00\n    by: ana\n`,
      options: WEEK,
      findings: [{ line: 39, column: 5, message: /for 2 of the 40 h .*2026-01-06 10:00 to 12:00 \(switched off \(override drill\)\)/ }],
    },
    {
      // Thursday is a holiday (either): 32 h required; Friday has no shift: 8 missing.
      name: 'a holiday is taken out of the required hours',
      files: `${BASE}${shift('MO,TU,WE', 'ana')}${requirement()}holidays:\n  dates: [{ date: 2026-01-08, name: Staff day }]\n`,
      options: WEEK,
      findings: [{ line: 39, column: 5, message: /for 8 of the 32 h required .*2026-01-09 09:00 to 17:00 \(no shift\)/ }],
    },
  ],
});

/** Holidays on Wednesday 2026-01-07, lines after the shift block. */
function holidays(expect: string): string {
  return `holidays:\n  dates:\n    - { date: 2026-01-07, name: Staff day }\n  expect: ${expect}\n`;
}

ruleTester('holiday-open', {
  valid: [
    {
      name: 'closed, and the shift is not on that date',
      files: `${BASE}${shift('MO,TU,WE,TH,FR', 'ana', '    except: [2026-01-07]\n')}${holidays('closed')}`,
      options: WEEK,
    },
    { name: 'either: only reported', files: `${BASE}${shift('MO,TU,WE,TH,FR', 'ana')}${holidays('either')}`, options: WEEK },
  ],
  invalid: [
    {
      // Holidays block: `holidays:` 38, `dates:` 39, the date 40, `expect:` 41.
      name: 'online on a closed day: on the shift, citing the holiday and the expectation',
      files: `${BASE}${shift('MO,TU,WE,TH,FR', 'ana')}${holidays('closed')}`,
      options: WEEK,
      findings: [
        {
          line: 30,
          column: 5,
          message:
            /^portal `web` is online for 8 h on 2026-01-07 \(Staff day\), a holiday when it should be closed: add `except: \[2026-01-07\]` to `day`/,
          related: ['test.yaml:40:7', 'test.yaml:41:3'],
        },
      ],
    },
    {
      name: 'only placeholders on a closed day is named as the dangerous case',
      files: `${BASE}${PLACEHOLDER}${shift('MO,TU,WE,TH,FR', 'fake')}${holidays('closed')}`,
      options: WEEK,
      findings: [
        {
          line: 34,
          column: 5,
          message:
            /online for 8 h on 2026-01-07 \(Staff day\), a holiday when it should be closed; only placeholders count then — help seekers reach a portal where nobody answers/,
        },
      ],
    },
    {
      name: "a portal's own `holidays: closed` wins over the organization's either",
      files: `${BASE.replace('    program: chat-program\n  - id: text', '    program: chat-program\n    holidays: closed\n  - id: text')}${shift('MO,TU,WE,TH,FR', 'ana')}${holidays('either')}`,
      options: WEEK,
      // Everything below the portal moves down one line; the expectation is the portal's (16:15).
      findings: [{ line: 31, column: 5, related: ['test.yaml:41:7', 'test.yaml:16:15'] }],
    },
  ],
});

ruleTester('holiday-uncovered', {
  valid: [
    // The organization expects coverage; `text` has no shifts, so it opts out.
    {
      name: 'covered by a human',
      files: `${BASE.replace('    program: sms-program\n', '    program: sms-program\n    holidays: either\n')}${shift('MO,TU,WE,TH,FR', 'ana')}${holidays('covered')}`,
      options: WEEK,
    },
  ],
  invalid: [
    {
      // No shift on the holiday, no requirement for web: no human-staffed time. text has
      // no shifts at all, so it is uncovered too.
      name: "no human-staffed time: on the holiday's date entry, per portal",
      files: `${BASE}${shift('MO,TU,WE,TH,FR', 'ana', '    except: [2026-01-07]\n')}${holidays('covered')}`,
      options: WEEK,
      findings: [
        {
          line: 41,
          column: 7,
          message:
            /^2026-01-07 \(Staff day\) is a holiday the portal `text` should cover, but it has no human-staffed online time that day/,
        },
        {
          line: 41,
          column: 7,
          message: /^2026-01-07 \(Staff day\) is a holiday the portal `web` should cover, but it has no human-staffed online time that day/,
        },
      ],
    },
    {
      // A requirement applies as on any day: 09:00-17:00 unmet (no shift): 8 h.
      name: 'a requirement not met on a covered day',
      files: `${BASE.replace('    program: sms-program\n', '    program: sms-program\n    holidays: either\n')}${shift('MO,TU,WE,TH,FR', 'ana', '    except: [2026-01-07]\n')}${requirement()}${holidays('covered')}`,
      options: WEEK,
      // BASE grows by one line (text's `holidays: either`): the date entry is on line 49.
      findings: [{ line: 49, column: 7, message: /portal `web` should cover, but its requirements are not met for 8 h \(no shift\)/ }],
    },
  ],
});

ruleTester(
  'unknown-reference',
  {
    valid: [{ name: 'known calendars', files: `${BASE}holidays:\n  calendars: [US, US-IL, DE-BY, GB-SCT]\n`, options: WEEK }],
    invalid: [
      {
        name: 'an unknown country and an unknown state, on the list items',
        files: `${BASE}holidays:\n  calendars: [US, XX, US-ZZ]\n`,
        options: WEEK,
        findings: [
          { line: 30, column: 19, message: /`XX` is not a calendar: use a country code/ },
          { line: 30, column: 23, message: /`US-ZZ`: US has no state ZZ in the calendar data \(its states are AK, AL/ },
        ],
      },
    ],
  },
  'unknown-reference: holiday calendars',
);

ruleTester(
  'holiday-open',
  {
    valid: [],
    invalid: [
      {
        // The night shift of 2026-01-06 runs 22:00-06:00 into the holiday (00:00-06:00, 6 h) and
        // the one of the 7th starts on it (22:00-24:00, 2 h): 8 h; the fix excepts both start dates.
        name: 'an overnight shift from the evening before is excepted on the day it starts',
        files: `${BASE}shifts:\n  - id: night\n    program: chat-program\n    messaging: chat\n    start: "22:00"\n    end: "06:00"\n    repeat: FREQ=DAILY\n    from: 2026-01-05\n    staff: [ana]\n${holidays('closed')}`,
        options: WEEK,
        findings: [{ line: 30, column: 5, message: /online for 8 h on 2026-01-07 .*add `except: \[2026-01-06, 2026-01-07\]` to `night`/ }],
      },
    ],
  },
  'holiday-open: overnight shifts',
);

ruleTester(
  'holiday-uncovered',
  {
    valid: [],
    invalid: [
      {
        // Requirements 09:00-17:00 and 08:00-18:00 overlap: 10 h are uncovered, not 18.
        name: 'overlapping requirements count each missing hour once',
        files: `${BASE.replace('    program: sms-program\n', '    program: sms-program\n    holidays: either\n')}requirements:\n  - { id: a, portal: web, date: 2026-01-07, start: "09:00", end: "17:00" }\n  - { id: b, portal: web, date: 2026-01-07, start: "08:00", end: "18:00" }\n${holidays('covered')}`,
        options: WEEK,
        findings: [{ line: 35, column: 7, message: /its requirements are not met for 10 h \(no shift\)/ }],
      },
    ],
  },
  'holiday-uncovered: overlapping requirements',
);
