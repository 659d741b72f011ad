/**
 * A strict parser for RFC 5545 RRULE values as shiftready accepts them (SPEC §3.1): FREQ DAILY,
 * WEEKLY, MONTHLY or YEARLY; no BYHOUR / BYMINUTE / BYSECOND (the time of day comes from
 * `start`); no DTSTART (the series starts at `from`). Rule part names and values are
 * case-insensitive (RFC 5545 §3.1).
 */
import { daysFromCivil, daysInMonth, type DayNumber, type Weekday } from './civil.js';

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';

export interface ByDay {
  weekday: Weekday;
  /** Position within the month or year (`1MO`, `-1FR`); absent for every such weekday. */
  n?: number;
}

/** UNTIL as written in the rule: a local date, a local date-time, or a UTC instant (`Z`). */
export type RuleUntil = { kind: 'date'; day: DayNumber } | { kind: 'local'; day: DayNumber; msOfDay: number } | { kind: 'utc'; ms: number };

export interface RecurrenceRule {
  freq: Frequency;
  interval: number;
  count?: number;
  until?: RuleUntil;
  byMonth?: number[];
  byWeekNo?: number[];
  byYearDay?: number[];
  byMonthDay?: number[];
  byDay?: ByDay[];
  bySetPos?: number[];
  wkst: Weekday;
}

export type RuleParse = { ok: true; rule: RecurrenceRule } | { ok: false; problems: string[] };

export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

const ALLOWED_FREQ = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const ALL_FREQ = ['SECONDLY', 'MINUTELY', 'HOURLY', ...ALLOWED_FREQ];
const KNOWN_PARTS = [
  'FREQ',
  'UNTIL',
  'COUNT',
  'INTERVAL',
  'BYSECOND',
  'BYMINUTE',
  'BYHOUR',
  'BYDAY',
  'BYMONTHDAY',
  'BYYEARDAY',
  'BYWEEKNO',
  'BYMONTH',
  'BYSETPOS',
  'WKST',
];

function intList(name: string, value: string, min: number, max: number, signed: boolean, problems: string[]): number[] | undefined {
  const out: number[] = [];
  for (const item of value.split(',')) {
    if (!/^[+-]?\d{1,4}$/.test(item)) {
      problems.push(`${name}=${value}: "${item}" is not a whole number`);
      return undefined;
    }
    const n = Number(item);
    const ok = signed ? n !== 0 && Math.abs(n) >= min && Math.abs(n) <= max : n >= min && n <= max;
    if (!ok) {
      problems.push(`${name}=${value}: ${item} is out of range (${min} to ${max}${signed ? ` or -${max} to -${min}` : ''})`);
      return undefined;
    }
    out.push(n);
  }
  return out;
}

function parseUntil(value: string, problems: string[]): RuleUntil | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})(Z)?)?$/i.exec(value);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)) {
      const day = daysFromCivil(y, mo, d);
      if (m[4] === undefined) return { kind: 'date', day };
      const [h, mi, s] = [Number(m[4]), Number(m[5]), Number(m[6])];
      if (h <= 23 && mi <= 59 && s <= 60) {
        const msOfDay = ((h * 60 + mi) * 60 + Math.min(s, 59)) * 1000;
        return m[7] ? { kind: 'utc', ms: day * 86_400_000 + msOfDay } : { kind: 'local', day, msOfDay };
      }
    }
  }
  problems.push(`UNTIL=${value} is not a date-time: write UNTIL=YYYYMMDDTHHMMSS (local) or UNTIL=YYYYMMDDTHHMMSSZ (UTC)`);
  return undefined;
}

