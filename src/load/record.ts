/**
 * A parsed file as a worker thread sends it back. A syntax tree cannot cross threads, so the
 * record carries the text instead and the tree is parsed again only if a location is needed.
 */
import { lazyTree, plainDocument } from './parse.js';
import type { SourceDocument, SyntaxProblem } from './source.js';

/** What a worker thread sends back for one file (no syntax tree: it cannot cross threads). */
export interface ParsedRecord {
  file: string;
  text?: string;
  data: unknown;
  problems: SyntaxProblem[];
  usable: boolean;
  disabled: [number, string[] | 'all'][];
  /** Read by the fast reader (./plain-yaml.ts), so positions can be read again the same way. */
  plain: boolean;
}

/** Rebuilds a worker's record, with a syntax tree parsed again on first use. */
export function fromRecord(record: ParsedRecord): SourceDocument {
  if (record.plain && record.text !== undefined) return plainDocument(record.file, record.text, record.data);
  const tree = record.text === undefined ? () => undefined : lazyTree(record.text);
  return {
    file: record.file,
    data: record.data,
    problems: record.problems,
    usable: record.usable,
    disabled: new Map(record.disabled.map(([line, ids]) => [line, ids === 'all' ? 'all' : new Set(ids)])),
    tree,
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
    plain: source.positions !== undefined,
  };
}
