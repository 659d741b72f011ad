/**
 * SPEC 1.1 in the reports: the three staffing models (§3.2), per-date holiday expectations (§3.2),
 * and holiday-open advice that says which hours outside the holiday an `except` closes (§4).
 *
 * All in America/Chicago, January 2026 (UTC-6: local 09:00 is 15:00Z). The organization below has
 * one chat portal `web` and a shift `day`, daily 09:00-17:00 from Monday 2026-01-05, held by the
 * placeholder `ph` alone. Period Mon 2026-01-05 00:00 to Wed 2026-01-07 00:00 local = 48 h:
 * online 2 × 8 = 16 h, coverage 16 / 48 = 0.333, alerted 0 h (nobody has mobile alerts).
 */
import { describe, expect, it } from 'vitest';
import { coverage, holidayReport, loadFromTexts } from '../../src/index.js';
import { formatHolidaysJson } from '../../src/format/holidays.js';
import { reportJson } from '../../src/format/report.js';
import { checkText, cli, tempDir } from '../helpers.js';

const ORG = (staffing: string, extra = '') => `shiftready: 1
organization:
  id: org
  name: Valley Line
  timezone: America/Chicago
${staffing ? `  staffing: ${staffing}\n` : ''}programs:
  - id: chat-program
portals:
  - id: web
    type: chat
    program: chat-program
users:
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
    staff: [ph]
${extra}`;

const PERIOD = { from: '2026-01-05', to: '2026-01-07', now: '2026-01-05T00:00' };
const config = (text: string) => loadFromTexts([{ file: 'org.yaml', text }]);

describe('staffing models (SPEC §3.2, 1.1)', () => {
  it('placeholder ("Fake User"): placeholder-held time is the design: no placeholder-only warning', () => {
    const result = checkText(ORG('placeholder'), PERIOD);
    expect(result.findings).toEqual([]);
  });

  it('mixed (the default): the same time is placeholder-only and warned about', () => {
    const result = checkText(ORG(''), PERIOD);
    // No `staffing` line: `staff` is line 25.
    expect(result.findings.map((f) => `${f.rule}@${f.line}:${f.column}`)).toEqual(['placeholder-only@25:5']);
  });

  it('placeholder: humanHours and placeholderOnlyHours are null in JSON', () => {
    expect(reportJson(coverage(config(ORG('placeholder')), PERIOD))).toEqual({
      period: { from: '2026-01-05T06:00:00Z', to: '2026-01-07T06:00:00Z' },
      portals: [{ id: 'web', onlineHours: 16, humanHours: null, placeholderOnlyHours: null, alertHours: 0, coverage: 0.333, gaps: [] }],
      users: [{ id: 'ph', hours: 16 }],
    });
  });

  it('mixed: the same numbers, tracked', () => {
    const json = reportJson(coverage(config(ORG('mixed')), PERIOD)) as { portals: unknown[] };
    expect(json.portals).toEqual([
      { id: 'web', onlineHours: 16, humanHours: 0, placeholderOnlyHours: 16, alertHours: 0, coverage: 0.333, gaps: [] },
    ]);
  });

  it('placeholder: text and markdown say "not tracked"', async () => {
    const cwd = tempDir({ 'org.yaml': ORG('placeholder') });
    const text = (await cli(['report', '--from', PERIOD.from, '--to', PERIOD.to], cwd)).stdout;
    expect(text).toContain('web        16.00 h  not tracked        not tracked      0.00 h     33.3%');
    const md = (await cli(['report', '--format', 'markdown', '--from', PERIOD.from, '--to', PERIOD.to], cwd)).stdout;
    expect(md).toContain('| web | 16.00 h | not tracked | not tracked | 0.00 h | 33.3% |');
  });

  it('placeholder: a requirement with minHumans is a staffing-mismatch, and not also a coverage gap', () => {
    const req = `requirements:\n  - id: days\n    portal: web\n    repeat: FREQ=DAILY\n    from: 2026-01-05\n    start: "09:00"\n    end: "17:00"\n    minHumans: 1\n`;
    const result = checkText(ORG('placeholder', req), PERIOD);
    expect(result.findings.map((f) => `${f.rule}@${f.line}:${f.column}`)).toEqual(['staffing-mismatch@34:16']);
  });

  it('registered ("Real User(s)"): the placeholder on the shift is an error; otherwise as mixed', () => {
    const result = checkText(ORG('registered'), PERIOD);
    expect(result.findings.map((f) => `${f.rule}@${f.line}:${f.column}`)).toEqual(['placeholder-only@26:5', 'staffing-mismatch@26:13']);
  });
});

/**
 * Holidays: 2026-01-05 (organization, expect covered), 2026-01-06 (organization, no expect →
 * holidays.expect closed). Under placeholder, a covered day needs online time (8 h: ok); under
 * mixed it needs human time (0 h: uncovered).
 */
const HOLIDAYS = `holidays:
  expect: closed
  dates:
    - { date: 2026-01-05, name: Founders Day, expect: covered }
    - { date: 2026-01-06, name: Staff Day }
`;

