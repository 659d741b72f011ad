/** String algorithms for messages: edit distance and "did you mean". (Words are in ./words.ts.) */

/** Edit distance counting a swap of two neighbouring letters as one edit (optimal string alignment). */
export function distance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1]!;
}

/** The closest candidate to a misspelt word, if one is close enough to be a likely typo. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length > 100) return undefined;
  // Compared as composed letters (NFC): `ë` typed as e + U+0308 is the same word.
  const lower = word.normalize('NFC').toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c.length > 100) continue;
    const other = c.normalize('NFC').toLowerCase();
    const score = other === lower ? 0 : distance(lower, other);
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  const limit = Math.max(1, Math.floor(word.length / 3));
  return best !== undefined && bestScore <= limit ? best : undefined;
}

/**
 * The candidates close enough to a misspelt word to be likely typos (the limit of `didYouMean`),
 * closest first, then in code-unit order; at most `max`.
 */
export function closest(word: string, candidates: Iterable<string>, max = 3): string[] {
  if (word.length > 100) return [];
  const lower = word.normalize('NFC').toLowerCase();
  const limit = Math.max(1, Math.floor(word.length / 3));
  const scored: { c: string; score: number }[] = [];
  for (const c of candidates) {
    if (c.length > 100) continue;
    const other = c.normalize('NFC').toLowerCase();
    const score = other === lower ? 0 : distance(lower, other);
    if (score <= limit) scored.push({ c, score });
  }
  return scored
    .sort((a, b) => a.score - b.score || (a.c < b.c ? -1 : a.c > b.c ? 1 : 0))
    .slice(0, max)
    .map((x) => x.c);
}
