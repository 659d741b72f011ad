import type { Rule } from './rule.js';

/** YAML that does not parse, or a duplicate key (reported by the load stage, per file). */
export const yamlSyntax: Rule = {
  meta: {
    id: 'yaml-syntax',
    severity: 'error',
    description: 'YAML that does not parse, or a duplicate key',
    kind: 'config',
  },
  check(ctx) {
    for (const doc of ctx.model.sources) {
      for (const p of doc.problems) ctx.report({ at: { file: doc.file, line: p.line, column: p.column }, message: p.message });
    }
  },
};