describe('per-date holiday expectations (SPEC §3.2, 1.1)', () => {
  it('a date with its own expect wins over holidays.expect', () => {
    const entries = holidayReport(config(ORG('placeholder', HOLIDAYS)), 2026);
    expect(formatHolidaysJson(2026, entries, false)).toBe(
      `${JSON.stringify(
        {
          year: 2026,
          holidays: [
            {
              date: '2026-01-05',
              name: 'Founders Day',
              source: 'organization',
              portals: [{ id: 'web', expect: 'covered', onlineHours: 8, humanHours: null, placeholderOnlyHours: null, verdict: 'ok' }],
            },
            {
              date: '2026-01-06',
              name: 'Staff Day',
              source: 'organization',
              portals: [{ id: 'web', expect: 'closed', onlineHours: 8, humanHours: null, placeholderOnlyHours: null, verdict: 'open' }],
            },
          ],
        },
        null,
        2,
      )}\n`,
    );
  });

  it('mixed: a covered day held only by placeholders is not covered', () => {
    const [first] = holidayReport(config(ORG('mixed', HOLIDAYS)), 2026);
    expect(first!.portals.map((p) => [p.expect, p.verdict])).toEqual([['covered', 'uncovered']]);
  });

  it("a date's own expect wins over the portal's `holidays:` as well", () => {
    const text = ORG('placeholder', HOLIDAYS).replace(
      '    program: chat-program\nusers',
      '    program: chat-program\n    holidays: either\nusers',
    );
    const entries = holidayReport(config(text), 2026);
    expect(entries.map((e) => e.portals[0]!.expect)).toEqual(['covered', 'either']);
  });

  it("an own date on a calendar's holiday replaces it (source organization)", () => {
    // 2026-01-19 is Martin Luther King Jr. Day in the US calendar.
    const text = ORG(
      'placeholder',
      `holidays:\n  calendars: [US]\n  dates:\n    - { date: 2026-01-19, name: Staff Day, expect: closed }\n`,
    );
    const mlk = holidayReport(config(text), 2026).find((e) => e.holiday.date === '2026-01-19')!;
    expect([mlk.holiday.name, mlk.holiday.source, mlk.portals[0]!.expect]).toEqual(['Staff Day', 'organization', 'closed']);
  });

  it("holiday-open and holiday-uncovered cite the date's own expect", () => {
    const result = checkText(ORG('mixed', HOLIDAYS), PERIOD);
    const open = result.findings.find((f) => f.rule === 'holiday-open')!;
    const uncovered = result.findings.find((f) => f.rule === 'holiday-uncovered')!;
    // `holidays.expect` is line 28; the dates are lines 30 (Founders Day, its `expect: covered`
    // value at column 55) and 31 (Staff Day, no expect of its own).
    expect(open.related!.map((r) => `${r.line}:${r.column}`)).toEqual(['31:7', '28:3']);
    expect(uncovered.related!.map((r) => `${r.line}:${r.column}`)).toEqual(['30:55']);
  });
});

describe('holiday-open advice says which hours outside the holiday it closes (SPEC §4, 1.1)', () => {
  it('an overnight shift: except both start dates, and the hours on the days around are named', () => {
    // night: daily 22:00-06:00 from 2026-12-20; 2026-12-25 is a closed holiday. Occurrences on the
    // holiday start 12-24 22:00 (to 12-25 06:00) and 12-25 22:00 (to 12-26 06:00): excepting
    // both also closes 12-24 22:00-24:00 and 12-26 00:00-06:00.
    const text = ORG('mixed', `holidays:\n  expect: closed\n  dates:\n    - { date: 2026-12-25, name: Christmas Day }\n`)
      .replace(
        '    start: "09:00"\n    end: "17:00"\n    repeat: FREQ=DAILY\n    from: 2026-01-05\n',
        '    start: "22:00"\n    end: "06:00"\n    repeat: FREQ=DAILY\n    from: 2026-12-20\n',
      )
      .replace('  - id: day\n', '  - id: night\n');
    const result = checkText(text, { from: '2026-12-24', to: '2026-12-27', now: '2026-12-01T00:00' });
    const open = result.findings.find((f) => f.rule === 'holiday-open')!;
    expect(open.message).toContain(
      'add `except: [2026-12-24, 2026-12-25]` to `night` (this also closes 2026-12-24 22:00 to 2026-12-25 00:00 and 2026-12-26 00:00 to 06:00, outside the holiday: add a one-off shift for those times if it should stay open)',
    );
  });

  it('a shift inside the holiday: just the except, nothing outside', () => {
    const text = ORG('mixed', `holidays:\n  expect: closed\n  dates:\n    - { date: 2026-01-06, name: Staff Day }\n`);
    const open = checkText(text, PERIOD).findings.find((f) => f.rule === 'holiday-open')!;
    expect(open.message).toMatch(/: add `except: \[2026-01-06\]` to `day`; or leave it unstaffed that day$/);
  });
});
