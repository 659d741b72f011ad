/**
 * Properties of the availability timeline on random valid configurations (SPEC §3, §5.1, §5.2).
 *
 * The generator builds one-file configurations that check clean of errors: one organization in a
 * zone with awkward daylight-saving rules, 1-3 portals each with its own program, 1-6 users, 1-6
 * shifts (times near DST changes, overnight, 24:00, start == end; weekly / daily / monthly rules
 * or one-off dates), 0-2 non-overlapping overrides per switch made by permitted users, and a
 * period of 1-40 days in 2026 around DST dates.
 *
 * (a) every portal's intervals are sorted, non-empty, cover the period exactly, and equal
 *     neighbours are merged;
 * (b) an independent oracle — written straight from SPEC §3 with rrule.js (floating time) for the
 *     recurrences and luxon for the zone offsets, using nothing from src/time or src/timeline —
 *     agrees with the interval containing random instants and every boundary instant;
 * (c) `statusAt` agrees with the interval containing the instant.
 *
 * A failure prints the configuration as YAML, the instant, and the expected and actual fields.
 */
import fc from 'fast-check';
import { DateTime, IANAZone } from 'luxon';
import rrulePkg from 'rrule';
import { describe, expect, it } from 'vitest';
import { check, loadFromTexts, type Config } from '../../src/check.js';
import type { Finding } from '../../src/findings.js';
import { buildTimeline } from '../../src/timeline/build.js';
import { statusAt } from '../../src/timeline/status.js';
import type { PortalInterval, Timeline } from '../../src/timeline/types.js';

const { RRule } = rrulePkg;

/** Runs per property; raise with FC_NUM_RUNS=2000 when hunting. */
const RUNS = Number(process.env.FC_NUM_RUNS ?? 200);

const MIN = 60_000;
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Oracle time: civil days and the SPEC §3.1 wall-clock → instant mapping, via luxon offsets.
// ---------------------------------------------------------------------------------------------

/** Days since 1970-01-01 of a calendar date. */
function dayNumber(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / DAY;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `YYYY-MM-DD` of a day number. */
function dateText(day: number): string {
  const d = new Date(day * DAY);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `YYYY-MM-DDTHH:MM` of a wall-clock time held as "ms since epoch as if UTC". */
function wallText(wallMs: number): string {
  const d = new Date(wallMs);
  return `${dateText(Math.floor(wallMs / DAY))}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The zone's UTC offset in minutes at an instant (luxon, i.e. the IANA data through Intl). */
function offsetAt(zone: string, ms: number): number {
  return IANAZone.create(zone).offset(ms);
}

/**
 * SPEC §3.1: wall-clock time (as if UTC) in `zone` → instant. A nonexistent time is read with the
 * offset in force before the gap; an ambiguous time is the earlier instant. Candidates are the
 * offsets a day before and a day after (no zone changes offset twice within two days).
 */
function wallToInstant(zone: string, wallMs: number): number {
  const before = offsetAt(zone, wallMs - DAY);
  const after = offsetAt(zone, wallMs + DAY);
  const valid = [...new Set([before, after])].map((o) => wallMs - o * MIN).filter((ts) => offsetAt(zone, ts) * MIN === wallMs - ts);
  if (valid.length) return Math.min(...valid);
  return wallMs - before * MIN; // in the gap: the offset before it
}

function instantToWall(zone: string, ms: number): number {
  return ms + offsetAt(zone, ms) * MIN;
}

/** `HH:MM` → minutes of the day ("24:00" → 1440). */
function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

function isoZ(ms: number): string {
  return `${wallText(ms)}Z`;
}

// ---------------------------------------------------------------------------------------------
// Generated configurations.
// ---------------------------------------------------------------------------------------------

const ZONES = [
  'America/New_York',
  'Europe/London',
  'Australia/Lord_Howe',
  'America/Havana',
  'Asia/Kolkata',
  'Pacific/Chatham',
  'UTC',
] as const;
/** DST change dates of 2026 in those zones (and a few ordinary dates). */
const ANCHORS = [
  '2026-03-08',
  '2026-11-01', // New York, Havana
  '2026-03-29',
  '2026-10-25', // London
  '2026-04-05',
  '2026-10-04', // Lord Howe (and Chatham in April)
  '2026-09-27', // Chatham
  '2026-01-01',
  '2026-06-15',
  '2026-12-20',
].map((t) => dayNumber(Number(t.slice(0, 4)), Number(t.slice(5, 7)), Number(t.slice(8, 10))));

const ROLES = ['admin', 'supervisor', 'enhanced', 'basic'] as const;
type Role = (typeof ROLES)[number];
type Messaging = 'chat' | 'sms';
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

/** Ids chosen so that code-unit order differs from "natural" order (upper case, digits, non-ASCII). */
const PORTAL_IDS = ['web', 'Teen', 'text-line'];
const PROGRAM_IDS = ['p-web', 'P-teen', 'p-text'];
const EXTRA_PROGRAM = 'phones';
const USER_IDS = ['amy', 'Bob', 'zoë', 'u10', 'u9', '_ph'];
const SHIFT_IDS = ['night', 'Day', 'x10', 'x9', '_early', 'ümit'];

/** Times of day near the DST changes of the zones above, plus ordinary ones. */
const TIMES = [
  '00:00',
  '00:30',
  '01:00',
  '01:30',
  '01:45',
  '02:00',
  '02:15',
  '02:30',
  '02:45',
  '03:00',
  '03:15',
  '03:45',
  '04:00',
  '06:00',
  '09:00',
  '12:00',
  '17:00',
  '22:00',
  '23:30',
];

const timeArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TIMES) },
  {
    weight: 1,
    arbitrary: fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${pad(h)}:${pad(m)}`),
  },
);
const endArb = fc.oneof(
  { weight: 6, arbitrary: timeArb },
  { weight: 1, arbitrary: fc.constant('24:00') },
  { weight: 1, arbitrary: fc.constant('same') },
);

