import { at, indexIn, related, type ConfigRule } from './rule.js';

/**
 * Configuration that contradicts `organization.staffing` (SPEC §3.2): under `placeholder` humans
 * are not tracked, so `minHumans` cannot be checked; under `registered` no placeholder holds a
 * shift, since it would bring the portal online with nobody registered.
 */
export const staffingMismatch: ConfigRule = {
  meta: {
    id: 'staffing-mismatch',
    severity: 'error',
    description: 'configuration that contradicts the chosen staffing model (organization.staffing)',
    kind: 'config',
    fixable: false,
  },
  check(ctx) {
    const { model } = ctx;
    const org = model.organization;
    if (!org) return;
    const chosen = related(org.source, `staffing: ${org.staffing} is chosen here`, ['staffing']);
    if (org.staffing === 'placeholder') {
      for (const r of model.requirements) {
        if (r.minHumans === 0) continue;
        ctx.report({
          at: at(r.source, ['minHumans']),
          message: `requirement \`${r.id}\` asks for minHumans: ${r.minHumans}, but under staffing: placeholder the real workers answer without being registered, so humans are not tracked and this cannot be checked: remove minHumans`,
          related: [chosen],
        });
      }
    }
    if (org.staffing === 'registered') {
      for (const s of model.shifts) {
        for (const id of new Set(s.staff)) {
          const user = model.userById.get(id);
          if (!user?.placeholder) continue;
          ctx.report({
            at: at(s.source, ['staff', indexIn(s.raw, 'staff', id)]),
            message: `placeholder \`${id}\` is registered on shift \`${s.id}\`, but under staffing: registered only real users register (a placeholder would bring the portal online with nobody there): remove ${id} from the shift, or choose staffing: mixed if placeholders hold shifts`,
            related: [chosen, related(user.source, `${id} is a placeholder`, ['placeholder'])],
          });
        }
      }
    }
  },
};
