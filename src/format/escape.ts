/**
 * The last line of defence for each output medium: whatever a configuration holds (the `schema`
 * rule refuses control characters, but `--rule schema=off` lets them through), nothing written
 * acts on the medium it is read in — a terminal, a spreadsheet, a Markdown renderer, a calendar.
 */

/**
 * Characters that act on a terminal instead of being shown: C0 and C1 controls, DEL, and the
 * invisible direction overrides. Newlines and tabs are layout.
 */
// eslint-disable-next-line no-control-regex -- these are the characters it is about
const TERMINAL_ACTIVE = /[\x00-\x08\x0B-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]/g;

function codeOf(c: string): string {
  const n = c.codePointAt(0)!;
  return n <= 0xff ? `\\x${n.toString(16).toUpperCase().padStart(2, '0')}` : `\\u${n.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Text for a terminal: active characters shown as `\x1B`, `\u202E` … instead of acting. */
export function forTerminal(text: string): string {
  return text.replace(TERMINAL_ACTIVE, codeOf);
}

const JSON_RAW = /[\x7F-\x9F\u2028\u2029\u202A-\u202E\u2066-\u2069]/g;

/**
 * JSON text whose strings carry no character that acts on a terminal: `JSON.stringify` escapes
 * C0 controls but leaves DEL, C1 controls, line separators and direction overrides raw; those are
 * written as `\u` escapes, which parse to the same strings.
 */
export function forJson(json: string): string {
  return json.replace(JSON_RAW, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const XML_RAW = /[\r\x7F-\x9F\u202A-\u202E\u2066-\u2069]/g;

/**
 * XML whose text carries no character that acts on a terminal: CR, DEL, C1 controls and direction
 * overrides become character references (`&#x9B;`), which parse to the same text. (The XML
 * formatters have already replaced what XML 1.0 cannot hold at all.)
 */
export function forXml(xml: string): string {
  return xml.replace(XML_RAW, (c) => `&#x${c.charCodeAt(0).toString(16).toUpperCase()};`);
}

/**
 * A CSV field (RFC 4180), neutralized for spreadsheets (OWASP, CSV injection): a cell that starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return is run as a formula, so it gets a leading
 * `'`; active characters are shown, not written.
 */
export function csvField(value: string): string {
  const formula = /^[=+\-@\t\r]/.test(value);
  const text = forTerminal(formula ? `'${value}` : value);
  return formula || /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Untrusted text for a Markdown table cell, shown as written: markup characters are escaped (no
 * emphasis, code, links, images or HTML), `|` cannot end the cell, line breaks become `<br>`, and
 * bare URLs and e-mail addresses are not turned into links (GitHub's autolinks).
 */
export function mdCell(text: string): string {
  return forTerminal(text)
    .replace(/([\\|*_`<>[\]~@])/g, '\\$1')
    .replace(/&(?=#?[0-9A-Za-z]+;)/g, '\\&')
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/\r?\n|\r/g, '<br>');
}

/**
 * Markdown code for untrusted text (a git ref, an id): a code span whose fence is longer than any
 * run of backticks in it, so nothing inside can end it early.
 */
export function mdCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${forTerminal(text).replace(/\r?\n/g, ' ')}${pad}${fence}`;
}
