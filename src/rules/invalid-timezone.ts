import type { Source } from '../model/types.js';
import { didYouMean } from '../text.js';
import { IANA_ZONE_NAMES } from '../time/iana-zones.js';
import { checkZoneName } from '../time/zone.js';
import { at, type ConfigRule } from './rule.js';

function knownZones(): Iterable<string> {
  return IANA_ZONE_NAMES;
}

/** Time zones must be IANA zone names, spelt as the database spells them. */
export const invalidTimezone: ConfigRule = {
  meta: {
    id: 'invalid-timezone',
    severity: 'error',
    description: 'not an IANA zone name',
    kind: 'config',
    fixable: false,
    structural: true,
  },
  check(ctx) {
    const { model } = ctx;
    const checkZone = (zone: string | undefined, source: Source, owner: string) => {
      if (zone === undefined) return;
      const result = checkZoneName(zone);
      if (result.ok) return;
      // A near spelling of an abbreviation is another abbreviation (IST is not EST): no guess.
      const guess = result.suggestion ?? (result.abbreviation ? undefined : didYouMean(zone, knownZones()));
      const hint = guess
        ? `did you mean ${guess}?`
        : result.abbreviation
          ? 'abbreviations such as CST or BST are not zone names (and are ambiguous): use a name such as America/Chicago or Europe/London'
          : 'use a zone name such as America/Chicago or Europe/London';
      ctx.report({ at: at(source, ['timezone']), message: `${owner}: \`${zone}\` is not an IANA time zone name: ${hint}` });
    };
    for (const org of model.organizations) checkZone(org.timezone, org.source, 'organization');
    for (const s of model.shifts) checkZone(s.timezone, s.source, `shift \`${s.id}\``);
    for (const r of model.requirements) checkZone(r.timezone, r.source, `requirement \`${r.id}\``);
  },
};
