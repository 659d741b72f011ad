/**
 * Public-holiday calendars from the `date-holidays` package (its data ships in the package; nothing
 * is fetched). Loading date-holidays costs ~100-140 ms, more than the rest of a `check`, so its
 * answers for 2024-2035 are precomputed into data/holidays/<COUNTRY>.json
 * (scripts/gen-holiday-tables.mjs) and read from there; for other years, or a country whose
 * sources differ from the tables' (see `tableSources`), the library itself is used. Either way the
 * answers are date-holidays' (a test compares them).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
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

/**
 * What date-holidays' answers for a country are made from, so that tables made by one release are
 * used by every release that would answer the same. date-holidays itself is its data — one YAML
 * file per country (`data/countries/XX.yaml`) and the shared `data/names.yaml`, compiled into
 * `lib/data.cjs` when it is published — and a 1 KB class that hands the data to
 * date-holidays-parser, which does all the computing. So a country's answers are fixed by its
 * YAML file, names.yaml, and the parser with its dependencies (calendars, Easter, time zones):
 * - `engine`: date-holidays' major version, the parser's version and its dependencies' versions;
 * - `names`: a hash of names.yaml;
 * - `countries`: a hash of each country's YAML file.
 * A release that fixes one country's data (most date-holidays releases, patch or minor) leaves
 * every other country on the tables; a new parser, or any of its dependencies, or a new major
 * version, uses the library for every country until `npm run gen:holidays` is run.
 */
export interface TableSources {
  engine: string;
  names: string;
  countries: Record<string, string>;
}

interface TableIndex extends TableSources {
  /** The date-holidays version that made the tables (for people; `engine` and the hashes decide). */
  version: string;
  years: [number, number];
  countries: Record<string, string>;
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

/** Where the installed date-holidays is: its package directory (tests point it at a copy). */
let holidaysDir: string | undefined;
function holidaysPackageDir(): string {
  holidaysDir ??= dirname(require.resolve('date-holidays/package.json'));
  return holidaysDir;
}

function sha256(path: string): string | undefined {
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 32);
  } catch {
    return undefined;
  }
}

/**
 * The package directory Node would load `name` from, for code in `from`: the nearest
 * `node_modules/<name>` up the tree (Node's lookup, without the cost of `require.resolve`).
 */
function packageDirFrom(from: string, name: string): string {
  for (let dir = from; ;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find ${name} from ${from}`);
    dir = parent;
  }
}

function versionOf(dir: string): { version: string; dependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string; dependencies?: Record<string, string> };
}

/** The installed date-holidays' engine key (see `TableSources`), or undefined if it cannot be read. */
export function installedEngine(dir = holidaysPackageDir()): string | undefined {
  try {
    const major = versionOf(dir).version.split('.')[0];
    const parserDir = packageDirFrom(dir, 'date-holidays-parser');
    const parser = versionOf(parserDir);
    const deps = Object.keys(parser.dependencies ?? {})
      .sort()
      .map((name) => `${name}@${versionOf(packageDirFrom(parserDir, name)).version}`);
    return [`date-holidays@${major}`, `date-holidays-parser@${parser.version}`, ...deps].join(' ');
  } catch {
    return undefined;
  }
}

/** The hash of names.yaml of the installed date-holidays. */
export function installedNamesHash(dir = holidaysPackageDir()): string | undefined {
  return sha256(join(dir, 'data', 'names.yaml'));
}

/** The hash of one country's YAML file in the installed date-holidays (undefined if it has none). */
export function installedCountryHash(country: string, dir = holidaysPackageDir()): string | undefined {
  return /^[A-Z0-9]+$/.test(country) ? sha256(join(dir, 'data', 'countries', `${country}.yaml`)) : undefined;
}

let index: TableIndex | null | undefined;
const countryTables = new Map<string, CountryTable | null>();

/** The tables' index, if the tables exist and the installed date-holidays computes as theirs did. */
function tableIndex(): TableIndex | null {
  if (index === undefined) {
    index = null;
    try {
      const file = new URL('index.json', TABLES);
      if (existsSync(file)) {
        const candidate = JSON.parse(readFileSync(file, 'utf8')) as TableIndex;
        if (candidate.engine === installedEngine() && candidate.names === installedNamesHash()) index = candidate;
      }
    } catch {
      index = null;
    }
  }
  return index;
}

/** A country's table, when the tables are usable and its data is the same as when they were made. */
function countryTable(country: string): CountryTable | null {
  let table = countryTables.get(country);
  if (table === undefined) {
    table = null;
    const hash = tableIndex()?.countries[country];
    if (hash !== undefined && hash === installedCountryHash(country)) {
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

/** Where a calendar's answers (2024-2035) come from: the precomputed tables or date-holidays itself. */
export function calendarSource(code: string): 'tables' | 'library' {
  return countryTable(splitCode(code)[0]!) ? 'tables' : 'library';
}

/**
 * Tests: read date-holidays' sources from another package directory (a copy with another version
 * or changed data), or from the installed one again (`undefined`); forgets what was read.
 */
export function useHolidaysPackage(dir: string | undefined): void {
  holidaysDir = dir;
  index = undefined;
  countryTables.clear();
  validity.clear();
  cache.clear();
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
    // A country the tables do not hold, or whose data changed since, is asked of the library (a
    // newer date-holidays may know a country the tables do not).
    const country = splitCode(key)[0];
    result = country && countryTable(country) ? checkWithTables(key) : computeCheck(key);
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