interface GenAway {
  kind: 'date' | 'dates' | 'datetimes' | 'date-datetime' | 'datetime-date';
  /** Days from the period's first date. */
  day: number;
  len: number;
  fromTime: string;
  toTime: string;
}
const awayArb: fc.Arbitrary<GenAway> = fc.record({
  kind: fc.constantFrom('date', 'dates', 'datetimes', 'date-datetime', 'datetime-date'),
  day: fc.integer({ min: -3, max: 40 }),
  len: fc.integer({ min: 0, max: 4 }),
  fromTime: timeArb,
  toTime: timeArb,
});

interface GenUser {
  role?: Role;
  placeholder: boolean;
  /** Portal indexes (0-2) and 3 = the extra program. */
  programs: number[];
  canReceive: Messaging[];
  mobileAlerts?: boolean;
  away: GenAway[];
}
const userArb: fc.Arbitrary<GenUser> = fc.record({
  role: fc.option(fc.constantFrom(...ROLES), { nil: undefined }),
  placeholder: fc.boolean(),
  programs: fc.oneof({ weight: 3, arbitrary: fc.constant<number[]>([0, 1, 2]) }, { weight: 2, arbitrary: fc.subarray([0, 1, 2, 3]) }),
  canReceive: fc.oneof(
    { weight: 3, arbitrary: fc.constant<Messaging[]>(['chat', 'sms']) },
    { weight: 2, arbitrary: fc.subarray<Messaging>(['chat', 'sms']) },
  ),
  mobileAlerts: fc.option(fc.boolean(), { nil: undefined }),
  away: fc.array(awayArb, { maxLength: 2 }),
});

type GenRule =
  | { freq: 'DAILY'; interval: number; byday?: string[] }
  | { freq: 'WEEKLY'; interval: number; byday?: string[] }
  | { freq: 'MONTHLY'; bymonthday?: number[]; nth?: [number, string] };
const weekdaysArb = fc.subarray([...WEEKDAYS], { minLength: 1 });
const ruleArb: fc.Arbitrary<GenRule> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      freq: fc.constant('DAILY' as const),
      interval: fc.integer({ min: 1, max: 3 }),
      byday: fc.option(weekdaysArb, { nil: undefined }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      freq: fc.constant('WEEKLY' as const),
      interval: fc.integer({ min: 1, max: 2 }),
      byday: fc.option(weekdaysArb, { nil: undefined }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      freq: fc.constant('MONTHLY' as const),
      bymonthday: fc.option(fc.uniqueArray(fc.constantFrom(1, 2, 5, 8, 15, 28, 29, 30, 31, -1), { minLength: 1, maxLength: 3 }), {
        nil: undefined,
      }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      freq: fc.constant('MONTHLY' as const),
      nth: fc.tuple(fc.constantFrom(1, 2, 3, 4, -1), fc.constantFrom(...WEEKDAYS)),
    }),
  },
);

/** An UNTIL inside the rule: a date, a floating date-time (local), or an instant (`Z`). */
interface GenRuleUntil {
  kind: 'date' | 'floating' | 'utc';
  /** Days after `from`. */
  days: number;
  /** A time of day, or the shift's start. */
  time: string;
  /** Minutes added to the instant (utc), to land just before, on or after an occurrence start. */
  delta: number;
}
const ruleUntilArb: fc.Arbitrary<GenRuleUntil> = fc.record({
  kind: fc.constantFrom('date', 'floating', 'utc'),
  days: fc.integer({ min: 0, max: 60 }),
  time: fc.oneof(timeArb, fc.constant('start')),
  delta: fc.constantFrom(-1, 0, 0, 1),
});

interface GenShift {
  portal: number;
  start: string;
  end: string;
  recur:
    | { kind: 'once'; day: number }
    | { kind: 'repeat'; rule: GenRule; count?: number; ruleUntil?: GenRuleUntil; from: number; until?: number; except: number[] };
  zone?: (typeof ZONES)[number];
  minStaff?: number;
  /** User indexes. */
  staff: number[];
}
const shiftArb: fc.Arbitrary<GenShift> = fc.record({
  portal: fc.nat({ max: 2 }),
  start: timeArb,
  end: endArb,
  recur: fc.oneof(
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('once' as const), day: fc.integer({ min: -2, max: 40 }) }) },
    {
      weight: 4,
      arbitrary: fc.record({
        kind: fc.constant('repeat' as const),
        rule: ruleArb,
        count: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 20 }) }),
        /** Used only without COUNT (COUNT with UNTIL is an error). */
        ruleUntil: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: ruleUntilArb }),
        from: fc.integer({ min: -45, max: 10 }),
        /** Days after `from`. */
        until: fc.option(fc.integer({ min: 0, max: 80 }), { nil: undefined }),
        /** Days after `from`. */
        except: fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { maxLength: 3 }),
      }),
    },
  ),
  zone: fc.oneof({ weight: 4, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom(...ZONES) }),
  minStaff: fc.constantFrom(undefined, undefined, undefined, 1, 2, 2),
  staff: fc.uniqueArray(fc.nat({ max: 5 }), { maxLength: 5 }),
});