/** Parses an RRULE value; every problem found is reported, each saying how to fix it. */
export function parseRule(text: string): RuleParse {
  const problems: string[] = [];
  let body = text.trim();
  if (/^RRULE:/i.test(body)) {
    problems.push('remove the "RRULE:" prefix: `repeat` takes the rule value only, e.g. FREQ=WEEKLY;BYDAY=MO');
    body = body.slice(6);
  }
  if (/^DTSTART/i.test(body) || /\n/.test(body)) {
    return {
      ok: false,
      problems: ['`repeat` takes one RRULE value such as FREQ=WEEKLY;BYDAY=MO; the series starts at `from` (no DTSTART)'],
    };
  }
  if (body === '') return { ok: false, problems: ['the rule is empty: write e.g. FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'] };

  const parts = new Map<string, string>();
  for (const raw of body.replace(/;$/, '').split(';')) {
    const eq = raw.indexOf('=');
    const name = (eq < 0 ? raw : raw.slice(0, eq)).trim().toUpperCase();
    const value =
      eq < 0
        ? ''
        : raw
            .slice(eq + 1)
            .trim()
            .toUpperCase();
    if (eq < 0 || value === '') {
      problems.push(`"${raw}" is not a NAME=VALUE rule part`);
      continue;
    }
    if (name === 'DTSTART') {
      problems.push('DTSTART is not allowed: the series starts at `from` and the time comes from `start`');
      continue;
    }
    if (!KNOWN_PARTS.includes(name)) {
      problems.push(`unknown rule part ${name}; RFC 5545 defines ${KNOWN_PARTS.join(', ')}`);
      continue;
    }
    if (parts.has(name)) {
      problems.push(`${name} is given twice; give each rule part once`);
      continue;
    }
    parts.set(name, value);
  }

  for (const name of ['BYHOUR', 'BYMINUTE', 'BYSECOND']) {
    if (parts.has(name)) problems.push(`${name} is not allowed: the time of day comes from \`start\` (use one shift per time)`);
  }

  const freqText = parts.get('FREQ');
  let freq: Frequency | undefined;
  if (freqText === undefined) problems.push('FREQ is missing: add FREQ=DAILY, WEEKLY, MONTHLY or YEARLY');
  else if (ALLOWED_FREQ.includes(freqText)) freq = freqText as Frequency;
  else if (ALL_FREQ.includes(freqText)) problems.push(`FREQ=${freqText} is not allowed: shifts repeat DAILY, WEEKLY, MONTHLY or YEARLY`);
  else problems.push(`FREQ=${freqText} is not a frequency: use DAILY, WEEKLY, MONTHLY or YEARLY`);

  const rule: RecurrenceRule = { freq: freq ?? 'DAILY', interval: 1, wkst: 0 };

  const interval = parts.get('INTERVAL');
  if (interval !== undefined) {
    if (/^\d{1,6}$/.test(interval) && Number(interval) >= 1) rule.interval = Number(interval);
    else problems.push(`INTERVAL=${interval} must be a whole number from 1 to 999999`);
  }
  const count = parts.get('COUNT');
  if (count !== undefined) {
    if (/^\d{1,9}$/.test(count) && Number(count) >= 1) rule.count = Number(count);
    else problems.push(`COUNT=${count} must be a whole number of at least 1`);
  }
  const until = parts.get('UNTIL');
  if (until !== undefined) {
    const u = parseUntil(until, problems);
    if (u) rule.until = u;
  }
  if (count !== undefined && until !== undefined) problems.push('COUNT and UNTIL cannot both be given (RFC 5545): keep one');

  const list = (name: string, min: number, max: number, signed: boolean): number[] | undefined => {
    const v = parts.get(name);
    return v === undefined ? undefined : intList(name, v, min, max, signed, problems);
  };
  rule.byMonth = list('BYMONTH', 1, 12, false);
  rule.byWeekNo = list('BYWEEKNO', 1, 53, true);
  rule.byYearDay = list('BYYEARDAY', 1, 366, true);
  rule.byMonthDay = list('BYMONTHDAY', 1, 31, true);
  rule.bySetPos = list('BYSETPOS', 1, 366, true);

  const byDay = parts.get('BYDAY');
  if (byDay !== undefined) {
    const days: ByDay[] = [];
    const bad: string[] = [];
    for (const item of byDay.split(',')) {
      const m = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
      if (!m) {
        bad.push(`"${item}"`);
        continue;
      }
      const weekday = WEEKDAY_CODES.indexOf(m[2] as (typeof WEEKDAY_CODES)[number]) as Weekday;
      if (m[1] === undefined) days.push({ weekday });
      else {
        const n = Number(m[1]);
        if (n === 0 || Math.abs(n) > 53) problems.push(`BYDAY=${byDay}: the position in "${item}" must be 1 to 53 or -53 to -1`);
        else days.push({ weekday, n });
      }
    }
    if (bad.length) {
      problems.push(
        `BYDAY=${byDay}: ${bad.join(', ')} ${bad.length === 1 ? 'is not a weekday' : 'are not weekdays'}; use MO, TU, WE, TH, FR, SA, SU, optionally with a position such as 1MO or -1FR`,
      );
    }
    rule.byDay = days;
  }
  const wkst = parts.get('WKST');
  if (wkst !== undefined) {
    const i = WEEKDAY_CODES.indexOf(wkst as (typeof WEEKDAY_CODES)[number]);
    if (i < 0) problems.push(`WKST=${wkst} is not a weekday; use MO, TU, WE, TH, FR, SA or SU`);
    else rule.wkst = i as Weekday;
  }

  // RFC 5545 §3.3.10: which BYxxx parts may be combined with which FREQ.
  if (freq) {
    if (rule.byWeekNo && freq !== 'YEARLY') problems.push(`BYWEEKNO only works with FREQ=YEARLY, not FREQ=${freq}`);
    if (rule.byYearDay && (freq === 'WEEKLY' || freq === 'MONTHLY' || freq === 'DAILY')) {
      problems.push(`BYYEARDAY does not work with FREQ=${freq} (RFC 5545); use FREQ=YEARLY`);
    }
    if (rule.byMonthDay && freq === 'WEEKLY')
      problems.push('BYMONTHDAY does not work with FREQ=WEEKLY (RFC 5545); use FREQ=MONTHLY or BYDAY');
    const positioned = rule.byDay?.find((d) => d.n !== undefined);
    if (positioned) {
      const code = `${positioned.n}${WEEKDAY_CODES[positioned.weekday]}`;
      if (freq !== 'MONTHLY' && freq !== 'YEARLY') {
        problems.push(
          `BYDAY=${code} (a weekday with a position) only works with FREQ=MONTHLY or YEARLY; write ${WEEKDAY_CODES[positioned.weekday]} for every such weekday`,
        );
      } else if (freq === 'YEARLY' && rule.byWeekNo) {
        problems.push(`BYDAY=${code} cannot have a position when BYWEEKNO is given (RFC 5545)`);
      } else if (freq === 'MONTHLY' && Math.abs(positioned.n!) > 5) {
        problems.push(`BYDAY=${code}: a month has at most 5 of each weekday`);
      }
    }
  }
  if (rule.bySetPos && !(rule.byMonth || rule.byWeekNo || rule.byYearDay || rule.byMonthDay || rule.byDay)) {
    problems.push('BYSETPOS needs another BYxxx part to pick from (e.g. BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1)');
  }
  return problems.length ? { ok: false, problems } : { ok: true, rule };
}
