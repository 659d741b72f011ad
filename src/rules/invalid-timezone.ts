import type { Source } from '../model/types.js';
import { didYouMean } from '../text.js';
import { checkZoneName } from '../time/zone.js';
import { at, type Rule } from './rule.js';

let zoneNames: string[] | undefined;
function knownZones(): string[] {
  zoneNames ??= [...Intl.supportedValuesOf('timeZone'), 'UTC'];
  return zoneNames;
}

/** Time zones must be IANA zone names, spelt as the database spells them. */
export const invalidTimezone: Rule = {
  meta: {
    id: 'invalid-timezone',
    severity: 'error',
    description: 'not an IANA zone name',
    kind: 'config',
  },
  check(ctx) {
    const { model } = ctx;
    const checkZone = (zone: string | undefined, source: Source, owner: string) => {
      if (zone === undefined) return;
      const result = checkZoneName(zone);
      if (result.ok) return;
      const guess = result.suggestion ?? didYouMean(zone, knownZones());
      const hint = guess ? `did you mean ${guess}?` : 'use a zone name such as America/Chicago or Europe/London';
      ctx.report({ at: at(source, ['timezone']), message: `${owner}: \`${zone}\` is not an IANA time zone name: ${hint}` });
    };
    for (const org of model.organizations) checkZone(org.timezone, org.source, 'organization');
    for (const s of model.shifts) checkZone(s.timezone, s.source, `shift \`${s.id}\``);
    for (const r of model.requirements) checkZone(r.timezone, r.source, `requirement \`${r.id}\``);
  },
};
