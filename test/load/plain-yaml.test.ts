/**
 * The fast reader (src/load/plain-yaml.ts) against `yaml` itself: whenever it gives data, the data
 * is exactly what `yaml` gives for the same text with the options the load stage uses, and `yaml`
 * finds no error or warning in that text. Documents are generated from a grammar of the
 * constructs config files use and of those the reader must leave to `yaml`, then mutated line by
 * line (indentation, tabs, CR, duplicated lines).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { readPlainYaml } from '../../src/load/plain-yaml.js';
import { parseSource, parseTree } from '../../src/load/parse.js';
import { locate } from '../../src/load/locate.js';
import type { Path, SourceDocument } from '../../src/load/source.js';
import { tempDir } from '../helpers.js';
// @ts-expect-error -- the benchmark's generator is plain JavaScript
import { generate } from '../../bench/generate.mjs';

const OPTIONS = { uniqueKeys: true, merge: true, prettyErrors: false, resolveKnownTags: false, logLevel: 'error' } as const;

/** What `yaml` makes of a text: its data, or `undefined` when it reports anything. */
function byYaml(text: string): { data: unknown } | undefined {
  const doc = parseDocument(text, OPTIONS);
  if (doc.errors.length || doc.warnings.length) return undefined;
  try {
    return { data: doc.toJS({ maxAliasCount: 1000 }) };
  } catch {
    return undefined; // an alias to nothing, a merge of a scalar
  }
}

/**
 * The data as a string that tells apart everything a later stage could: key order, -0, NaN,
 * numbers from strings, plain objects from arrays. (toStrictEqual cannot compare an object with an
 * own `constructor` key.)
 */
function exact(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(exact).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    return `{${Object.keys(value)
      .map((k) => `${JSON.stringify(k)}:${exact((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
  return JSON.stringify(value) ?? String(value);
}

/** Keys, scalars and list texts, both inside and outside what the reader accepts. */
const KEYS = [
  'id',
  'a',
  'b-c',
  'x.y',
  'a/b',
  '_k',
  '2026-12-25',
  'true',
  'Null',
  '1',
  '01',
  '0x1',
  '1e3',
  '__proto__',
  'constructor',
  'toString',
  'key with space',
  '"q"',
  "'q'",
  '<<',
  'é',
  'a b',
  '-a',
  '.a',
  'k#',
  '?k',
];
const SCALARS = [
  'x',
  'hello world',
  "O'Brien",
  '09:00',
  '"09:00"',
  "'it''s'",
  "''",
  '""',
  '"a\\"b"',
  '"tab\\tx"',
  '"é ✓ 🙂"',
  '1',
  '-1',
  '+1',
  '007',
  '0x1F',
  '0xg',
  '0o17',
  '0o8',
  '1.5',
  '1.',
  '.5',
  '+.5e-3',
  '1e3',
  '1E+3',
  '.inf',
  '-.Inf',
  '+.INF',
  '.nan',
  '.NaN',
  'null',
  'Null',
  '~',
  'True',
  'FALSE',
  'tRUE',
  'yes',
  'on',
  'no',
  'a #c',
  'a#b',
  'a  # c',
  'a: b',
  'a:',
  'a:b',
  'a :b',
  '-x',
  '- x',
  '-',
  '?x',
  '? x',
  ':x',
  ': x',
  '&a x',
  '*a',
  '!!str x',
  '!x y',
  '|',
  '>-',
  '[a, b]',
  '[]',
  '[ ]',
  '[a, "b c", 1, \'d\']',
  '[a,]',
  '[a, ]',
  '[,]',
  '[a,,b]',
  '[a: b]',
  '[a #b]',
  '[a, [b]]',
  '[a',
  '[a] x',
  '[a] #c',
  '[-1, -x]',
  '[- a]',
  '[?a]',
  '["a", 0x1, .5, ~]',
  '{a: 1}',
  '{}',
  '%x',
  '@x',
  '`x',
  "'",
  '"',
  '"x" y',
  '"x"#y',
  '"x" #y',
  "'x' #y",
  '0',
  '-0',
  '+0',
  '1_000',
  '12:30:00',
  '2026-01-01',
  '2026-01-01T09:00',
  'FREQ=WEEKLY;BYDAY=MO,TU',
  'é',
  'x \\ y',
  'a,b',
  'a]b',
  'a{b',
  '1 2',
  '-.5',
  '+-1',
  '0b1',
  '1e',
  'e1',
  'NaN',
  'Infinity',
  '[09:00, a:b, 2026-01-01T10:00]',
  '[a:, b]',
  '[a:b:, c]',
  '[a :b]',
  '{a: 10:00, b: x:y}',
  '{a: b:}',
  '{a: 1, a: 2}',
  '{ from: 2026-05-10, to: "x" }',
  '{a: [b, {c: d}]}',
  '{a}',
  '{a: }',
  '{a:b}',
  '{"a": 1}',
  '{a: 1,}',
  '{,}',
  '[{a: 1}, {b: [2]}]',
  '{a: 1} x',
  '{a: 1} # c',
  '{__proto__: 1}',
  '{1: x}',
  '{a: -x, b: -}',
];
/** The constructs config files are mostly written with, drawn more often so that many documents are in the subset. */
const COMMON_SCALARS = [
  'x',
  'hello world',
  '"09:00"',
  '1',
  '2026-01-01',
  'true',
  '[a, b]',
  '{ from: 2026-05-10, to: 2026-05-24 }',
  "'q'",
  'FREQ=DAILY',
];
const COMMON_KEYS = ['id', 'a', 'b-c', 'staff', 'from'];

type Node = { kind: 'scalar'; text: string } | { kind: 'map'; entries: [string, Node][] } | { kind: 'seq'; items: Node[] };

const tree = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .oneof({ arbitrary: fc.constantFrom(...COMMON_SCALARS), weight: 8 }, fc.constantFrom(...SCALARS))
      .map((text): Node => ({ kind: 'scalar', text })),
    fc
      .array(fc.tuple(fc.oneof({ arbitrary: fc.constantFrom(...COMMON_KEYS), weight: 6 }, fc.constantFrom(...KEYS)), tie('node')), {
        minLength: 1,
        maxLength: 4,
      })
      .map((entries): Node => ({ kind: 'map', entries })),
    fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((items): Node => ({ kind: 'seq', items })),
  ),
})).node;

