// Generates a large, realistic and valid shiftready organization for the benchmarks:
// 200 portals (chat and sms, each with its own program) in 40 regional groups, 20,000 users
// (one placeholder per group; admins, supervisors, enhanced and basic users with program
// assignments, messaging permissions, mobile alerts and away periods), 10,000 shift series
// (weekday, evening, overnight, weekend, daily, bi-weekly, monthly and one-off), overrides,
// requirements and holidays, split over files of well under 4 MB each.
//
// Deterministic: the same seed gives byte-identical files. `scale` (default 1) scales the groups
// (and so the portals), users, shift series, overrides, requirements and files in proportion;
// scale 1 writes exactly what the generator wrote before it had a scale.
//
//   node bench/generate.mjs [dir] [--seed N] [--scale S]
//   (default dir: <os tmpdir>/shiftready-bench-large, or shiftready-bench-large-x<S> if S is not 1)
import { mkdirSync, readdirSync, rmSync, writeFileSync, statSync, existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from '../scripts/prng.mjs';

/** Bump when the output changes, so a cached directory is regenerated. */
export const GENERATOR_VERSION = 3;
export const DEFAULT_SEED = 20260101;
export const DEFAULT_DIR = join(tmpdir(), 'shiftready-bench-large');
const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** The full size (scale 1). */
export const SIZES = {
  groups: 40,
  portalsPerGroup: 5,
  users: 20_000,
  shifts: 10_000,
  userFiles: 10,
  shiftFiles: 10,
  overridePortals: 48,
  requirements: 8,
};

/** The sizes at `scale`: everything but the portals per group (and so the density) in proportion. */
export function sizesAt(scale = 1) {
  if (!(scale > 0)) throw new Error(`scale must be a positive number, not ${scale}`);
  const of = (n, min = 1) => Math.max(min, Math.round(n * scale));
  const groups = of(SIZES.groups, 2); // a group's staff also help the next group
  const portals = groups * SIZES.portalsPerGroup;
  return {
    groups,
    portalsPerGroup: SIZES.portalsPerGroup,
    users: of(SIZES.users),
    // the same number of series per portal as at full size
    shifts: portals * (SIZES.shifts / (SIZES.groups * SIZES.portalsPerGroup)),
    userFiles: of(SIZES.userFiles),
    shiftFiles: of(SIZES.shiftFiles),
    overridePortals: Math.min(of(SIZES.overridePortals), portals),
    requirements: of(SIZES.requirements),
  };
}

/** The default directory of the organization at `scale` (under the OS's temporary directory). */
export function defaultDir(scale = 1, base = DEFAULT_DIR) {
  return scale === 1 ? base : `${base}-x${scale}`;
}

// --- deterministic randomness -------------------------------------------------------------

class Random {
  constructor(seed) {
    this.next = mulberry32(seed);
  }
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p) {
    return this.next() < p;
  }
  pick(list) {
    return list[Math.floor(this.next() * list.length)];
  }
  /** Picks by weight from [[value, weight], …]. */
  weighted(pairs) {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of pairs) {
      r -= w;
      if (r < 0) return v;
    }
    return pairs[pairs.length - 1][0];
  }
  /** k distinct items of list (k clamped to the list length), in list order. */
  sample(list, k) {
    k = Math.min(k, list.length);
    const chosen = new Set();
    while (chosen.size < k) chosen.add(Math.floor(this.next() * list.length));
    return [...chosen].sort((a, b) => a - b).map((i) => list[i]);
  }
}

// --- dates --------------------------------------------------------------------------------
const DAY = 86_400_000;
const isoDay = (ms) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (iso) => Date.parse(`${iso}T00:00:00Z`);
const weekday = (ms) => (new Date(ms).getUTCDay() + 6) % 7; // 0 = Monday
function randomDay(rng, fromIso, toIso) {
  return isoDay(dayMs(fromIso) + rng.int(0, (dayMs(toIso) - dayMs(fromIso)) / DAY) * DAY);
}
function randomWeekday(rng, fromIso, toIso) {
  for (;;) {
    const d = randomDay(rng, fromIso, toIso);
    if (weekday(dayMs(d)) < 5) return d;
  }
}
const hhmm = (minutes) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

