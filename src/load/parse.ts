/** Parsing one config file's text into data, problems and a syntax tree with node positions. */
import { isMap, isSeq, LineCounter, parseDocument, visit, type Document, type Node as YamlNode } from 'yaml';
import { parseDisableComments } from './disable-comments.js';
import { position } from './locate.js';
import { readPlainPositions, readPlainYaml, type PlainPositions } from './plain-yaml.js';
import type { SourceDocument, SyntaxProblem, SyntaxTree } from './source.js';
import { toJsProblem, yamlErrorProblems } from './yaml-errors.js';

// resolveKnownTags: false keeps YAML 1.1 tags (!!binary, !!timestamp, !!set …) from turning
// values into Buffers, Dates or Sets; logLevel keeps yaml from printing Node warnings.
const PARSE_OPTIONS = { uniqueKeys: true, merge: true, prettyErrors: false, resolveKnownTags: false, logLevel: 'error' } as const;

/** Cap on alias expansion (defends against "billion laughs"). */
const MAX_ALIAS_COUNT = 1000;

// eslint-disable-next-line no-control-regex -- the control characters YAML files must not hold
const CONTROL_CHAR = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;

/** The syntax tree of a file's text; never throws (errors are kept on the document). */
export function parseTree(text: string): SyntaxTree {
  // A new LineCounter per text: a reused one reports wrong lines.
  const lineCounter = new LineCounter();
  return { doc: parseDocument(text, { ...PARSE_OPTIONS, lineCounter }), lineCounter, text };
}

/** A syntax tree parsed from `text` the first time it is asked for. */
export function lazyTree(text: string): () => SyntaxTree {
  let tree: SyntaxTree | undefined;
  return () => (tree ??= parseTree(text));
}

/**
 * A file's text read by the fast reader (./plain-yaml.ts), when it is in the subset that reader
 * knows — most files are. It gives yaml's data without a syntax tree, which is parsed only if a
 * finding needs a location in the file (or a fix edits it). `undefined`: use `parseSource`.
 */
export function plainSource(file: string, text: string): SourceDocument | undefined {
  if (CONTROL_CHAR.test(text)) return undefined;
  const plain = readPlainYaml(text);
  if (!plain) return undefined;
  return plainDocument(file, text, plain.data);
}

/** A document read by the fast reader, with its syntax tree and positions read again on demand. */
export function plainDocument(file: string, text: string, data: unknown): SourceDocument {
  let positions: PlainPositions | undefined;
  return {
    file,
    disabled: parseDisableComments(text),
    data,
    problems: [],
    usable: true,
    tree: lazyTree(text),
    positions: () => (positions ??= readPlainPositions(text)),
  };
}

/** Parses a file's text (BOM and CRLF allowed); never throws for bad input. */
export function parseSource(file: string, text: string): SourceDocument {
  return plainSource(file, text) ?? yamlSource(file, text);
}

/** Parses a file's text with `yaml`, which reports every YAML error (for a file `plainSource` leaves). */
export function yamlSource(file: string, text: string): SourceDocument {
  const disabled = parseDisableComments(text);
  const base = { file, disabled, tree: (): SyntaxTree | undefined => undefined };
  const binary = controlCharacterProblem(text);
  if (binary) return { ...base, data: undefined, usable: false, problems: [binary] };

  const tree = parseTree(text);
  const problems = yamlErrorProblems(tree, text);
  let fatal = problems.some((p) => p.fatal);
  if (!fatal) {
    // A value that contains itself would be circular data, which every later stage walks forever.
    for (const { name, offset } of selfAliases(tree.doc)) {
      fatal = true;
      problems.push({
        ...position(tree.lineCounter, offset),
        message: `the alias \`*${name}\` is inside the value its anchor \`&${name}\` names, so that value would contain itself: write the value out`,
        fatal: true,
      });
    }
  }
  if (!fatal) {
    for (const offset of complexKeys(tree)) {
      fatal = true;
      problems.push({
        ...position(tree.lineCounter, offset),
        message: 'a key must be a plain name such as `id`, not a list or a mapping',
        fatal: true,
      });
    }
  }
  let data: unknown;
  if (!fatal) {
    try {
      data = tree.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      fatal = true;
      problems.push(toJsProblem(tree, e, MAX_ALIAS_COUNT));
    }
  }
  return { ...base, tree: () => tree, data: fatal ? undefined : data, problems, usable: !fatal };
}

/** YAML allows only printable characters; one that is not most likely means a binary file. */
function controlCharacterProblem(text: string): SyntaxProblem | undefined {
  const control = CONTROL_CHAR.exec(text);
  if (!control) return undefined;
  const before = text.slice(0, control.index);
  const line = before.split('\n').length;
  const column = control.index - before.lastIndexOf('\n');
  const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  const message = `the file contains the control character U+${code}, which YAML does not allow; is it a binary file?`;
  return { message, line, column, fatal: true };
}

/** Aliases inside the node their anchor names (`a: &x [*x]`), with their offsets. */
function selfAliases(doc: Document): { name: string; offset: number }[] {
  const found: { name: string; offset: number }[] = [];
  visit(doc, {
    Alias(_, alias, path) {
      const target = alias.resolve(doc);
      if (target && path.includes(target)) found.push({ name: alias.source, offset: alias.range?.[0] ?? 0 });
    },
  });
  return found;
}

/** Offsets of mapping keys that are themselves lists or mappings (the data cannot hold them). */
function complexKeys(tree: SyntaxTree): number[] {
  const offsets: number[] = [];
  visit(tree.doc, {
    Pair(_, pair) {
      const offset = (pair.key as YamlNode | null)?.range?.[0];
      if ((isMap(pair.key) || isSeq(pair.key)) && offset !== undefined) offsets.push(offset);
    },
  });
  return offsets;
}
