/** Unclosed quoted scalars and flow collections, found in yaml's concrete syntax tree. */
import { CST, Parser } from 'yaml';

/**
 * Where an unterminated quoted scalar or flow collection starts: yaml reports those at the end
 * of the file, which is not where the fix goes.
 */
export function unterminatedStart(text: string): number | undefined {
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