// --- vocabulary ---------------------------------------------------------------------------
const REGION_A = ['North', 'South', 'East', 'West', 'Central', 'Upper', 'Lower', 'Greater'];
const REGION_B = ['Valley', 'County', 'Lakes', 'Prairie', 'Metro', 'Coast', 'Hills', 'River'];
const ZONES = [
  ['America/Chicago', 24],
  ['America/New_York', 8],
  ['America/Denver', 3],
  ['America/Los_Angeles', 4],
  ['America/Phoenix', 1],
];
const CHAT_SERVICES = [
  'crisis-chat',
  'teen-chat',
  'veterans-chat',
  'spanish-chat',
  'lgbtq-youth-chat',
  'grief-chat',
  'student-chat',
  'warmline-chat',
];
const SMS_SERVICES = ['crisis-text', 'teen-text', 'veterans-text', 'spanish-text', 'warmline-text', 'disaster-text', 'parent-text'];
const FIRST = [
  'Aaliyah',
  'Aaron',
  'Abigail',
  'Adam',
  'Aiden',
  'Alex',
  'Alicia',
  'Amir',
  'Ana',
  'Andre',
  'Ava',
  'Ben',
  'Bianca',
  'Blake',
  'Caleb',
  'Camila',
  'Carlos',
  'Casey',
  'Chloe',
  'Chris',
  'Dana',
  'Daniel',
  'Deja',
  'Devon',
  'Diego',
  'Elena',
  'Eli',
  'Emma',
  'Ethan',
  'Fatima',
  'Gabriel',
  'Grace',
  'Hana',
  'Hector',
  'Imani',
  'Isaac',
  'Jada',
  'Jamal',
  'Jane',
  'Jordan',
  'Jose',
  'Kai',
  'Keisha',
  'Kim',
  'Layla',
  'Leo',
  'Lina',
  'Logan',
  'Luis',
  'Maria',
  'Mason',
  'Maya',
  'Mei',
  'Mohammed',
  'Morgan',
  'Nadia',
  'Nia',
  'Noah',
  'Olivia',
  'Omar',
  'Priya',
  'Quinn',
  'Rafael',
  'Riley',
  'Rosa',
  'Sam',
  'Sara',
  'Sofia',
  'Tariq',
  'Taylor',
  'Tom',
  'Uma',
  'Victor',
  'Wei',
  'Xavier',
  'Yara',
  'Yusuf',
  'Zoe',
];
const LAST = [
  'Abbott',
  'Adeyemi',
  'Alvarez',
  'Anderson',
  'Baker',
  'Banerjee',
  'Becker',
  'Brown',
  'Campbell',
  'Castillo',
  'Chen',
  'Clark',
  'Cohen',
  'Davis',
  'Diaz',
  'Dubois',
  'Edwards',
  'Evans',
  'Fischer',
  'Flores',
  'Garcia',
  'Gonzalez',
  'Green',
  'Gupta',
  'Hall',
  'Harris',
  'Hernandez',
  'Hill',
  'Ito',
  'Jackson',
  'Johnson',
  'Kaur',
  'Khan',
  'Kim',
  'King',
  'Kowalski',
  'Lee',
  'Lewis',
  'Lopez',
  'Martin',
  'Martinez',
  'Mensah',
  'Miller',
  'Moore',
  'Morales',
  'Murphy',
  'Nguyen',
  "O'Brien",
  'Okafor',
  'Ortiz',
  'Patel',
  'Perez',
  'Petrov',
  'Phillips',
  'Ramirez',
  'Raman',
  'Reyes',
  'Rivera',
  'Roberts',
  'Robinson',
  'Rossi',
  'Sanchez',
  'Schmidt',
  'Scott',
  'Shah',
  'Silva',
  'Smith',
  'Sullivan',
  'Tanaka',
  'Taylor',
  'Thomas',
  'Thompson',
  'Torres',
  'Tran',
  'Walker',
  'Wang',
  'White',
  'Williams',
  'Wilson',
  'Wright',
  'Yamamoto',
  'Young',
  'Zhang',
];
const TITLES = {
  admin: ['Program Director', 'Clinical Director', 'Operations Manager'],
  supervisor: ['Shift Supervisor', 'Evening Supervisor', 'Clinical Supervisor'],
  enhanced: ['Shift Lead', 'Chat Lead', 'Text Lead', 'Senior Counselor'],
};
const OVERRIDE_NOTES = [
  'Staff meeting',
  'Team training',
  'System maintenance window',
  'All-hands debrief',
  'Network outage at the call center',
  'Supervision session',
  'Fire drill',
];
const slug = (s) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const q = (s) => JSON.stringify(s); // ASCII strings: a JSON string is a valid YAML double-quoted scalar

