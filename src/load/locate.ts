/**
 * Positions in a parsed file. Other stages name a place by its path of keys and indexes and ask
 * `locate` for it, so that only this folder knows the YAML syntax tree.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type LineCounter, type Node as YamlNode } from 'yaml';
import type { Location } from '../findings.js';
import type { PlainPositions } from './plain-yaml.js';
import type { Path, SourceDocument, SyntaxTree } from './source.js';

/** The 1-based line and column of a source offset. */
export function position(lineCounter: LineCounter, offset: number): { line: number; column: number } {
  const pos = lineCounter.linePos(offset);
  return { line: pos.line, column: pos.col };
}

/** A mapping key as the data spells it, or `undefined` for a key that is a list or mapping. */
export function keyText(key: unknown): string | undefined {
  // A null key (`~:`) becomes "" in the data.
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return undefined;
}

function positionOf(source: SourceDocument, tree: SyntaxTree, node: YamlNode | null | undefined): Location {
  const offset = node?.range?.[0];
  if (offset === undefined) return { file: source.file, line: 1, column: 1 };
  const pos = tree.lineCounter.linePos(offset);
  return { file: source.file, line: pos.line, column: pos.col };
}

/**
 * The location of the node at `path`: the value, or with `part: 'key'` the mapping key that
 * holds it. Where the path cannot be followed (an alias, a `<<` merge, a missing key), the nearest
 * node on the way is used.
 */
export function locate(source: SourceDocument, path: Path, part: 'value' | 'key' = 'value'): Location {
  const plain = source.positions?.();
  if (plain) return locatePlain(source, plain, path, part);
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

/** `locate` in a file the fast reader read: the same walk over its data and node offsets. */
function locatePlain(source: SourceDocument, plain: PlainPositions, path: Path, part: 'value' | 'key'): Location {
  let node: unknown = plain.data;
  let last = plain.root;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const offsets = node !== null && typeof node === 'object' ? plain.offsets.get(node) : undefined;
    if (!offsets) break;
    if (Array.isArray(node)) {
      if (typeof seg !== 'number' || seg < 0 || seg >= node.length) break;
      last = offsets[seg]!;
      node = node[seg];
    } else {
      const at = Object.keys(node as object).indexOf(String(seg));
      if (at < 0) break;
      if (i === path.length - 1 && part === 'key') return offsetLocation(source, plain, offsets[2 * at]!);
      last = offsets[2 * at + 1]!;
      node = (node as Record<string, unknown>)[String(seg)];
    }
  }
  return offsetLocation(source, plain, last);
}

function offsetLocation(source: SourceDocument, plain: PlainPositions, offset: number): Location {
  const { line, column } = plain.lineCol(offset);
  return { file: source.file, line, column };
}