/** Writing styles chosen per document. */
interface Style {
  step: number;
  sameIndentSeq: boolean;
  dashSpaces: number;
  comments: boolean;
}

function render(node: Node, indent: number, style: Style, out: string[]): void {
  const pad = ' '.repeat(indent);
  if (node.kind === 'scalar') {
    out.push(pad + node.text);
    return;
  }
  if (node.kind === 'map') {
    for (const [key, value] of node.entries) {
      if (style.comments) out.push(`${pad}# about ${key}`);
      if (value.kind === 'scalar') out.push(`${pad}${key}: ${value.text}`);
      else if (value.kind === 'seq' && style.sameIndentSeq) {
        out.push(`${pad}${key}:`);
        render(value, indent, style, out);
      } else {
        out.push(`${pad}${key}:${style.comments ? ' # nested' : ''}`);
        render(value, indent + style.step, style, out);
      }
    }
    return;
  }
  for (const item of node.items) {
    const dash = `${pad}-${' '.repeat(style.dashSpaces)}`;
    if (item.kind === 'scalar') out.push(dash + item.text);
    else if (item.kind === 'map') {
      // `- key: value`, the mapping's other keys lined up under the first.
      const lines: string[] = [];
      render(item, indent + 1 + style.dashSpaces, style, lines);
      const first = lines.findIndex((l) => !l.trimStart().startsWith('#'));
      lines[first] = dash + lines[first]!.trimStart();
      out.push(...lines.filter((_, i) => i >= first));
    } else {
      out.push(`${pad}-`);
      render(item, indent + style.step, style, out);
    }
  }
}

