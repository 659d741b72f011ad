/**
 * Reading the files' plain data tolerantly: a field of the wrong type is absent (the `schema`
 * rule reports it), so that every other rule can still look at the rest.
 */

/** A mapping as parsed from YAML. */
export type Raw = Record<string, unknown>;

export function isRecord(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value of an own key (never one inherited from Object.prototype, e.g. `constructor`). */
export function own(raw: Raw, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(raw, key) ? raw[key] : undefined;
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** A list of strings; a single string stands for a list of one (the `schema` rule reports it). */
export function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** True when a list holds entries outside `allowed` (the `schema` rule reports them). */
export function hasInvalid(v: unknown, allowed: readonly string[]): boolean {
  const values = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return values.some((x) => typeof x !== 'string' || !allowed.includes(x));
}

export function oneOf<T extends string>(v: unknown, allowed: readonly T[]): T | undefined {
  return typeof v === 'string' && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
}

/** The distinct values of a value or list that are among `allowed`, in order. */
export function someOf<T extends string>(v: unknown, allowed: readonly T[]): T[] {
  const out: T[] = [];
  for (const x of Array.isArray(v) ? v : v === undefined ? [] : [v]) {
    const t = oneOf(x, allowed);
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

export function int(v: unknown, fallback: number, min: number): number {
  return typeof v === 'number' && Number.isInteger(v) && v >= min ? v : fallback;
}
