/**
 * One config file, parsed with node positions. All access to the YAML syntax tree lives in this
 * folder: other stages name a place by its path of keys and indexes and ask `locate` for it.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { Location } from '../findings.js';

/** A path of mapping keys and sequence indexes from the document root. */
export type Path = readonly (string | number)[];

/** A problem found while reading or parsing a file (becomes a `yaml-syntax` finding). */
export interface SyntaxProblem {
  message: string;
  line: number;
  column: number;
}

/** Rules silenced on a line by `# shiftready-disable-next-line <rule-id>[, …] [-- reason]`. */
export type DisabledRules = ReadonlyMap<number, ReadonlySet<string> | 'all'>;

export interface SourceDocument {
  /** The path as given on the command line (relative paths stay relative). */
  file: string;
  /** The parsed document; absent when the file could not be parsed at all. */
  doc?: Document.Parsed;
  lineCounter: LineCounter;
  /** The file's data as plain JS; `undefined` when the file is unusable. */
  data: unknown;
  /** Problems that become `yaml-syntax` findings. */
  problems: SyntaxProblem[];
  /** False when YAML errors make the content untrustworthy; its sections are then not merged. */
  usable: boolean;
  disabled: DisabledRules;
}

/** Cap on alias expansion (defends against "billion laughs"). */
const MAX_ALIAS_COUNT = 1000;
/** At most this many YAML errors are reported per file; the rest are summarised. */
const MAX_PROBLEMS = 20;

const CONTROL_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;

function problemAt(lineCounter: LineCounter, offset: number, message: string): SyntaxProblem {
  const pos = lineCounter.linePos(offset);
  return { message, line: pos.line, column: pos.col };
}

/** Parses a file's text (BOM and CRLF allowed); never throws for bad input. */
export function parseSource(file: string, text: string): SourceDocument {
  const lineCounter = new LineCounter();
  const disabled = parseDirectives(text);
  const base = { file, lineCounter, disabled };
  const control = CONTROL_CHAR.exec(text);
  if (control) {
    // YAML allows only printable characters; this is most likely a binary file.
    const before = text.slice(0, control.index);
    const line = before.split('\n').length;
    const column = control.index - before.lastIndexOf('\n');
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    const message = `the file contains the control character U+${code}, which YAML does not allow; is it a binary file?`;
    return { ...base, data: undefined, usable: false, problems: [{ message, line, column }] };
  }

  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, merge: true, prettyErrors: false });
  const problems: SyntaxProblem[] = [];
  let fatal = false;
  const seen = new Set<string>();
  for (const error of doc.errors) {
    if (error.code !== 'DUPLICATE_KEY') fatal = true;
    const key = error.code === 'RESOURCE_EXHAUSTION' ? error.code : `${error.code}@${error.pos[0]}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problemAt(lineCounter, error.pos[0], describeYamlError(error.code, error.message)));
  }
  let data: unknown;
  if (!fatal) {
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      fatal = true;
      const message = e instanceof Error && /alias/i.test(e.message)
        ? `aliases expand to too many nodes (more than ${MAX_ALIAS_COUNT}); write the values out or use fewer aliases`
        : `the document cannot be read: ${e instanceof Error ? e.message : String(e)}`;
      problems.push({ message, line: 1, column: 1 });
    }
  }
  if (problems.length > MAX_PROBLEMS) {
    const extra = problems.length - MAX_PROBLEMS;
    problems.length = MAX_PROBLEMS;
    problems.push({ ...problems[MAX_PROBLEMS - 1]!, message: `…and ${extra} more YAML errors in this file` });
  }
  return { ...base, doc, data: fatal ? undefined : data, problems, usable: !fatal };
}

/** A file that could not be read as text (too big, not UTF-8): one problem at 1:1. */
export function unreadableSource(file: string, message: string): SourceDocument {
  return {
    file,
    lineCounter: new LineCounter(),
    data: undefined,
    problems: [{ message, line: 1, column: 1 }],
    usable: false,
    disabled: new Map(),
  };
}

function describeYamlError(code: string, message: string): string {
  const first = message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '');
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'this key appears twice in the same mapping; YAML keeps only one of them: remove or rename one';
    case 'RESOURCE_EXHAUSTION':
      return 'the document is nested too deeply to read; flatten it';
    case 'MULTIPLE_DOCS':
      return 'a config file holds one YAML document; move the part after `---` into its own file';
    case 'TAB_AS_INDENT':
      return 'tabs are not allowed as indentation in YAML; indent with spaces';
    default:
      return `YAML syntax error: ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
  }
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

function positionOf(source: SourceDocument, node: YamlNode | null | undefined): Location {
  const offset = node?.range?.[0];
  if (offset === undefined) return { file: source.file, line: 1, column: 1 };
  const pos = source.lineCounter.linePos(offset);
  return { file: source.file, line: pos.line, column: pos.col };
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

/**
 * The location of the node at `path`: the value, or with `part: 'key'` the mapping key that
 * holds it. Where the path cannot be followed (an alias, a `<<` merge, a missing key), the nearest
 * node on the way is used.
 */
export function locate(source: SourceDocument, path: Path, part: 'value' | 'key' = 'value'): Location {
  const doc = source.doc;
  if (!doc) return { file: source.file, line: 1, column: 1 };
  let node: YamlNode | null | undefined = doc.contents as YamlNode | null;
  let last: YamlNode | null | undefined = node;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    if (!node || isAlias(node)) break;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && keyText(p.key) === String(seg));
      if (!pair) break;
      const key = pair.key as YamlNode | null;
      const value = pair.value as YamlNode | null;
      if (i === path.length - 1 && part === 'key') return positionOf(source, key);
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
  return positionOf(source, last);
}
