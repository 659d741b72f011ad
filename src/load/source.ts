/**
 * One config file, parsed with node positions. All access to the YAML syntax tree lives in this
 * folder: other stages name a place by its path of keys and indexes and ask `locate` for it.
 */
import { CST, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Parser, visit, type Document, type Node as YamlNode } from 'yaml';
import type { Location } from '../findings.js';

/** A path of mapping keys and sequence indexes from the document root. */
export type Path = readonly (string | number)[];

/** A problem found while reading or parsing a file (becomes a `yaml-syntax` finding). */
export interface SyntaxProblem {
  message: string;
  line: number;
  column: number;
  /** True when the file cannot be read at all; such a problem is always an error. */
  fatal: boolean;
  related?: { line: number; column: number; message: string };
}

/** Rules silenced on a line by `# shiftready-disable-next-line <rule-id>[, …] [-- reason]`. */
export type DisabledRules = ReadonlyMap<number, ReadonlySet<string> | 'all'>;

/** A parsed file's syntax tree with node positions. */
export interface SyntaxTree {
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

export interface SourceDocument {
  /** The path as given on the command line (relative paths stay relative). */
  file: string;
  /** The file's data as plain JS; `undefined` when the file is unusable. */
  data: unknown;
  /** Problems that become `yaml-syntax` findings. */
  problems: SyntaxProblem[];
  /** False when YAML errors make the content untrustworthy; its sections are then not merged. */
  usable: boolean;
  disabled: DisabledRules;
  /**
   * The syntax tree, for locating nodes. A file parsed in a worker thread has none until a
   * finding needs a location in it; it is then parsed again from the same text.
   */
  tree(): SyntaxTree | undefined;
}

/** What a worker thread sends back for one file (no syntax tree: it cannot cross threads). */
export interface ParsedRecord {
  file: string;
  text?: string;
  data: unknown;
  problems: SyntaxProblem[];
  usable: boolean;
  disabled: [number, string[] | 'all'][];
}

const PARSE_OPTIONS = { uniqueKeys: true, merge: true, prettyErrors: false, resolveKnownTags: false, logLevel: 'error' } as const;

/** Rebuilds a worker's record, with a syntax tree parsed again on first use. */
export function fromRecord(record: ParsedRecord): SourceDocument {
  let tree: SyntaxTree | undefined;
  return {
    file: record.file,
    data: record.data,
    problems: record.problems,
    usable: record.usable,
    disabled: new Map(record.disabled.map(([line, ids]) => [line, ids === 'all' ? 'all' : new Set(ids)])),
    tree() {
      if (!tree && record.text !== undefined) {
        const lineCounter = new LineCounter();
        tree = { doc: parseDocument(record.text, { ...PARSE_OPTIONS, lineCounter }), lineCounter };
      }
      return tree;
    },
  };
}

/** A parsed document as a record a worker can send. */
export function toRecord(source: SourceDocument, text: string | undefined): ParsedRecord {
  return {
    file: source.file,
    text,
    data: source.data,
    problems: source.problems,
    usable: source.usable,
    disabled: [...source.disabled].map(([line, ids]) => [line, ids === 'all' ? 'all' : [...ids]]),
  };
}

/** Cap on alias expansion (defends against "billion laughs"). */
const MAX_ALIAS_COUNT = 1000;
/** At most this many duplicate keys are reported per file. */
const MAX_DUPLICATES = 20;

const CONTROL_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;

function position(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/**
 * Where an unterminated quoted scalar or flow collection starts: yaml reports those at the end
 * of the file, which is not where the fix goes.
 */
function unterminatedStart(text: string): number | undefined {
  let found: number | undefined;
  const consider = (offset: number) => {
    if (found === undefined || offset < found) found = offset;
  };
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    CST.visit(token, (item) => {
      for (const t of [item.key, item.value]) {
        if (!t) continue;
        if (t.type === 'flow-collection' && !t.end.some((e) => e.type === 'flow-map-end' || e.type === 'flow-seq-end')) consider(t.offset);
        if (t.type === 'double-quoted-scalar' && !/[^\\]"\s*$|^""\s*$/.test(t.source)) consider(t.offset);
        if (t.type === 'single-quoted-scalar' && !/'\s*$/.test(t.source.slice(1))) consider(t.offset);
      }
    });
  }
  return found;
}

/** The key a DUPLICATE_KEY error is about, and where that key first appears in its mapping. */
function duplicateKey(doc: Document.Parsed, offset: number): { key: string; first?: number } | undefined {
  let result: { key: string; first?: number } | undefined;
  visit(doc, {
    Map(_, map) {
      const at = map.items.findIndex((p) => isScalar(p.key) && p.key.range?.[0] === offset);
      if (at < 0) return undefined;
      const key = keyText(map.items[at]!.key)!;
      const first = map.items.find((p) => keyText(p.key) === key);
      result = { key, first: (first?.key as YamlNode | undefined)?.range?.[0] };
      return visit.BREAK;
    },
  });
  return result;
}

/** Parses a file's text (BOM and CRLF allowed); never throws for bad input. */
export function parseSource(file: string, text: string): SourceDocument {
  const lineCounter = new LineCounter();
  const disabled = parseDirectives(text);
  const base = { file, disabled, tree: (): SyntaxTree | undefined => undefined };
  const control = CONTROL_CHAR.exec(text);
  if (control) {
    // YAML allows only printable characters; this is most likely a binary file.
    const before = text.slice(0, control.index);
    const line = before.split('\n').length;
    const column = control.index - before.lastIndexOf('\n');
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    const message = `the file contains the control character U+${code}, which YAML does not allow; is it a binary file?`;
    return { ...base, data: undefined, usable: false, problems: [{ message, line, column, fatal: true }] };
  }

  // resolveKnownTags: false keeps YAML 1.1 tags (!!binary, !!timestamp, !!set …) from turning
  // values into Buffers, Dates or Sets; logLevel keeps yaml from printing Node warnings.
  const doc = parseDocument(text, { ...PARSE_OPTIONS, lineCounter });
  const tree: SyntaxTree = { doc, lineCounter };
  const problems: SyntaxProblem[] = [];
  // Only the first error that makes the file unreadable is reported: later ones are nearly
  // always consequences of it (one mis-indented key misaligns every key after it).
  const fatalError = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
  if (fatalError) {
    let offset = fatalError.pos[0];
    if (/closing|end with a [\]}]/.test(fatalError.message)) offset = unterminatedStart(text) ?? offset;
    problems.push({ ...position(lineCounter, offset), message: describeYamlError(fatalError.code, fatalError.message), fatal: true });
  }
  for (const error of doc.errors.filter((e) => e.code === 'DUPLICATE_KEY').slice(0, MAX_DUPLICATES)) {
    const dup = fatalError ? undefined : duplicateKey(doc, error.pos[0]);
    const problem: SyntaxProblem = {
      ...position(lineCounter, error.pos[0]),
      message: dup
        ? `the key \`${dup.key}\` appears twice in the same mapping, and only this last one is used: remove or rename one`
        : 'this key appears twice in the same mapping; only the last one is used: remove or rename one',
      fatal: false,
    };
    if (dup?.first !== undefined) problem.related = { ...position(lineCounter, dup.first), message: `\`${dup.key}\` first appears here` };
    problems.push(problem);
  }
  for (const warning of doc.warnings) {
    if (warning.code !== 'TAG_RESOLVE_FAILED') continue;
    const tag = /Unresolved tag: (\S+)/.exec(warning.message)?.[1]?.replace('tag:yaml.org,2002:', '!!') ?? 'this tag';
    problems.push({ ...position(lineCounter, warning.pos[0]), message: `the tag \`${tag}\` is not supported in shiftready files: remove it`, fatal: false });
  }
  let fatal = fatalError !== undefined;
  if (!fatal) {
    for (const offset of complexKeys(doc)) {
      fatal = true;
      problems.push({ ...position(lineCounter, offset), message: 'a key must be a plain name such as `id`, not a list or a mapping', fatal: true });
    }
  }
  let data: unknown;
  if (!fatal) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      fatal = true;
      problems.push({ ...describeToJsError(doc, lineCounter, e), fatal: true });
    }
  }
  return { ...base, tree: () => tree, data: fatal ? undefined : data, problems, usable: !fatal };
}