const HEADER = (what) => `# yaml-language-server: $schema=../schema/shiftready.schema.json
#
# ${what}
# Generated by bench/generate.mjs (synthetic benchmark data, deterministic).
shiftready: 1
`;

// --- the organization ---------------------------------------------------------------------
function buildOrganization(rng, sizes) {
  const groups = [];
  const regionNames = [];
  for (const a of REGION_A) for (const b of REGION_B) regionNames.push(`${a} ${b}`);
  const regions = rng.sample(regionNames, sizes.groups);
  for (let g = 0; g < sizes.groups; g++) {
    const code = `r${String(g + 1).padStart(2, '0')}`;
    const zone = g === 0 ? 'America/Chicago' : rng.weighted(ZONES);
    const portals = [];
    const used = new Set();
    for (let i = 0; i < sizes.portalsPerGroup; i++) {
      const type = i === 0 ? 'chat' : i === 1 ? 'sms' : rng.chance(0.55) ? 'chat' : 'sms';
      let service;
      do service = rng.pick(type === 'chat' ? CHAT_SERVICES : SMS_SERVICES);
      while (used.has(service));
      used.add(service);
      const id = `${code}-${service}`;
      const label = service
        .replace(/-/g, ' ')
        .replace(/\b\w/g, (c) => c.toUpperCase())
        .replace('Lgbtq', 'LGBTQ+')
        .replace('Sms', 'SMS');
      portals.push({ id, program: id, type, name: `${regions[g]} ${label}`, group: g, zone });
    }
    groups.push({ index: g, code, region: regions[g], zone, portals, phones: `${code}-phones`, users: [], leaders: [] });
  }
  return groups;
}

function buildUsers(rng, groups, sizes) {
  const users = [];
  const perGroupPlaceholder = groups.length;
  const regular = sizes.users - perGroupPlaceholder;
  for (const g of groups) {
    const types = [...new Set(g.portals.map((p) => p.type))].sort();
    const placeholder = {
      id: `placeholder-${g.code}`,
      name: `${g.region} Messaging Placeholder`,
      role: 'basic',
      placeholder: true,
      programs: g.portals.map((p) => p.program),
      canReceive: types,
      group: g.index,
      away: [],
    };
    g.placeholder = placeholder;
    users.push(placeholder);
  }
  for (let i = 0; i < regular; i++) {
    const g = groups[i % groups.length];
    const role = rng.weighted([
      ['admin', 2],
      ['supervisor', 6],
      ['enhanced', 12],
      ['basic', 80],
    ]);
    const first = rng.pick(FIRST);
    const last = rng.pick(LAST);
    const id = `${slug(first)}-${slug(last)}-${String(i + 1).padStart(5, '0')}`;
    const name = role === 'basic' ? `${first} ${last}` : `${first} ${last} (${rng.pick(TITLES[role])})`;
    let portalPrograms;
    const phoneOnly = role === 'basic' && rng.chance(0.02);
    if (phoneOnly) portalPrograms = [];
    else if (role === 'admin') portalPrograms = g.portals;
    else
      portalPrograms = rng.sample(
        g.portals,
        rng.weighted([
          [1, 50],
          [2, 35],
          [3, 12],
          [5, 3],
        ]),
      );
    if (!phoneOnly && rng.chance(0.04)) {
      // regional staff who also help the neighbouring group
      const other = groups[(g.index + 1) % groups.length];
      portalPrograms = [...portalPrograms, rng.pick(other.portals)];
    }
    const programs = portalPrograms.map((p) => p.program);
    if (phoneOnly || rng.chance(0.3)) programs.push(g.phones);
    if (rng.chance(0.05)) programs.push('all-programs');
    const canReceive = [...new Set(portalPrograms.map((p) => p.type))].sort();
    const away = [];
    if (rng.chance(0.12)) {
      const n = rng.weighted([
        [1, 60],
        [2, 30],
        [3, 10],
      ]);
      for (let k = 0; k < n; k++) {
        const kind = rng.weighted([
          ['day', 30],
          ['range', 55],
          ['hours', 15],
        ]);
        const from = randomDay(rng, '2025-11-01', '2026-12-20');
        if (kind === 'day') away.push(from);
        else if (kind === 'range') away.push({ from, to: isoDay(dayMs(from) + rng.int(1, 21) * DAY) });
        else {
          const h = rng.int(8, 18);
          away.push({ from: `${from}T${hhmm(h * 60)}`, to: `${from}T${hhmm((h + rng.int(2, 5)) * 60)}` });
        }
      }
    }
    const user = {
      id,
      name,
      role,
      placeholder: false,
      programs,
      canReceive,
      mobileAlerts: !phoneOnly && rng.chance(0.35),
      away,
      group: g.index,
      portalPrograms: portalPrograms.map((p) => p.program),
    };
    users.push(user);
    g.users.push(user);
    if (role === 'admin' || role === 'enhanced') g.leaders.push(user);
  }
  return users;
}

