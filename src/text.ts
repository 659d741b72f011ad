/** Small helpers for writing messages. */

/** `id` in backticks, as messages show ids and keys. */
export function quote(id: string): string {
  return `\`${id}\``;
}

/** "a", "a and b", "a, b and c" (or "or"). */
export function list(items: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

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
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    if (c.length > 100) continue;
    const score = c.toLowerCase() === lower ? 0 : distance(lower, c.toLowerCase());
    if (score < bestScore) {
      best = c;
      bestScore = score;
    }
  }
  const limit = Math.max(1, Math.floor(word.length / 3));
  return best !== undefined && bestScore <= limit ? best : undefined;
}

/**
 * "a" or "an" for a word as it is read aloud: "an admin", "an SMS portal", "a user", "a chat
 * portal" (letters read one by one start with a vowel sound when the first one does).
 */
export function article(word: string): 'a' | 'an' {
  if (/^(SMS|S\b|F\b|H\b|L\b|M\b|N\b|R\b|X\b)/.test(word)) return 'an';
  return /^[aeiouAEIOU]/.test(word) && !/^(user|uni|one)/i.test(word) ? 'an' : 'a';
}

/** "1 shift", "2 shifts". */
export function plural(n: number, word: string, pluralWord = `${word}s`): string {
  return `${n} ${n === 1 ? word : pluralWord}`;
}

/** Hours with at most two decimals: 8, 7.5, 0.25. */
export function hours(ms: number): string {
  return String(Math.round((ms / 3_600_000) * 100) / 100);
}
