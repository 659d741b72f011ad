/**
 * Which date-holidays releases keep using the precomputed tables (data/holidays): a copy of the
 * installed package stands in for another release — another patch or minor version, one
 * country's data changed, another major version, another parser — and the tables are used exactly
 * for the countries whose answers cannot have changed.
 */
import { appendFileSync, cpSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { calendarSource, calendarYear, checkCalendar, computeYear, useHolidaysPackage } from '../../src/holidays/calendars.js';
import { tempDir } from '../helpers.js';

const require = createRequire(import.meta.url);
const INSTALLED = dirname(require.resolve('date-holidays/package.json'));
// date-holidays' own dependency (not shiftready's), found from date-holidays as Node finds it.
const PARSER_PACKAGE = ['date-holidays-parser', 'package.json'].join('/');
const PARSER = realpathSync(dirname(createRequire(join(INSTALLED, 'package.json')).resolve(PARSER_PACKAGE)));

/**
 * A stand-in release: `node_modules/date-holidays` with the installed package.json (its version
 * replaced) and data files, next to the installed date-holidays-parser.
 */
function release(version: string, change: (dir: string) => void = () => {}, parserVersion?: string): string {
  const root = tempDir();
  const modules = join(root, 'node_modules');
  const dir = join(modules, 'date-holidays');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...readJson(join(INSTALLED, 'package.json')), version }));
  cpSync(join(INSTALLED, 'data'), join(dir, 'data'), { recursive: true });
  if (parserVersion === undefined) {
    symlinkSync(PARSER, join(modules, 'date-holidays-parser'));
  } else {
    // A parser claiming another version, its dependencies the installed ones.
    const parser = readJson(join(PARSER, 'package.json')) as { dependencies: Record<string, string> };
    mkdirSync(join(modules, 'date-holidays-parser'));
    writeFileSync(join(modules, 'date-holidays-parser', 'package.json'), JSON.stringify({ ...parser, version: parserVersion }));
    const fromParser = createRequire(join(PARSER, 'package.json'));
    for (const dep of Object.keys(parser.dependencies)) {
      symlinkSync(dirname(fromParser.resolve(`${dep}/package.json`)), join(modules, dep));
    }
  }
  change(dir);
  return dir;
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

afterEach(() => useHolidaysPackage(undefined));

describe('precomputed holiday tables across date-holidays releases', () => {
  it('the installed release uses the tables', () => {
    useHolidaysPackage(undefined);
    expect(['US', 'DE', 'FR'].map(calendarSource)).toEqual(['tables', 'tables', 'tables']);
  });

  it('another patch or minor release with the same data keeps using them', () => {
    for (const version of ['3.37.1', '3.38.0', '3.99.12']) {
      useHolidaysPackage(release(version));
      expect(['US', 'DE', 'FR'].map(calendarSource), version).toEqual(['tables', 'tables', 'tables']);
    }
    // The answers are then the tables', which the library agrees with (test/report/holidays.test.ts).
    expect(calendarYear('US', 2026)).toEqual(computeYear('US', 2026));
  });

  it('a release that changes one country’s data uses the library for that country only', () => {
    useHolidaysPackage(release('3.37.1', (dir) => appendFileSync(join(dir, 'data', 'countries', 'DE.yaml'), '\n# fix(DE): …\n')));
    expect(['US', 'DE', 'FR'].map(calendarSource)).toEqual(['tables', 'library', 'tables']);
    // Still the right answers (from the installed library) and the same validity checks.
    expect(calendarYear('DE-BY', 2026).find((h) => h.date === '2026-01-06')?.name).toBe('Heilige Drei Könige');
    expect(checkCalendar('DE-BY')).toEqual({ ok: true });
    expect(checkCalendar('DE-XX').ok).toBe(false);
  });

  it('shared names changed, another major version, or a country the tables do not hold: the library', () => {
    useHolidaysPackage(release('3.37.1', (dir) => appendFileSync(join(dir, 'data', 'names.yaml'), '\n')));
    expect(calendarSource('US')).toBe('library');
    useHolidaysPackage(release('4.0.0'));
    expect(calendarSource('US')).toBe('library');
    useHolidaysPackage(release('3.37.1'));
    expect(calendarSource('ZZ')).toBe('library');
  });

  it('another parser version: the library; the same one: the tables', () => {
    const version = readJson(join(PARSER, 'package.json')).version as string;
    useHolidaysPackage(release('3.37.1', undefined, version));
    expect(calendarSource('US')).toBe('tables');
    useHolidaysPackage(release('3.37.1', undefined, `${version}-1`));
    expect(calendarSource('US')).toBe('library');
  });
});