// --- shifts -------------------------------------------------------------------------------
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR'];
const ALL_DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const HOLIDAYS_2026 = ['2026-01-01', '2026-05-25', '2026-07-04', '2026-09-07', '2026-11-26', '2026-12-24', '2026-12-25', '2026-12-31'];

function byDaySet(rng, pool, min, max) {
  return rng.sample(pool, rng.int(min, max)).join(',');
}

/** One shift pattern: [kind, repeat | null (one-off), start minutes, end minutes]. */
function pattern(rng) {
  const kind = rng.weighted([
    ['weekday-day', 26],
    ['weekday-evening', 14],
    ['overnight', 12],
    ['weekend', 12],
    ['daily', 10],
    ['biweekly', 7],
    ['volunteer-slot', 10],
    ['monthly', 5],
    ['count', 2],
    ['one-off', 2],
  ]);
  const at = (h, quarterChance = 0.15) => h * 60 + (rng.chance(quarterChance) ? rng.pick([15, 30, 45]) : 0);
  switch (kind) {
    case 'weekday-day': {
      const start = at(rng.pick([6, 7, 8, 8, 9, 9, 9, 10, 11, 12, 13, 14]));
      const days = rng.chance(0.45) ? WEEKDAYS.join(',') : byDaySet(rng, WEEKDAYS, 1, 4);
      return [kind, `FREQ=WEEKLY;BYDAY=${days}`, start, Math.min(start + rng.int(3, 8) * 60, 23 * 60)];
    }
    case 'weekday-evening': {
      const start = at(rng.pick([16, 17, 17, 18, 19]));
      const end = rng.chance(0.2) ? 24 * 60 : at(rng.pick([21, 22, 22, 23]), 0.1);
      const days = rng.chance(0.5) ? WEEKDAYS.join(',') : byDaySet(rng, ALL_DAYS, 2, 6);
      return [kind, `FREQ=WEEKLY;BYDAY=${days}`, start, end];
    }
    case 'overnight': {
      const start = at(rng.pick([20, 21, 22, 22, 23]), 0.1);
      const end = at(rng.pick([2, 4, 6, 6, 7, 8]), 0.1);
      const repeat = rng.weighted([
        ['FREQ=DAILY', 4],
        ['FREQ=WEEKLY;BYDAY=FR,SA', 3],
        ['FREQ=WEEKLY;BYDAY=SU,MO,TU,WE,TH', 2],
        [`FREQ=WEEKLY;BYDAY=${byDaySet(rng, ALL_DAYS, 1, 5)}`, 3],
      ]);
      return [kind, repeat, start, end];
    }
    case 'weekend': {
      const start = at(rng.pick([8, 9, 10, 10, 12, 14, 18]));
      const days = rng.weighted([
        ['SA,SU', 6],
        ['SA', 2],
        ['SU', 2],
        ['FR,SA,SU', 1],
      ]);
      return [kind, `FREQ=WEEKLY;BYDAY=${days}`, start, rng.chance(0.1) ? 24 * 60 : Math.min(start + rng.int(4, 8) * 60, 23 * 60 + 30)];
    }
    case 'daily': {
      const start = at(rng.pick([0, 6, 7, 8, 9, 12, 14, 16, 18]));
      const end = rng.chance(0.1) ? start : (start + rng.int(4, 10) * 60) % (24 * 60); // start == end: a 24-hour shift
      return [kind, rng.chance(0.85) ? 'FREQ=DAILY' : `FREQ=DAILY;INTERVAL=${rng.int(2, 3)}`, start, end === 0 ? 24 * 60 : end];
    }
    case 'biweekly': {
      const start = at(rng.pick([9, 10, 13, 17, 18]));
      return [kind, `FREQ=WEEKLY;INTERVAL=2;BYDAY=${byDaySet(rng, ALL_DAYS, 1, 3)}`, start, start + rng.int(3, 5) * 60];
    }
    case 'volunteer-slot': {
      const start = at(rng.pick([10, 12, 14, 15, 16, 18, 19]), 0.3);
      return [kind, `FREQ=WEEKLY;BYDAY=${rng.pick(ALL_DAYS)}`, start, start + rng.int(2, 4) * 60];
    }
    case 'monthly': {
      const repeat = rng.weighted([
        [`FREQ=MONTHLY;BYDAY=${rng.pick(['1', '2', '3', '-1'])}${rng.pick(ALL_DAYS)}`, 5],
        [`FREQ=MONTHLY;BYMONTHDAY=${rng.pick(['1', '15', '1,15', '-1'])}`, 3],
        ['FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', 2],
      ]);
      const start = at(rng.pick([9, 10, 13, 18]));
      return [kind, repeat, start, start + rng.int(3, 6) * 60];
    }
    case 'count': {
      const start = at(rng.pick([10, 15, 18]));
      return [kind, `FREQ=WEEKLY;BYDAY=${byDaySet(rng, WEEKDAYS, 1, 2)};COUNT=${rng.int(8, 40)}`, start, start + rng.int(2, 4) * 60];
    }
    case 'one-off': {
      const start = at(rng.pick([9, 10, 12, 14, 18]));
      return [kind, null, start, start + rng.int(3, 6) * 60];
    }
  }
  throw new Error(kind);
}

