import { at, type ConfigRule } from './rule.js';

/** A placeholder is not a person: it receives no SMS mobile alerts (SPEC §1). */
export const placeholderMobileAlerts: ConfigRule = {
  meta: {
    id: 'placeholder-mobile-alerts',
    severity: 'warn',
    description: '`mobileAlerts: true` on a placeholder',
    kind: 'config',
    fixable: false,
  },
  check(ctx) {
    for (const user of ctx.model.users) {
      if (!user.placeholder || !user.mobileAlerts) continue;
      ctx.report({
        at: at(user.source, ['mobileAlerts']),
        message: `placeholder \`${user.id}\` has mobileAlerts: true, but a placeholder is nobody and receives no alerts: remove mobileAlerts, and make sure real users with alerts are on its shifts`,
      });
    }
  },
};