/** Offsets of mapping keys that are themselves lists or mappings (the data cannot hold them). */
function complexKeys(doc: Document.Parsed): number[] {
  const offsets: number[] = [];
  visit(doc, {
    Pair(_, pair) {
      const offset = (pair.key as YamlNode | null)?.range?.[0];
      if ((isMap(pair.key) || isSeq(pair.key)) && offset !== undefined) offsets.push(offset);
    },
  });
  return offsets;
}

/** An error from turning the document into data (aliases, merges), placed at its node. */
function describeToJsError(doc: Document.Parsed, lineCounter: LineCounter, e: unknown): { message: string; line: number; column: number } {
  const text = e instanceof Error ? e.message : String(e);
  const at = (offset: number | undefined) => (offset === undefined ? { line: 1, column: 1 } : position(lineCounter, offset));
  if (/Excessive alias count/.test(text)) {
    return { message: `aliases expand to too many nodes (more than ${MAX_ALIAS_COUNT}); write the values out or use fewer aliases`, ...at(undefined) };
  }
  const unresolved = /Unresolved alias[^:]*: (.+)$/.exec(text);
  if (unresolved) {
    const name = unresolved[1]!.trim();
    let offset: number | undefined;
    visit(doc, {
      Alias(_, alias) {
        if (alias.source !== name) return undefined;
        offset = alias.range?.[0];
        return visit.BREAK;
      },
    });
    return { message: `the alias \`*${name}\` refers to no anchor: put \`&${name}\` on a value before it`, ...at(offset) };
  }
  if (/Merge sources/.test(text)) {
    let offset: number | undefined;
    visit(doc, {
      Pair(_, pair) {
        if (!(isScalar(pair.key) && pair.key.value === '<<') && !(pair.key && (pair.key as { source?: string }).source === '<<')) return undefined;
        offset = (pair.key as YamlNode).range?.[0];
        return visit.BREAK;
      },
    });
    return { message: 'a `<<` merge must name a mapping, e.g. `<<: *shift-defaults`', ...at(offset) };
  }
  return { message: `the document cannot be read: ${text}`, ...at(undefined) };
}