function buildShifts(rng, groups, byId, sizes) {
  const shifts = [];
  const allPortals = groups.flatMap((g) => g.portals);
  const perPortal = sizes.shifts / allPortals.length;
  const eligible = new Map(allPortals.map((p) => [p.program, []]));
  for (const g of groups) {
    for (const u of g.users) for (const p of u.portalPrograms) eligible.get(p).push(u);
  }
  // (users of the neighbouring group who also hold one of these programs are in the lists too)
  for (const portal of allPortals) {
    const g = groups[portal.group];
    const pool = eligible.get(portal.program).filter((u) => u.canReceive.includes(portal.type));
    const steady = pool.filter((u) => u.away.length === 0);
    if (steady.length < 8) throw new Error(`too few users for ${portal.id}`);
    portal.anchorHumans = rng.sample(steady, 3);
    const counters = new Map();
    for (let n = 0; n < perPortal; n++) {
      let kind,
        repeat,
        start,
        end,
        from,
        staff,
        minStaff = 1,
        until,
        except,
        ruleUntil;
      if (n === 0) {
        // The portal's core daytime shift: every weekday, placeholder plus steady staff. Overrides
        // and requirements below rely on it.
        [kind, repeat, start, end] = ['core-day', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', 9 * 60, 17 * 60];
        from = randomWeekday(rng, '2025-01-06', '2025-10-31');
        staff = [g.placeholder.id, ...portal.anchorHumans.map((u) => u.id)];
      } else {
        [kind, repeat, start, end] = pattern(rng);
        end = Math.min(end, 24 * 60); // "24:00" at the latest
        from = rng.chance(0.55) ? randomDay(rng, '2025-01-01', '2025-12-31') : randomDay(rng, '2026-01-01', '2026-11-30');
        minStaff = rng.weighted([
          [1, 85],
          [2, 12],
          [3, 3],
        ]);
        const withPlaceholder = rng.chance(0.7);
        const size = rng.int(Math.max(2, minStaff), 6);
        const humans = rng.sample(pool, withPlaceholder ? size - 1 : size).map((u) => u.id);
        staff = withPlaceholder ? [g.placeholder.id, ...humans] : humans;
        if (staff.length < minStaff) minStaff = staff.length;
        if (repeat && rng.chance(0.22)) until = isoDay(Math.max(dayMs(from) + rng.int(30, 500) * DAY, dayMs('2026-02-01')));
        if (repeat && !until && !repeat.includes('COUNT=') && rng.chance(0.03)) ruleUntil = '20261231T235959';
        if (repeat && rng.chance(0.18)) except = rng.sample(HOLIDAYS_2026, rng.int(1, 3));
        if (repeat === null) from = randomDay(rng, '2026-01-01', '2026-12-31');
      }
      const c = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, c);
      const shift = {
        id: `${portal.id}-${kind}-${String(c).padStart(2, '0')}`,
        program: portal.program,
        messaging: portal.type,
        start: hhmm(start),
        end: hhmm(end),
        staff,
        minStaff,
        portal,
      };
      if (repeat === null) shift.date = from;
      else {
        shift.repeat = ruleUntil ? `${repeat};UNTIL=${ruleUntil}` : repeat;
        shift.from = from;
        if (until) shift.until = until;
        if (except) shift.except = except;
      }
      if (portal.zone !== 'America/Chicago' || rng.chance(0.03)) shift.timezone = portal.zone;
      if (byId.has(shift.id)) throw new Error(`duplicate shift id ${shift.id}`);
      byId.set(shift.id, shift);
      shifts.push(shift);
    }
  }
  return shifts;
}

