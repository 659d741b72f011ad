/**
 * Every rule has a documentation page, docs/rules/<rule-id>.md, and the page's examples are
 * executable: the failing example reports the rule exactly on the lines marked `# ← <rule-id>`,
 * the passing example checks completely clean.
 *
 * Page format (see any page in docs/rules):
 *
 *     # <rule-id>
 *     **Default severity:** error|warn
 *     **Fixable:** yes, by `shiftready check --fix` … | no
 *     ## How to fix / ## Failing example / ## Passing example / ## Configuration
 *
 * Examples are fenced blocks whose info string is `yaml failing` or `yaml passing`, optionally
 * followed by `from=YYYY-MM-DD to=YYYY-MM-DD` (the checked period, for time-based rules; `to` is
 * exclusive). Each example is one complete config file, checked as `test.yaml` with the pinned
 * "now" of test/helpers.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CheckOptions } from '../../src/check.js';
import type { Finding } from '../../src/findings.js';
import { RULES } from '../../src/rules/index.js';
import { checkText } from '../helpers.js';

const DOCS_DIR = fileURLToPath(new URL('../../docs/rules/', import.meta.url));

/** The trailing comment that marks a line where the rule must report: `# ← <rule-id>`. */
const MARKER = /#\s*\u2190\s*([A-Za-z0-9][\w-]*)/g;
const SECTIONS = ['## How to fix', '## Failing example', '## Passing example', '## Configuration'];
const PERIOD_VALUE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/;

interface Example {
  kind: 'failing' | 'passing';
  text: string;
  /** 1-based line in the .md where the example's first line is (for messages). */
  mdLine: number;
  options: Pick<CheckOptions, 'from' | 'to'>;
}

interface Page {
  title: string | undefined;
  severity: string | undefined;
  /** `yes` or `no`, the first word after **Fixable:**. */
  fixable: string | undefined;
  headings: string[];
  examples: Example[];
  /** Problems with the page's format itself. */
  problems: string[];
}

function parsePage(md: string): Page {
  const lines = md.split(/\r?\n/);
  const page: Page = { title: undefined, severity: undefined, fixable: undefined, headings: [], examples: [], problems: [] };
  const title = /^# (\S+)\s*$/.exec(lines[0] ?? '');
  page.title = title?.[1];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^( {0,3})(`{3,}|~{3,})(.*)$/.exec(line);
    if (fence) {
      const [, indent, marks, infoText] = fence as unknown as [string, string, string, string];
      const body: string[] = [];
      let j = i + 1;
      const close = new RegExp(`^ {0,3}${marks[0] === '`' ? '`' : '~'}{${marks.length},}\\s*$`);
      while (j < lines.length && !close.test(lines[j]!)) {
        const l = lines[j]!;
        body.push(l.startsWith(indent) ? l.slice(indent.length) : l.trimStart());
        j++;
      }
      if (j >= lines.length) page.problems.push(`the code block opened on line ${i + 1} is never closed`);
      const info = infoText.trim().split(/\s+/).filter(Boolean);
      const kind = info[1];
      if (info[0] === 'yaml' && (kind === 'failing' || kind === 'passing')) {
        const options: Example['options'] = {};
        for (const token of info.slice(2)) {
          const m = /^(from|to)=(.*)$/.exec(token);
          if (!m || !PERIOD_VALUE.test(m[2]!)) {
            page.problems.push(`line ${i + 1}: unknown fence option \`${token}\` (allowed: from=YYYY-MM-DD to=YYYY-MM-DD)`);
            continue;
          }
          options[m[1] as 'from' | 'to'] = m[2]!;
        }
        page.examples.push({ kind, text: body.join('\n') + '\n', mdLine: i + 2, options });
      }
      i = j;
      continue;
    }
    if (line.startsWith('## ')) page.headings.push(line.trim());
    const severity = /^\*\*Default severity:\*\*\s*(\S+)\s*$/.exec(line);
    if (severity) {
      if (page.severity !== undefined) page.problems.push(`line ${i + 1}: a second **Default severity:** line`);
      page.severity = severity[1];
    }
    const fixable = /^\*\*Fixable:\*\*\s*(yes|no)\b/.exec(line);
    if (fixable) page.fixable = fixable[1];
  }
  return page;
}

/** Marked lines (1-based) per rule id named in the markers. */
function markers(text: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  text.split('\n').forEach((line, i) => {
    const ids = [...line.matchAll(MARKER)].map((m) => m[1]!);
    if (ids.length) out.set(i + 1, ids);
  });
  return out;
}

function show(findings: readonly Finding[]): string {
  return findings.map((f) => `  ${f.line}:${f.column} ${f.rule} (${f.severity}): ${f.message}`).join('\n') || '  (none)';
}

