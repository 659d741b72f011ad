// What a run must never do (issue 11): exit 3 or die, show a stack trace, take over 5 s, put a raw
// control character on a terminal, or write an output its own consumer cannot read. Returns the
// problems found, as sentences; none means the run passed.
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLValidator } from 'fast-xml-parser';
import ICAL from 'ical.js';
import { LIMIT_MS } from './run.mjs';

/** Characters that act on a terminal: C0 but tab and newline (ESC, CR included), DEL, C1, direction overrides. */
// eslint-disable-next-line no-control-regex -- these are the characters looked for
const TERMINAL_ACTIVE = /[\x00-\x08\x0B-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]/;
/** The same, but CR allowed: CSV and iCalendar lines end in CRLF. */
// eslint-disable-next-line no-control-regex -- these are the characters looked for
const ACTIVE_BUT_CR = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]/;

/** Formats read in a terminal or as plain text (and every message on stderr). */
const TERMINAL_FORMATS = new Set(['stylish', 'text', 'markdown', 'github']);

function visible(c) {
  return `U+${c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Where the first raw active character is, as "U+001B at offset 12: …context…". */
function rawActive(text, pattern) {
  const m = pattern.exec(text);
  return m && `${visible(m[0])} at offset ${m.index}: ${JSON.stringify(text.slice(Math.max(0, m.index - 40), m.index + 20))}`;
}

/** A JavaScript stack trace, an uncaught error or a Node warning in what the user sees. */
function stackTrace(text) {
  const m = /^ {4}at .*|\b[A-Z]\w*Error: .*|^Error: .*|\(node:\d+\) .*|--trace-warnings|internal error/m.exec(text);
  return m && JSON.stringify(m[0].slice(0, 120));
}

/** Checks the output against its consumer; returns a problem or undefined. */
function consumerProblem(format, text) {
  try {
    switch (format) {
      case 'json':
      case 'sarif':
      case 'gitlab':
        JSON.parse(text);
        break;
      case 'junit': {
        const valid = XMLValidator.validate(text);
        if (valid !== true) return `not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`;
        const ref = xml10Refs(text);
        if (ref) return ref;
        break;
      }
      case 'ics':
        new ICAL.Component(ICAL.parse(text));
        break;
      case 'csv': {
        // csv-parse refuses a record whose column count differs from the first (the header).
        const rows = parseCsv(text, { relax_quotes: false });
        const formula = rows.flat().find((cell) => /^[=+@\t\r]/.test(cell));
        if (formula !== undefined) return `a CSV cell a spreadsheet runs as a formula: ${JSON.stringify(formula.slice(0, 60))}`;
        break;
      }
      case 'html':
        return htmlProblem(text);
      default:
        break;
    }
  } catch (error) {
    return `${format} output does not parse: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}`;
  }
  return undefined;
}

/** XML 1.0 cannot hold most C0 characters even as character references (&#x1B; is not well-formed). */
function xml10Refs(text) {
  // eslint-disable-next-line no-control-regex -- the characters XML 1.0 refuses
  const raw = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/.exec(text);
  if (raw) return `a character XML 1.0 cannot hold: ${visible(raw[0])}`;
  for (const m of text.matchAll(/&#(x[0-9a-fA-F]+|[0-9]+);/g)) {
    const n = m[1][0] === 'x' ? parseInt(m[1].slice(1), 16) : Number(m[1]);
    if ((n < 0x20 && n !== 0x9 && n !== 0xa && n !== 0xd) || n === 0xfffe || n === 0xffff || (n >= 0xd800 && n <= 0xdfff) || n > 0x10ffff)
      return `a character reference XML 1.0 refuses: ${m[0]}`;
  }
  return undefined;
}

/** A page where user data could run: script elements that do not pair up, or the fuzzer's own markup. */
function htmlProblem(html) {
  const opens = (html.match(/<script\b/gi) ?? []).length;
  const closes = (html.match(/<\/script/gi) ?? []).length;
  if (opens !== closes) return `${opens} <script> but ${closes} </script>: text ended a script`;
  if (/<img\b/i.test(html)) return 'an <img> element from the configuration';
  return undefined;
}

/**
 * The problems of one run. `result` from runCase; `testCase` from makeCase.
 */
export function problems(testCase, result) {
  const found = [];
  if (result.overTime) {
    const cpu = result.cpu === undefined ? '' : `, ${result.cpu} ms of processor time`;
    found.push(`took ${Math.round(result.ms)} ms${cpu} (limit ${LIMIT_MS} ms)`);
  }
  if (result.signal && !result.overTime) found.push(`died of ${result.signal}`);
  if (result.code === 3) found.push('exit 3 (internal error)');
  else if (result.code !== null && ![0, 1, 2].includes(result.code)) found.push(`exit ${result.code}`);
  if (result.tooMuch) found.push('printed over 64 MB');
  const stackOut = stackTrace(result.stdout);
  const stackErr = stackTrace(result.stderr);
  if (stackOut) found.push(`stdout shows an error or stack trace: ${stackOut}`);
  if (stackErr) found.push(`stderr shows an error or stack trace: ${stackErr}`);
  const errActive = rawActive(result.stderr, TERMINAL_ACTIVE);
  if (errActive) found.push(`raw ${errActive} on stderr`);
  if (result.code === 0 || result.code === 1) {
    const output = testCase.out ? result.outFile : result.stdout;
    const where = testCase.out ? `--out ${testCase.out}` : 'stdout';
    if (output === undefined) {
      if (result.code === 0) found.push(`exit 0 but no ${where} written`);
    } else {
      const active = rawActive(
        output,
        TERMINAL_FORMATS.has(testCase.format) || ['json', 'sarif', 'gitlab'].includes(testCase.format) ? TERMINAL_ACTIVE : ACTIVE_BUT_CR,
      );
      // iCalendar text is escaped by its own rules (RFC 5545); what it holds is for ical.js to judge.
      if (active && testCase.format !== 'ics') found.push(`raw ${active} on ${where} (${testCase.format})`);
      // Commands that refuse a configuration (exit 1) print their findings to stderr, and nothing here.
      if (output !== '' || result.code === 0) {
        const problem = consumerProblem(testCase.format, output);
        if (problem) found.push(`${where}: ${problem}`);
      }
    }
  }
  return found;
}
