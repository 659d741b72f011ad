import { type Override, type OverrideSpan } from '../model/types.js';
import { overrideLabel as label } from '../words.js';
import { at, related, type ConfigRule } from './rule.js';

/**
 * Override periods on one switch (the organization's, or one portal's) must not overlap, and
 * `online` must come after `offline` (SPEC §3.2). Periods are half-open: back-to-back is fine.
 */
export const overrideOverlap: ConfigRule = {
  meta: {
    id: 'override-overlap',
    severity: 'error',
    description: 'overlapping override periods on the same switch; `online` not after `offline`',
    kind: 'config',
    fixable: false,
  },
  check(ctx) {
    const { model } = ctx;
    const bySwitch = new Map<string, { o: Override; span: OverrideSpan }[]>();
    for (const o of model.overrides) {
      if (o.portal !== undefined && !model.portalById.has(o.portal)) continue;
      const span = o.span;
      if (!span) continue;
      if (span.online !== undefined && span.online <= span.offline) {
        ctx.report({
          at: at(o.source, ['online']),
          message: `${label(o)} goes back online (${o.online}) before or when it goes offline (${o.offline}): \`online\` must be after \`offline\``,
        });
        continue;
      }
      const key = o.portal === undefined ? '' : `portal:${o.portal}`;
      const list = bySwitch.get(key) ?? [];
      list.push({ o, span });
      bySwitch.set(key, list);
    }
    for (const [key, list] of bySwitch) {
      list.sort((a, b) => a.span.offline - b.span.offline || a.o.index - b.o.index);
      const target = key === '' ? 'the organization switch' : `portal \`${key.slice(7)}\``;
      for (let i = 1; i < list.length; i++) {
        const later = list[i]!;
        // Compare with every earlier period that is still open at this one's start.
        for (let j = 0; j < i; j++) {
          const earlier = list[j]!;
          const end = earlier.span.online ?? Infinity;
          if (later.span.offline >= end) continue;
          const until = earlier.o.online === undefined ? 'is never set back online' : `lasts until ${earlier.o.online}`;
          ctx.report({
            at: at(later.o.source, ['offline']),
            message: `${label(later.o)} takes ${target} offline at ${later.o.offline}, but ${label(earlier.o)} already has it offline (it ${until}): one switch holds one offline period at a time; end the first before the second starts`,
            related: [related(earlier.o.source, `${label(earlier.o)} takes it offline here`, ['offline'])],
          });
          break;
        }
      }
    }
  },
};
