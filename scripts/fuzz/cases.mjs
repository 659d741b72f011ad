// Test cases: a base configuration (an example or a test fixture), one to three random mutations
// of its files, and one command line to run on the result. Everything comes from the case's own
// Rng, so (seed, index) gives the same case on every machine.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import { FORMATS as CLI_FORMATS } from '../../dist/cli/formats.js';
import { anyHostile, DATE_TIMES, DATES, hostileFor, IDS, ZONES } from './values.mjs';

/** The configurations mutated: real examples and the small test fixtures (small ones run faster). */
export const BASES = ['examples/crisis-line', 'examples/mistakes', 'test/fixtures/golden-config', 'test/fixtures/html-report'];

/** Reads each base's YAML files as { name, files: { relativePath: text } }. */
export function loadBases(root) {
  return BASES.map((name) => {
    const dir = join(root, name);
    const files = {};
    for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
      if (entry.isFile() && /\.ya?ml$/.test(entry.name)) {
        const path = join(entry.parentPath ?? entry.path, entry.name);
        files[relative(dir, path)] = readFileSync(path, 'utf8');
      }
    }
    return { name, files };
  });
}

// ---------------------------------------------------------------------------------------------
// Mutations of the parsed document (the yaml library writes any value back as valid YAML, so
// control characters arrive as escapes such as "\e]0;x\a" that the loader must read).

/** Every node of a document with its path, e.g. [['shifts', 0, 'start'], scalarNode]. */
function nodesOf(doc) {
  const out = [];
  const walk = (node, path) => {
    out.push([path, node]);
    if (isMap(node)) for (const pair of node.items) walk(pair.value, [...path, isScalar(pair.key) ? pair.key.value : pair.key]);
    else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, i]));
  };
  if (doc.contents) walk(doc.contents, []);
  return out.filter(([path]) => path.length > 0);
}

const DOC_MUTATIONS = {
  /** A scalar replaced by a hostile value for its field. */
  replace(rng, doc) {
    const scalars = nodesOf(doc).filter(([, n]) => isScalar(n));
    if (!scalars.length) return undefined;
    const [path] = rng.pick(scalars);
    const value = hostileFor(rng, lastKey(path));
    doc.setIn(path, value);
    return `replace ${path.join('.')} = ${JSON.stringify(value)?.slice(0, 60)}`;
  },
  /** A key or list item removed. */
  remove(rng, doc) {
    const nodes = nodesOf(doc);
    if (!nodes.length) return undefined;
    const [path] = rng.pick(nodes);
    doc.deleteIn(path);
    return `delete ${path.join('.')}`;
  },
  /** A value of one type where another is expected: list ↔ map ↔ scalar. */
  swapType(rng, doc) {
    const nodes = nodesOf(doc);
    if (!nodes.length) return undefined;
    const [path, node] = rng.pick(nodes);
    const plain = node?.toJSON?.() ?? null;
    const value = rng.pick([
      () => [plain],
      () => ({ value: plain }),
      () => (typeof plain === 'object' ? JSON.stringify(plain) : plain),
      () => [],
      () => ({}),
      () => null,
    ])();
    doc.setIn(path, value);
    return `swap type of ${path.join('.')}`;
  },
  /** An unknown key in a map, some with names that mean something to JavaScript. */
  unknownKey(rng, doc) {
    const maps = nodesOf(doc).filter(([, n]) => isMap(n));
    if (doc.contents && isMap(doc.contents)) maps.push([[], doc.contents]);
    if (!maps.length) return undefined;
    const [path, node] = rng.pick(maps);
    const key = rng.pick([
      'extra',
      'ID',
      'Id',
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'hasOwnProperty',
      'shiftready',
      '\x1b[2K',
      '',
    ]);
    node.set(doc.createNode(key), doc.createNode(anyHostile(rng)));
    return `unknown key ${JSON.stringify(key)} in ${path.join('.') || '(top)'}`;
  },
  /** A list item twice: duplicate ids, duplicate staff. */
  duplicateItem(rng, doc) {
    const seqs = nodesOf(doc).filter(([, n]) => isSeq(n) && n.items.length);
    if (!seqs.length) return undefined;
    const [path, node] = rng.pick(seqs);
    const item = rng.pick(node.items);
    node.items.push(item.clone ? item.clone() : item);
    return `duplicate an item of ${path.join('.')}`;
  },
  /** A list grown large: many staff, many except dates, many items. */
  bigList(rng, doc) {
    const seqs = nodesOf(doc).filter(([, n]) => isSeq(n) && n.items.length);
    if (!seqs.length) return undefined;
    const [path, node] = rng.pick(seqs);
    const n = rng.pick([200, 2000]);
    const item = rng.pick(node.items);
    for (let i = 0; i < n; i++) node.items.push(item.clone ? item.clone() : item);
    return `grow ${path.join('.')} by ${n} copies`;
  },
  /** Ids told apart only by Unicode normalization: an id in NFC, its references in NFD (or back). */
  normalization(rng, doc) {
    const ids = nodesOf(doc).filter(([path, n]) => lastKey(path) === 'id' && isScalar(n) && typeof n.value === 'string');
    if (!ids.length) return undefined;
    const [, idNode] = rng.pick(ids);
    const old = idNode.value;
    const [defined, referenced] = rng.chance(0.5) ? ['\u00e9', 'e\u0301'] : ['e\u0301', '\u00e9'];
    idNode.value = `${old}${defined}`;
    for (const [, n] of nodesOf(doc)) if (isScalar(n) && n !== idNode && n.value === old) n.value = `${old}${referenced}`;
    return `id ${old} in one normalization form, its references in the other`;
  },
};