/** The example with `# shiftready-disable-next-line <id>` inserted above each of `lines`. */
function withDisableComments(text: string, lines: readonly number[], id: string): string {
  const out = text.split('\n');
  for (const line of [...lines].sort((a, b) => b - a)) {
    const indent = /^\s*/.exec(out[line - 1]!)![0];
    out.splice(line - 1, 0, `${indent}# shiftready-disable-next-line ${id} -- documented exception`);
  }
  return out.join('\n');
}

const ruleIds = new Set(RULES.map((r) => r.meta.id));

describe('rule documentation pages', () => {
  it('every page in docs/rules belongs to a rule in RULES', () => {
    const pages = existsSync(DOCS_DIR) ? readdirSync(DOCS_DIR).filter((f) => f.endsWith('.md')) : [];
    const strays = pages.map((f) => f.slice(0, -3)).filter((id) => !ruleIds.has(id));
    expect(strays, 'pages without a rule in src/rules/index.ts (RULES)').toEqual([]);
  });

  for (const rule of RULES) {
    const { id, severity, fixable } = rule.meta;
    describe(id, () => {
      const path = `${DOCS_DIR}${id}.md`;
      const exists = existsSync(path);
      const page = exists ? parsePage(readFileSync(path, 'utf8')) : undefined;
      const failing = page?.examples.filter((e) => e.kind === 'failing') ?? [];
      const passing = page?.examples.filter((e) => e.kind === 'passing') ?? [];

      it('has a well-formed page with the right title and default severity', () => {
        expect(exists, `docs/rules/${id}.md is missing`).toBe(true);
        expect(page!.problems, 'page format problems').toEqual([]);
        expect(page!.title, 'the first line is `# <rule-id>`').toBe(id);
        expect(page!.severity, '**Default severity:** must match meta.severity').toBe(severity);
        expect(page!.fixable, '**Fixable:** yes or no must match meta.fixable').toBe(fixable ? 'yes' : 'no');
        expect(
          page!.headings.filter((h) => SECTIONS.includes(h)),
          'sections, in this order',
        ).toEqual(SECTIONS);
        expect(failing.length, 'exactly one ```yaml failing example').toBe(1);
        expect(passing.length, 'exactly one ```yaml passing example').toBe(1);
      });

      it('failing example: reports the rule exactly on the marked lines', () => {
        expect(failing.length).toBe(1);
        const example = failing[0]!;
        expect(example.text.startsWith('shiftready: 1\n'), 'an example is a complete config file starting with `shiftready: 1`').toBe(true);
        const marked = markers(example.text);
        const foreign = [...marked].filter(([, ids]) => ids.some((m) => m !== id));
        expect(
          foreign.map(([line, ids]) => `${line}: ${ids.join(', ')}`),
          `markers must name ${id}`,
        ).toEqual([]);
        const expected = [...marked.keys()].sort((a, b) => a - b);
        expect(expected.length, `mark at least one line with \`# \u2190 ${id}\``).toBeGreaterThan(0);

        const { findings } = checkText(example.text, example.options);
        const got = [...new Set(findings.filter((f) => f.rule === id).map((f) => f.line))].sort((a, b) => a - b);
        expect(got, `lines reported by ${id} (example starts at docs line ${example.mdLine}); all findings:\n${show(findings)}`).toEqual(
          expected,
        );
      });

      it('failing example: silenced by --rule off and by shiftready-disable-next-line', () => {
        expect(failing.length).toBe(1);
        const example = failing[0]!;
        const off = checkText(example.text, { ...example.options, rules: { [id]: 'off' } });
        const lines = [...markers(example.text).keys()];
        const disabled = checkText(withDisableComments(example.text, lines, id), example.options);
        if (id === 'yaml-syntax') {
          // A file that cannot be read stays an error whatever the severity: only the YAML error
          // that makes the file unreadable remains (the duplicate key is silenced).
          const unreadable = (r: typeof off) => r.findings.filter((f) => f.rule === id && !/appears twice/.test(f.message));
          expect(off.findings.filter((f) => f.rule === id)).toEqual(unreadable(off));
          expect(unreadable(off)).toHaveLength(1);
          expect(unreadable(off)[0]!.severity).toBe('error');
          expect(disabled.findings.filter((f) => f.rule === id)).toEqual(unreadable(disabled));
          expect(unreadable(disabled)).toHaveLength(1);
          return;
        }
        expect(show(off.findings.filter((f) => f.rule === id))).toBe('  (none)');
        expect(show(disabled.findings.filter((f) => f.rule === id))).toBe('  (none)');
      });

      it('passing example: checks completely clean', () => {
        expect(passing.length).toBe(1);
        const example = passing[0]!;
        expect(example.text.startsWith('shiftready: 1\n'), 'an example is a complete config file starting with `shiftready: 1`').toBe(true);
        expect([...markers(example.text).keys()], 'a passing example has no markers').toEqual([]);
        const { findings } = checkText(example.text, example.options);
        expect(show(findings), `findings of the passing example (docs line ${example.mdLine})`).toBe('  (none)');
      });
    });
  }
});