// --- overrides and requirements -----------------------------------------------------------
function buildOverrides(rng, groups, sizes) {
  const overrides = [];
  const portals = groups.flatMap((g) => g.portals);
  const withOverrides = rng.sample(portals, sizes.overridePortals);
  const orgDates = new Set();
  while (orgDates.size < 3) orgDates.add(randomWeekday(rng, '2026-02-02', '2026-11-20'));
  const admins = groups.flatMap((g) => g.leaders.filter((u) => u.role === 'admin'));
  [...orgDates].sort().forEach((date, i) => {
    overrides.push({
      id: `org-wide-${date}`,
      offline: `${date}T11:30`,
      online: `${date}T12:30`,
      by: rng.pick(admins).id,
      note: i === 0 ? 'Phone system migration: all portals paused' : rng.pick(OVERRIDE_NOTES),
    });
  });
  let anonymous = true;
  for (const portal of withOverrides) {
    const g = groups[portal.group];
    const dates = new Set();
    const n = rng.int(1, 2);
    while (dates.size < n) {
      const d = randomWeekday(rng, '2026-01-12', '2026-12-18');
      if (!orgDates.has(d)) dates.add(d);
    }
    for (const date of [...dates].sort()) {
      // 11:45-13:00 in the organization's zone lies inside every group's 09:00-17:00 core shift.
      const o = {
        id: `${portal.id}-off-${date}`,
        portal: portal.id,
        offline: `${date}T11:45`,
        online: `${date}T13:00`,
        by: rng.pick(g.leaders).id,
        note: rng.pick(OVERRIDE_NOTES),
      };
      if (date < '2026-03-01' && rng.chance(0.3)) {
        // January and February: Chicago is UTC-6, so the same moments with Z
        Object.assign(o, { offline: `${date}T17:45Z`, online: `${date}T19:00Z` });
      }
      if (anonymous) {
        delete o.id; // named by its index
        anonymous = false;
      }
      overrides.push(o);
    }
  }
  return { overrides, orgDates: [...orgDates].sort(), portalsWithOverrides: new Set(withOverrides.map((p) => p.id)) };
}

function buildRequirements(rng, groups, overrideInfo, sizes) {
  const candidates = groups.flatMap((g) => g.portals).filter((p) => !overrideInfo.portalsWithOverrides.has(p.id));
  return rng.sample(candidates, sizes.requirements).map((portal, i) => {
    const r = {
      id: `${portal.id}-core-hours`,
      portal: portal.id,
      repeat: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
      from: '2026-01-05',
      start: '10:00',
      end: '16:00',
      except: overrideInfo.orgDates,
      minHumans: i % 2,
    };
    if (portal.zone !== 'America/Chicago') r.timezone = portal.zone;
    return r;
  });
}

// --- YAML writers -------------------------------------------------------------------------
const flow = (list) => `[${list.join(', ')}]`;

