/** `shiftready schema` and `shiftready rules [id]`. */
import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import { RULES, RULE_BY_ID } from '../rules/index.js';
import { docsUrl } from '../rules/rule.js';
import { didYouMean } from '../text.js';
import { SCHEMA_URL } from '../validate/schema.js';
import type { CliIO } from './io.js';
import { rulePage } from './rule-pages.js';

export function runSchema(io: CliIO): number {
  io.stdout(readFileSync(SCHEMA_URL, 'utf8'));
  return 0;
}

export function runRulesCommand(id: string | undefined, io: CliIO): number {
  if (id === undefined) {
    const width = Math.max(...RULES.map((r) => r.meta.id.length));
    const lines = RULES.map(
      (r) =>
        `${r.meta.id.padEnd(width)}  ${r.meta.severity.padEnd(5)}  ${(r.meta.fixable ? 'fixable' : '').padEnd(7)}  ${r.meta.description}`,
    );
    io.stdout(
      `${lines.join('\n')}\n\n` +
        '`shiftready check --fix` fixes the findings of the rules marked fixable where the fix has one right answer (--fix-dry-run shows it).\n' +
        "Run `shiftready rules <id>` for a rule's documentation.\n",
    );
    return 0;
  }
  const rule = RULE_BY_ID.get(id);
  if (!rule) {
    const guess = didYouMean(id, RULE_BY_ID.keys());
    throw new UsageError(`unknown rule \`${id}\`${guess ? `: did you mean \`${guess}\`?` : ': run `shiftready rules` for the list'}`);
  }
  const doc =
    rulePage(id) ??
    `# ${id}\n\nDefault severity: ${rule.meta.severity}\nFixable: ${rule.meta.fixable ? 'yes (shiftready check --fix)' : 'no'}\n\n${rule.meta.description}\n\n${docsUrl(id)}\n`;
  io.stdout(doc.endsWith('\n') ? doc : `${doc}\n`);
  return 0;
}
