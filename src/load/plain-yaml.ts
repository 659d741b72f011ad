/**
 * A fast reader for the YAML most config files are written in — block mappings and sequences,
 * one-line scalars and one-line `[…]` and `{…}` — straight to plain data, with no syntax tree.
 *
 * It gives exactly what `yaml`'s `parseDocument(text).toJS()` gives (YAML 1.2, core schema) or
 * nothing: at anything outside that subset (anchors, tags, block scalars, multi-line scalars or
 * lists, escapes, tabs, a CR not before a LF, duplicate keys, non-string keys …) it gives up and the
 * caller parses the file with `yaml`, which also reports every YAML error. So it never has to say
 * why a file is wrong, and the only cost of a construct it does not know is speed. Read again
 * with `readPlainPositions`, it also gives where each node starts (as `yaml`'s nodes do), for
 * locating findings without a syntax tree.
 * test/load/plain-yaml.test.ts compares both with `yaml` on generated documents.
 */

/** Thrown (one shared value, no stack) when the text leaves the subset. */
const GIVE_UP: unique symbol = Symbol('give up');

/**
 * Characters that make `yaml` treat the text differently from plain lines of spaces and text
 * (a CR is fine only as part of a Windows line end, CR LF).
 */
const OUTSIDE = /[\t\uFEFF\u2028\u2029\x80-\x9F]|\r(?!\n)/;

/** Nesting deeper than this is left to `yaml` (which limits it in its own way). */
const MAX_DEPTH = 64;

/** yaml's own limit on an implicit key's length is 1024 characters; stay well below it. */
const MAX_KEY = 1000;

const SPACE = 0x20;
const HASH = 0x23;
const DASH = 0x2d;
const COLON = 0x3a;

const MAYBE_NOT_TEXT = /^[-+.~0-9nNtTfF]/;

// The scalar tests of yaml's core schema (yaml/dist/schema/core), in its order.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT_OCT = /^0o[0-7]+$/;
const INT = /^[-+]?[0-9]+$/;
const INT_HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;