function userYaml(u) {
  let s = `  - id: ${u.id}\n    name: ${q(u.name)}\n    role: ${u.role}\n`;
  if (u.placeholder) s += '    placeholder: true\n';
  s += `    programs: ${flow(u.programs)}\n`;
  if (u.canReceive.length) s += `    canReceive: ${flow(u.canReceive)}\n`;
  if (u.mobileAlerts) s += '    mobileAlerts: true\n';
  if (u.away.length) {
    s += '    away:\n';
    for (const a of u.away) s += typeof a === 'string' ? `      - ${a}\n` : `      - { from: ${a.from}, to: ${a.to} }\n`;
  }
  return s;
}

function shiftYaml(sh) {
  let s = `  - id: ${sh.id}\n    program: ${sh.program}\n    messaging: ${sh.messaging}\n    start: "${sh.start}"\n    end: "${sh.end}"\n`;
  if (sh.date) s += `    date: ${sh.date}\n`;
  else {
    s += `    repeat: ${sh.repeat}\n    from: ${sh.from}\n`;
    if (sh.until) s += `    until: ${sh.until}\n`;
    if (sh.except) s += `    except: ${flow(sh.except)}\n`;
  }
  if (sh.timezone) s += `    timezone: ${sh.timezone}\n`;
  if (sh.minStaff !== 1) s += `    minStaff: ${sh.minStaff}\n`;
  s += `    staff: ${flow(sh.staff)}\n`;
  return s;
}

function overrideYaml(o) {
  const lines = [];
  if (o.id) lines.push(`id: ${o.id}`);
  if (o.portal) lines.push(`portal: ${o.portal}`);
  lines.push(`offline: ${o.offline}`, `online: ${o.online}`, `by: ${o.by}`, `note: ${q(o.note)}`);
  const head = o.id ? '' : '  # no id: named by its position in the merged overrides list\n';
  return `${head}${lines.map((l, i) => `${i === 0 ? '  - ' : '    '}${l}\n`).join('')}`;
}

function requirementYaml(r) {
  let s = `  - id: ${r.id}\n    portal: ${r.portal}\n    repeat: ${r.repeat}\n    from: ${r.from}\n    start: "${r.start}"\n    end: "${r.end}"\n`;
  if (r.except.length) s += `    except: ${flow(r.except)}\n`;
  if (r.timezone) s += `    timezone: ${r.timezone}\n`;
  s += `    minHumans: ${r.minHumans}\n`;
  return s;
}