interface GenOverride {
  /** Where in the remaining online time of the target the switch goes off (0..9999 / 10000). */
  at: number;
  /** Minutes until back online; null = indefinitely (only for the last on its switch). */
  minutes: number | null;
  hasId: boolean;
  offlineFormat: 'Z' | 'offset' | 'local';
  onlineFormat: 'Z' | 'offset' | 'local' | 'wall';
  /** Position in the merged list. */
  order: number;
  by: number;
}
const overrideArb: fc.Arbitrary<GenOverride> = fc.record({
  at: fc.integer({ min: 0, max: 9999 }),
  minutes: fc.oneof(fc.integer({ min: 1, max: 600 }), fc.integer({ min: 1, max: 4320 }), fc.constant(null)),
  hasId: fc.boolean(),
  offlineFormat: fc.constantFrom('Z', 'offset', 'local'),
  onlineFormat: fc.constantFrom('Z', 'offset', 'local', 'wall'),
  order: fc.nat({ max: 20 }),
  by: fc.nat({ max: 5 }),
});

interface Gen {
  zone: (typeof ZONES)[number];
  offlineControl?: Role[];
  portals: Messaging[];
  extraProgram: boolean;
  users: GenUser[];
  shifts: GenShift[];
  /** Switch 0 is the organization's, 1..3 the portals'. */
  overrides: GenOverride[][];
  anchor: number;
  startShift: number;
  days: number;
  /** Instants to probe, as parts per million of the period. */
  samples: number[];
}
const genArb: fc.Arbitrary<Gen> = fc.record({
  zone: fc.constantFrom(...ZONES),
  offlineControl: fc.option(fc.subarray([...ROLES], { minLength: 1 }), { nil: undefined }),
  portals: fc.array(fc.constantFrom<Messaging>('chat', 'sms'), { minLength: 1, maxLength: 3 }),
  extraProgram: fc.boolean(),
  users: fc.array(userArb, { minLength: 1, maxLength: 6 }),
  shifts: fc.array(shiftArb, { minLength: 1, maxLength: 6 }),
  overrides: fc.array(fc.array(overrideArb, { maxLength: 2 }), { minLength: 4, maxLength: 4 }),
  anchor: fc.constantFrom(...ANCHORS),
  startShift: fc.integer({ min: -15, max: 2 }),
  days: fc.integer({ min: 1, max: 40 }),
  samples: fc.array(fc.integer({ min: 0, max: 999_999 }), { minLength: 5, maxLength: 15 }),
});

// ---------------------------------------------------------------------------------------------
// The oracle's view of a configuration (built from the generated values, not from the model).
// ---------------------------------------------------------------------------------------------

interface OUser {
  id: string;
  role: Role;
  placeholder: boolean;
  programs: string[];
  canReceive: Messaging[];
  mobileAlerts: boolean;
  away: [number, number][];
}
interface OShift {
  id: string;
  program: string;
  messaging: Messaging;
  minStaff: number;
  staff: string[];
}
interface OOccurrence {
  shift: OShift;
  start: number;
  end: number;
}
interface OPortal {
  id: string;
  type: Messaging;
  program: string;
}
interface OSwitchSpan {
  portal?: string;
  name: string;
  start: number;
  end: number;
}
interface Oracle {
  zone: string;
  period: { from: number; to: number };
  portals: OPortal[];
  users: Map<string, OUser>;
  occurrences: OOccurrence[];
  switches: OSwitchSpan[];
}

type State =
  | { state: 'online'; shifts: string[]; staff: string[]; humans: string[]; alerts: string[] }
  | { state: 'offline'; reason: 'override' | 'unstaffed' | 'no-shift'; override?: string; scope?: 'organization' | 'portal' };

const sorted = (ids: Iterable<string>) => [...new Set(ids)].sort();

/** SPEC §3.2: portal P at instant t. */
function oracleAt(o: Oracle, p: OPortal, t: number, switches = true): State {
  const covering = o.occurrences.filter(
    (occ) => occ.shift.program === p.program && occ.shift.messaging === p.type && occ.start <= t && t < occ.end,
  );
  const staffed: { occ: OOccurrence; counting: OUser[] }[] = [];
  for (const occ of covering) {
    const counting = occ.shift.staff
      .map((id) => o.users.get(id)!)
      .filter(
        (u) =>
          u.programs.includes(occ.shift.program) && u.canReceive.includes(occ.shift.messaging) && !u.away.some(([a, b]) => a <= t && t < b),
      );
    if (counting.length >= occ.shift.minStaff) staffed.push({ occ, counting });
  }
  if (staffed.length) {
    if (switches) {
      const orgOff = o.switches.find((s) => s.portal === undefined && s.start <= t && t < s.end);
      const portalOff = o.switches.find((s) => s.portal === p.id && s.start <= t && t < s.end);
      const off = orgOff ?? portalOff;
      if (off) return { state: 'offline', reason: 'override', override: off.name, scope: off === orgOff ? 'organization' : 'portal' };
    }
    const users = new Map<string, OUser>();
    for (const s of staffed) for (const u of s.counting) users.set(u.id, u);
    const staff = sorted(users.keys());
    const humans = staff.filter((id) => !users.get(id)!.placeholder);
    return {
      state: 'online',
      shifts: sorted(staffed.map((s) => s.occ.shift.id)),
      staff,
      humans,
      alerts: humans.filter((id) => users.get(id)!.mobileAlerts),
    };
  }
  return { state: 'offline', reason: covering.length ? 'unstaffed' : 'no-shift' };
}

/** Occurrence dates of a rule from rrule.js in floating time (no tzid), within [lo, hi] days. */
function ruleDates(rule: string, from: number, startMinutes: number, lo: number, hi: number): number[] {
  const options = RRule.parseString(rule);
  const r = new RRule({ ...options, dtstart: new Date(from * DAY + startMinutes * MIN) }, true);
  return r.between(new Date(lo * DAY), new Date(hi * DAY + DAY - 1), true).map((d) => Math.floor(d.getTime() / DAY));
}