const MUTATIONS = ['indent+1', 'indent-1', 'tab', 'cr', 'duplicate', 'blank', 'comment', 'trailing-space', 'doc-marker', 'drop'] as const;

const documents = fc
  .record({
    root: fc.array(fc.tuple(fc.constantFrom(...KEYS.slice(0, 8)), tree), { minLength: 1, maxLength: 4 }),
    style: fc.record({
      step: fc.constantFrom(1, 2, 4),
      sameIndentSeq: fc.boolean(),
      dashSpaces: fc.constantFrom(1, 1, 3),
      comments: fc.boolean(),
    }),
    mutations: fc.array(fc.tuple(fc.constantFrom(...MUTATIONS), fc.nat()), { maxLength: 1 }),
    // Windows line ends (CR LF) on every line.
    crlf: fc.boolean(),
  })
  .map(({ root, style, mutations, crlf }) => {
    const lines = ['shiftready: 1'];
    render({ kind: 'map', entries: root }, 0, style, lines);
    for (const [mutation, n] of mutations) {
      const i = n % lines.length;
      const line = lines[i]!;
      if (mutation === 'indent+1') lines[i] = ` ${line}`;
      else if (mutation === 'indent-1') lines[i] = line.replace(/^ /, '');
      else if (mutation === 'tab') lines[i] = line.replace(/ /, '\t');
      else if (mutation === 'cr') lines[i] = `${line}\r`;
      else if (mutation === 'duplicate') lines.splice(i, 0, line);
      else if (mutation === 'blank') lines.splice(i, 0, '   ');
      else if (mutation === 'comment') lines[i] = `${line} # note`;
      else if (mutation === 'trailing-space') lines[i] = `${line}  `;
      else if (mutation === 'doc-marker') lines.splice(i, 0, '---');
      else lines.splice(i, 1);
    }
    return `${lines.join(crlf ? '\r\n' : '\n')}${crlf ? '\r\n' : '\n'}`;
  });

/** Every path into the data, and paths one step past its ends (a missing key, an index too far). */
function paths(value: unknown, path: Path = []): Path[] {
  const out: Path[] = [path];
  if (Array.isArray(value)) {
    value.forEach((item, i) => out.push(...paths(item, [...path, i])));
    out.push([...path, value.length], [...path, 'x']);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...path, k]));
    out.push([...path, 'missing'], [...path, 0]);
  } else out.push([...path, 'below']);
  return out;
}

/** The locations `locate` gives from the fast reader's positions equal those from yaml's syntax tree. */
function sameLocations(text: string): void {
  const plain = parseSource('f.yaml', text);
  expect(plain.positions).toBeDefined();
  const tree = parseTree(text);
  const byTree: SourceDocument = { ...plain, positions: undefined, tree: () => tree };
  for (const path of paths(plain.data)) {
    for (const part of ['value', 'key'] as const) {
      expect(locate(plain, path, part), `${JSON.stringify(path)} ${part} in\n${text}`).toEqual(locate(byTree, path, part));
    }
  }
}

