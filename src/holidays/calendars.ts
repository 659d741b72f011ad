/**
 * Public-holiday calendars from the `date-holidays` package (its data ships in the package; nothing
 * is fetched). Loading date-holidays costs ~100-140 ms, more than the rest of a `check`, so its
 * answers for 2024-2035 are precomputed into data/holidays/<COUNTRY>.json
 * (scripts/gen-holiday-tables.mjs) and read from there; for other years, or when the installed
 * date-holidays version differs from the tables', the library itself is used. Either way the
 * answers are date-holidays' (a test compares them).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { packageFile } from '../paths.js';
import { FIRST_YEAR, LAST_YEAR } from '../time/civil.js';

/** One holiday of a calendar, on a whole local date. */
export interface CalendarHoliday {
  /** YYYY-MM-DD, in the calendar's own local time. */
  date: string;
  name: string;
  type: string;
}

export type CalendarCheck = { ok: true } | { ok: false; problem: string };

interface HolidaysInstance {
  getHolidays(year: number): { date: string; start: Date; end: Date; name: string; type: string }[];
  getCountries(): Record<string, string>;
  getStates(country: string): Record<string, string> | undefined;
  getRegions(country: string, state: string): Record<string, string> | undefined;
}
type HolidaysClass = new (...args: unknown[]) => HolidaysInstance;

const require = createRequire(import.meta.url);

let library: HolidaysClass | undefined;
function holidaysLibrary(): HolidaysClass {
  if (!library) {
    const mod = require('date-holidays') as HolidaysClass | { default: HolidaysClass };
    library = typeof mod === 'function' ? mod : mod.default;
  }
  return library;
}

// ------------------------------------------------------------------------- precomputed tables

interface TableIndex {
  version: string;
  years: [number, number];
  countries: string[];
}

interface CountryTable {
  version: string;
  years: [number, number];
  types: string[];
  names: string[];
  /** code → year → flattened [month * 100 + day, name index, type index] triples. */
  calendars: Record<string, Record<string, number[]>>;
}

const TABLES = packageFile('data/holidays/');
let index: TableIndex | null | undefined;
const countryTables = new Map<string, CountryTable | null>();

/** The tables' index, if the tables exist and were made by the installed date-holidays. */
function tableIndex(): TableIndex | null {
  if (index === undefined) {
    index = null;
    try {
      const file = new URL('index.json', TABLES);
      if (existsSync(file)) {
        const candidate = JSON.parse(readFileSync(file, 'utf8')) as TableIndex;
        const installed = (JSON.parse(readFileSync(require.resolve('date-holidays/package.json'), 'utf8')) as { version: string }).version;
        if (candidate.version === installed) index = candidate;
      }
    } catch {
      index = null;
    }
  }
  return index;
}

function countryTable(country: string): CountryTable | null {
  let table = countryTables.get(country);
  if (table === undefined) {
    table = null;
    const idx = tableIndex();
    if (idx?.countries.includes(country)) {
      try {
        table = JSON.parse(readFileSync(new URL(`${country}.json`, TABLES), 'utf8')) as CountryTable;
      } catch {
        table = null;
      }
    }
    countryTables.set(country, table);
  }
  return table;
}

// ------------------------------------------------------------------------------------ queries

/** The parts of a calendar code: country, then state, then region (`DE-BY-A`). */
export function splitCode(code: string): string[] {
  return code.toUpperCase().split('-');
}

const validity = new Map<string, CalendarCheck>();

/** Whether a code names a country (and state, region) that date-holidays knows. */
export function checkCalendar(code: string): CalendarCheck {
  const key = code.toUpperCase();
  let result = validity.get(key);
  if (!result) {
    result = tableIndex() ? checkWithTables(key) : computeCheck(key);
    validity.set(key, result);
  }
  return result;
}

function notACalendar(code: string): CalendarCheck {
  return {
    ok: false,
    problem: `\`${code}\` is not a calendar: use a country code (ISO 3166-1, e.g. US, GB, DE), optionally with a state or region (US-IL, DE-BY)`,
  };
}