function ruleText(g: GenRule, count: number | undefined): string {
  const parts = [`FREQ=${g.freq}`];
  if (g.freq !== 'MONTHLY') {
    if (g.interval > 1) parts.push(`INTERVAL=${g.interval}`);
    if (g.byday) parts.push(`BYDAY=${g.byday.join(',')}`);
  } else {
    if (g.bymonthday) parts.push(`BYMONTHDAY=${g.bymonthday.join(',')}`);
    if (g.nth) parts.push(`BYDAY=${g.nth[0]}${g.nth[1]}`);
  }
  if (count !== undefined) parts.push(`COUNT=${count}`);
  return parts.join(';');
}

interface Built {
  yaml: string;
  oracle: Oracle;
  /** Some shift's series yields no date at all (invalid-recurrence): the configuration is skipped. */
  emptySeries: boolean;
  fromText: string;
  toText: string;
  /** Instants where the oracle's state may change, inside the period. */
  boundaries: number[];
}

const q = (s: string) => JSON.stringify(s);

/** The generated values as YAML, with the oracle's view of them. */
function materialize(g: Gen): Built {
  const zone = g.zone;
  const p0 = g.anchor + g.startShift;
  const p1 = p0 + g.days;
  const period = { from: wallToInstant(zone, p0 * DAY), to: wallToInstant(zone, p1 * DAY) };

  const portals: OPortal[] = g.portals.map((type, i) => ({ id: PORTAL_IDS[i]!, type, program: PROGRAM_IDS[i]! }));
  const programOf = (i: number) => (i < portals.length ? portals[i]!.program : i === 3 && g.extraProgram ? EXTRA_PROGRAM : undefined);

  // Users and their away periods (whole local days in the organization's zone, `to` inclusive).
  const users: OUser[] = [];
  const userYaml: string[] = [];
  g.users.forEach((gu, i) => {
    const id = USER_IDS[i]!;
    const programs = [...new Set(gu.programs.map(programOf).filter((x): x is string => x !== undefined))];
    const away: [number, number][] = [];
    const awayYaml: string[] = [];
    for (const a of gu.away) {
      const d1 = p0 + a.day;
      const d2 = d1 + a.len;
      const dt = (day: number, time: string) => `${dateText(day)}T${time}`;
      const wallOf = (day: number, time: string) => day * DAY + minutesOf(time) * MIN;
      let span: [number, number];
      let text: string;
      switch (a.kind) {
        case 'date':
          span = [wallToInstant(zone, d1 * DAY), wallToInstant(zone, (d1 + 1) * DAY)];
          text = q(dateText(d1));
          break;
        case 'dates':
          span = [wallToInstant(zone, d1 * DAY), wallToInstant(zone, (d2 + 1) * DAY)];
          text = `{ from: ${q(dateText(d1))}, to: ${q(dateText(d2))} }`;
          break;
        case 'datetimes':
          span = [wallToInstant(zone, wallOf(d1, a.fromTime)), wallToInstant(zone, wallOf(d2, a.toTime))];
          text = `{ from: ${q(dt(d1, a.fromTime))}, to: ${q(dt(d2, a.toTime))} }`;
          break;
        case 'date-datetime':
          span = [wallToInstant(zone, d1 * DAY), wallToInstant(zone, wallOf(d2, a.toTime))];
          text = `{ from: ${q(dateText(d1))}, to: ${q(dt(d2, a.toTime))} }`;
          break;
        case 'datetime-date':
          span = [wallToInstant(zone, wallOf(d1, a.fromTime)), wallToInstant(zone, (d2 + 1) * DAY)];
          text = `{ from: ${q(dt(d1, a.fromTime))}, to: ${q(dateText(d2))} }`;
          break;
      }
      if (span[1] <= span[0]) continue; // would be invalid-shift-time
      away.push(span);
      awayYaml.push(`      - ${text}`);
    }
    const user: OUser = {
      id,
      role: gu.role ?? 'basic',
      placeholder: gu.placeholder,
      programs,
      canReceive: gu.canReceive,
      mobileAlerts: gu.mobileAlerts ?? false,
      away,
    };
    users.push(user);
    userYaml.push(
      `  - id: ${q(id)}`,
      ...(gu.role ? [`    role: ${gu.role}`] : []),
      ...(gu.placeholder ? ['    placeholder: true'] : []),
      `    programs: [${programs.map(q).join(', ')}]`,
      `    canReceive: [${gu.canReceive.join(', ')}]`,
      ...(gu.mobileAlerts !== undefined ? [`    mobileAlerts: ${gu.mobileAlerts}`] : []),
      ...(awayYaml.length ? ['    away:', ...awayYaml] : []),
    );
  });

  // Shifts and their occurrences around the period.
  const occurrences: OOccurrence[] = [];
  const shiftYaml: string[] = [];
  let ineligibleStaff = false;
  let emptySeries = false;
  g.shifts.forEach((gs, i) => {
    const portal = portals[gs.portal % portals.length]!;
    const staff = [...new Set(gs.staff.filter((k) => k < users.length).map((k) => users[k]!.id))];
    const shift: OShift = { id: SHIFT_IDS[i]!, program: portal.program, messaging: portal.type, minStaff: gs.minStaff ?? 1, staff };
    for (const id of staff) {
      const u = users.find((x) => x.id === id)!;
      if (!u.programs.includes(shift.program) || !u.canReceive.includes(shift.messaging)) ineligibleStaff = true;
    }
    const shiftZone = gs.zone ?? zone;
    const end = gs.end === 'same' ? gs.start : gs.end;
    const startMin = minutesOf(gs.start);
    const endMin = minutesOf(end);
    const lines = [
      `  - id: ${q(shift.id)}`,
      `    program: ${q(shift.program)}`,
      `    messaging: ${shift.messaging}`,
      `    start: ${q(gs.start)}`,
      `    end: ${q(end)}`,
    ];
    let dates: number[];
    if (gs.recur.kind === 'once') {
      dates = [p0 + gs.recur.day];
      lines.push(`    date: ${q(dateText(dates[0]!))}`);
    } else {
      const r = gs.recur;
      const from = p0 + r.from;
      // UNTIL is left out of what rrule.js sees: the oracle applies it itself (SPEC §3.1: inclusive;
      // a date bounds the start date, a floating date-time the local start, `Z` the start instant).
      const expansionRule = ruleText(r.rule, r.count);
      let rule = expansionRule;
      let keep = (_d: number) => true;
      const ru = r.count === undefined ? r.ruleUntil : undefined;
      if (ru) {
        const uDay = from + ru.days;
        const uWall = uDay * DAY + minutesOf(ru.time === 'start' ? gs.start : ru.time) * MIN;
        const compact = (text: string) => text.replace(/[-:]/g, '');
        if (ru.kind === 'date') {
          rule += `;UNTIL=${compact(dateText(uDay))}`;
          keep = (d) => d <= uDay;
        } else if (ru.kind === 'floating') {
          rule += `;UNTIL=${compact(wallText(uWall))}00`;
          keep = (d) => d * DAY + startMin * MIN <= uWall;
        } else {
          const uMs = wallToInstant(shiftZone, uWall) + ru.delta * MIN;
          rule += `;UNTIL=${compact(wallText(uMs))}00Z`;
          keep = (d) => wallToInstant(shiftZone, d * DAY + startMin * MIN) <= uMs;
        }
      }
      const until = r.until === undefined ? undefined : from + r.until;
      const except = r.except.map((k) => from + k);
      // Occurrences that can reach into the period (or the two days before it, where overrides may
      // start) start at most a day plus the zone difference earlier.
      dates = ruleDates(expansionRule, from, startMin, Math.max(from, p0 - 5), p1 + 2).filter(
        (d) => (until === undefined || d <= until) && !except.includes(d) && keep(d),
      );
      // A series that yields no date at all is an invalid-recurrence error: such configurations are skipped.
      const any = ruleDates(expansionRule, from, startMin, from, until ?? from + 400).filter((d) => !except.includes(d) && keep(d));
      if (!any.length) emptySeries = true;
      lines.push(`    repeat: ${q(rule)}`, `    from: ${q(dateText(from))}`);
      if (until !== undefined) lines.push(`    until: ${q(dateText(until))}`);
      if (except.length) lines.push(`    except: [${except.map((d) => q(dateText(d))).join(', ')}]`);
    }
    if (gs.zone) lines.push(`    timezone: ${q(gs.zone)}`);
    if (gs.minStaff !== undefined) lines.push(`    minStaff: ${gs.minStaff}`);
    lines.push(`    staff: [${staff.map(q).join(', ')}]`);
    shiftYaml.push(...lines);
    for (const d of dates) {
      // SPEC §3.1: ends the same date, or the next when end <= start ("24:00" is the next 00:00).
      const endDay = endMin <= startMin ? d + 1 : d;
      const start = wallToInstant(shiftZone, d * DAY + startMin * MIN);
      const stop = wallToInstant(shiftZone, endDay * DAY + endMin * MIN);
      if (stop > start) occurrences.push({ shift, start, end: stop });
    }
  });

  const oracle: Oracle = { zone, period, portals, users: new Map(users.map((u) => [u.id, u])), occurrences, switches: [] };

  // Elementary stretches (switches aside) and where each portal would be online, from two days
  // before the period (an override may go offline before it: offline-while-not-online only looks
  // inside the period, but it is still valid) to its end.
  const lead = period.from - 2 * DAY;
  const cut = new Set<number>([period.from, period.to]);
  const addCut = (t: number) => {
    if (t > period.from && t < period.to) cut.add(t);
  };
  const stretchCut = new Set<number>([lead, period.to]);
  for (const t of [...occurrences.flatMap((occ) => [occ.start, occ.end]), ...users.flatMap((u) => u.away.flat())]) {
    addCut(t);
    if (t > lead && t < period.to) stretchCut.add(t);
  }
  const points = [...stretchCut].sort((a, b) => a - b);
  const stretches = points.slice(0, -1).map((start, k) => ({
    start,
    end: points[k + 1]!,
    online: portals.map((p) => oracleAt(oracle, p, start, false).state === 'online'),
  }));

  // Overrides: each switch goes off only while its target would be online (offline-while-not-online),
  // periods on one switch never overlap, and `by` is allowed by offlineControl.
  let offlineControl = g.offlineControl;
  const allowed = () => offlineControl ?? ['admin'];
  if (!users.some((u) => allowed().includes(u.role))) offlineControl = [...new Set([...(offlineControl ?? []), users[0]!.role])];
  const permitted = users.filter((u) => allowed().includes(u.role));
  const overrides: { order: number; portal?: string; lines: string[]; span: { start: number; end: number }; hasId: boolean; id: string }[] =
    [];
  g.overrides.forEach((seeds, sw) => {
    if (sw > portals.length) return;
    // With one portal there is only the organization switch (SPEC §3.2, single-portal-switch).
    if (sw > 0 && portals.length === 1) return;
    const portal = sw === 0 ? undefined : portals[sw - 1]!;
    let cursor = lead;
    seeds.forEach((seed, k) => {
      if (cursor === Infinity) return;
      const online = stretches
        .filter((s) => (portal ? s.online[sw - 1] : s.online.some(Boolean)) && s.end > cursor)
        .map((s) => ({ start: Math.max(s.start, cursor), end: s.end }));
      const total = online.reduce((n, s) => n + (s.end - s.start) / MIN, 0);
      if (total < 1) return;
      let skip = Math.floor((seed.at / 10_000) * total);
      let offline = NaN;
      for (const s of online) {
        const len = (s.end - s.start) / MIN;
        if (skip < len) {
          offline = s.start + skip * MIN;
          break;
        }
        skip -= len;
      }
      const last = k === seeds.length - 1;
      const minutes = seed.minutes === null && !last ? 60 : seed.minutes;
      const offlineText = instantText(zone, offline, seed.offlineFormat);
      let onlineAt = Infinity;
      let onlineText: string | undefined;
      if (minutes !== null) {
        if (seed.onlineFormat === 'wall') {
          // Wall-clock arithmetic: the text may name a nonexistent or ambiguous local time.
          const wall = instantToWall(zone, offline) + minutes * MIN;
          onlineAt = wallToInstant(zone, wall);
          onlineText = wallText(wall);
          if (onlineAt <= offline) {
            onlineAt = offline + minutes * MIN;
            onlineText = isoZ(onlineAt);
          }
        } else {
          onlineAt = offline + minutes * MIN;
          onlineText = instantText(zone, onlineAt, seed.onlineFormat);
        }
      }
      cursor = onlineAt;
      const id = `off-${sw}-${k}`;
      const by = permitted[seed.by % permitted.length]!.id;
      overrides.push({
        order: seed.order,
        portal: portal?.id,
        hasId: seed.hasId,
        id,
        span: { start: offline, end: onlineAt },
        lines: [
          ...(portal ? [`    portal: ${q(portal.id)}`] : []),
          `    offline: ${q(offlineText)}`,
          ...(onlineText !== undefined ? [`    online: ${q(onlineText)}`] : []),
          `    by: ${q(by)}`,
        ],
      });
    });
  });
  overrides.sort((a, b) => a.order - b.order); // stable: ties keep generation order
  const overrideYaml: string[] = [];
  overrides.forEach((o, index) => {
    const name = o.hasId ? o.id : String(index);
    oracle.switches.push({ portal: o.portal, name, ...o.span });
    const [first, ...rest] = [...(o.hasId ? [`    id: ${q(o.id)}`] : []), ...o.lines];
    overrideYaml.push(`  - ${first!.trimStart()}`, ...rest);
  });
  for (const s of oracle.switches) {
    addCut(s.start);
    addCut(s.end);
  }

  const yaml = [
    'shiftready: 1',
    'organization:',
    '  id: org',
    `  timezone: ${q(zone)}`,
    ...(offlineControl ? [`  offlineControl: [${offlineControl.join(', ')}]`] : []),
    '  offlineMessages:',
    '    sms: "Closed. In danger? Call 911."',
    'programs:',
    ...portals.map((p) => `  - id: ${q(p.program)}`),
    ...(g.extraProgram ? [`  - id: ${EXTRA_PROGRAM}`] : []),
    'portals:',
    ...portals.flatMap((p) => [`  - id: ${q(p.id)}`, `    type: ${p.type}`, `    program: ${q(p.program)}`]),
    'users:',
    ...userYaml,
    'shifts:',
    ...shiftYaml,
    ...(overrideYaml.length ? ['overrides:', ...overrideYaml] : []),
    // A registered user who is not eligible is an error by default; the configuration can lower it.
    ...(ineligibleStaff ? ['rules:', '  staff-not-in-program: warn', '  staff-lacks-permission: warn'] : []),
    '',
  ].join('\n');

  return { yaml, oracle, emptySeries, fromText: dateText(p0), toText: dateText(p1), boundaries: [...cut].sort((a, b) => a - b) };
}