function lastKey(path) {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i];
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Mutations of the text (what the parser itself must survive).

/** Lines that look like `key: value` (with an optional list dash). */
function valueLines(lines) {
  const out = [];
  lines.forEach((line, i) => {
    if (/^\s*(- )?[\w-]+:\s*\S/.test(line) && !/^\s*#/.test(line)) out.push(i);
  });
  return out;
}

/** Replaces the value of a random `key: value` line with `value` (raw YAML). */
function replaceValueText(rng, text, makeValue) {
  const lines = text.split('\n');
  const candidates = valueLines(lines);
  if (!candidates.length) return undefined;
  const i = rng.pick(candidates);
  const m = /^(\s*(?:- )?[\w-]+):/.exec(lines[i]);
  lines[i] = `${m[1]}: ${makeValue(m[1].trim().replace(/^- /, ''))}`;
  return { text: lines.join('\n'), line: i + 1 };
}

const TEXT_MUTATIONS = {
  crlf: (rng, text) => ({ text: text.replace(/\r?\n/g, '\r\n'), what: 'CRLF line endings' }),
  bom: (rng, text) => ({ text: `\ufeff${text}`, what: 'a byte order mark' }),
  empty: () => ({ text: '', what: 'emptied' }),
  remove: () => ({ text: null, what: 'removed' }),
  truncate(rng, text) {
    const at = rng.int(text.length + 1);
    return { text: text.slice(0, at), what: `truncated at ${at}` };
  },
  /** A key repeated in the same map (YAML calls it an error; last-wins parsers do not). */
  duplicateKey(rng, text) {
    const lines = text.split('\n');
    const candidates = valueLines(lines).filter((i) => !/^\s*- /.test(lines[i]));
    if (!candidates.length) return undefined;
    const i = rng.pick(candidates);
    lines.splice(i + 1, 0, lines[i]);
    return { text: lines.join('\n'), what: `duplicate key at line ${i + 1}` };
  },
  /** Anchors and aliases, including an alias inside its own anchor's value and an undefined one. */
  alias(rng, text) {
    const value = rng.pick([
      '&x [*x]',
      '&x { a: *x }',
      '&x [a, [b, *x]]',
      '*nowhere',
      '&a [&b [*a, *b]]',
      '&x x\n*x: y',
      '!!binary aGVsbG8=',
      '!!js/function "() => 1"',
      '!custom tag',
      '!!timestamp 2027-03-01',
    ]);
    const r = replaceValueText(rng, text, () => value);
    return r && { text: r.text, what: `${JSON.stringify(value)} at line ${r.line}` };
  },
  /** An anchor on one value and its alias on another (legal YAML: the same value twice). */
  anchorAlias(rng, text) {
    const lines = text.split('\n');
    const candidates = valueLines(lines);
    if (candidates.length < 2) return undefined;
    const a = rng.pick(candidates);
    const b = rng.pick(candidates);
    lines[a] = lines[a].replace(/:\s*/, ': &anc ');
    if (b !== a) lines[b] = lines[b].replace(/:\s*.*$/, ': *anc');
    return { text: lines.join('\n'), what: `anchor at line ${a + 1}, alias at ${b + 1}` };
  },
  /** Lists or maps nested deeper than any configuration needs. */
  deepNesting(rng, text) {
    const depth = rng.pick([50, 200, 1000, 5000]);
    const [open, close] = rng.chance(0.5) ? ['[', ']'] : ['{a: ', '}'];
    const r = replaceValueText(rng, text, () => open.repeat(depth) + (open === '[' ? '' : '1') + close.repeat(depth));
    return r && { text: r.text, what: `nesting ${depth} deep at line ${r.line}` };
  },
  /** A value written by hand in raw YAML: quoted with escapes, plain, a block scalar. */
  rawValue(rng, text) {
    const raw = rng.pick([
      '"\\e]0;x\\a"',
      '"\\e[2K\\r"',
      '"a\\rb"',
      '"\\u0085\\u009b"',
      '"\\u202e"',
      '"\\0"',
      '"\\x7f"',
      '|\n  multi\n  line',
      '\'=HYPERLINK("x")\'',
      '0000-01-01',
      '9999-12-31',
      '2027-02-29',
      '24:00',
      '0900',
      '0x1F',
      '1e400',
      '.nan',
      '-.inf',
      '~',
      '[]',
      '{}',
      '""',
      "'']",
    ]);
    const r = replaceValueText(rng, text, () => raw);
    return r && { text: r.text, what: `${JSON.stringify(raw)} at line ${r.line}` };
  },
  /** One character replaced by one that means something to YAML. */
  flip(rng, text) {
    if (!text.length) return undefined;
    const at = rng.int(text.length);
    const c = rng.pick([':', '-', '[', '{', '"', "'", '\t', '#', '&', '*', '!', '|', '>', '%', '@', '`', '\r', '\x00', ' ']);
    return { text: text.slice(0, at) + c + text.slice(at + 1), what: `${JSON.stringify(c)} at offset ${at}` };
  },
  /** The format marker missing or of another version. */
  marker(rng, text) {
    const line = rng.pick(['', 'shiftready: 2', 'shiftready: "1"', 'shiftready: 1.0', 'shiftready: [1]', '# shiftready: 1']);
    return { text: text.replace(/^shiftready: 1[^\n]*/m, line), what: `marker ${JSON.stringify(line)}` };
  },
  /** Bytes that are not UTF-8. */
  badBytes(rng, text) {
    const at = rng.int(text.length + 1);
    const bytes = Buffer.from(rng.pick([[0xff], [0xc3], [0xed, 0xa0, 0x80], [0xfe, 0xff], [0xe2, 0x80]]));
    return {
      text: Buffer.concat([Buffer.from(text.slice(0, at)), bytes, Buffer.from(text.slice(at))]),
      what: `bytes ${bytes.toString('hex')} at ${at}`,
    };
  },
};

/** A second organization or other extra file next to the base's files. */
function extraFile(rng) {
  return rng.pick([
    `shiftready: 1\norganization:\n  id: second\n  name: Second\n  timezone: ${JSON.stringify(rng.pick(ZONES))}\n`,
    'shiftready: 1\nprograms:\n  - id: chat-program\n',
    `shiftready: 1\nholidays:\n  calendars: [${rng.pick(['XX', 'US-ZZ', 'IR', 'CN', 'SA', 'ET', 'US', '"\\e[2K"'])}]\n`,
    `shiftready: 1\nrules:\n  ${rng.pick(['schema', 'bogus-rule', 'yaml-syntax'])}: ${rng.pick(['off', 'warn', 'fatal', '1'])}\n`,
    'not: a shiftready file\n',
    '',
  ]);
}

/** Applies one mutation to the files; returns what it did, or undefined when it did not apply. */
function mutate(rng, files) {
  const names = Object.keys(files).filter((n) => typeof files[n] === 'string');
  if (rng.chance(0.08)) {
    const name = `extra-${rng.int(1000)}.yaml`;
    files[name] = extraFile(rng);
    return `add ${name}`;
  }
  if (!names.length) return undefined;
  const name = rng.pick(names);
  if (rng.chance(0.6)) {
    const doc = parseDocument(files[name], { uniqueKeys: false });
    if (doc.errors.length) return undefined;
    const kind = rng.weighted([
      [6, 'replace'],
      [2, 'remove'],
      [2, 'swapType'],
      [1, 'unknownKey'],
      [1, 'duplicateItem'],
      [0.5, 'bigList'],
      [1, 'normalization'],
    ]);
    const what = DOC_MUTATIONS[kind](rng, doc);
    if (!what) return undefined;
    try {
      files[name] = doc.toString({ lineWidth: 0 });
    } catch {
      return undefined; // e.g. an alias left before its anchor: the yaml library will not write that
    }
    return `${name}: ${what}`;
  }
  const kind = rng.weighted([
    [1, 'crlf'],
    [1, 'bom'],
    [0.5, 'empty'],
    [0.5, 'remove'],
    [0.5, 'truncate'],
    [1, 'duplicateKey'],
    [1, 'alias'],
    [1, 'anchorAlias'],
    [0.5, 'deepNesting'],
    [2, 'rawValue'],
    [1, 'flip'],
    [0.3, 'marker'],
    [0.3, 'badBytes'],
  ]);
  const r = TEXT_MUTATIONS[kind](rng, files[name]);
  if (!r) return undefined;
  files[name] = r.text;
  return `${name}: ${r.what}`;
}

// ---------------------------------------------------------------------------------------------
// Command lines.

/** A period that keeps runs short: one to ten days, in 2026-2027. */
function period(rng) {
  const from = new Date(Date.UTC(2026, 0, 1) + rng.int(700) * 86_400_000);
  const to = new Date(from.getTime() + rng.between(1, 10) * 86_400_000);
  return ['--from', from.toISOString().slice(0, 10), '--to', to.toISOString().slice(0, 10)];
}

/** A date or date-time option value: usually ordinary, sometimes out of range or not a date. */
function timeValue(rng) {
  return rng.chance(0.7)
    ? `2027-03-${String(rng.between(1, 28)).padStart(2, '0')}T${String(rng.int(24)).padStart(2, '0')}:${rng.pick(['00', '30', '59'])}`
    : rng.pick([...DATES, ...DATE_TIMES, '', 'now', '-1']);
}

function periodOptions(rng) {
  if (rng.chance(0.85)) {
    const args = period(rng);
    if (rng.chance(0.1)) args[rng.pick([1, 3])] = timeValue(rng);
    return args;
  }
  return rng.pick([
    [],
    ['--from', timeValue(rng)],
    ['--from', '2027-03-01', '--to', timeValue(rng)],
    ['--now', timeValue(rng), '--to', '2027-03-05'],
  ]);
}

/** `--rule` options: mostly letting hostile text past the schema rule, so the formatters see it. */
function ruleOptions(rng, ruleIds) {
  const args = [];
  if (rng.chance(0.5)) args.push('--rule', 'schema=off');
  if (rng.chance(0.15)) args.push('--rule', `${rng.pick(ruleIds)}=${rng.pick(['off', 'warn', 'error'])}`);
  if (rng.chance(0.03)) args.push('--rule', rng.pick(['bogus=off', 'schema=fatal', 'schema', '=', 'schema=off=on']));
  return args;
}

/** The portal ids of the files (for explain --portal), read loosely. */
function portalIds(files) {
  const ids = [];
  for (const text of Object.values(files)) {
    if (typeof text !== 'string') continue;
    const section = /^portals:\n((?:[ -].*\n?)*)/m.exec(text);
    if (section) for (const m of section[1].matchAll(/^\s*- id:\s*(\S+)/gm)) ids.push(m[1]);
  }
  return ids;
}

/** The formats of each command the fuzzer runs, from the CLI's own registry (`diff` needs a git history). */
const FORMATS = Object.fromEntries(Object.entries(CLI_FORMATS).filter(([command]) => command !== 'diff'));

/** One command line: { command, format, args, out } (out: a file the output goes to, not stdout). */
function commandLine(rng, files, ruleIds) {
  const command = rng.weighted([
    [6, 'check'],
    [4, 'compile'],
    [2, 'status'],
    [2, 'explain'],
    [3, 'report'],
    [2, 'holidays'],
    [2, 'suggest'],
    [0.2, 'schema'],
    [0.4, 'rules'],
    [0.4, 'init'],
  ]);
  if (command === 'schema') return { command, format: 'json', args: ['schema'] };
  if (command === 'rules')
    return { command, format: 'text', args: ['rules', ...(rng.chance(0.7) ? [rng.pick([...ruleIds, ...IDS])] : [])] };
  if (command === 'init') {
    const zone = rng.chance(0.7) ? ['--timezone', rng.pick(ZONES)] : [];
    return { command, format: 'text', args: ['init', 'new', ...zone], made: 'new/shiftready.yaml' };
  }
  const format = rng.pick(FORMATS[command]);
  const args = [command, 'cfg', '--format', format];
  if (command === 'status' || command === 'explain') {
    if (rng.chance(0.9)) args.push('--at', timeValue(rng));
    if (command === 'explain') args.push('--portal', rng.chance(0.8) ? rng.pick(portalIds(files).concat('nope')) : rng.pick(IDS));
  } else if (command === 'holidays') {
    args.push(
      '--year',
      rng.chance(0.85)
        ? String(rng.between(2025, 2028))
        : rng.pick(['0', '1969', '1970', '2099', '2100', '9999', '10000', '-1', '20x7', '']),
    );
  } else {
    args.push(...periodOptions(rng));
  }
  if (command === 'check') {
    if (rng.chance(0.1)) args.push('--fail-on', 'warn');
    if (rng.chance(0.05)) args.push('--max-warnings', rng.pick(['0', '-1', 'x', '1e9']));
    if (rng.chance(0.05)) args.push('--quiet');
    // Fixes: a diff of the safe fixes on stdout, or the files fixed in place and checked again.
    if (rng.chance(0.08)) args.push(rng.chance(0.6) ? '--fix-dry-run' : '--fix');
  }
  if (command === 'compile' && format === 'ics' && rng.chance(0.3)) args.push('--include-offline');
  if (rng.chance(0.05)) args.push('--now', timeValue(rng));
  args.push(...ruleOptions(rng, ruleIds));
  // Now and then the output goes to a file, which is then checked like standard output.
  const out = rng.chance(0.1) ? `out.${format}` : undefined;
  if (out) args.push('--out', out);
  return { command, format, args, out };
}

/**
 * Case `index`: { base, files, mutations, command, env }. Files map paths (under cfg/) to text, a
 * Buffer (bytes that are not UTF-8) or null (removed).
 */
export function makeCase(rng, bases, ruleIds) {
  // The small fixtures more often than the examples: a case costs what its configuration costs.
  const base = rng.weighted(bases.map((b) => [b.name.startsWith('test/') ? 3 : 2, b]));
  const files = { ...base.files };
  const mutations = [];
  const wanted = rng.between(1, 3);
  for (let tries = 0; mutations.length < wanted && tries < 20; tries++) {
    const what = mutate(rng, files);
    if (what) mutations.push(what);
  }
  const line = commandLine(rng, files, ruleIds);
  // The machine's zone must not matter; a far one now and then shows where it does.
  const env = { TZ: rng.pick(['UTC', 'UTC', 'America/Chicago', 'Pacific/Kiritimati', 'Asia/Kathmandu']) };
  return { base: base.name, files, mutations, ...line, env };
}
