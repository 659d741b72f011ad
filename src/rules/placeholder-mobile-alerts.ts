import { at, removeField, type ConfigRule } from './rule.js';

/** A placeholder is not a person: it receives no SMS mobile alerts (SPEC §1). Fix: the `mobileAlerts` line removed. */
export const placeholderMobileAlerts: ConfigRule = {
  meta: {
    id: 'placeholder-mobile-alerts',
    severity: 'warn',
    description: '`mobileAlerts: true` on a placeholder',
    kind: 'config',
    fixable: true,
  },
  check(ctx) {
    for (const user of ctx.model.users) {
      if (!user.placeholder || !user.mobileAlerts) continue;
      ctx.report({
        at: at(user.source, ['mobileAlerts']),
        fix: removeField(user.source, 'mobileAlerts'),
        message: `placeholder \`${user.id}\` has mobileAlerts: true, but a placeholder is nobody and receives no alerts: remove mobileAlerts, and make sure real users with alerts are on its shifts`,
      });
    }
  },
};