function chunk(list, parts) {
  const size = Math.ceil(list.length / parts);
  const out = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Writes the organization into `dir` (replacing earlier generated files) and returns a summary. */
export function generate(dir = DEFAULT_DIR, { seed = DEFAULT_SEED, scale = 1 } = {}) {
  const sizes = sizesAt(scale);
  const rng = new Random(seed);
  const groups = buildOrganization(rng, sizes);
  const users = buildUsers(rng, groups, sizes);
  const shifts = buildShifts(rng, groups, new Map(), sizes);
  const overrideInfo = buildOverrides(rng, groups, sizes);
  const requirements = buildRequirements(rng, groups, overrideInfo, sizes);
  const portals = groups.flatMap((g) => g.portals);

  const files = new Map();
  files.set(
    'organization.yaml',
    `${HEADER('The organization, its holidays and rule settings.')}
organization:
  id: great-lakes-helpline-network
  name: Great Lakes Helpline Network
  timezone: America/Chicago
  offlineControl: [admin, enhanced]
  offlineMessages:
    chat: "We apologize...The Chat is currently unavailable. Please try back later"
    sms: "Our text line is closed right now. If you are in danger call 911, or call or text 988 any time."

holidays:
  calendars: [US]
  dates:
    - { date: 2026-12-24, name: Christmas Eve }
    - { date: 2026-12-31, name: New Year's Eve }
  expect: either
`,
  );
  let pp = `${HEADER(`${sizes.groups} regional groups, each with ${sizes.portalsPerGroup} messaging portals and a phone-line program.`)}\nprograms:\n  - id: all-programs\n    name: All Programs\n`;
  for (const g of groups) {
    pp += `  # ${g.region} (${g.zone})\n`;
    for (const p of g.portals) pp += `  - id: ${p.program}\n    name: ${q(`${p.name} Program`)}\n`;
    pp += `  - id: ${g.phones}\n    name: ${q(`${g.region} Phone Lines`)}\n`;
  }
  pp += '\nportals:\n';
  for (const p of portals) pp += `  - id: ${p.id}\n    name: ${q(p.name)}\n    type: ${p.type}\n    program: ${p.program}\n`;
  files.set('programs-and-portals.yaml', pp);

  chunk(users, sizes.userFiles).forEach((part, i) => {
    files.set(
      `users-${String(i + 1).padStart(3, '0')}.yaml`,
      `${HEADER(`Users, part ${i + 1} of ${sizes.userFiles}.`)}\nusers:\n${part.map(userYaml).join('')}`,
    );
  });
  chunk(shifts, sizes.shiftFiles).forEach((part, i) => {
    const first = part[0].portal.id;
    const last = part[part.length - 1].portal.id;
    files.set(
      `shifts-${String(i + 1).padStart(3, '0')}.yaml`,
      `${HEADER(`Messaging shifts of portals ${first} … ${last}.`)}\nshifts:\n${part.map(shiftYaml).join('')}`,
    );
  });
  files.set(
    'overrides.yaml',
    `${HEADER('Portals and the organization switched offline by hand.')}\noverrides:\n${overrideInfo.overrides.map(overrideYaml).join('')}`,
  );
  files.set('requirements.yaml', `${HEADER('Coverage that CI must see.')}\nrequirements:\n${requirements.map(requirementYaml).join('')}`);

  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(dir)) if (/\.(ya?ml)$|^manifest\.json$/.test(name)) rmSync(join(dir, name));
  let bytes = 0;
  for (const [name, text] of files) {
    const size = Buffer.byteLength(text);
    if (size >= MAX_FILE_BYTES) throw new Error(`${name} is ${size} bytes; shiftready reads files of up to ${MAX_FILE_BYTES}`);
    bytes += size;
    writeFileSync(join(dir, name), text);
  }
  const summary = {
    generator: GENERATOR_VERSION,
    seed,
    scale,
    files: files.size,
    bytes,
    largestFile: Math.max(...[...files.values()].map((t) => Buffer.byteLength(t))),
    portals: portals.length,
    chatPortals: portals.filter((p) => p.type === 'chat').length,
    smsPortals: portals.filter((p) => p.type === 'sms').length,
    programs: portals.length + groups.length + 1,
    users: users.length,
    placeholders: users.filter((u) => u.placeholder).length,
    usersAway: users.filter((u) => u.away.length).length,
    shifts: shifts.length,
    oneOffShifts: shifts.filter((s) => s.date).length,
    shiftsWithPlaceholder: shifts.filter((s) => s.staff[0].startsWith('placeholder-')).length,
    overrides: overrideInfo.overrides.length,
    requirements: requirements.length,
    subsetFile: 'shifts-001.yaml',
    subsetShifts: chunk(shifts, sizes.shiftFiles)[0].length,
  };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

/** The summary of a generated directory if it is current for this generator and seed, else undefined. */
export function existing(dir = DEFAULT_DIR, { seed = DEFAULT_SEED, scale = 1 } = {}) {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) return undefined;
  try {
    const m = JSON.parse(readFileSync(path, 'utf8'));
    // (manifests written before the scale existed are of scale 1)
    if (m.generator !== GENERATOR_VERSION || m.seed !== seed || (m.scale ?? 1) !== scale) return undefined;
    const yamls = readdirSync(dir).filter((n) => n.endsWith('.yaml'));
    if (yamls.length !== m.files || yamls.reduce((s, n) => s + statSync(join(dir, n)).size, 0) !== m.bytes) return undefined;
    return m;
  } catch {
    return undefined;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const seedAt = args.indexOf('--seed');
  const seed = seedAt >= 0 ? Number(args.splice(seedAt, 2)[1]) : DEFAULT_SEED;
  const scaleAt = args.indexOf('--scale');
  const scale = scaleAt >= 0 ? Number(args.splice(scaleAt, 2)[1]) : 1;
  const dir = args[0] ?? defaultDir(scale);
  const t0 = performance.now();
  const summary = generate(dir, { seed, scale });
  console.log(`wrote ${dir} in ${(performance.now() - t0).toFixed(0)} ms`);
  console.log(JSON.stringify(summary, null, 2));
}
