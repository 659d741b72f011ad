import type { Source } from '../model/types.js';

import { replaceValue, yamlValue } from '../load/edits.js';
import { at, suggest, type ConfigRule } from './rule.js';
import { list } from '../words.js';

/**
 * Zones whose names read like local time but that never change their clocks: `EST` is UTC−5 all
 * year, so a New York line configured with it runs an hour late from March to November. The
 * POSIX-style `Etc/GMT±N` names have their sign reversed (`Etc/GMT+5` is UTC−5).
 */
const ABBREVIATIONS: Record<string, { offset: number; not?: string; usual: string[] }> = {
  EST: { offset: -5, not: 'Eastern Time, which moves its clocks in March and November', usual: ['America/New_York'] },
  MST: {
    offset: -7,
    not: 'Mountain Time, which moves its clocks in March and November',
    usual: ['America/Denver', 'America/Phoenix (Arizona, no daylight saving time)'],
  },
  HST: { offset: -10, usual: ['Pacific/Honolulu'] },
};

/** Places people usually mean by a standard offset (UTC+N), for the `Etc/GMT±N` advice. */
const PLACES_BY_OFFSET: Record<number, string[]> = {
  [-10]: ['Pacific/Honolulu'],
  [-9]: ['America/Anchorage'],
  [-8]: ['America/Los_Angeles'],
  [-7]: ['America/Denver', 'America/Phoenix'],
  [-6]: ['America/Chicago'],
  [-5]: ['America/New_York'],
  [-4]: ['America/Halifax'],
  [-3]: ['America/Sao_Paulo'],
  0: ['Europe/London'],
  1: ['Europe/Berlin'],
  2: ['Europe/Athens'],
  3: ['Europe/Moscow'],
  8: ['Australia/Perth'],
  9: ['Asia/Tokyo'],
  10: ['Australia/Sydney'],
  12: ['Pacific/Auckland'],
};

/**
 * The zones offered as suggestions (SPEC §5.7), most populous first and at most four: the zones
 * of places that use the offset as their standard time, the ones that never change their clocks
 * marked as such (docs/decisions.md).
 */
const SUGGESTED: Record<string, readonly string[]> = {
  EST: ['America/New_York', 'America/Toronto', 'America/Detroit', 'America/Indiana/Indianapolis'],
  MST: ['America/Denver', 'America/Edmonton', 'America/Boise', 'America/Phoenix'],
  HST: ['Pacific/Honolulu'],
};
const SUGGESTED_BY_OFFSET: Record<number, readonly string[]> = {
  [-10]: ['Pacific/Honolulu'],
  [-9]: ['America/Anchorage'],
  [-8]: ['America/Los_Angeles', 'America/Vancouver', 'America/Tijuana'],
  [-7]: ['America/Denver', 'America/Edmonton', 'America/Phoenix'],
  [-6]: ['America/Chicago', 'America/Winnipeg', 'America/Mexico_City'],
  [-5]: ['America/New_York', 'America/Toronto', 'America/Bogota'],
  [-4]: ['America/Halifax', 'America/Puerto_Rico'],
  [-3]: ['America/Sao_Paulo', 'America/Argentina/Buenos_Aires'],
  0: ['Europe/London', 'Europe/Dublin', 'Europe/Lisbon'],
  1: ['Europe/Berlin', 'Europe/Paris', 'Europe/Madrid', 'Africa/Lagos'],
  2: ['Europe/Athens', 'Europe/Helsinki', 'Africa/Johannesburg'],
  3: ['Europe/Moscow', 'Europe/Istanbul'],
  8: ['Australia/Perth', 'Asia/Singapore'],
  9: ['Asia/Tokyo', 'Asia/Seoul'],
  10: ['Australia/Sydney', 'Australia/Melbourne', 'Australia/Brisbane'],
  12: ['Pacific/Auckland'],
};
/** Suggested zones that keep one offset all year (the suggestion says so). */
const NO_DST = new Set([
  'America/Phoenix',
  'Pacific/Honolulu',
  'America/Bogota',
  'America/Puerto_Rico',
  'America/Argentina/Buenos_Aires',
  'America/Sao_Paulo',
  'Africa/Lagos',
  'Africa/Johannesburg',
  'Europe/Moscow',
  'Europe/Istanbul',
  'Australia/Perth',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Australia/Brisbane',
]);

