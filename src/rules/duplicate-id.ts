import type { Source } from '../model/types.js';
import { related, at, type ConfigRule } from './rule.js';

/** An id defined twice within a section, across all files; cites the first definition. */
export const duplicateId: ConfigRule = {
  meta: {
    id: 'duplicate-id',
    severity: 'error',
    description: 'an id defined twice within a section (across files)',
    kind: 'config',
    fixable: false,
    structural: true,
  },
  check(ctx) {
    const { model } = ctx;
    const sections: [string, { id?: string; source: Source }[]][] = [
      ['program', model.programs],
      ['portal', model.portals],
      ['user', model.users],
      ['shift', model.shifts],
      ['override', model.overrides],
      ['requirement', model.requirements],
    ];
    for (const [kind, items] of sections) {
      const first = new Map<string, Source>();
      for (const item of items) {
        if (item.id === undefined) continue;
        const earlier = first.get(item.id);
        if (!earlier) {
          first.set(item.id, item.source);
          continue;
        }
        const where = at(earlier, ['id']);
        ctx.report({
          at: at(item.source, ['id']),
          message: `${kind} id \`${item.id}\` is already used at ${where.file}:${where.line}:${where.column}: give this ${kind} another id`,
          related: [related(earlier, `${kind} \`${item.id}\` is first defined here`, ['id'])],
        });
      }
    }
    const settings = new Map<string, Source>();
    for (const s of model.ruleSettings) {
      const earlier = settings.get(s.rule);
      if (!earlier) {
        settings.set(s.rule, s.source);
        continue;
      }
      ctx.report({
        at: at(s.source, [], 'key'),
        message: `rule \`${s.rule}\` is configured twice: keep one setting`,
        related: [related(earlier, `\`${s.rule}\` is first configured here`, [], 'key')],
      });
    }
  },
};
