import { at, related, type ConfigRule } from './rule.js';

/** Texters who reach a switched-off SMS portal receive the organization's SMS offline message. */
export const missingSmsOfflineMessage: ConfigRule = {
  meta: {
    id: 'missing-sms-offline-message',
    severity: 'warn',
    description: 'an SMS portal and no `offlineMessages.sms`',
    kind: 'config',
    fixable: false,
  },
  check(ctx) {
    const { model } = ctx;
    if (model.organizations.length > 1) return; // which organization is meant is the `schema` finding
    const org = model.organization;
    if (!org || (org.offlineMessages.sms ?? '').trim() !== '') return;
    const smsPortals = model.portals.filter((p) => p.type === 'sms');
    if (smsPortals.length === 0) return;
    const hasMessages = Object.prototype.hasOwnProperty.call(org.raw, 'offlineMessages');
    ctx.report({
      at: hasMessages ? at(org.source, ['offlineMessages'], 'key') : at(org.source, [], 'key'),
      message: `the organization has an SMS portal but no SMS offline message, so texters get nothing useful while it is switched off: add offlineMessages.sms (e.g. where to get help now)`,
      related: smsPortals.map((p) => related(p.source, `portal \`${p.id}\` is an SMS portal`, ['type'])),
    });
  },
};