/** The zones suggested instead of a fixed-offset zone, best first. */
export function suggestedZones(zone: string): readonly string[] {
  const named = SUGGESTED[zone];
  if (named) return named;
  const m = /^Etc\/GMT([+-])(\d{1,2})$/.exec(zone);
  return m ? (SUGGESTED_BY_OFFSET[(m[1] === '+' ? -1 : 1) * Number(m[2])] ?? []) : [];
}

function utcOffset(hours: number): string {
  return hours === 0 ? 'UTC' : `UTC${hours < 0 ? '−' : '+'}${Math.abs(hours)}`;
}

/** What a fixed-offset zone name means and the zones people usually mean by it, or undefined. */
export function fixedOffsetZone(zone: string): { meaning: string; usual: string[]; examples: boolean } | undefined {
  const abbreviation = ABBREVIATIONS[zone];
  if (abbreviation) {
    const not = abbreviation.not ? ` — not ${abbreviation.not}` : '';
    return {
      meaning: `${utcOffset(abbreviation.offset)} all year, with no daylight saving time${not}`,
      usual: abbreviation.usual,
      examples: false,
    };
  }
  const m = /^Etc\/GMT([+-])(\d{1,2})$/.exec(zone);
  if (!m || Number(m[2]) === 0) return undefined;
  // POSIX sign: `Etc/GMT+5` is five hours *behind* UTC.
  const offset = (m[1] === '+' ? -1 : 1) * Number(m[2]);
  return {
    meaning: `${utcOffset(offset)} all year (the sign of Etc/GMT names is reversed), with no daylight saving time`,
    usual: PLACES_BY_OFFSET[offset] ?? [],
    examples: true,
  };
}

/**
 * A valid IANA name for a fixed offset where the name suggests a place's local time (SPEC §4):
 * every shift is an hour off for half the year wherever the place observes daylight saving time.
 */
export const fixedOffsetTimezone: ConfigRule = {
  meta: {
    id: 'fixed-offset-timezone',
    severity: 'warn',
    description: 'a zone that never changes its clocks although the name suggests local time (EST, MST, HST, Etc/GMT±N)',
    kind: 'config',
    fixable: false,
  },
  check(ctx) {
    const { model } = ctx;
    const checkZone = (zone: string | undefined, source: Source, owner: string) => {
      const fixed = zone === undefined ? undefined : fixedOffsetZone(zone);
      if (!fixed) return;
      const use = !fixed.usual.length
        ? 'use the zone of the place (Area/City, e.g. Europe/Berlin)'
        : fixed.examples
          ? `use the zone of the place, e.g. ${list(fixed.usual, 'or')}`
          : `use ${list(fixed.usual, 'or')}`;
      ctx.report({
        at: at(source, ['timezone']),
        message: `${owner}: \`${zone}\` means ${fixed.meaning}: ${use}`,
        suggestions: suggestedZones(zone!).flatMap((z) =>
          suggest(`use ${z}${NO_DST.has(z) ? ' (no daylight saving time)' : ''}`, [
            replaceValue(source.doc, [...source.path, 'timezone'], yamlValue(z)),
          ]),
        ),
      });
    };
    for (const org of model.organizations) checkZone(org.timezone, org.source, 'organization');
    for (const s of model.shifts) checkZone(s.timezone, s.source, `shift \`${s.id}\``);
    for (const r of model.requirements) checkZone(r.timezone, r.source, `requirement \`${r.id}\``);
  },
};
