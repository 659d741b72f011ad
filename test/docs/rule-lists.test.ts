/**
 * The rule registry is the one list of rules; the lists people read — the spec's §4 table and the
 * README's rule tables — name exactly its rules.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/rules/index.js';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const ids = RULES.map((r) => r.meta.id).sort();

describe('rule lists', () => {
  it('docs/spec.md §4 lists every rule of the registry, with its default severity', () => {
    const spec = read('docs/spec.md');
    const table = spec.slice(spec.indexOf('## 4. Rules'), spec.indexOf('## 5. Commands'));
    const rows = [...table.matchAll(/^\| `([a-z-]+)`(?: \(1\.1\))? \| (error|warn) \|/gm)].map((m) => [m[1]!, m[2]!] as const);
    expect(rows.map(([id]) => id).sort()).toEqual(ids);
    for (const [id, severity] of rows) expect(RULES.find((r) => r.meta.id === id)!.meta.severity).toBe(severity);
  });

  it("the README's rule tables list every rule of the registry, with its default severity", () => {
    const rows = [...read('README.md').matchAll(/^\| \[([a-z-]+)\]\(docs\/rules\/\1\.md\) \| (error|warn) \|/gm)].map(
      (m) => [m[1]!, m[2]!] as const,
    );
    expect(rows.map(([id]) => id).sort()).toEqual(ids);
    for (const [id, severity] of rows) expect(RULES.find((r) => r.meta.id === id)!.meta.severity).toBe(severity);
  });
});
