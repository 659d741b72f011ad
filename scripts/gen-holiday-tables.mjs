// Writes data/holidays/<COUNTRY>.json: every holiday (all types) of every calendar of date-holidays
// — countries, states, regions — for the years below, computed by date-holidays itself. At run time
// shiftready reads one small file instead of loading date-holidays (~100-140 ms); for other years,
// or a country whose sources differ from the ones recorded here, it uses the
// library. The index records what the answers are made from (src/holidays/calendars.ts,
// `TableSources`): date-holidays' major version, date-holidays-parser and its dependencies'
// versions, and hashes of names.yaml and of each country's YAML file, so a later date-holidays
// release keeps using the tables for every country whose data it did not change. Run after
// upgrading date-holidays: `npm run gen:holidays`.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const FIRST_YEAR = 2024;
export const LAST_YEAR = 2035;

const require = createRequire(import.meta.url);
const Holidays = require('date-holidays');
const version = JSON.parse(readFileSync(require.resolve('date-holidays/package.json'), 'utf8')).version;
const { computeYear, installedEngine, installedNamesHash, installedCountryHash } = await import('../dist/holidays/calendars.js');

const out = new URL('../data/holidays/', import.meta.url);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const hd = new Holidays();
const types = ['public', 'bank', 'school', 'optional', 'observance'];
for (const country of Object.keys(hd.getCountries()).sort()) {
  const codes = [country];
  for (const state of Object.keys(hd.getStates(country) ?? {}).sort()) {
    codes.push(`${country}-${state}`);
    for (const region of Object.keys(hd.getRegions(country, state) ?? {}).sort()) codes.push(`${country}-${state}-${region}`);
  }
  const names = [];
  const nameIndex = new Map();
  const calendars = {};
  for (const code of codes) {
    const years = {};
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      // [month * 100 + day, name index, type index] per holiday, flattened.
      years[year] = computeYear(code, year).flatMap((h) => {
        if (!nameIndex.has(h.name)) {
          nameIndex.set(h.name, names.length);
          names.push(h.name);
        }
        return [Number(h.date.slice(5, 7)) * 100 + Number(h.date.slice(8, 10)), nameIndex.get(h.name), types.indexOf(h.type)];
      });
    }
    calendars[code] = years;
  }
  writeFileSync(new URL(`${country}.json`, out), JSON.stringify({ version, years: [FIRST_YEAR, LAST_YEAR], types, names, calendars }));
}
const countries = Object.fromEntries(
  Object.keys(hd.getCountries())
    .sort()
    .map((country) => [country, installedCountryHash(country)]),
);
const missing = Object.keys(countries).filter((c) => countries[c] === undefined);
if (missing.length) throw new Error(`date-holidays has no data/countries/<code>.yaml for ${missing.join(', ')}`);
writeFileSync(
  new URL('index.json', out),
  JSON.stringify({
    version,
    engine: installedEngine(),
    names: installedNamesHash(),
    years: [FIRST_YEAR, LAST_YEAR],
    countries,
  }),
);