/** A plain scalar's value under the core schema, as `yaml` resolves it. */
function resolvePlain(s: string): unknown {
  // Only a digit, `+ - . ~` or `n N t T f F` can start a null, a boolean or a number.
  if (!MAYBE_NOT_TEXT.test(s)) return s;
  if (NULL.test(s)) return null;
  if (BOOL.test(s)) return s[0] === 't' || s[0] === 'T';
  if (INT_OCT.test(s)) return parseInt(s.substring(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (INT_HEX.test(s)) return parseInt(s.substring(2), 16);
  if (FLOAT_NAN.test(s))
    return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  if (FLOAT_EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}

/** Whether a character may be in a key this reader accepts: ASCII letters, digits, `_ . - /`. */
function isKeyChar(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f || c === DASH || c === 0x2e || c === 0x2f
  );
}

/** Whether a character may start such a key (not `-`, `.` or `/`). */
function isKeyStart(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/** Characters that cannot start a plain scalar (YAML 1.2 §7.3.3), or start something this reader leaves to `yaml`. */
const NOT_PLAIN_START = new Set([...',[]{}#&*!|>\'"%@`'].map((ch) => ch.charCodeAt(0)));

/**
 * Where the nodes of data read with positions start, as offsets in the text (where `yaml` puts
 * its nodes' `range[0]`): for a mapping, each key's and value's offsets in key order; for a list,
 * each item's. An empty value (`key:`) is at the end of its indicator and the spaces after it.
 */
export interface PlainPositions {
  /** The data, read again: `offsets` has its mappings and lists. */
  data: unknown;
  /** Where the top-level mapping starts. */
  root: number;
  offsets: Map<object, number[]>;
  /** The 1-based line and column of an offset. */
  lineCol(offset: number): { line: number; column: number };
}

/** Reads the text line by line; `col` is where the current line's content starts. */
class Reader {
  private readonly lines: string[];
  /** Index of the current content line; `lines.length` at the end. */
  private i = -1;
  /** The current line's text. */
  private line = '';
  /** The current line's content column (its indentation, or the key's column in `- key: …`). */
  private col = 0;
  /** Where the current line starts in the text (kept only when reading positions). */
  private base = 0;
  private depth = 0;
  /** Offsets of each line's start, when reading positions. */
  private readonly starts: number[] | undefined;

  constructor(
    text: string,
    /** Where nodes start, filled in when given. */
    private readonly offsets?: Map<object, number[]>,
  ) {
    this.lines = text.split('\n');
    if (offsets) {
      this.starts = [];
      let at = 0;
      for (const line of this.lines) {
        this.starts.push(at);
        at += line.length + 1;
      }
    }
    // Windows line ends: a CR is only ever right before a LF here (`OUTSIDE`), and ends its line.
    if (text.includes('\r')) this.lines = this.lines.map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
    this.next();
  }

  private get done(): boolean {
    return this.i >= this.lines.length;
  }

  /** Moves to the next line with content (not blank, not only a comment). */
  private next(): void {
    const lines = this.lines;
    for (let i = this.i + 1; i < lines.length; i++) {
      const line = lines[i]!;
      let c = 0;
      while (line.charCodeAt(c) === SPACE) c++;
      if (c === line.length || line.charCodeAt(c) === HASH) continue;
      this.i = i;
      this.line = line;
      this.col = c;
      if (this.starts) this.base = this.starts[i]!;
      return;
    }
    this.i = lines.length;
  }

  /** The 1-based line and column of an offset (positions only). */
  lineCol(offset: number): { line: number; column: number } {
    const starts = this.starts!;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  }

  /** The offset in the text of column `c` of the current line. */
  private at(c: number): number {
    return this.base + c;
  }

  /** Records where a mapping's or list's entries start. */
  private record(node: object, positions: number[] | undefined): void {
    if (positions) this.offsets!.set(node, positions);
  }

  document(): { data: unknown; root: number } {
    if (this.done || this.col !== 0 || this.keyEnd(0) < 0) throw GIVE_UP;
    const root = this.at(0);
    const data = this.mapping(0);
    if (!this.done) throw GIVE_UP;
    return { data, root };
  }

  /** Where the key at `at` ends (its `:`, followed by a space or the end of the line), or -1. */
  private keyEnd(at: number): number {
    const line = this.line;
    if (!isKeyStart(line.charCodeAt(at))) return -1;
    let k = at + 1;
    while (k < line.length && isKeyChar(line.charCodeAt(k))) k++;
    if (line.charCodeAt(k) !== COLON) return -1;
    if (k + 1 < line.length && line.charCodeAt(k + 1) !== SPACE) return -1;
    return k;
  }

  private isSequenceItem(): boolean {
    const line = this.line;
    const c = this.col;
    return line.charCodeAt(c) === DASH && (c + 1 === line.length || line.charCodeAt(c + 1) === SPACE);
  }

  /** The block node whose first line is the current one, at column `indent`. */
  private block(indent: number): unknown {
    if (++this.depth > MAX_DEPTH) throw GIVE_UP;
    let value: unknown;
    if (this.isSequenceItem()) value = this.sequence(indent);
    else if (this.keyEnd(this.col) >= 0) value = this.mapping(indent);
    else throw GIVE_UP; // a scalar on lines of its own (maybe several): yaml's
    this.depth--;
    return value;
  }

  private mapping(indent: number): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    const positions: number[] | undefined = this.offsets && [];
    this.record(map, positions);
    for (;;) {
      const line = this.line;
      const end = this.keyEnd(this.col);
      if (end < 0 || end - this.col > MAX_KEY) throw GIVE_UP;
      const key = resolvePlain(line.slice(this.col, end));
      if (typeof key !== 'string' || key === '__proto__' || Object.prototype.hasOwnProperty.call(map, key)) throw GIVE_UP;
      positions?.push(this.at(this.col));
      let p = end + 1;
      while (line.charCodeAt(p) === SPACE) p++;
      if (p < line.length && line.charCodeAt(p) !== HASH) {
        positions?.push(this.at(p));
        map[key] = this.inline(p);
        this.next();
      } else {
        const empty = this.at(p);
        this.next();
        positions?.push(this.nestedStart(indent) ?? empty);
        map[key] = this.nested(indent);
      }
      if (this.done || this.col < indent) return map;
      if (this.col > indent) throw GIVE_UP;
    }
  }

  /** Where the value of a key at `indent` written on the lines after it starts, when it is not empty. */
  private nestedStart(indent: number): number | undefined {
    if (this.done) return undefined;
    if (this.col > indent || (this.col === indent && this.isSequenceItem())) return this.at(this.col);
    return undefined;
  }

  /** The value of a key (at `indent`) written on the lines after it: a block node, or null. */
  private nested(indent: number): unknown {
    if (this.done) return null;
    if (this.col > indent) return this.block(this.col);
    // A sequence may sit at its key's own indentation.
    if (this.col === indent && this.isSequenceItem()) return this.block(indent);
    return null;
  }

  private sequence(indent: number): unknown[] {
    const items: unknown[] = [];
    const positions: number[] | undefined = this.offsets && [];
    this.record(items, positions);
    for (;;) {
      const line = this.line;
      let p = this.col + 1;
      while (line.charCodeAt(p) === SPACE) p++;
      if (p >= line.length || line.charCodeAt(p) === HASH) {
        const empty = this.at(p);
        this.next();
        const nested = !this.done && this.col > indent;
        positions?.push(nested ? this.at(this.col) : empty);
        items.push(nested ? this.block(this.col) : null);
      } else if (line.charCodeAt(p) === DASH && (p + 1 === line.length || line.charCodeAt(p + 1) === SPACE)) {
        throw GIVE_UP; // `- - a`: yaml's
      } else if (this.keyEnd(p) >= 0) {
        // `- key: value`: a mapping whose keys line up with this first one.
        positions?.push(this.at(p));
        this.col = p;
        if (++this.depth > MAX_DEPTH) throw GIVE_UP;
        items.push(this.mapping(p));
        this.depth--;
      } else {
        positions?.push(this.at(p));
        items.push(this.inline(p));
        this.next();
      }
      if (this.done || this.col < indent) return items;
      if (this.col > indent) throw GIVE_UP;
      if (!this.isSequenceItem()) return items;
    }
  }

  /** A value that starts at `p` on the current line and ends with it. */
  private inline(p: number): unknown {
    const line = this.line;
    const c = line.charCodeAt(p);
    if (c === 0x22 || c === 0x27) {
      const [value, end] = quoted(line, p);
      restIsComment(line, end);
      return value;
    }
    if (c === 0x5b || c === 0x7b) {
      const [value, end] = this.flowCollection(p, this.depth);
      restIsComment(line, end);
      return value;
    }
    if (NOT_PLAIN_START.has(c)) throw GIVE_UP;
    // `-`, `?` and `:` start a plain scalar only when a non-space follows.
    if ((c === DASH || c === 0x3f || c === COLON) && (p + 1 === line.length || line.charCodeAt(p + 1) === SPACE)) throw GIVE_UP;
    let end = line.indexOf(' #', p);
    if (end < 0) end = line.length;
    while (end > p && line.charCodeAt(end - 1) === SPACE) end--;
    const s = line.slice(p, end);
    // `a: b` on a value's line, or a trailing `:`, is a mapping yaml would refuse here.
    if (s.includes(': ') || s.charCodeAt(s.length - 1) === COLON) throw GIVE_UP;
    return resolvePlain(s);
  }

  /** A one-line `[…]` or `{…}` starting at `p`, of scalars and such collections: its value and the index after it. */
  private flowCollection(p: number, depth: number): [unknown, number] {
    if (depth > MAX_DEPTH) throw GIVE_UP;
    const line = this.line;
    const isMap = line.charCodeAt(p) === 0x7b;
    const close = isMap ? 0x7d : 0x5d;
    const items: unknown[] = [];
    const map: Record<string, unknown> = {};
    const positions: number[] | undefined = this.offsets && [];
    this.record(isMap ? map : items, positions);
    let q = p + 1;
    for (;;) {
      while (line.charCodeAt(q) === SPACE) q++;
      if (line.charCodeAt(q) === close) return [isMap ? map : items, q + 1];
      let key: string | undefined;
      if (isMap) {
        // `key: value`, the key plain and the value present.
        const k = q;
        if (!isKeyStart(line.charCodeAt(q))) throw GIVE_UP;
        while (isKeyChar(line.charCodeAt(q))) q++;
        const name = resolvePlain(line.slice(k, q));
        if (line.charCodeAt(q) !== COLON || line.charCodeAt(q + 1) !== SPACE) throw GIVE_UP;
        if (typeof name !== 'string' || name === '__proto__' || Object.prototype.hasOwnProperty.call(map, name)) throw GIVE_UP;
        positions?.push(this.at(k));
        key = name;
        q += 2;
        while (line.charCodeAt(q) === SPACE) q++;
      }
      positions?.push(this.at(q));
      let value: unknown;
      [value, q] = this.flowValue(q, depth);
      if (key === undefined) items.push(value);
      else map[key] = value;
      while (line.charCodeAt(q) === SPACE) q++;
      const sep = line.charCodeAt(q);
      if (sep === 0x2c) q++;
      else if (sep === close) return [isMap ? map : items, q + 1];
      else throw GIVE_UP;
    }
  }

  /** A scalar or collection inside a flow collection, starting at `q`: its value and the index after it. */
  private flowValue(q: number, depth: number): [unknown, number] {
    const line = this.line;
    const c = line.charCodeAt(q);
    if (c === 0x22 || c === 0x27) return quoted(line, q);
    if (c === 0x5b || c === 0x7b) return this.flowCollection(q, depth + 1);
    if (q >= line.length || NOT_PLAIN_START.has(c) || c === 0x3f || (c === DASH && !isKeyChar(line.charCodeAt(q + 1)))) throw GIVE_UP;
    let end = q;
    for (; end < line.length; end++) {
      const e = line.charCodeAt(end);
      if (e === 0x2c || e === 0x5d || e === 0x7d) break;
      // A `:` is part of the scalar when what follows could be too (`10:00`); else it makes a pair.
      if (e === COLON) {
        const after = line.charCodeAt(end + 1);
        if (
          end + 1 >= line.length ||
          after === SPACE ||
          after === 0x2c ||
          after === 0x5b ||
          after === 0x5d ||
          after === 0x7b ||
          after === 0x7d
        )
          throw GIVE_UP;
      }
      // A `#` (a comment, maybe) or a collection inside a scalar: yaml's.
      if (e === HASH || e === 0x5b || e === 0x7b) throw GIVE_UP;
    }
    let last = end;
    while (last > q && line.charCodeAt(last - 1) === SPACE) last--;
    return [resolvePlain(line.slice(q, last)), end];
  }
}

/** A one-line quoted scalar starting at `p` (no escapes): its value and the index after it. */
function quoted(line: string, p: number): [string, number] {
  if (line.charCodeAt(p) === 0x22) {
    const q = line.indexOf('"', p + 1);
    if (q < 0) throw GIVE_UP;
    const s = line.slice(p + 1, q);
    if (s.includes('\\')) throw GIVE_UP;
    return [s, q + 1];
  }
  let from = p + 1;
  for (;;) {
    const q = line.indexOf("'", from);
    if (q < 0) throw GIVE_UP;
    if (line.charCodeAt(q + 1) === 0x27) {
      from = q + 2;
      continue;
    }
    return [line.slice(p + 1, q).replaceAll("''", "'"), q + 1];
  }
}

/** After a value, only spaces, or spaces and a comment, may follow on its line. */
function restIsComment(line: string, at: number): void {
  let p = at;
  while (line.charCodeAt(p) === SPACE) p++;
  if (p === line.length) return;
  if (line.charCodeAt(p) === HASH && p > at) return;
  throw GIVE_UP;
}

/**
 * The plain data of a YAML text, exactly as `yaml` gives it, when the text is in the subset this
 * reader knows; `undefined` when it is not (parse it with `yaml`).
 */
export function readPlainYaml(text: string): { data: unknown } | undefined {
  if (OUTSIDE.test(text)) return undefined;
  try {
    return { data: new Reader(text).document().data };
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}

/** The text read again with where each node starts, for a text `readPlainYaml` reads. */
export function readPlainPositions(text: string): PlainPositions | undefined {
  if (OUTSIDE.test(text)) return undefined;
  const offsets = new Map<object, number[]>();
  try {
    const reader = new Reader(text, offsets);
    const { data, root } = reader.document();
    return { data, root, offsets, lineCol: (offset) => reader.lineCol(offset) };
  } catch (e) {
    if (e === GIVE_UP) return undefined;
    throw e;
  }
}
