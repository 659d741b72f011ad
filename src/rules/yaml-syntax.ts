import { type ConfigRule } from './rule.js';

/**
 * YAML that does not parse, or a duplicate key (found by the load stage, per file). A file that
 * cannot be read at all is left out of the configuration, so that problem stays an error whatever
 * the configured severity: turning the rule off must not make a file silently disappear.
 */
export const yamlSyntax: ConfigRule = {
  meta: {
    id: 'yaml-syntax',
    severity: 'error',
    description: 'YAML that does not parse, or a duplicate key',
    kind: 'config',
    fixable: false,
    structural: true,
    reportsFatal: true,
  },
  check(ctx) {
    for (const doc of ctx.model.sources) {
      for (const p of doc.problems) {
        ctx.report({
          at: { file: doc.file, line: p.line, column: p.column },
          message: p.message,
          related: p.related ? [{ file: doc.file, ...p.related }] : undefined,
          fatal: p.fatal,
        });
      }
    }
  },
};
