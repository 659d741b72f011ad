import { at, type ConfigRule } from './rule.js';
import { overrideLabel } from '../words.js';

/**
 * An organization with exactly one portal has only the organization switch (SPEC §3.2): there is
 * no per-portal switch to choose, and the portal stays in the Portal Legend while it is off.
 */
export const singlePortalSwitch: ConfigRule = {
  meta: {
    id: 'single-portal-switch',
    severity: 'error',
    description: 'an override with `portal:` in an organization with one portal',
    kind: 'config',
    fixable: false,
  },
  check(ctx) {
    const { model } = ctx;
    if (model.portalById.size !== 1) return;
    for (const o of model.overrides) {
      if (o.portal === undefined || !model.portalById.has(o.portal)) continue; // unknown-reference
      ctx.report({
        at: at(o.source, ['portal'], 'key'),
        message: `${overrideLabel(o)} switches portal \`${o.portal}\` offline, but an organization with one portal has only the organization switch: remove \`portal: ${o.portal}\``,
      });
    }
  },
};
