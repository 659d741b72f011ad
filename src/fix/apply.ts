/**
 * Applying text edits to a file's text (SPEC §5.7): pure, no file system. Edits are located by
 * line and column (1-based, UTF-16 code units, lines split at LF as the parser counts them).
 */
import type { TextEdit } from '../findings.js';

/** The offset of each line's first character. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** An edit as offsets into the text it was computed on. */
interface Span {
  start: number;
  end: number;
  text: string;
}

function toSpan(starts: readonly number[], length: number, e: TextEdit): Span | undefined {
  const offset = (line: number, column: number) => {
    const start = starts[line - 1];
    if (start === undefined) return undefined;
    const lineEnd = line < starts.length ? starts[line]! : length;
    const at = start + column - 1;
    return column >= 1 && at <= lineEnd ? at : undefined;
  };
  const start = offset(e.line, e.column);
  const end = offset(e.endLine, e.endColumn);
  return start === undefined || end === undefined || end < start ? undefined : { start, end, text: e.text };
}

/**
 * Applies non-overlapping spans from the end, so that the offsets of the others stay valid; of
 * spans that start at the same offset (an insertion where a deletion starts), the longer first.
 */
function applySpans(text: string, spans: readonly Span[]): string {
  const sorted = [...spans].sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const s of sorted) out = out.slice(0, s.start) + s.text + out.slice(s.end);
  return out;
}

/**
 * Applies edits to a text all together (a suggestion's edits in one file): they may touch but not
 * overlap, and must fit the text, else this throws.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(text);
  const spans = edits.map((e) => toSpan(starts, text.length, e) ?? fail(`edit outside the text: ${JSON.stringify(e)}`));
  const ascending = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  if (ascending.some((s, i) => i > 0 && s.start < ascending[i - 1]!.end)) throw new Error('overlapping edits');
  return applySpans(text, spans);
}

function fail(message: string): never {
  throw new Error(message);
}

/** One finding's fix: its edits, applied together or not at all. */
export interface FixToApply {
  fix: readonly TextEdit[];
}

/**
 * Applies the fixes to one file's text, in the order given, skipping a fix that overlaps (or
 * touches) one already taken or whose edits do not fit the text — that one is left for the next
 * pass, as ESLint does. The taken edits are applied from the end, so that offsets stay valid.
 */
export function applyFixes<F extends FixToApply>(
  text: string,
  fixes: readonly F[],
): { text: string; applied: F[]; skipped: F[]; lines: (line: number) => number } {
  const starts = lineStarts(text);
  const taken: { fix: F; spans: Span[] }[] = [];
  const skipped: F[] = [];
  const overlaps = (a: Span, b: Span) => a.start <= b.end && b.start <= a.end;
  for (const fix of fixes) {
    const spans = fix.fix.map((e) => toSpan(starts, text.length, e));
    const fits = spans.every((s): s is Span => s !== undefined);
    const clash =
      !fits ||
      spans.some((s, i) => spans.some((t, j) => i < j && overlaps(s!, t!))) ||
      taken.some((t) => t.spans.some((s) => spans.some((n) => overlaps(s, n!))));
    if (clash) skipped.push(fix);
    else taken.push({ fix, spans: spans as Span[] });
  }
  const all = taken.flatMap((t) => t.spans);
  const out = applySpans(text, all);
  return { text: out, applied: taken.map((t) => t.fix), skipped, lines: lineMap(text, out, all) };
}

/**
 * Where each line of the text before the edits is afterwards (1-based line numbers), so that
 * findings before and after can be matched although lines were inserted or removed. A line that
 * starts inside an edited span maps to where that span's new text starts.
 */
function lineMap(before: string, after: string, spans: readonly Span[]): (line: number) => number {
  const oldStarts = lineStarts(before);
  const newStarts = lineStarts(after);
  const ascending = [...spans].sort((a, b) => a.start - b.start);
  return (line) => {
    const offset = oldStarts[Math.min(Math.max(line, 1), oldStarts.length) - 1]!;
    let shift = 0;
    let mapped = offset;
    for (const s of ascending) {
      if (s.end <= offset) shift += s.text.length - (s.end - s.start);
      else if (s.start <= offset) {
        mapped = s.start;
        break;
      } else break;
    }
    const at = mapped === offset ? offset + shift : mapped + shift;
    // The line holding offset `at` in the new text.
    let lo = 0;
    let hi = newStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (newStarts[mid]! <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}