/** A file that could not be read as text (too big, not UTF-8): one problem at 1:1. */
export function unreadableSource(file: string, message: string): SourceDocument {
  return {
    file,
    data: undefined,
    problems: [{ message, line: 1, column: 1, fatal: true }],
    usable: false,
    disabled: new Map(),
    tree: () => undefined,
  };
}

function describeYamlError(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
  if (/Missing closing "quote/.test(first)) return 'the quoted text that starts here is never closed: add the closing "';
  if (/Missing closing 'quote/.test(first)) return "the quoted text that starts here is never closed: add the closing '";
  if (/Flow sequence .*end with a \]/.test(first)) return 'the [ list that starts here is never closed: add ] (a list continued on the next lines must be indented more than its key)';
  if (/Flow map .*end with a \}/.test(first)) return 'the { mapping that starts here is never closed: add } (a mapping continued on the next lines must be indented more than its key)';
  switch (code) {
    case 'RESOURCE_EXHAUSTION':
      return 'the document is nested too deeply to read; flatten it';
    case 'MULTIPLE_DOCS':
      return 'a config file holds one YAML document; move the part after `---` into its own file';
    case 'TAB_AS_INDENT':
      return 'tabs are not allowed as indentation in YAML; indent with spaces';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return `YAML syntax error: ${lowerFirst(first)}; check the indentation of this line and the one before`;
    default:
      return `YAML syntax error: ${lowerFirst(first)}`;
  }
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

const DIRECTIVE = /(?:^|\s)#\s*shiftready-disable-next-line\b([^\n]*)/;

/** Finds `# shiftready-disable-next-line` comments; a bare directive silences every rule. */
export function parseDirectives(text: string): DisabledRules {
  const out = new Map<number, ReadonlySet<string> | 'all'>();
  if (!text.includes('shiftready-disable-next-line')) return out;
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((line, i) => {
    const m = DIRECTIVE.exec(line);
    if (!m) return;
    const ids = m[1]!.split('--')[0]!.split(/[\s,]+/).filter(Boolean);
    // Directive on line i+1 (1-based) silences line i+2.
    out.set(i + 2, ids.length ? new Set(ids) : 'all');
  });
  return out;
}

function positionOf(source: SourceDocument, tree: SyntaxTree, node: YamlNode | null | undefined): Location {
  const offset = node?.range?.[0];
  if (offset === undefined) return { file: source.file, line: 1, column: 1 };
  const pos = tree.lineCounter.linePos(offset);
  return { file: source.file, line: pos.line, column: pos.col };
}

function keyText(key: unknown): string | undefined {
  // A null key (`~:`) becomes "" in the data.
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return undefined;
}

/**
 * The location of the node at `path`: the value, or with `part: 'key'` the mapping key that
 * holds it. Where the path cannot be followed (an alias, a `<<` merge, a missing key), the nearest
 * node on the way is used.
 */
export function locate(source: SourceDocument, path: Path, part: 'value' | 'key' = 'value'): Location {
  const tree = source.tree();
  if (!tree) return { file: source.file, line: 1, column: 1 };
  const doc = tree.doc;
  let node: YamlNode | null | undefined = doc.contents as YamlNode | null;
  let last: YamlNode | null | undefined = node;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (!node || isAlias(node)) break;
    if (isMap(node)) {
      // The last pair with the key: it is the one whose value the configuration uses.
      const pair = node.items.findLast((p) => isPair(p) && keyText(p.key) === String(seg));
      if (!pair) break;
      const key = pair.key as YamlNode | null;
      const value = pair.value as YamlNode | null;
      if (i === path.length - 1 && part === 'key') return positionOf(source, tree, key);
      // `key:` with no value has no value node: point at the key.
      node = value ?? key;
      if (!value) {
        last = key;
        break;
      }
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as YamlNode | null | undefined;
      if (!item) break;
      node = item;
    } else break;
    last = node;
  }
  return positionOf(source, tree, last);
}