describe('readPlainYaml', () => {
  it('gives exactly what yaml gives, or leaves the text to yaml (generated documents)', () => {
    let read = 0;
    let valid = 0;
    fc.assert(
      fc.property(documents, (text) => {
        const reference = byYaml(text);
        if (reference) valid++;
        const fast = readPlainYaml(text);
        if (fast === undefined) return;
        read++;
        expect(reference, `yaml reports a problem in a text the reader accepted:\n${text}`).toBeDefined();
        expect(exact(fast.data)).toBe(exact(reference!.data));
        sameLocations(text);
      }),
      { numRuns: Number(process.env.PLAIN_YAML_RUNS ?? 3000) },
    );
    // The generator must reach the reader's subset often, or the comparison says little; of the
    // documents yaml reads without complaint, the rest use keys or constructs outside the subset.
    expect(read).toBeGreaterThan(300);
    expect(read / valid).toBeGreaterThan(0.4);
  });

  it('reads hand-written corners exactly as yaml does', () => {
    const accepted = [
      'shiftready: 1\nshifts:\n- id: a\n  staff: [x, y]\n- id: b\n',
      'shiftready: 1\na:\n  - b: 1\n    c:\n    - 2\n    -\n      d: e\n  -\n',
      "shiftready: 1\nx: a#b # comment\ny: \"a # b\"   # c\nz: 'it''s'\n",
      'shiftready: 1\nlist: [ a , "b, c" , \'d]\' , 1.50, 0o17, 0x1F, .inf, ~, ]\n',
      'shiftready: 1\n\n# a comment\n   # indented comment\nk:\n\n  # between\n  v: 1\n',
      'shiftready: 1\nconstructor: 1\ntoString: [x]\nhasOwnProperty: y\n',
      'shiftready: 1\nname: Zoë 田中 🙂\nwhen: 2026-01-01\nat: 09:00\n',
      // Windows line ends, with empty values, comments and a list at its key's indent.
      'shiftready: 1\r\na:\r\n- b: 1\r\n  c:\r\n  # x\r\n  d: [x, "y"] # c\r\n-\r\ne: \'q\'\r\n',
    ];
    for (const text of accepted) {
      const fast = readPlainYaml(text);
      expect(fast, text).toBeDefined();
      expect(exact(fast!.data)).toBe(exact(byYaml(text)!.data));
      sameLocations(text);
    }
  });

  it('leaves to yaml what it does not know', () => {
    const refused = [
      '',
      '# only a comment\n',
      'shiftready: 1\na: &x 1\nb: *x\n',
      'shiftready: 1\na: |\n  text\n',
      'shiftready: 1\na: multi\n  line\n',
      'shiftready: 1\na: 1\na: 2\n',
      'shiftready: 1\n<<: {a: 1}\n',
      'shiftready: 1\na: "esc\\n"\n',
      'shiftready: 1\na: [1,\n  2]\n',
      'shiftready: 1\ra: 1\r',
      'shiftready: 1\na: "x\ry"\n',
      '\uFEFFshiftready: 1\n',
      'shiftready: 1\n---\na: 1\n',
      '%YAML 1.2\n---\nshiftready: 1\n',
      'shiftready: 1\n__proto__: {}\n',
      'shiftready: 1\n1: one\n',
      `shiftready: 1\n${'a:\n'
        .split('')
        .map(() => '')
        .join('')}${Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n`,
    ];
    for (const text of refused) expect(readPlainYaml(text), JSON.stringify(text)).toBeUndefined();
  });

  it('reads every example, fixture and generated organization file like yaml, and most of them itself', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (name === 'node_modules' || name.startsWith('.')) continue;
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.ya?ml$/.test(name)) files.push(path);
      }
    };
    for (const dir of ['examples', 'test/fixtures', 'docs']) walk(dir);
    let read = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const fast = readPlainYaml(text);
      if (!fast) continue;
      read++;
      expect(byYaml(text), file).toBeDefined();
      expect(exact(fast.data), file).toBe(exact(byYaml(text)!.data));
    }
    expect(read).toBeGreaterThan(files.length / 2);
    // The benchmark's generated organization is read entirely by the fast path.
    const dir = tempDir();
    (generate as (dir: string, options: { scale: number }) => void)(dir, { scale: 0.05 });
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
      const text = readFileSync(join(dir, name), 'utf8');
      const fast = readPlainYaml(text);
      expect(fast).toBeDefined();
      expect(exact(fast!.data)).toBe(exact(byYaml(text)!.data));
    }
  });

  it('parseSource gives the same data, problems and locations on both paths', () => {
    const text = 'shiftready: 1\nusers:\n  - id: ana\n    programs: [a, b]\n';
    const source = parseSource('f.yaml', text);
    expect(exact(source.data)).toBe(exact(byYaml(text)!.data));
    expect(source.problems).toEqual([]);
    expect(source.usable).toBe(true);
    // The syntax tree is parsed only when asked for, from the same text.
    expect(source.tree()?.text).toBe(text);
    expect(source.tree()?.lineCounter.linePos(text.indexOf('programs'))).toEqual({ line: 4, col: 5 });
  });
});
