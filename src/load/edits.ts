/**
 * Text edits on a config file, for safe fixes and suggestions (SPEC §5.7), computed from the
 * syntax tree's node positions: an edit replaces exactly a node's source text, deletes exactly a
 * key's line or a list item, or inserts exactly one line (or one flow entry). Everything else in
 * the file — comments, key order, quoting, blank lines — stays as it is. Other stages name the
 * place by its path of keys and indexes, as for `locate`; only this folder knows the YAML syntax
 * tree. Each builder returns `undefined` when the node cannot be edited safely (reached through an
 * alias or a `<<` merge, or written in a way the edit would not fit), so the finding has no fix or
 * suggestion then.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, Scalar, stringify, type Node as YamlNode, type Pair } from 'yaml';
import type { TextEdit } from '../findings.js';
import { keyText, position } from './locate.js';
import type { Path, SourceDocument, SyntaxTree } from './source.js';

/** A value as YAML writes it in a flow or block context: plain when it reads back the same, else quoted. */
export function yamlValue(value: string): string {
  const plain = stringify(value, { lineWidth: 0 }).trimEnd();
  // Plain text that holds flow indicators cannot stand inside `[…]`; ids and zones never do.
  return /[,[\]{}]/.test(plain) && !/^["']/.test(plain) ? JSON.stringify(value) : plain;
}

interface Found {
  tree: SyntaxTree;
  text: string;
  /** The value node at the path (an empty scalar for `key:` with no value). */
  node: YamlNode;
  /** The pair that holds it, when its parent is a mapping. */
  pair?: Pair<YamlNode, YamlNode | null>;
}

/**
 * The node at exactly `path`, written in this file (not through an alias or a `<<` merge): an
 * edit never lands elsewhere, nor on every place an alias reaches.
 */
function find(source: SourceDocument, path: Path): Found | undefined {
  const tree = source.tree();
  if (!tree) return undefined;
  const text = tree.text;
  let node = tree.doc.contents as YamlNode | null;
  let pair: Pair<YamlNode, YamlNode | null> | undefined;
  for (const seg of path) {
    if (!node || isAlias(node)) return undefined;
    if (isMap(node)) {
      const found = node.items.findLast((p) => isPair(p) && keyText(p.key) === String(seg)) as Pair<YamlNode, YamlNode | null> | undefined;
      if (!found?.value) return undefined;
      pair = found;
      node = found.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = (node.items[seg] as YamlNode | undefined) ?? null;
      pair = undefined;
    } else return undefined;
  }
  if (!node || isAlias(node) || !node.range) return undefined;
  return { tree, text, node, ...(pair ? { pair } : {}) };
}

/**
 * Edits kept as a safe fix only in a file that YAML read without errors: a fix is written without
 * a person reading it, while a suggestion (which such a file may get) is read first.
 */
export function asFix(source: SourceDocument, edits: TextEdit[] | undefined): TextEdit[] | undefined {
  return source.tree()?.doc.errors.length === 0 ? edits : undefined;
}

function edit(source: SourceDocument, tree: SyntaxTree, start: number, end: number, text: string): TextEdit {
  const from = position(tree.lineCounter, start);
  const to = position(tree.lineCounter, end);
  return { file: source.file, line: from.line, column: from.column, endLine: to.line, endColumn: to.column, text };
}

/** Where the line holding `offset` starts. */
function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/**
 * The offset after the end of the line holding `offset`: just after its line break (or the text's
 * end). An offset just after a line break (where a block collection's range ends) is its own end.
 */
function afterLine(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

/** The file's line ending where `offset` is: CRLF when the line there ends with one, else LF. */
function lineEnding(text: string, offset: number): string {
  const nl = text.indexOf('\n', offset);
  const at = nl < 0 ? text.lastIndexOf('\n') : nl;
  return at > 0 && text[at - 1] === '\r' ? '\r\n' : '\n';
}

/** True when only spaces, tabs and a comment follow `offset` on its line. */
function restIsBlank(text: string, offset: number): boolean {
  const end = text.indexOf('\n', offset);
  return /^[ \t]*(#.*)?\r?$/.test(text.slice(offset, end < 0 ? text.length : end));
}

/**
 * Replaces the value at `path` by `replacement` (YAML text of a scalar): a scalar's own text
 * (its anchor, tag and comments stay), an empty value (`key:`) filled in, or a block list or
 * mapping written under the key collapsed onto the key's line.
 */
export function replaceValue(source: SourceDocument, path: Path, replacement: string): TextEdit[] | undefined {
  const found = find(source, path);
  if (!found) return undefined;
  const { tree, text, node, pair } = found;
  const [start, end] = node.range!;
  if ((isSeq(node) || isMap(node)) && !node.flow) {
    // `key:\n  - a\n  - b` → `key: x`: from the key's end to the collection's last character.
    const keyEnd = (pair?.key as YamlNode | null)?.range?.[1];
    if (keyEnd === undefined || !/^[ \t]*:/.test(text.slice(keyEnd))) return undefined;
    const last = text[end - 1] === '\n' ? (text[end - 2] === '\r' ? end - 2 : end - 1) : end;
    return [edit(source, tree, keyEnd, last, `: ${replacement}`)];
  }
  if (isScalar(node) && start === end) {
    // `key:` with no value: the empty scalar sits where the value would start.
    // The empty scalar may sit where a comment starts (`key:   # note`): keep them apart.
    const before = /[ \t]/.test(text[start - 1] ?? '') ? '' : ' ';
    const after = /^[^\s]/.test(text.slice(end, end + 1)) ? ' ' : '';
    return [edit(source, tree, start, end, `${before}${replacement}${after}`)];
  }
  return [edit(source, tree, start, end, replacement)];
}

/** The time of day a scalar's text means when it was written without quotes: `0900`, `900`, `9:00`. */
export function timeText(written: string, allow24: boolean): string | undefined {
  const m = /^(\d{1,2}):?([0-5]\d)$/.exec(written);
  if (!m) return undefined;
  const h = Number(m[1]);
  if (h > 24 || (h === 24 && (m[2] !== '00' || !allow24))) return undefined;
  return `"${String(h).padStart(2, '0')}:${m[2]}"`;
}

/**
 * The fix for a time of day that YAML did not read as the string "HH:MM" (SPEC §5.7): an unquoted
 * `0900` (the number 900 in YAML 1.2), `9:00`, or under `%YAML 1.1` a sexagesimal `9:00` (540) —
 * rewritten from the text as written, quoted.
 */
export function quoteTime(source: SourceDocument, path: Path, allow24: boolean): TextEdit[] | undefined {
  const found = find(source, path);
  if (!found || !isScalar(found.node)) return undefined;
  const scalar = found.node;
  if (scalar.type !== Scalar.PLAIN && scalar.type !== Scalar.QUOTE_DOUBLE && scalar.type !== Scalar.QUOTE_SINGLE) return undefined;
  const [start, end] = scalar.range!;
  const written = found.text.slice(start, end);
  const unquoted = scalar.type === Scalar.PLAIN ? written : written.slice(1, -1);
  const time = timeText(unquoted, allow24);
  if (!time || time === written) return undefined;
  return [edit(source, found.tree, start, end, time)];
}

/**
 * Removes the key at `path` with its value: the whole line (its line break included) when the
 * pair has its lines to itself, else the pair's text up to the next pair (`- key: v\n  next: …`
 * or a flow mapping).
 */
export function removeKey(source: SourceDocument, path: Path): TextEdit[] | undefined {
  const found = find(source, path);
  const parent = path.length ? find(source, path.slice(0, -1)) : undefined;
  if (!found?.pair || !parent || !isMap(parent.node)) return undefined;
  const { tree, text, pair } = found;
  const keyStart = (pair.key as YamlNode | null)?.range?.[0];
  const valueEnd = found.node.range![1];
  if (keyStart === undefined) return undefined;
  const items = parent.node.items as Pair<YamlNode, YamlNode | null>[];
  const index = items.indexOf(pair);
  const next = items[index + 1];
  const nextKeyStart = (next?.key as YamlNode | null | undefined)?.range?.[0];
  if (!parent.node.flow) {
    const start = lineStart(text, keyStart);
    const ownsLine = /^[ \t]*$/.test(text.slice(start, keyStart));
    // A scalar value ends where its text ends; a block value ends at the next line's start.
    const blockEnd = text[valueEnd - 1] === '\n';
    if (ownsLine && (blockEnd || restIsBlank(text, valueEnd))) return [edit(source, tree, start, afterLine(text, valueEnd), '')];
    if (nextKeyStart !== undefined) return [edit(source, tree, keyStart, nextKeyStart, '')];
    return undefined;
  }
  // A flow mapping: `{ a: 1, key: v, b: 2 }` → `{ a: 1, b: 2 }`.
  if (nextKeyStart !== undefined) return [edit(source, tree, keyStart, nextKeyStart, '')];
  const previous = items[index - 1];
  const previousEnd = (previous?.value as YamlNode | null | undefined)?.range?.[1] ?? (previous?.key as YamlNode | null)?.range?.[1];
  if (previousEnd === undefined) return undefined;
  return [edit(source, tree, previousEnd, valueEnd, '')];
}

/**
 * The text that inserts `lines` at `at`, the start of a line (or the text's end): each line ended
 * with the file's own line ending there; after a last line without a line break, the new lines go
 * after one and the file still ends without one.
 */
function insertLines(text: string, at: number, lines: readonly string[]): string {
  const eol = lineEnding(text, Math.max(0, at - 1));
  return at === text.length && !text.endsWith('\n') ? lines.map((l) => `${eol}${l}`).join('') : lines.map((l) => `${l}${eol}`).join('');
}

/**
 * Adds `key: value` (value already YAML) to the mapping at `mapPath`, after the pair `after` (or
 * after the last pair): in a block mapping on a line of its own, indented as the mapping's keys;
 * in a flow mapping (only with `flow`; safe fixes leave those as written) as `, key: value`. No
 * key is added where it is already written (e.g. through an alias) or a `<<` merge may hold it.
 */
export function addKey(
  source: SourceDocument,
  mapPath: Path,
  key: string,
  value: string,
  options: { after?: string | undefined; flow?: boolean } = {},
): TextEdit[] | undefined {
  const found = find(source, mapPath);
  if (!found || !isMap(found.node) || (found.node.flow && !options.flow) || found.node.items.length === 0) return undefined;
  const { tree, text } = found;
  const items = found.node.items as Pair<YamlNode, YamlNode | null>[];
  if (items.some((p) => keyText(p.key) === '<<' || keyText(p.key) === key)) return undefined;
  const anchor = items.findLast((p) => keyText(p.key) === options.after) ?? items[items.length - 1]!;
  const firstKey = (items[0]!.key as YamlNode | null)?.range?.[0];
  const anchorEnd = (anchor.value as YamlNode | null)?.range?.[1] ?? (anchor.key as YamlNode | null)?.range?.[1];
  if (firstKey === undefined || anchorEnd === undefined) return undefined;
  if (found.node.flow) return [edit(source, tree, anchorEnd, anchorEnd, `, ${key}: ${value}`)];
  const indent = ' '.repeat(firstKey - lineStart(text, firstKey));
  const at = afterLine(text, anchorEnd);
  if (at > anchorEnd && !restIsBlank(text, anchorEnd)) return undefined;
  return [edit(source, tree, at, at, insertLines(text, at, [`${indent}${key}: ${value}`]))];
}

/** An item of a block sequence alone on its line(s): `<indent>- item`. */
function blockItemStart(text: string, item: YamlNode): number | undefined {
  const start = lineStart(text, item.range![0]);
  return /^[ \t]*-[ \t]+$/.test(text.slice(start, item.range![0])) ? start : undefined;
}

/** Removes the item `index` of the list at `path` (flow `[a, b]` or block `- a`). */
export function removeItem(source: SourceDocument, path: Path, index: number): TextEdit[] | undefined {
  const found = find(source, path);
  if (!found || !isSeq(found.node)) return undefined;
  const { tree, text, node } = found;
  const items = node.items as YamlNode[];
  const item = items[index];
  if (!item?.range) return undefined;
  if (node.flow) {
    if (items.length === 1) return [edit(source, tree, item.range[0], item.range[1], '')];
    if (index + 1 < items.length) return [edit(source, tree, item.range[0], items[index + 1]!.range![0], '')];
    return [edit(source, tree, items[index - 1]!.range![1], item.range[1], '')];
  }
  const start = blockItemStart(text, item);
  if (start === undefined) return undefined;
  const end = afterLine(text, item.range[1]);
  if (items.length > 1) return [edit(source, tree, start, end, '')];
  // The only item: the list becomes `[]` (an empty key would read as null).
  const key = found.pair?.key as YamlNode | null | undefined;
  if (!key?.range) return undefined;
  const colon = text.indexOf(':', key.range[1]);
  return colon < 0 ? undefined : [edit(source, tree, colon + 1, end, ` []${lineEnding(text, item.range[1])}`)];
}

/**
 * Adds `value` at the end of the list `field` of the mapping at `path`: into a flow list, as new
 * `- value` lines of a block list, as `field: [value]` where the field is missing or empty, or
 * `[old, value]` where it holds a single value.
 */
export function appendItem(source: SourceDocument, path: Path, field: string, value: string | readonly string[]): TextEdit[] | undefined {
  const values = (typeof value === 'string' ? [value] : value).map(yamlValue);
  const v = values.join(', ');
  const found = find(source, [...path, field]);
  if (!found) return addKey(source, path, field, `[${v}]`, { flow: true });
  const { tree, text, node } = found;
  if (isScalar(node) && node.value === null) return replaceValue(source, [...path, field], `[${v}]`);
  const [start, end] = node.range!;
  if (isScalar(node)) return [edit(source, tree, start, end, `[${text.slice(start, end)}, ${v}]`)];
  if (!isSeq(node)) return undefined;
  const items = node.items as YamlNode[];
  const last = items[items.length - 1];
  if (node.flow) {
    if (!last?.range) return text[start] === '[' ? [edit(source, tree, start + 1, start + 1, v)] : undefined;
    return [edit(source, tree, last.range[1], last.range[1], `, ${v}`)];
  }
  if (!last?.range) return undefined;
  const itemStart = blockItemStart(text, last);
  if (itemStart === undefined) return undefined;
  const indent = text.slice(itemStart, last.range[0]).replace(/-[ \t]+$/, '');
  const at = afterLine(text, last.range[1]);
  return [
    edit(
      source,
      tree,
      at,
      at,
      insertLines(
        text,
        at,
        values.map((x) => `${indent}- ${x}`),
      ),
    ),
  ];
}
