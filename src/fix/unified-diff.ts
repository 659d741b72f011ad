/**
 * A unified diff of a file before and after its fixes (`check --fix-dry-run`, SPEC §5.7), as
 * `diff -u` and git write it: `--- a/FILE`, `+++ b/FILE`, hunks with three lines of context.
 * Lines are shown without their line ending (a CRLF file reads like any other), and a last line
 * without one is marked `\ No newline at end of file`. Pure: text in, text out.
 */

const CONTEXT = 3;

type Op = { kind: ' ' | '-' | '+'; line: string; last: boolean };

/** Lines with their ending removed; `last` marks a final line that had no line ending. */
function splitLines(text: string): { line: string; last: boolean }[] {
  if (text === '') return [];
  const parts = text.split('\n');
  const endsWithNewline = parts[parts.length - 1] === '';
  if (endsWithNewline) parts.pop();
  return parts.map((p, i) => ({ line: p.endsWith('\r') ? p.slice(0, -1) : p, last: !endsWithNewline && i === parts.length - 1 }));
}

/**
 * The shortest edit script between two line lists (Myers, O((N+M)·D) time and O(D²) memory), as
 * operations in order. Common lines at both ends are taken first.
 */
function diffLines(a: readonly string[], b: readonly string[]): ('=' | '-' | '+')[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const x0 = a.slice(head, a.length - tail);
  const y0 = b.slice(head, b.length - tail);
  const n = x0.length;
  const m = y0.length;
  // trace[d] holds the furthest x on each diagonal k in [-d, d] after d differences.
  const trace: Int32Array[] = [];
  let v = new Int32Array(3).fill(0);
  let found = false;
  for (let d = 0; d <= n + m && !found; d++) {
    const next = new Int32Array(2 * d + 3);
    const get = (k: number) => (k < -(d - 1) || k > d - 1 ? -1 : v[k + d - 1 + 1]!);
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (d === 0) x = 0;
      else if (k === -d || (k !== d && get(k - 1) < get(k + 1))) x = get(k + 1);
      else x = get(k - 1) + 1;
      let y = x - k;
      while (x < n && y < m && x0[x] === y0[y]) {
        x++;
        y++;
      }
      next[k + d + 1] = x;
      if (x >= n && y >= m) found = true;
    }
    trace.push(next);
    v = next;
  }
  // Walk back from (n, m) through the trace.
  const ops: ('=' | '-' | '+')[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const prev = trace[d - 1]!;
    const get = (k: number) => (k < -(d - 1) || k > d - 1 ? -1 : prev[k + d]!);
    const k = x - y;
    const down = k === -d || (k !== d && get(k - 1) < get(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = get(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push('=');
      x--;
      y--;
    }
    ops.push(down ? '+' : '-');
    if (down) y--;
    else x--;
  }
  while (x > 0 && y > 0) {
    ops.push('=');
    x--;
    y--;
  }
  ops.reverse();
  return [...Array<'='>(head).fill('='), ...ops, ...Array<'='>(tail).fill('=')];
}

/** The unified diff of one file; empty when the texts are equal. */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const a = splitLines(before);
  const b = splitLines(after);
  const script = diffLines(
    a.map((l) => l.line + (l.last ? '\u0000' : '')),
    b.map((l) => l.line + (l.last ? '\u0000' : '')),
  );
  const ops: (Op & { ai: number; bi: number })[] = [];
  let ai = 0;
  let bi = 0;
  for (const s of script) {
    if (s === '=') ops.push({ kind: ' ', ...a[ai]!, ai: ai++, bi: bi++ });
    else if (s === '-') ops.push({ kind: '-', ...a[ai]!, ai: ai++, bi });
    else ops.push({ kind: '+', ...b[bi]!, ai, bi: bi++ });
  }
  // Hunks: changed operations with up to CONTEXT unchanged lines around them, merged when close.
  const changed = ops.flatMap((o, i) => (o.kind === ' ' ? [] : [i]));
  const hunks: [number, number][] = [];
  for (const i of changed) {
    const from = Math.max(0, i - CONTEXT);
    const to = Math.min(ops.length, i + CONTEXT + 1);
    const last = hunks[hunks.length - 1];
    if (last && from <= last[1]) last[1] = to;
    else hunks.push([from, to]);
  }
  if (hunks.length === 0) return '';
  const out = [`--- a/${file}`, `+++ b/${file}`];
  for (const [from, to] of hunks) {
    const part = ops.slice(from, to);
    const oldLines = part.filter((o) => o.kind !== '+').length;
    const newLines = part.filter((o) => o.kind !== '-').length;
    const oldStart = oldLines ? part.find((o) => o.kind !== '+')!.ai + 1 : part[0]!.ai;
    const newStart = newLines ? part.find((o) => o.kind !== '-')!.bi + 1 : part[0]!.bi;
    const range = (start: number, count: number) => (count === 1 ? `${start}` : `${start},${count}`);
    out.push(`@@ -${range(oldStart, oldLines)} +${range(newStart, newLines)} @@`);
    for (const o of part) {
      out.push(`${o.kind}${o.line}`);
      if (o.last) out.push('\\ No newline at end of file');
    }
  }
  return `${out.join('\n')}\n`;
}
