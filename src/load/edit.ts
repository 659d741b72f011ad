/**
 * Text edits on a config file (SPEC §5.7): each changes only the node it is about, so comments,
 * key order, quoting and blank lines elsewhere stay as written. Other stages name the place by its
 * path of keys and indexes, as for `locate`; only this folder knows the YAML syntax tree.
 */
import { isMap, isPair, isScalar, isSeq, stringify, type Node as YamlNode, type Pair } from 'yaml';
import type { TextEdit } from '../findings.js';
import { keyText } from './locate.js';
import type { Path, SourceDocument, SyntaxTree } from './source.js';

/** A value as YAML writes it in a flow or block context: plain when it reads back the same, else quoted. */
export function yamlValue(value: string): string {
  const plain = stringify(value, { lineWidth: 0 }).trimEnd();
  // Plain text that holds flow indicators cannot stand inside `[…]`; ids and zones never do.
  return /[,[\]{}]/.test(plain) && !/^["']/.test(plain) ? JSON.stringify(value) : plain;
}

interface Found {
  tree: SyntaxTree;
  node: YamlNode | null;
  /** The pair holding the node, when the last step was a mapping key. */
  pair?: Pair;
}

/** The node at `path` exactly (no nearest node: an edit must not land elsewhere). */
function find(source: SourceDocument, path: Path): Found | undefined {
  const tree = source.tree();
  if (!tree) return undefined;
  let node = tree.doc.contents as YamlNode | null;
  let pair: Pair | undefined;
  for (const seg of path) {
    if (isMap(node)) {
      const p = node.items.findLast((x) => isPair(x) && keyText(x.key) === String(seg));
      if (!p) return undefined;
      pair = p;
      node = p.value as YamlNode | null;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as YamlNode | null | undefined;
      if (!item) return undefined;
      pair = undefined;
      node = item;
    } else return undefined;
  }
  return { tree, node, pair };
}

function edit(source: SourceDocument, tree: SyntaxTree, from: number, to: number, text: string): TextEdit {
  const a = tree.lineCounter.linePos(from);
  const b = tree.lineCounter.linePos(to);
  return { file: source.file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col, text };
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset after the end of the line holding `offset` (after its newline, or the text's end). */
function afterLine(text: string, offset: number): number {
  if (offset > 0 && text[offset - 1] === '\n') return offset;
  const nl = text.indexOf('\n', offset);
  return nl < 0 ? text.length : nl + 1;
}

function newline(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** An item of a block sequence alone on its line(s): `<indent>- item`. */
function blockItemStart(text: string, item: YamlNode): number | undefined {
  const start = lineStart(text, item.range![0]);
  return /^[ \t]*-[ \t]+$/.test(text.slice(start, item.range![0])) ? start : undefined;
}

/** Replaces the value at `path` (a scalar) by `value`, written as YAML. */
export function replaceValue(source: SourceDocument, path: Path, value: string): TextEdit | undefined {
  const found = find(source, path);
  if (!found || !isScalar(found.node) || !found.node.range) return undefined;
  return edit(source, found.tree, found.node.range[0], found.node.range[1], yamlValue(value));
}

/** Removes the item `index` of the list at `path` (flow `[a, b]` or block `- a`). */
export function removeItem(source: SourceDocument, path: Path, index: number): TextEdit | undefined {
  const found = find(source, path);
  if (!found || !isSeq(found.node) || !found.node.range) return undefined;
  const { tree, node } = found;
  const text = tree.text;
  const items = node.items as YamlNode[];
  const item = items[index];
  if (!item?.range) return undefined;
  if (node.flow) {
    if (items.length === 1) return edit(source, tree, item.range[0], item.range[1], '');
    if (index + 1 < items.length) return edit(source, tree, item.range[0], items[index + 1]!.range![0], '');
    return edit(source, tree, items[index - 1]!.range![1], item.range[1], '');
  }
  const start = blockItemStart(text, item);
  if (start === undefined) return undefined;
  const end = afterLine(text, item.range[1]);
  if (items.length > 1) return edit(source, tree, start, end, '');
  // The only item: the list becomes `[]` (an empty key would read as null).
  const key = found.pair?.key as YamlNode | null | undefined;
  if (!key?.range) return undefined;
  const colon = text.indexOf(':', key.range[1]);
  return colon < 0 ? undefined : edit(source, tree, colon + 1, end, ` []${newline(text)}`);
}

/**
 * Adds `value` at the end of the list `field` of the mapping at `path`: into a flow list, as a new
 * `- value` line of a block list, as `field: [value]` where the field is missing, or
 * `[old, value]` where it holds a single value.
 */
export function appendItem(source: SourceDocument, path: Path, field: string, value: string | readonly string[]): TextEdit | undefined {
  const found = find(source, [...path, field]);
  const values = (typeof value === 'string' ? [value] : value).map(yamlValue);
  const v = values.join(', ');
  if (!found) return addKey(source, path, field, `[${v}]`);
  const { tree, node } = found;
  const text = tree.text;
  if (isScalar(node) && node.range && node.value !== null)
    return edit(source, tree, node.range[0], node.range[1], `[${text.slice(node.range[0], node.range[1])}, ${v}]`);
  if (!isSeq(node) || !node.range) return found.pair ? replaceEmpty(source, found, `[${v}]`) : undefined;
  const items = node.items as YamlNode[];
  const last = items[items.length - 1];
  if (node.flow) {
    if (!last?.range) return text[node.range[0]] === '[' ? edit(source, tree, node.range[0] + 1, node.range[0] + 1, v) : undefined;
    return edit(source, tree, last.range[1], last.range[1], `, ${v}`);
  }
  if (!last?.range) return undefined;
  const start = blockItemStart(text, last);
  if (start === undefined) return undefined;
  const indent = text.slice(start, last.range[0]).replace(/-[ \t]+$/, '');
  const at = afterLine(text, last.range[1]);
  const nl = newline(text);
  const lead = at === text.length && !text.endsWith('\n') ? nl : '';
  return edit(source, tree, at, at, lead + values.map((x) => `${indent}- ${x}${nl}`).join(''));
}

/** `key:` with no value (null) gets one. */
function replaceEmpty(source: SourceDocument, found: Found, valueText: string): TextEdit | undefined {
  const key = found.pair?.key as YamlNode | null | undefined;
  if (!key?.range) return undefined;
  const colon = found.tree.text.indexOf(':', key.range[1]);
  return colon < 0 ? undefined : edit(source, found.tree, colon + 1, colon + 1, ` ${valueText}`);
}

/** Adds `key: valueText` (valueText already YAML) as the last entry of the mapping at `path`. */
export function addKey(source: SourceDocument, path: Path, key: string, valueText: string): TextEdit | undefined {
  const found = find(source, path);
  if (!found || !isMap(found.node) || !found.node.range) return undefined;
  const { tree, node } = found;
  const text = tree.text;
  const pairs = node.items;
  const lastPair = pairs[pairs.length - 1];
  const lastEnd = (lastPair?.value as YamlNode | null)?.range?.[1] ?? (lastPair?.key as YamlNode | null)?.range?.[1];
  if (lastEnd === undefined) return undefined;
  const k = yamlValue(key);
  if (node.flow) return edit(source, tree, lastEnd, lastEnd, `, ${k}: ${valueText}`);
  const firstKey = pairs[0]!.key as YamlNode;
  const indent = firstKey.range![0] - lineStart(text, firstKey.range![0]);
  const at = afterLine(text, lastEnd);
  const nl = newline(text);
  const lead = at === text.length && !text.endsWith('\n') ? nl : '';
  return edit(source, tree, at, at, `${lead}${' '.repeat(indent)}${k}: ${valueText}${nl}`);
}

/**
 * Applies edits to a text (tests and `--fix` use this): edits are applied from the end, so the
 * positions of the others stay right; overlapping edits are not allowed.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (line: number, column: number) => starts[line - 1]! + column - 1;
  const sorted = edits
    .map((e) => ({ from: offset(e.line, e.column), to: offset(e.endLine, e.endColumn), text: e.text }))
    .sort((a, b) => b.from - a.from || b.to - a.to);
  let out = text;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.to > limit) throw new Error('overlapping edits');
    out = out.slice(0, e.from) + e.text + out.slice(e.to);
    limit = e.from;
  }
  return out;
}
