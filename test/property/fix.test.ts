/**
 * Property: `--fix` on random mutations of the crisis-line example — times written without
 * quotes, mobileAlerts added to the placeholder, a shift's messaging changed, doubled, emptied or
 * removed — always gives files that parse, and changes the data only where a fix applies: every
 * value that differs from the mutated file is a fixed node (a shift's or requirement's start or
 * end, a shift's messaging, a user's mobileAlerts), and there it is the example's own value again.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { loadFromTexts } from '../../src/check.js';
import { fixConfig } from '../../src/fix.js';
import { NOW } from '../helpers.js';

const DIR = fileURLToPath(new URL('../../examples/crisis-line/', import.meta.url));

function yamlFiles(dir: string, prefix = ''): { file: string; text: string }[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((e) =>
      e.isDirectory()
        ? yamlFiles(dir, join(prefix, e.name))
        : e.name.endsWith('.yaml')
          ? [{ file: join(prefix, e.name), text: readFileSync(join(dir, prefix, e.name), 'utf8') }]
          : [],
    );
}

const FILES = yamlFiles(DIR);

/** The ways one line can be mutated, by what it holds; each returns the replacement lines. */
const MUTATIONS: { line: RegExp; ways: ((m: RegExpExecArray) => string[])[] }[] = [
  {
    line: /^(\s+(?:start|end): )"(\d\d):(\d\d)"(.*)$/,
    ways: [
      (m) => [`${m[1]}${m[2]}${m[3]}${m[4]}`], // 0900
      (m) => [`${m[1]}${Number(m[2])}:${m[3]}${m[4]}`], // 9:00
      (m) => [`${m[1]}'${Number(m[2])}${m[3]}'${m[4]}`], // '900'
    ],
  },
  {
    line: /^(\s+)placeholder: true(.*)$/,
    ways: [(m) => [m[0], `${m[1]}mobileAlerts: true`], (m) => [m[0], `${m[1]}mobileAlerts: true   # alerts`]],
  },
  {
    line: /^(\s+messaging: )(chat|sms)(.*)$/,
    ways: [
      (m) => [`${m[1]}${m[2] === 'chat' ? 'sms' : 'chat'}${m[3]}`],
      (m) => [`${m[1]}[chat, sms]${m[3]}`],
      (m) => [`${m[1]!.trimEnd()}${m[3]}`],
      () => [],
    ],
  },
];

/** Every line that can be mutated: [file index, line index, mutation]. */
const SITES = FILES.flatMap((f, fi) =>
  f.text.split('\n').flatMap((line, li) => {
    const kind = MUTATIONS.find((k) => k.line.test(line));
    return kind ? [{ fi, li, kind }] : [];
  }),
);

function mutate(choices: readonly number[]): { file: string; text: string }[] {
  const lines = FILES.map((f) => f.text.split('\n').map((l) => [l]));
  SITES.forEach((site, i) => {
    const choice = choices[i]!;
    if (choice === 0) return;
    const way = site.kind.ways[(choice - 1) % site.kind.ways.length]!;
    const line = lines[site.fi]![site.li]![0]!;
    lines[site.fi]![site.li] = way(site.kind.line.exec(line)!);
  });
  return FILES.map((f, fi) => ({ file: f.file, text: lines[fi]!.flat().join('\n') }));
}

function parsed(text: string): unknown {
  const doc = parseDocument(text);
  expect(doc.errors.map((e) => e.message)).toEqual([]);
  return doc.toJS();
}

/** Paths (joined with `.`) where two values differ, down to the leaves; a key on one side only is a difference. */
function differences(a: unknown, b: unknown, path: string[] = []): string[] {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const ra = a as Record<string, unknown>;
    const rb = b as Record<string, unknown>;
    const keys = [...new Set([...Object.keys(ra), ...Object.keys(rb)])];
    return keys.flatMap((k) => (k in ra && k in rb ? differences(ra[k], rb[k], [...path, k]) : [[...path, k].join('.')]));
  }
  return Object.is(a, b) ? [] : [path.join('.')];
}

function at(data: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), data);
}

const FIXED_NODE = /^(shifts\.\d+\.(start|end|messaging)|requirements\.\d+\.(start|end)|users\.\d+\.mobileAlerts)$/;

describe('--fix on mutations of the crisis-line example', () => {
  it('gives files that parse, changed only at fixed nodes, which hold the example’s values again', () => {
    // Most sites stay as they are (0); a few are mutated each run.
    let applied = 0;
    const choice = fc.oneof({ arbitrary: fc.constant(0), weight: 6 }, { arbitrary: fc.integer({ min: 1, max: 4 }), weight: 1 });
    fc.assert(
      fc.property(fc.array(choice, { minLength: SITES.length, maxLength: SITES.length }), (choices) => {
        const mutated = mutate(choices);
        const texts = new Map(mutated.map((f) => [f.file, f.text]));
        const fixed = fixConfig(loadFromTexts(mutated), texts, { now: NOW, from: '2026-01-05', to: '2026-01-19' });
        applied += fixed.applied;
        const after = new Map(fixed.files.map((f) => [f.file, f.after]));
        FILES.forEach((original, i) => {
          const text = after.get(original.file) ?? mutated[i]!.text;
          const before = parsed(mutated[i]!.text);
          const now = parsed(text);
          const example = parsed(original.text);
          for (const path of differences(before, now)) {
            expect(path, `${original.file}: a change outside the fixed nodes`).toMatch(FIXED_NODE);
            expect(at(now, path), `${original.file}: ${path}`).toEqual(at(example, path));
          }
        });
      }),
      { numRuns: 12 },
    );
    // The mutations are fixable most of the time: the property is not vacuous.
    expect(applied).toBeGreaterThan(12);
  });
});
