/**
 * Unclosed quoted text and flow collections (`[`, `{`). yaml reports them with codes it also uses
 * for other mistakes (MISSING_CHAR, BAD_INDENT), and at the end of the construct, which is rarely
 * where the fix goes; the concrete syntax tree tells which construct an error is about.
 */
import { CST, Parser, visit, type Document, type YAMLError } from 'yaml';

/** What is left unclosed. */
export type Unclosed = 'double-quoted' | 'single-quoted' | 'flow-sequence' | 'flow-mapping';

/** Key and value tokens of every document in the text, in document order. */
function valueTokens(text: string): CST.Token[] {
  const tokens: CST.Token[] = [];
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    CST.visit(token, (item) => {
      for (const t of [item.key, item.value]) if (t) tokens.push(t);
    });
  }
  return tokens;
}

/**
 * The construct a yaml error reports as unclosed, if it does. yaml reports a missing closing quote
 * (MISSING_CHAR) right after the quoted scalar, and a missing `]` or `}` (MISSING_CHAR at the top
 * level, BAD_INDENT inside a block collection) where the collection's last item ends, which is
 * where the collection's node ends too; an error with one of those codes at such a place is about
 * that construct. Collections nest, so the innermost one is taken: yaml reports it first.
 * `start` is where the first unclosed construct of the file starts, where the fix most likely goes.
 */
export function unclosedConstruct(error: YAMLError, doc: Document.Parsed, text: string): { kind: Unclosed; start: number } | undefined {
  if (error.code !== 'MISSING_CHAR' && error.code !== 'BAD_INDENT') return undefined;
  const tokens = valueTokens(text);
  const kind = unclosedKind(error, doc, tokens);
  return kind && { kind, start: unterminatedStart(tokens) ?? error.pos[0] };
}

function unclosedKind(error: YAMLError, doc: Document.Parsed, tokens: readonly CST.Token[]): Unclosed | undefined {
  const at = error.pos[0];
  const flowStarts = new Map<number, Unclosed>();
  for (const t of tokens) {
    if (t.type === 'double-quoted-scalar' || t.type === 'single-quoted-scalar') {
      // yaml's own test (compose/resolve-flow-scalar): the closing quote is not the last character.
      const quote = t.type === 'double-quoted-scalar' ? '"' : "'";
      const closed = t.source.length > 1 && t.source.endsWith(quote);
      if (!closed && error.code === 'MISSING_CHAR' && t.offset + t.source.length === at)
        return t.type === 'double-quoted-scalar' ? 'double-quoted' : 'single-quoted';
    } else if (t.type === 'flow-collection') {
      // yaml's own test (compose/resolve-flow-collection): the first end token is not the matching one.
      const mapping = t.start.source === '{';
      if (t.end[0]?.source !== (mapping ? '}' : ']')) flowStarts.set(t.offset, mapping ? 'flow-mapping' : 'flow-sequence');
    }
  }
  let innermost: number | undefined;
  visit(doc, {
    Node(_, node) {
      const range = node.range;
      if (range && range[1] === at && flowStarts.has(range[0]) && (innermost === undefined || range[0] > innermost)) innermost = range[0];
    },
  });
  return innermost === undefined ? undefined : flowStarts.get(innermost);
}

/**
 * Where the first unterminated quoted scalar or flow collection starts. Its test differs from
 * yaml's in corners (a `[` closed by `}` counts as closed here); it only chooses the position, once
 * the error is known to be about an unclosed construct.
 */
function unterminatedStart(tokens: readonly CST.Token[]): number | undefined {
  let found: number | undefined;
  const consider = (offset: number) => {
    if (found === undefined || offset < found) found = offset;
  };
  for (const t of tokens) {
    if (t.type === 'flow-collection' && !t.end.some((e) => e.type === 'flow-map-end' || e.type === 'flow-seq-end')) consider(t.offset);
    if (t.type === 'double-quoted-scalar' && !/[^\\]"\s*$|^""\s*$/.test(t.source)) consider(t.offset);
    if (t.type === 'single-quoted-scalar' && !/'\s*$/.test(t.source.slice(1))) consider(t.offset);
  }
  return found;
}