function unknownPart(code: string, parent: string, part: string, kind: 'state' | 'region', known: string[]): CalendarCheck {
  const sorted = [...known].sort();
  const list = sorted.length
    ? ` (its ${kind === 'state' ? 'states' : 'regions'} are ${sorted.slice(0, 15).join(', ')}${sorted.length > 15 ? ', …' : ''})`
    : '';
  return { ok: false, problem: `\`${code}\`: ${parent} has no ${kind} ${part} in the calendar data${list}` };
}

function checkWithTables(code: string): CalendarCheck {
  const [country, state, region, ...rest] = splitCode(code);
  const table = country ? countryTable(country) : null;
  if (!table || rest.length) return notACalendar(code);
  if (table.calendars[code]) return { ok: true };
  if (region === undefined) {
    const states = Object.keys(table.calendars)
      .filter((c) => c.split('-').length === 2)
      .map((c) => c.split('-')[1]!);
    return unknownPart(code, country!, state!, 'state', states);
  }
  if (!table.calendars[`${country}-${state}`]) return checkWithTables(`${country}-${state}`);
  const regions = Object.keys(table.calendars)
    .filter((c) => c.startsWith(`${country}-${state}-`))
    .map((c) => c.split('-')[2]!);
  return unknownPart(code, `${country}-${state}`, region, 'region', regions);
}

/** The same answer from date-holidays itself. */
export function computeCheck(code: string): CalendarCheck {
  const [country, state, region, ...rest] = splitCode(code);
  const hd = new (holidaysLibrary())();
  if (!country || !hd.getCountries()[country] || rest.length) return notACalendar(code);
  if (state === undefined) return { ok: true };
  const states = Object.keys(hd.getStates(country) ?? {});
  if (!states.includes(state)) return unknownPart(code, country, state, 'state', states);
  if (region === undefined) return { ok: true };
  const regions = Object.keys(hd.getRegions(country, state) ?? {});
  return regions.includes(region) ? { ok: true } : unknownPart(code, `${country}-${state}`, region, 'region', regions);
}

const cache = new Map<string, CalendarHoliday[]>();

/** Every holiday of a known calendar in one year (all types), sorted by date. */
export function calendarYear(code: string, year: number): CalendarHoliday[] {
  // date-holidays fails (IR), hangs (CN, HK, KR, …) or answers year 0 outside these years
  // (SPEC §3.1); callers never ask, and this makes sure.
  if (!Number.isInteger(year) || year < FIRST_YEAR || year > LAST_YEAR) throw new RangeError(`no holiday calendars for year ${year}`);
  const key = `${code.toUpperCase()}|${year}`;
  let list = cache.get(key);
  if (!list) {
    list = fromTables(code.toUpperCase(), year) ?? computeYear(code, year);
    cache.set(key, list);
  }
  return list;
}

function fromTables(code: string, year: number): CalendarHoliday[] | undefined {
  const table = countryTable(splitCode(code)[0]!);
  if (!table || year < table.years[0] || year > table.years[1]) return undefined;
  const flat = table.calendars[code]?.[String(year)];
  if (!flat) return undefined;
  const out: CalendarHoliday[] = [];
  for (let i = 0; i < flat.length; i += 3) {
    const md = flat[i]!;
    out.push({
      date: `${year}-${String(Math.floor(md / 100)).padStart(2, '0')}-${String(md % 100).padStart(2, '0')}`,
      name: table.names[flat[i + 1]!]!,
      type: table.types[flat[i + 2]!]!,
    });
  }
  return out;
}

/** One year of a calendar from date-holidays itself. */
export function computeYear(code: string, year: number): CalendarHoliday[] {
  const [country, state, region] = splitCode(code);
  const hd = new (holidaysLibrary())(country, state, region);
  const out: CalendarHoliday[] = [];
  for (const h of hd.getHolidays(year)) {
    // A holiday can last several days (its end is after the next midnight); list each date.
    const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / 86_400_000));
    const first = h.date.slice(0, 10);
    for (let i = 0; i < days; i++) {
      const d = new Date(`${first}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + i);
      out.push({ date: d.toISOString().slice(0, 10), name: h.name, type: h.type });
    }
  }
  // Stable: by date, then as date-holidays lists them.
  return out
    .map((h, i) => ({ h, i }))
    .sort((a, b) => (a.h.date < b.h.date ? -1 : a.h.date > b.h.date ? 1 : a.i - b.i))
    .map(({ h }) => h);
}