/** An instant written as `Z`, with its offset, or as local wall time (when that reads back to it). */
function instantText(zone: string, ms: number, format: 'Z' | 'offset' | 'local'): string {
  const off = offsetAt(zone, ms);
  if (format === 'offset') {
    const a = Math.abs(off);
    return `${wallText(ms + off * MIN)}${off < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
  }
  if (format === 'local' && wallToInstant(zone, ms + off * MIN) === ms) return wallText(ms + off * MIN);
  return isoZ(ms);
}

// ---------------------------------------------------------------------------------------------
// Running a generated configuration.
// ---------------------------------------------------------------------------------------------

interface Prepared {
  built: Built;
  config: Config;
  timeline: Timeline;
  findings: Finding[];
}

/**
 * Materializes, checks and compiles. The configurations are valid by construction (except an empty
 * series, which is skipped), so any error finding fails the property — except
 * offline-while-not-online, which depends on the timeline under test and is asserted in (b) after
 * the states are compared.
 */
function prepare(g: Gen): Prepared {
  const built = materialize(g);
  fc.pre(!built.emptySeries);
  const config = loadFromTexts([{ file: 'config.yaml', text: built.yaml }]);
  const result = check(config, { from: built.fromText, to: built.toText, now: built.fromText });
  const errors = result.findings.filter((f) => f.severity === 'error' && f.rule !== 'offline-while-not-online');
  if (errors.length) fail(built, `a configuration valid by construction has errors: ${JSON.stringify(errors, null, 1)}`);
  if (result.period.from !== built.oracle.period.from || result.period.to !== built.oracle.period.to) {
    fail(built, `check period ${JSON.stringify(result.period)} is not the local midnights ${JSON.stringify(built.oracle.period)}`);
  }
  const timeline = buildTimeline(config.model, built.oracle.period);
  return { built, config, timeline, findings: result.findings };
}

function normalize(i: PortalInterval): State {
  if (i.state === 'online')
    return { state: 'online', shifts: [...i.shifts], staff: [...i.staff], humans: [...i.humans], alerts: [...i.alerts] };
  return {
    state: 'offline',
    reason: i.reason,
    ...('override' in i ? { override: i.override } : {}),
    ...('scope' in i ? { scope: i.scope } : {}),
  };
}

function containing(intervals: readonly PortalInterval[], t: number): PortalInterval | undefined {
  let lo = 0;
  let hi = intervals.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const i = intervals[mid]!;
    if (t < i.start) hi = mid - 1;
    else if (t >= i.end) lo = mid + 1;
    else return i;
  }
  return undefined;
}

function fail(built: Built, what: string): never {
  throw new Error(`${what}\n--- config.yaml (period ${built.fromText} .. ${built.toText}) ---\n${built.yaml}`);
}

/** Instants to probe: random ones, and both sides of every boundary of the oracle and of the timeline. */
function probes(p: Prepared, samples: readonly number[]): number[] {
  const { from, to } = p.built.oracle.period;
  const set = new Set<number>(samples.map((s) => from + Math.floor((s / 1_000_000) * (to - from))));
  const add = (t: number) => {
    if (t >= from && t < to) set.add(t);
  };
  for (const b of p.built.boundaries) {
    add(b);
    add(b - 1);
  }
  for (const pt of p.timeline.portals) {
    for (const i of pt.intervals) {
      add(i.start);
      add(i.end - 1);
    }
  }
  return [...set].sort((a, b) => a - b);
}

const describeInstant = (zone: string, t: number) => `${new Date(t).toISOString()} (local ${wallText(instantToWall(zone, t))} ${zone})`;

// ---------------------------------------------------------------------------------------------

describe('oracle self-test', () => {
  it('maps wall-clock time by SPEC §3.1 (hand-checked instants)', () => {
    const at = (zone: string, text: string) => new Date(wallToInstant(zone, Date.parse(`${text}Z`))).toISOString();
    // Gaps: the offset before the gap.
    expect(at('America/New_York', '2026-03-08T02:30')).toBe('2026-03-08T07:30:00.000Z'); // = 03:30 EDT
    expect(at('America/Havana', '2026-03-08T00:00')).toBe('2026-03-08T05:00:00.000Z'); // = 01:00 CDT
    expect(at('Australia/Lord_Howe', '2026-10-04T02:15')).toBe('2026-10-03T15:45:00.000Z'); // +10:30 → 02:45 +11
    expect(at('Pacific/Chatham', '2026-09-27T03:00')).toBe('2026-09-26T14:15:00.000Z'); // +12:45
    expect(at('Europe/London', '2026-03-29T01:30')).toBe('2026-03-29T01:30:00.000Z');
    // Overlaps: the earlier instant.
    expect(at('America/New_York', '2026-11-01T01:30')).toBe('2026-11-01T05:30:00.000Z'); // EDT
    expect(at('America/Havana', '2026-11-01T00:30')).toBe('2026-11-01T04:30:00.000Z'); // CDT
    expect(at('Australia/Lord_Howe', '2026-04-05T01:45')).toBe('2026-04-04T14:45:00.000Z'); // +11
    expect(at('Pacific/Chatham', '2026-04-05T03:00')).toBe('2026-04-04T13:15:00.000Z'); // +13:45
    expect(at('Europe/London', '2026-10-25T01:30')).toBe('2026-10-25T00:30:00.000Z'); // BST
    // Ordinary times.
    expect(at('Asia/Kolkata', '2026-03-08T02:30')).toBe('2026-03-07T21:00:00.000Z');
    expect(at('UTC', '2026-03-08T02:30')).toBe('2026-03-08T02:30:00.000Z');
  });

  it('agrees with luxon getPossibleOffsets (earliest) for wall times around every DST change', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ZONES),
        fc.constantFrom(...ANCHORS),
        fc.integer({ min: -2 * 24 * 60, max: 3 * 24 * 60 }),
        (zone, day, minutes) => {
          const wall = day * DAY + minutes * MIN;
          const d = new Date(wall);
          const dt = DateTime.fromObject(
            { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() },
            { zone },
          );
          const expected = Math.min(...dt.getPossibleOffsets().map((x) => x.toMillis()));
          expect(wallToInstant(zone, wall)).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('expands floating rules like RFC 5545 (rrule.js, no tzid)', () => {
    const dates = (rule: string, from: string, lo: string, hi: string) => {
      const day = (t: string) => Date.parse(`${t}T00:00Z`) / DAY;
      return ruleDates(rule, day(from), 9 * 60, day(lo), day(hi)).map(dateText);
    };
    // A `from` that does not match the rule is not an occurrence.
    expect(dates('FREQ=WEEKLY;BYDAY=MO', '2026-03-04', '2026-03-01', '2026-03-20')).toEqual(['2026-03-09', '2026-03-16']);
    expect(dates('FREQ=MONTHLY;BYDAY=2SU', '2026-01-01', '2026-01-01', '2026-04-30')).toEqual([
      '2026-01-11',
      '2026-02-08',
      '2026-03-08',
      '2026-04-12',
    ]);
    expect(dates('FREQ=MONTHLY;BYMONTHDAY=31', '2026-01-31', '2026-01-01', '2026-05-31')).toEqual([
      '2026-01-31',
      '2026-03-31',
      '2026-05-31',
    ]);
    expect(dates('FREQ=DAILY;INTERVAL=2;COUNT=3', '2026-03-07', '2026-03-01', '2026-03-31')).toEqual([
      '2026-03-07',
      '2026-03-09',
      '2026-03-11',
    ]);
    expect(dates('FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,SU', '2026-03-03', '2026-03-01', '2026-03-31')).toEqual([
      '2026-03-03',
      '2026-03-08',
      '2026-03-17',
      '2026-03-22',
      '2026-03-31',
    ]);
  });
});

describe('timeline on random valid configurations', () => {
  it('(a) intervals are sorted, non-empty, cover the period exactly, and equal neighbours are merged', () => {
    fc.assert(
      fc.property(genArb, (g) => {
        const p = prepare(g);
        const { from, to } = p.built.oracle.period;
        expect(p.timeline.period).toEqual({ from, to });
        const ids = p.timeline.portals.map((pt) => pt.portal.id);
        expect(ids).toEqual(p.built.oracle.portals.map((x) => x.id).sort());
        for (const pt of p.timeline.portals) {
          const iv = pt.intervals;
          const where = (k: number) => `portal ${pt.portal.id}, interval ${k}: ${JSON.stringify(iv[k])}`;
          if (!iv.length) fail(p.built, `portal ${pt.portal.id} has no intervals`);
          if (iv[0]!.start !== from) fail(p.built, `${where(0)} does not start at the period start ${from}`);
          if (iv[iv.length - 1]!.end !== to) fail(p.built, `${where(iv.length - 1)} does not end at the period end ${to}`);
          iv.forEach((i, k) => {
            if (!(i.end > i.start)) fail(p.built, `${where(k)} is empty`);
            if (k + 1 < iv.length) {
              const next = iv[k + 1]!;
              if (i.end !== next.start) fail(p.built, `${where(k)} ends where ${where(k + 1)} does not start`);
              if (JSON.stringify(normalize(i)) === JSON.stringify(normalize(next)))
                fail(p.built, `${where(k)} and the next carry the same fields: not merged`);
            }
            if (
              i.state === 'offline' &&
              (i.reason === 'override') !== ('override' in i && i.override !== undefined && 'scope' in i && i.scope !== undefined)
            ) {
              fail(p.built, `${where(k)}: override/scope present exactly when the reason is override`);
            }
          });
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('(b) every interval agrees with an independent SPEC §3.2 oracle at random and boundary instants', () => {
    fc.assert(
      fc.property(genArb, (g) => {
        const p = prepare(g);
        const { oracle } = p.built;
        const instants = probes(p, g.samples);
        for (const pt of p.timeline.portals) {
          const portal = oracle.portals.find((x) => x.id === pt.portal.id)!;
          for (const t of instants) {
            const interval = containing(pt.intervals, t);
            const expected = oracleAt(oracle, portal, t);
            const actual = interval && normalize(interval);
            if (JSON.stringify(actual) !== JSON.stringify(expected)) {
              fail(
                p.built,
                `portal ${portal.id} at ${describeInstant(oracle.zone, t)}:\n  expected ${JSON.stringify(expected)}\n  actual   ${JSON.stringify(actual)}` +
                  (interval ? ` in [${new Date(interval.start).toISOString()}, ${new Date(interval.end).toISOString()})` : ''),
              );
            }
          }
        }
        // Every override went offline while the oracle says its target would be online.
        const notOnline = p.findings.filter((f) => f.rule === 'offline-while-not-online');
        if (notOnline.length)
          fail(p.built, `offline-while-not-online reported for an override the oracle sees online: ${JSON.stringify(notOnline)}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('(c) statusAt agrees with the timeline interval containing the instant', () => {
    fc.assert(
      fc.property(genArb, (g) => {
        const p = prepare(g);
        const { oracle } = p.built;
        const { from, to } = oracle.period;
        const instants = g.samples.slice(0, 3).map((s) => from + Math.floor((s / 1_000_000) * (to - from)));
        // Also a boundary: where a state changes.
        const firstChange = p.timeline.portals[0]!.intervals[1]?.start;
        if (firstChange !== undefined) instants.push(firstChange);
        for (const t of instants) {
          const status = statusAt(p.config.model, t);
          expect(status.at).toBe(t);
          expect(status.portals.map((s) => s.id)).toEqual(p.timeline.portals.map((pt) => pt.portal.id));
          let anyOnline = false;
          status.portals.forEach((s, k) => {
            const interval = containing(p.timeline.portals[k]!.intervals, t)!;
            const online = interval.state === 'online';
            anyOnline ||= online;
            // SPEC §3.2 (1.1): switched off during staffed shifts, the people on shift are still
            // listed — the oracle's state with the switches left out.
            const switchedOff = interval.state === 'offline' && interval.reason === 'override';
            const working = switchedOff
              ? oracleAt(
                  oracle,
                  oracle.portals.find((op) => op.id === s.id)!,
                  t,
                  false,
                )
              : undefined;
            const staffing = interval.state === 'online' ? interval : working?.state === 'online' ? working : undefined;
            const expected = {
              online,
              reason: interval.state === 'online' ? null : interval.reason,
              newConversations: online ? 'accepted' : 'rejected',
              existingConversations: switchedOff ? 'continue' : null,
              shifts: staffing ? [...staffing.shifts] : [],
              staff: staffing ? [...staffing.staff] : [],
              humans: staffing ? [...staffing.humans] : [],
              // SPEC §3.2: listed in the legend unless its own switch is off; with one portal there
              // is only the organization switch.
              inLegend: oracle.portals.length === 1 || !oracle.switches.some((x) => x.portal === s.id && x.start <= t && t < x.end),
            };
            const actual = {
              online: s.online,
              reason: s.reason,
              newConversations: s.newConversations,
              existingConversations: s.existingConversations,
              shifts: s.shifts,
              staff: s.staff,
              humans: s.humans,
              inLegend: s.inLegend,
            };
            if (JSON.stringify(actual) !== JSON.stringify(expected)) {
              fail(
                p.built,
                `statusAt(${describeInstant(oracle.zone, t)}) portal ${s.id}:\n  expected ${JSON.stringify(expected)}\n  actual   ${JSON.stringify(actual)}`,
              );
            }
          });
          expect(status.organization.online).toBe(anyOnline);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
